import { formatMoney } from '../money/money';
import { isIsoDate } from '../shared/dates';
import { DETAIL_MESSAGES } from './detail-catalogue';
import type { Language } from './language';
import type { MessageParam, TermSet } from './params';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Fen as yuan with two decimals and the unit: `300.00 元` / `300.00 yuan` (negative amounts keep their sign). */
export function formatYuan(amount: bigint | string, language: Language): string {
  const fen = typeof amount === 'bigint' ? amount : BigInt(amount);
  return `${formatMoney(fen)} ${language === 'zh' ? '元' : 'yuan'}`;
}

/** An ISO date as `2024年12月2日` / `2 December 2024`; anything that is not a calendar date is shown unchanged. */
export function formatDate(date: string, language: Language): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number);
  return language === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** Words for the enum values refusals mention; an unknown value is shown as it is. */
export const TERMS: Readonly<Record<TermSet, Readonly<Record<string, { zh: string; en: string }>>>> = {
  relation: {
    SPOUSE: { zh: '配偶', en: 'spouse' },
    PARENT: { zh: '父母', en: 'parent' },
    CHILD: { zh: '子女', en: 'child' },
    SIBLING: { zh: '兄弟姐妹', en: 'sibling' },
    GRANDPARENT: { zh: '祖父母', en: 'paternal grandparent' },
    MATERNAL_GRANDPARENT: { zh: '外祖父母', en: 'maternal grandparent' },
    GRANDCHILD: { zh: '孙子女', en: 'grandchild' },
    MATERNAL_GRANDCHILD: { zh: '外孙子女', en: 'maternal grandchild' },
  },
  pocket: {
    EARMARKED: { zh: '个人账户（记账）', en: 'earmarked account' },
    LEGACY: { zh: '存折历史资金', en: 'legacy (passbook)' },
    WALLET: { zh: '医保钱包', en: 'wallet' },
  },
  party: {
    sender: { zh: '转出人', en: 'sender' },
    recipient: { zh: '接收人', en: 'recipient' },
    provider: { zh: '共济人', en: 'provider' },
    beneficiary: { zh: '被共济人', en: 'beneficiary' },
    payer: { zh: '缴费人', en: 'payer' },
    insured: { zh: '参保人', en: 'insured' },
    patient: { zh: '患者', en: 'patient' },
  },
  place: {
    senderRegion: { zh: '转出人参保地', en: "sender's region" },
    recipientRegion: { zh: '接收人参保地', en: "recipient's region" },
    usageRegion: { zh: '钱包使用地', en: 'usage region' },
    newUsageRegion: { zh: '新的钱包使用地', en: 'new usage region' },
    insuredRegion: { zh: '参保地', en: 'insured region' },
  },
  entity: {
    person: { zh: '人员', en: 'person' },
    region: { zh: '地区', en: 'region' },
    institution: { zh: '医药机构', en: 'institution' },
    apiClient: { zh: 'API 客户端', en: 'API client' },
    relation: { zh: '共济关系', en: 'relation' },
    attestation: { zh: '亲属关系核验记录', en: 'attestation' },
  },
  visitType: {
    OUTPATIENT: { zh: '门急诊', en: 'outpatient' },
    INPATIENT: { zh: '住院', en: 'inpatient' },
    PHARMACY: { zh: '药店购药', en: 'pharmacy' },
  },
  institutionKind: {
    HOSPITAL: { zh: '医疗机构', en: 'hospital' },
    PHARMACY: { zh: '零售药店', en: 'pharmacy' },
  },
  feature: {
    EARMARKED_ACCOUNT: { zh: '个人账户记账管理', en: 'book-entry personal account' },
    KIN_REGISTRATION: { zh: '家庭共济备案', en: 'mutual-aid registration' },
    KIN_USE: { zh: '家庭共济使用', en: 'mutual-aid use' },
    WALLET: { zh: '医保钱包', en: 'the medical-insurance wallet' },
    USAGE_LOCATION_CHANGE: { zh: '钱包使用地变更', en: 'wallet usage-location change' },
    SUPPLEMENTARY_PREMIUM_SELF: { zh: '为本人缴纳补充医疗保险', en: 'supplementary premiums for oneself' },
    SUPPLEMENTARY_PREMIUM_KIN: { zh: '为亲属缴纳补充医疗保险', en: 'supplementary premiums for relatives' },
    NEAR_RELATIVE_SCOPE: { zh: '近亲属共济范围', en: 'the near-relative scope' },
  },
  cardState: {
    ACTIVE: { zh: '正常', en: 'active' },
    PRE_REPORTED: { zh: '预挂失', en: 'pre-reported lost' },
    REPORTED: { zh: '正式挂失', en: 'reported lost' },
    REISSUE_PENDING: { zh: '补卡中', en: 'being reissued' },
  },
  purpose: {
    MEDICAL: { zh: '医疗费用', en: 'medical costs' },
    RESIDENT_CONTRIBUTION: { zh: '居民医保缴费', en: 'resident contributions' },
    LONG_TERM_CARE: { zh: '长期护理保险缴费', en: 'long-term care contributions' },
    SUPPLEMENTARY_PREMIUM: { zh: '补充医疗保险缴费', en: 'supplementary premiums' },
    WALLET_TRANSFER: { zh: '医保钱包转账', en: 'wallet transfers' },
  },
  insuranceType: {
    EMPLOYEE: { zh: '职工医保', en: 'employee insurance' },
    RESIDENT: { zh: '城乡居民医保', en: 'resident insurance' },
    FLEXIBLE: { zh: '灵活就业参保', en: 'flexible-employment insurance' },
    NONE: { zh: '未参保', en: 'not insured' },
  },
  employmentStatus: {
    IN_SERVICE: { zh: '在职', en: 'IN_SERVICE' },
    RETIRED: { zh: '退休', en: 'RETIRED' },
  },
  // Explanation lines (R-SET-1/2, R-USE-6, R-WAL-6, R-USE-2, R-USE-5); `en` is the wording English lines have always used.
  outpatientCategory: {
    IN_SERVICE: { zh: '在职职工', en: 'in service' },
    RESIDENT: { zh: '城乡居民', en: 'resident insurance' },
    FLEXIBLE: { zh: '灵活就业人员', en: 'flexible employment' },
  },
  ageBand: {
    SEVENTY_OR_OLDER: { zh: '按70周岁及以上标准', en: '70 or older' },
    UNDER_SEVENTY: { zh: '按不满70周岁标准', en: 'under 70' },
  },
  admission: {
    FIRST: { zh: '第一次', en: 'first' },
    LATER: { zh: '再次', en: 'later' },
  },
  rateKind: {
    RETIREE: { zh: '按退休人员支付比例', en: 'retiree rates' },
    IN_SERVICE: { zh: '按在职职工支付比例', en: 'in-service rates' },
  },
  capKind: {
    PER_INSTITUTION_PER_DAY: { zh: '同一机构单日个人账户支付限额', en: 'per-institution daily cap' },
    PER_DAY: { zh: '单日个人账户支付限额（各机构合计）', en: 'daily cap across institutions' },
    PER_YEAR: { zh: '年度个人账户支付限额', en: 'yearly cap' },
  },
  verification: {
    FACE: { zh: '人脸识别', en: 'face check' },
    CODE_PASSWORD: { zh: '医保码密码', en: 'code password' },
  },
  contributionScheme: {
    RESIDENT_BASIC: { zh: '城乡居民基本医疗保险费', en: 'resident basic medical insurance' },
    LONG_TERM_CARE: { zh: '长期护理保险费', en: 'long-term care insurance' },
  },
  systemAccount: {
    FUND_POOL: { zh: '统筹基金', en: 'pooled fund' },
    CASH: { zh: '现金', en: 'cash' },
    INSTITUTION: { zh: '医药机构', en: 'institution' },
    CONTRIBUTION_SOURCE: { zh: '征缴收入', en: 'contributions collected' },
    INTEREST: { zh: '利息支出', en: 'interest' },
    BANK: { zh: '银行', en: 'bank' },
    INSURER: { zh: '保险公司', en: 'insurer' },
    CONTRIBUTION_COLLECTOR: { zh: '居民医保及长护险征收', en: 'contribution collector' },
  },
  // Policy lines of effectivePolicy (issue #3): which setting, and where it came from when no region set it.
  policySetting: {
    BENEFIT_SCHEDULE: { zh: '医保待遇支付标准', en: 'Benefit schedule' },
    RESIDENT_BENEFIT_SCHEDULE: { zh: '城乡居民医保待遇支付标准', en: 'Resident benefit schedule' },
    SPENDING_CAPS: { zh: '个人账户支付限额', en: 'Spending caps' },
    PASSWORD_POLICY: { zh: '个人账户支付密码规定', en: 'Password policy' },
    CARD_RULES: { zh: '社保卡挂失补卡规定', en: 'Card rules' },
    HOSPITAL_SELECTION: { zh: '定点医院选定规定', en: 'Hospital selection' },
  },
  // Documents counter staff check to establish a relationship (R-WAL-4, EvidenceKind).
  evidenceKind: {
    HOUSEHOLD_REGISTER: { zh: '户口簿', en: 'household register' },
    MARRIAGE_CERTIFICATE: { zh: '结婚证', en: 'marriage certificate' },
    BIRTH_CERTIFICATE: { zh: '出生医学证明', en: 'medical birth certificate' },
    OTHER_OFFICIAL: { zh: '其他官方亲属关系证明', en: 'other official certificate of kinship' },
  },
  // Roles named by FORBIDDEN details (`ROLE_REQUIRED`).
  // Values shown as they are (persons' names, list positions), only joined for the language (R-KIN-5 reorder).
  plain: {},
  // A transaction's kind in words (NOT_FOUND of refundIssue/settlementCancel given another kind's id, R-USE-5).
  transactionKind: {
    SETTLEMENT: { zh: '医疗费用结算', en: 'settlement' },
    SETTLEMENT_CANCEL: { zh: '撤销结算', en: 'settlement cancellation' },
    REFUND: { zh: '退费', en: 'refund' },
    PREMIUM: { zh: '保费支付', en: 'premium payment' },
    RESIDENT_CONTRIBUTION: { zh: '居民医保缴费', en: 'resident contribution' },
    WALLET_TRANSFER: { zh: '医保钱包转账', en: 'wallet transfer' },
    CONTRIBUTION_CREDIT: { zh: '个人账户划入', en: 'contribution credit' },
    INTEREST: { zh: '结息', en: 'interest posting' },
    LEGACY_WITHDRAWAL: { zh: '历年存折资金支取', en: 'passbook withdrawal' },
  },
  // IDEMPOTENCY_KEY_REUSED (API.md): the money mutation a key was first used for; English keeps the operation name.
  operation: {
    premiumPay: { zh: '保费支付', en: 'premiumPay' },
    residentContributionPay: { zh: '居民医保缴费', en: 'residentContributionPay' },
    settlementConfirm: { zh: '医疗费用结算', en: 'settlementConfirm' },
    settlementCancel: { zh: '撤销结算', en: 'settlementCancel' },
    refundIssue: { zh: '退费', en: 'refundIssue' },
    walletTransfer: { zh: '钱包转账', en: 'walletTransfer' },
    contributionsCredit: { zh: '个人账户划入', en: 'contributionsCredit' },
    interestPost: { zh: '结息', en: 'interestPost' },
    'interestPost.batch': { zh: '结息', en: 'interestPost.batch' },
    legacyWithdraw: { zh: '历年存折资金支取', en: 'legacyWithdraw' },
    demoOpeningBalance: { zh: '演示期初余额', en: 'demoOpeningBalance' },
  },
  role: {
    ADMIN: { zh: '系统管理员', en: 'ADMIN' },
    COUNTER: { zh: '柜台工作人员', en: 'COUNTER' },
    ANALYST: { zh: '数据分析人员', en: 'ANALYST' },
    PORTAL: { zh: '接入机构（门户）', en: 'PORTAL' },
  },
  policySource: {
    NATIONAL_SETTING: { zh: '全国统一设置', en: 'national setting' },
    NATIONAL_DEFAULT: { zh: '全国默认值', en: 'national default' },
    EARLIEST_NATIONAL_DEFAULT: { zh: '最早的全国默认值', en: 'earliest national default' },
  },
};

