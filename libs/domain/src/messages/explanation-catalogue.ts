import type { CatalogueEntry } from './catalogue';

/**
 * The explanation catalogue: one entry per explanation `code` (the `code` of an {@link Explanation} line), in Chinese
 * (the default) and English, variants from the most specific to the most general like the refusal catalogue.
 *
 * English reproduces, for the same data, exactly the text the rule has always written into `message` (a spec renders
 * every code from the params the domain produced and compares): amounts bare (`100.00`), dates ISO, enum values as
 * they are (`EARMARKED`), except the term sets English lines spell in words (see `ENGLISH_WORD_SETS`). Chinese puts
 * money in yuan like the refusals (`100.00 元`), dates as `2024年12月2日`, enum values in words. The rule id travels
 * in the line's own `rule` field, so no text names it.
 *
 * Placeholders: money `amount`, `balance`, `total`, `fund`, `covered`, `deductible`, `cap`…; dates `on`; `provider`,
 * `institution`, `transaction`, `person` (ids, shown as they are); `rate` (a percentage, e.g. `50%`); `relation`,
 * `pocket`, `scheme`, `verification`, `category`, `ageBand`, `admission`, `rates`, `capKind`, `system` (enum words);
 * `bands`, `returned` (lists); `reason` (a nested line), `refusal` (a nested refusal); policy lines: `feature`,
 * `purpose`, `setting`, `source` (enum words), `relations` (a list of relations), `region` (a region, by name).
 */
