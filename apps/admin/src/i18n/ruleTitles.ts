// What each DOMAIN.md rule is about, in Chinese and English. The API renders explanation lines in the console's
// language; the Chinese console shows the rule's title as a tooltip, and in place of a line stored before the API
// had Chinese texts (English, kept as the tooltip then).
export const RULE_TITLES_ZH: Record<string, string> = {
  'R-ACC-1': '个人账户的参保范围',
  'R-ACC-2': '参保人身份信息',
  'R-ACC-3': '账户构成（记账、历年存折、钱包）',
  'R-ACC-4': '按月划入与结息',
  'R-ACC-5': '专款专用与存折资金支取',
  'R-ACC-6': '存折绑卡与补充保险缴费',
  'R-ACC-7': '支付密码',
  'R-USE-1': '定点机构就医购药',
  'R-USE-2': '为本人及亲属缴纳居民医保、长护险',
  'R-USE-3': '补充医疗保险缴费',
  'R-USE-4': '不予支付的范围',
  'R-USE-5': '撤销与退费原路返回',
  'R-USE-6': '个人账户支付限额',
  'R-KIN-1': '家庭共济亲属范围',
  'R-KIN-2': '省内共济',
  'R-KIN-3': '共济备案与使用起始日',
  'R-KIN-4': '共济资金使用顺序',
  'R-KIN-5': '调整共济顺序',
  'R-KIN-6': '异地就医使用共济资金',
  'R-KIN-7': '亲情账户代办',
  'R-WAL-1': '医保钱包上线',
  'R-WAL-2': '医保钱包分地区开通',
  'R-WAL-3': '转出地与转入地均已开通钱包',
  'R-WAL-4': '钱包转账对象为近亲属',
  'R-WAL-5': '确认使用钱包',
  'R-WAL-6': '钱包资金来源与验证',
  'R-WAL-7': '钱包资金用途',
  'R-SET-1': '门诊统筹支付（起付线、支付比例）',
  'R-SET-2': '住院统筹支付（起付线、分段比例）',
  'R-SET-3': '目录外费用与药店购药',
  'R-SET-4': '个人负担部分的支付顺序',
  'R-SET-5': '先试算后确认',
  'R-SET-6': '复式记账',
  'R-CARD-1': '社保卡挂失与补卡',
};

/** The Chinese title of a rule id, or the id itself for an unknown one. */
export function ruleTitleZh(rule: string): string {
  return RULE_TITLES_ZH[rule] ?? '';
}