/** An enum value in words for the language, or the value itself when the catalogue has no word for it. */
export function formatTerm(set: TermSet, value: string, language: Language): string {
  return TERMS[set]?.[value]?.[language] ?? value;
}

/** Looks a region's name up by code; `null`/`undefined` when unknown (the code is shown then). */
export type RegionNameOf = (code: string) => string | null | undefined;

/** One placeholder value formatted for the language. */
export function formatParam(param: MessageParam, language: Language, regionName?: RegionNameOf): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  switch (param.kind) {
    case 'money':
      return formatYuan(param.fen, language);
    case 'date':
      return formatDate(param.iso, language);
    case 'region': {
      // Region names are Chinese only; an English reader also gets the code to look it up.
      const name = regionName?.(param.code);
      if (!name) return param.code;
      return language === 'zh' ? name : `${name} (${param.code})`;
    }
    case 'term':
      return formatTerm(param.set, param.value, language);
    case 'terms':
      return param.values.length === 0
        ? language === 'zh'
          ? '无'
          : 'nobody'
        : param.values.map((v) => formatTerm(param.set, v, language)).join(language === 'zh' ? '、' : ', ');
    case 'detail':
      return formatDetail(param.code, param.params, language, regionName);
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A detail sentence (`detailParam`) in the language: the detail catalogue's first variant whose placeholders are all
 * given, with its params formatted in; an unknown code is shown as the code.
 */
export function formatDetail(
  code: string,
  params: Readonly<Record<string, MessageParam>> | undefined,
  language: Language,
  regionName?: RegionNameOf,
): string {
  const variants = DETAIL_MESSAGES[code]?.[language];
  if (!variants || variants.length === 0) return code;
  const given = params ?? {};
  const names = (v: string) => [...v.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const template =
    variants.find((v) => names(v).every((name) => given[name] !== undefined && given[name] !== null)) ??
    variants[variants.length - 1];
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = given[name];
    return value === undefined || value === null ? whole : formatParam(value, language, regionName);
  });
}
