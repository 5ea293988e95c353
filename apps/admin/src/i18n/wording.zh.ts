// Chinese wording fixes: react-admin's Chinese pack (spaces, ASCII question mark), tab titles, singular relation
// names, money typed into forms, and hints that must say what the form really requires.
import { TERMS } from '@gongji/domain';

/** Relation names where one relative is shown, from libs/domain's term catalogue. */
const relationOne = Object.fromEntries(Object.entries(TERMS.relation).map(([k, v]) => [k, v.zh]));

export const wordingZh = {
  ra: {
    page: {
      list: '%{name}列表',
      empty: '暂无%{name}',
      invite: '要新建吗？',
      create: '新建%{name}',
    },
    // ra-language-chinese writes "表单输入无效. 请检查错误提示" (ASCII full stop).
    message: { invalid_form: '表单输入无效，请检查错误提示' },
  },
  gongji: {
    page_title: '%{page} · 共济',
    relation_one: relationOne,
    money_input: {
      required: '请填写金额',
      negative: '金额不能为负数',
      decimals: '金额最多两位小数（分）',
      invalid: '请以元为单位填写金额，例如 1800.00',
      fix_fields: '有金额填写有误，请按标红的提示修改后再保存',
    },
    schedules: {
      reason_hint: '写入审计日志；生效日期早于今天时必填',
      check_figures: '请检查试算金额（以元为单位，最多两位小数）',
      fix_schedule_first: '待遇标准中有金额填写有误，改正后即可试算',
      fix_fields: '有内容填写有误，请按标红的提示修改后再保存',
      rate_range: '比例须在 0–100 之间',
      rate_invalid: '请填写 0–100 之间的数字，例如 55',
      kept_edits:
        '%{date} 生效的标准与当前表格不同。您已修改的数值仍保留，未被替换；保存时将按表格中的数值保存。',
      load_in_force: '改为载入 %{date} 生效的标准（放弃已修改的数值）',
    },
    kinship_scopes: {
      reason_hint: '必填，写入审计日志，例如依据的文件文号',
      region_hint: '留空为全国默认；选择统筹区则只对该区划生效',
      national_default: '全国默认',
      region: '区划',
    },
    bulk: {
      selected: '将设置以下 %{count} 个统筹区：',
      loading_names: '正在读取统筹区名称…',
    },
    transactions: {
      cancel_blocked_partly_refunded:
        '该笔结算已部分退费，不能再整笔撤销；如需退回剩余金额，请使用“部分退费”（R-USE-5）',
      cancel_blocked_short: '已部分退费，不能整笔撤销（R-USE-5）',
      refunded_remaining: '退费已完成，该笔结算尚余 %{remaining}可退',
      key_reused: '本次退费未办理：提交的内容与之前的请求不一致。请关闭此对话框，重新打开后再办理一次。',
    },
  },
};