export const EXPLANATION_MESSAGES: Readonly<Record<string, CatalogueEntry>> = {
  // R-SET-1 outpatient
  FUND_OUTPATIENT: {
    zh: [
      '门诊：{category}年度起付线{deductible}，本年此前已发生符合医保规定的费用{earlierCovered}；本次符合医保规定的费用{covered}中{underDeductible}在起付线以下；统筹基金支付{above}的{rate}，即{fund}',
    ],
    en: [
      "{category}: deductible {deductible} per year, {earlierCovered} covered cost earlier this year; {underDeductible} of this bill's covered {covered} falls under the deductible; fund pays {rate} of {above} = {fund}",
    ],
  },
  FUND_OUTPATIENT_RETIRED: {
    zh: [
      '门诊：退休人员（{age}周岁，{ageBand}）年度起付线{deductible}，本年此前已发生符合医保规定的费用{earlierCovered}；本次符合医保规定的费用{covered}中{underDeductible}在起付线以下；统筹基金支付{above}的{rate}，即{fund}',
    ],
    en: [
      "retired, aged {age} ({ageBand}): deductible {deductible} per year, {earlierCovered} covered cost earlier this year; {underDeductible} of this bill's covered {covered} falls under the deductible; fund pays {rate} of {above} = {fund}",
    ],
  },
  FUND_OUTPATIENT_CAP: {
    zh: [
      '门诊统筹基金年度最高支付限额{cap}，本年此前已支付{paidEarlier}：统筹基金支付{room}（按比例本应支付{fund}）',
    ],
    en: ['annual outpatient fund cap {cap}, {paidEarlier} paid earlier: fund pays {room} instead of {fund}'],
  },
  // R-SET-2 inpatient
  FUND_INPATIENT: {
    zh: [
      '{year}年{admission}住院：起付线{deductible}，本次符合医保规定的费用{covered}；{rates}：{bands}；统筹基金支付{fund}',
      '{year}年{admission}住院：起付线{deductible}，本次符合医保规定的费用{covered}；{rates}：起付线以上无费用；统筹基金支付{fund}',
    ],
    en: [
      '{admission} admission of {year}: deductible {deductible} of covered {covered}; {rates}: {bands}; fund pays {fund}',
      '{admission} admission of {year}: deductible {deductible} of covered {covered}; {rates}: nothing above the deductible; fund pays {fund}',
    ],
  },
  FUND_INPATIENT_BAND: {
    zh: ['{amount}按{rate}支付'],
    en: ['{amount} at {rate}'],
  },
  FUND_INPATIENT_CAP: {
    zh: [
      '住院统筹基金年度最高支付限额{max}，本年此前已支付{paidEarlier}：统筹基金支付{room}（按比例本应支付{fund}）',
    ],
    en: [
      'annual inpatient fund maximum {max}, {paidEarlier} paid earlier: fund pays {room} instead of {fund}',
    ],
  },
  // R-SET-3 / R-USE-4 / R-USE-1
  FUND_OUT_OF_CATALOGUE: {
    zh: ['医保目录外项目{amount}：统筹基金不予支付'],
    en: ['out-of-catalogue items {amount}: no fund payment'],
  },
  FUND_EXCLUDED: {
    zh: ['不属于医保基金支付范围的项目{amount}：统筹基金和个人账户均不予支付，由个人现金支付'],
    en: ["items outside the fund's scope {amount}: no fund payment, cash only"],
  },
  FUND_HOSPITAL_NOT_CHOSEN: {
    zh: [
      '{institutionName}（机构编码{institutionCode}）不是参保人选定的定点医院，也不是所有参保人员均可就医的医院：符合医保规定的费用{covered}统筹基金不予支付，本次费用不计入起付线累计',
      '{institutionName}不是参保人选定的定点医院，也不是所有参保人员均可就医的医院：符合医保规定的费用{covered}统筹基金不予支付，本次费用不计入起付线累计',
      '机构{institution}不是参保人选定的定点医院，也不是所有参保人员均可就医的医院：符合医保规定的费用{covered}统筹基金不予支付，本次费用不计入起付线累计',
    ],
    en: [
      "institution {institutionName} ({institutionCode}) is not one of the patient's chosen hospitals nor open to all: fund pays 0.00 of covered {covered}; the bill does not count toward the deductible",
      "institution {institutionName} is not one of the patient's chosen hospitals nor open to all: fund pays 0.00 of covered {covered}; the bill does not count toward the deductible",
      "institution {institution} is not one of the patient's chosen hospitals nor open to all: fund pays 0.00 of covered {covered}; the bill does not count toward the deductible",
    ],
  },
  FUND_PHARMACY: {
    zh: ['定点零售药店：统筹基金支付符合医保规定的费用{covered}的{rate}，即{fund}'],
    en: ['retail pharmacy: fund pays {rate} of covered {covered} = {fund}'],
  },
  // R-USE-6 / R-SET-4 / R-WAL-7 / R-KIN-3/4/6 / R-ACC-7 in a settlement
  ACCOUNT_CAP: {
    zh: ['{capKind}{cap}，已由个人账户支付{used}：个人账户最多支付{max}，其余{cash}现金支付'],
    en: ['{capKind} {cap}, {used} already paid from the account: account pays at most {max}; {cash} in cash'],
  },
  OWN_ACCOUNT_PAID: {
    zh: ['本人个人账户支付{amount}（余额{balance}）'],
    en: ['own account pays {amount} of {balance}'],
  },
  OWN_WALLET_PAID: {
    zh: ['本人医保钱包支付{amount}（余额{balance}）'],
    en: ['own wallet pays {amount} of {balance}'],
  },
  WALLET_NOT_DESIGNATED: {
    zh: ['未使用医保钱包：该机构不是定点医药机构'],
    en: ['wallet not used: institution is not designated'],
  },
  WALLET_NOT_ACCEPTED: {
    zh: ['未使用医保钱包：该机构不支持医保钱包支付'],
    en: ['wallet not used: institution does not accept the wallet'],
  },
  WALLET_OTHER_REGION: {
    zh: ['未使用医保钱包：机构所在地{institutionRegion}不是参保地{insuredRegion}'],
    en: ['wallet not used: institution region {institutionRegion} is not the insured region {insuredRegion}'],
  },
  WALLET_USABLE: {
    zh: ['可使用医保钱包：参保地定点医药机构，支持医保钱包支付'],
    en: ['wallet usable: designated institution of the insured region accepting the wallet'],
  },
  KIN_NOT_USED_NOT_OPEN: {
    zh: ['未使用亲属个人账户：该日期家庭共济使用尚未开通'],
    en: ["relatives' accounts not used: mutual-aid use is not open on this date"],
  },
  KIN_NOT_USED_OUT_OF_REGION: {
    zh: ['未使用亲属个人账户：异地就医，未开通异地使用权限，也未使用医保电子凭证'],
    en: [
      "relatives' accounts not used: out-of-region care without the out-of-region use permission or the electronic voucher",
    ],
  },
  KIN_ORDER: {
    zh: ['本人个人账户已用完；其余{amount}按备案顺序由亲属个人账户支付'],
    en: ["own account used up; relatives' accounts in registered order for {amount}"],
  },
  // R-ACC-1: a resident / flexible-employment patient has no personal account of their own (maybe a wallet).
  KIN_ORDER_NO_OWN_ACCOUNT: {
    zh: [
      '本人无个人账户，本人医保钱包支付{wallet}后已用完；其余{amount}按备案顺序由亲属个人账户支付',
      '本人无个人账户；{amount}按备案顺序由亲属个人账户支付',
    ],
    en: [
      "no own account, own wallet used up after {wallet}; relatives' accounts in registered order for {amount}",
      "no own account; relatives' accounts in registered order for {amount}",
    ],
  },
  // Relatives are named by their place in the registered order where it is known (lines written before: by id), and
  // never with their balance (a portal reads these lines; it may not read the relative).
  KIN_PROVIDER_NOT_USABLE: {
    zh: ['第{position}位共济人未使用：账户不可用', '共济人{provider}未使用：账户不可用'],
    en: ['relative no. {position} skipped: not usable', 'provider {provider} skipped: not usable'],
  },
  KIN_PROVIDER_PAID: {
    zh: ['第{position}位共济人个人账户支付{amount}', '共济人{provider}个人账户支付{amount}'],
    en: ['relative no. {position} pays {amount}', 'provider {provider} pays {amount}'],
  },
  // R-SET-4 / R-WAL-7: `wallet` when the own wallet paid, `account` beside it when earmarked accounts paid too.
  SETTLEMENT_TOTAL: {
    zh: [
      '费用总额{total} = 统筹基金支付{fund} + 个人账户支付{account} + 医保钱包支付{wallet} + 现金支付{cash}',
      '费用总额{total} = 统筹基金支付{fund} + 医保钱包支付{wallet} + 现金支付{cash}',
      '费用总额{total} = 统筹基金支付{fund} + 个人账户支付{accounts} + 现金支付{cash}',
    ],
    en: [
      'total {total} = fund {fund} + account {account} + wallet {wallet} + cash {cash}',
      'total {total} = fund {fund} + wallet {wallet} + cash {cash}',
      'total {total} = fund {fund} + accounts {accounts} + cash {cash}',
    ],
  },
  PASSWORD_REQUIRED: {
    zh: ['须由患者本人输入个人账户支付密码'],
    en: ["the patient's own payment password is required"],
  },
  PASSWORD_NOT_REQUIRED: {
    zh: ['无需输入支付密码'],
    en: ['no payment password is required'],
  },
  // Relatives a settlement skipped (lines and reasons written by the API, R-KIN-4 / R-KIN-5)
  KIN_PROVIDER_SKIPPED: {
    zh: ['第{position}位共济人未使用：{reason}', '共济人{provider}未使用：{reason}'],
    en: ['relative no. {position} skipped: {reason}', 'provider {provider} skipped: {reason}'],
  },
  KIN_PROVIDER_NO_ACCOUNT: {
    zh: ['第{position}位共济人未使用：无个人账户', '共济人{provider}未使用：无个人账户'],
    en: ['relative no. {position} skipped: no account', 'provider {provider} skipped: no account'],
  },
  KIN_PROVIDER_REFUSED: {
    zh: ['第{position}位共济人未使用：{refusal}', '共济人{provider}未使用：{refusal}'],
    en: ['relative no. {position} skipped: {refusal}', 'provider {provider} skipped: {refusal}'],
  },
  KIN_NOT_IN_FORCE: {
    zh: ['共济关系在{on}尚未生效（{registeredOn}备案）'],
    en: ['not in force on {on}: registered on {registeredOn}'],
  },
  KIN_REVOKED_SINCE: {
    zh: ['共济关系已于{revokedOn}撤销，不再共用个人账户'],
    en: ['revoked on {revokedOn}: no longer shares the account'],
  },
  // R-WAL-3/4/6 wallet transfer
  WALLET_OPEN_BOTH: {
    zh: ['{on}转出人和接收人参保地均已开通医保钱包'],
    en: ['wallet open in both regions on {on}'],
  },
  WALLET_NEAR_RELATIVE: {
    zh: [
      '接收人是转出人的{relation}，属于参加基本医疗保险的近亲属（{evidence}）',
      '接收人是转出人的{relation}，属于参加基本医疗保险的近亲属',
    ],
    en: [
      "recipient is the sender's {relation}, a near relative insured in basic medical insurance ({evidence})",
      "recipient is the sender's {relation}, a near relative insured in basic medical insurance",
    ],
  },
  RELATION_REGISTERED: {
    zh: ['已备案的共济关系'],
    en: ['registered kin relation'],
  },
  RELATION_ATTESTED: {
    zh: ['经柜台工作人员核验：{evidenceKind}，{checkedOn}'],
    en: ['attested by counter staff ({evidenceKind}, {checkedOn})'],
  },
  WALLET_TRANSFER_SOURCE: {
    zh: ['从本人{pocket}转出{amount}，已通过{verification}验证'],
    en: ['{amount} from own {pocket}, verified by {verification}'],
  },
  // R-USE-3 / R-USE-2 premiums and contributions
  FULL_PAYMENT: {
    zh: ['{pocket}余额{balance}，足额支付{amount}'],
    en: ['{pocket} balance {balance} covers the whole {amount}'],
  },
  PREMIUM_2021_REGIME: {
    zh: [
      '2021年政策：历年账户余额为{relation}缴纳补充医疗保险费，无需备案',
      '2021年政策：历年账户余额为本人缴纳补充医疗保险费，无需备案',
    ],
    en: [
      '2021 regime: historical balance pays for {relation}, no registration needed',
      '2021 regime: historical balance pays for self, no registration needed',
    ],
  },
  PREMIUM_EARMARKED: {
    zh: ['个人账户为已备案的{relation}缴纳补充医疗保险费', '个人账户为本人缴纳补充医疗保险费'],
    en: ['earmarked account pays for registered {relation}', 'earmarked account pays for self'],
  },
  CONTRIBUTION_OWN_WALLET: {
    zh: ['本人医保钱包缴纳本人城乡居民基本医疗保险费'],
    en: ['own wallet pays own resident contribution'],
  },
  CONTRIBUTION_EARMARKED: {
    zh: ['个人账户为{relation}缴纳{scheme}', '个人账户为本人缴纳{scheme}'],
    en: [
      'earmarked account pays the {scheme} contribution of {relation}',
      'earmarked account pays the {scheme} contribution of self',
    ],
  },
  // R-USE-5 cancellation and refund
  SETTLEMENT_CANCELLED: {
    zh: ['撤销结算（交易流水号{transaction}）：全部记账冲回，累计数据恢复'],
    en: ['cancellation of settlement {transaction}: every posting reversed, accumulators restored'],
  },
  REFUND: {
    zh: [
      '结算（交易流水号{transaction}）退费{amount}，按支付的相反顺序退回：{returned}；尚余{remaining}可退',
    ],
    en: [
      'refund {amount} of settlement {transaction} in reverse order of payment: {returned}; {remaining} left to refund',
    ],
  },
  REFUND_RETURNED: {
    zh: [
      '本人{ownPocket}{amount}',
      '第{position}位共济人的{pocket}{amount}',
      '{person}的{pocket}{amount}',
      '{system}（{ref}）{amount}',
      '{system}{amount}',
    ],
    en: [
      'own {ownPocket} {amount}',
      'relative no. {position} {pocket} {amount}',
      '{person}:{pocket} {amount}',
      '{system}:{ref} {amount}',
      '{system} {amount}',
    ],
  },
  // R-ACC-5 / R-ACC-4
  LEGACY_WITHDRAWAL: {
    zh: ['通过银行支取存折历史资金{amount}（支取前余额{balance}）'],
    en: ['withdraw {amount} of the legacy passbook balance {balance} through the bank'],
  },
  CONTRIBUTION_CREDIT: {
    zh: [
      '{year}年{monthNumber}月：{credited}笔已征收的缴费共{total}划入{pocket}；{same}笔此前已划入（不重复划入）；{notCollected}笔未征收（不划入）',
    ],
    en: [
      '{month}: credit {credited} collected contributions totalling {total} to {pocket}; {same} already credited (no-op); {notCollected} not collected (no credit)',
    ],
  },
  // R-KIN-1/3/4/6 mutual-aid registration and use
  KIN_REGISTRATION_IN_SCOPE: {
    zh: [
      '{relation}在{on}属于{region}的家庭共济亲属范围（用途：{purposes}）',
      '{relation}在{on}属于{region}的家庭共济亲属范围',
    ],
    en: [
      '{relation} is in the kinship scope of region {region} on {on} for {purposes}',
      '{relation} is in the kinship scope of region {region} on {on}',
    ],
  },
  KIN_REGISTRATION_OPEN: {
    zh: ['{region}自{from}起已开通家庭共济备案', '{region}已开通家庭共济备案'],
    en: [
      'Registration open in region {region} since {from}',
      'Registration open in region {region} since null',
    ],
  },
  KIN_REGISTRATION_ORDER: {
    zh: ['排在被共济人使用顺序的最后，第{position}位'],
    en: ["Placed last in the beneficiary's order of use, at position {position}"],
  },
  KIN_USE_OPEN: {
    zh: ['家庭共济使用自{from}起开通', '家庭共济使用已开通'],
    en: ['Mutual-aid use open since {from}', 'Mutual-aid use open since null'],
  },
  KIN_USE_IN_SCOPE: {
    zh: ['{relation}在{on}属于{purpose}的家庭共济范围'],
    en: ['{relation} is in the scope for {purpose} on {on}'],
  },
  KIN_OUT_OF_REGION_PERMITTED: {
    zh: ['异地就医：被共济人已开通异地使用权限'],
    en: ['Out-of-region care: the beneficiary switched on the "use" permission'],
  },
  KIN_OUT_OF_REGION_E_VOUCHER: {
    zh: ['异地就医：使用医保电子凭证支付'],
    en: ['Out-of-region care paid with the electronic voucher'],
  },
  // effectivePolicy (issue #3): rollout dates (R-ACC-5, R-KIN-3, R-WAL-2/3/5, R-USE-3) and settings in force; where
  // the value came from is `{region}` (a region's own row, shown by name) or `{source}` (a national tier in words).
  POLICY_FEATURE_OPEN: {
    zh: [
      '{feature}：{on}已开通（{from}起开通，依据{region}的设置）',
      '{feature}：{on}已开通（{from}起开通，依据{source}）',
    ],
    en: [
      '{feature} open on {on}: from {from} (region {region})',
      '{feature} open on {on}: from {from} ({source})',
    ],
  },
  POLICY_FEATURE_NOT_OPEN: {
    zh: [
      '{feature}：{on}尚未开通（{from}起开通，依据{region}的设置）',
      '{feature}：{on}尚未开通（{from}起开通，依据{source}）',
      '{feature}：{on}尚未开通（未设定开通日期，依据{source}）',
    ],
    en: [
      '{feature} not open on {on}: from {from} (region {region})',
      '{feature} not open on {on}: from {from} ({source})',
      '{feature} not open on {on}: no date set ({source})',
    ],
  },
  POLICY_KINSHIP_SCOPE: {
    zh: [
      '用于{purpose}的家庭共济亲属范围：{relations}，自{from}起施行（依据{region}的设置）',
      '用于{purpose}的家庭共济亲属范围：{relations}，自{from}起施行（依据{source}）',
    ],
    en: [
      'Kinship scope for {purpose}: {relations} since {from} (region {region})',
      'Kinship scope for {purpose}: {relations} since {from} ({source})',
    ],
  },
  POLICY_KINSHIP_SCOPE_NONE: {
    zh: ['用于{purpose}的家庭共济亲属范围：{on}尚未设置，无共济亲属'],
    en: ['Kinship scope for {purpose}: nobody on {on} (no scope configured yet)'],
  },
  POLICY_SETTING: {
    zh: ['{setting}：自{from}起施行（依据{region}的设置）', '{setting}：自{from}起施行（依据{source}）'],
    en: ['{setting} since {from} (region {region})', '{setting} since {from} ({source})'],
  },
  POLICY_SETTING_NONE: {
    zh: ['{setting}：{on}尚未配置'],
    en: ['{setting}: none configured on {on}'],
  },
  POLICY_HOLIDAY_CALENDAR: {
    zh: [
      '{year}年节假日安排：节假日{holidays}天，调休上班日{makeUpWorkdays}天，自{from}起施行（依据{region}的设置）',
      '{year}年节假日安排：节假日{holidays}天，调休上班日{makeUpWorkdays}天，自{from}起施行（依据{source}）',
    ],
    en: [
      'Holiday calendar {year}: {holidays} holidays, {makeUpWorkdays} make-up working days, since {from} (region {region})',
      'Holiday calendar {year}: {holidays} holidays, {makeUpWorkdays} make-up working days, since {from} ({source})',
    ],
  },
  // Demo data (apps/api/src/seed/demo.ts)
  DEMO_OPENING_BALANCE: {
    zh: ['演示数据：{pocket}期初余额，由已征收的缴费划入'],
    en: ['Demo opening balance of the {pocket} pocket, credited from collected contributions'],
  },
  INTEREST: {
    zh: [
      '{year}年度计息：按{year}年末的个人账户余额×{rate}计算，四舍五入到分；共{accounts}个账户，合计{total}',
    ],
    en: [
      '{year} interest: EARMARKED balance at the end of {year} × {rate}, half-up to the fen; {accounts} accounts, total {total}',
    ],
  },
};
