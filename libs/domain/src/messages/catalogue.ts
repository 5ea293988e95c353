/**
 * The refusal catalogue: one entry per `code` (UserError.code, or a top-level error's `extensions.code`), in Chinese
 * (the default) and English. Each language lists variants from the most specific to the most general; the first
 * variant whose `{placeholders}` are all supplied is used, so a refusal without data still reads well. The last
 * variant of every entry has no placeholder (a test checks it).
 *
 * Placeholder names used across entries: `region` (a region code, shown by name), `on` / `from` (dates), `amount`,
 * `balance`, `max`, `limit` (money), `relation`, `pocket`, `party`, `feature`, `purpose`, `state` (enum words),
 * `detail` (a technical text kept as it is), `transaction` / `person` (ids), `value` / `rate` (the input as given).
 */
export interface CatalogueEntry {
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** Refusals a mutation returns as `userErrors` (API and domain codes). */
export const REFUSAL_MESSAGES: Readonly<Record<string, CatalogueEntry>> = {
  ACCUMULATOR_YEAR_MISMATCH: {
    zh: ['传入的累计数据属于{accumulatorYear}年，账单属于{year}年', '累计数据不是账单所属年度的数据'],
    en: [
      'Accumulators of {accumulatorYear} passed for a bill of {year}',
      'The accumulators are not those of the service year',
    ],
  },
  ALREADY_ACTIVATED: {
    zh: [
      '医保钱包已于{activatedOn}确认使用；如需调整，请办理使用地变更',
      '医保钱包已确认使用；如需调整，请办理使用地变更',
    ],
    en: [
      'The wallet was confirmed on {activatedOn}; change the usage region instead',
      'The wallet was already confirmed; change the usage region instead',
    ],
  },
  ALREADY_CANCELLED: {
    zh: ['该笔结算（交易流水号{transaction}）已撤销，不能重复办理', '该笔结算已撤销'],
    en: ['Settlement {transaction} was already cancelled', 'The settlement was already cancelled'],
  },
  ALREADY_REFUNDED: {
    zh: ['该笔结算（交易流水号{transaction}）已全额退费，无剩余可退金额', '该笔结算已全额退费'],
    en: [
      'Settlement {transaction} was already refunded in full',
      'The settlement was already refunded in full',
    ],
  },
  ALREADY_REPORTED: {
    zh: ['该卡{on}处于{state}状态，不能再次挂失', '该卡已挂失或正在补办，不能再次挂失'],
    en: [
      'The card is {state} on {on}: it cannot be reported again',
      'The card is already reported lost or being reissued',
    ],
  },
  AMOUNT_TOO_LARGE: {
    zh: ['金额“{text}”超过可受理的上限', '金额超过可受理的上限'],
    en: [
      '"{text}" is larger than the largest accepted amount',
      'The amount is larger than the largest accepted amount',
    ],
  },
  BALANCE_TOO_LARGE: {
    zh: [
      '入账后余额将超过账本可记录的上限（{max}），本笔未入账',
      '入账后余额将超过账本可记录的上限，本笔未入账',
    ],
    en: [
      'The balance after this entry would exceed the largest balance the ledger keeps ({max}); nothing was posted',
      'The balance after this entry would exceed the largest balance the ledger keeps; nothing was posted',
    ],
  },
  BENEFICIARY_NOT_INSURED: {
    zh: ['被共济的亲属须参加基本医疗保险（职工医保或居民医保）'],
    en: ['The relative must be insured in basic medical insurance (employee or resident)'],
  },
  CARD_FROZEN: {
    zh: [
      '该卡{on}处于{state}状态，卡支付已冻结；请使用医保电子凭证支付',
      '卡支付已冻结；请使用医保电子凭证支付',
    ],
    en: [
      'The card is {state} on {on}: card payments are frozen; pay with the electronic voucher (医保电子凭证)',
      'Card payments are frozen; pay with the electronic voucher (医保电子凭证)',
    ],
  },
  CHANNEL_NOT_APPLICABLE: {
    zh: [
      '机构所在地{institutionRegion}属于患者的参保地{insuredRegion}，不是异地就医，不能按异地就医直接结算免密支付',
      '挂号费渠道只适用于门急诊挂号，{visitType}账单不能按挂号费免密支付',
      '{total}的账单不是挂号费（本地挂号费渠道最多{max}），不能免密支付；请刷卡并输入支付密码，或使用医保电子凭证',
      '该支付渠道不适用于本次结算，不能免密支付',
    ],
    en: [
      "The institution's region {institutionRegion} is the patient's insured region {insuredRegion}: this is not out-of-region care, so cross-region direct settlement (异地就医直接结算) does not apply",
      'The registration-fee channel (挂号费) applies only to an outpatient/emergency visit, not to this {visitType} bill',
      'A bill of {total} is not a registration fee (at most {max} here): pay it by card with the payment password or by the e-voucher',
      'This payment channel does not apply to this bill',
    ],
  },
  E_VOUCHER_CODE_REQUIRED: {
    zh: [
      '本地区使用医保电子凭证支付须提供患者出示的电子凭证码（eVoucherCode）；没有凭证码请刷卡并输入支付密码',
    ],
    en: [
      'Payment by the e-voucher needs the code the patient shows (eVoucherCode) in this region: without it, pay by card with the payment password',
    ],
  },
  E_VOUCHER_CODE_INVALID: {
    zh: ['电子凭证码无效：已过期、被篡改或不属于该患者，请让患者在国家医保服务平台重新出示'],
    en: [
      'The e-voucher code is not valid: expired, altered or not the patient’s; ask the patient to show it again',
    ],
  },
  CONFLICT: {
    // `{reason}`: a conflict that says exactly what exists already (a detail-catalogue sentence), nothing around it.
    zh: ['无法办理：{reason}', '请求与现有数据冲突：{detail}', '请求与现有数据冲突，请刷新后重试'],
    en: [
      '{reason}',
      'The request conflicts with the current data: {detail}',
      'The request conflicts with the current data; reload and retry',
    ],
  },
  CONFLICTING_CREDIT: {
    zh: [
      '以下人员月份已按不同金额划入（或重复列出且金额不同）：{conflicts}',
      '同一人员同一月份已按不同金额划入',
    ],
    en: [
      'Already credited (or listed twice) with a different amount: {conflicts}',
      'A person-month was already credited with a different amount',
    ],
  },
  DECISION_DATE_IN_FUTURE: {
    zh: [
      '业务日期{on}晚于今天（{today}，北京时间）：资金只按今天或之前的日期办理',
      '业务日期晚于今天：资金只按今天或之前的日期办理',
    ],
    en: [
      'The decision date {on} is after today ({today}, Beijing time): money moves only for today or an earlier day',
      'The decision date is after today: money moves only for today or an earlier day',
    ],
  },
  DUPLICATE_RELATION: {
    zh: ['该亲属已在此共济人名下备案'],
    en: ['This relative is already registered with this provider'],
  },
  EARMARKED_NOT_WITHDRAWABLE: {
    zh: ['自{from}起个人账户实行记账管理，记账资金不能提取现金', '记账管理的个人账户资金不能提取现金'],
    en: [
      'From {from} the earmarked account cannot be withdrawn in cash',
      'Earmarked (book-entry) funds cannot be withdrawn in cash',
    ],
  },
  EMPTY_TRANSACTION: {
    zh: ['交易没有资金变动'],
    en: ['A transaction must move money between at least two accounts'],
  },
  FEATURE_NOT_OPEN: {
    zh: [
      '{region}的{feature}自{from}起开通，{on}尚未开通',
      '{region}在{on}尚未开通{feature}',
      '{feature}尚未开通',
      '该业务在此地区此日期尚未开通',
    ],
    en: [
      '{feature} opens in {region} on {from}, after {on}',
      '{feature} is not open in {region} on {on}',
      '{feature} is not open',
      'This service is not open in the region on that date',
    ],
  },
  FORMALLY_REPORTED: {
    zh: ['已正式挂失的卡在补发新卡前一直冻结'],
    en: ['A formally reported card stays frozen until its replacement is issued'],
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: [
      '该幂等键已用于另一笔不同的{operation}请求；新请求请使用新的幂等键',
      '该幂等键已用于另一笔不同的请求；新请求请使用新的幂等键',
    ],
    en: [
      'This idempotency key was already used for a different {operation} request; use a new key for a new request',
      'This idempotency key was already used for a different request; use a new key for a new request',
    ],
  },
  IDENTITY_MISMATCH: {
    zh: ['所出示证件上的身份证号与登记的不一致，未重置密码'],
    en: ['The ID number on the document presented is not the registered one; the password was not reset'],
  },
  REAL_NAME_MISMATCH: {
    zh: ['已登录参保人的实名信息（身份证号和绑定手机号）须与登记的一致，未签发医保电子凭证'],
    en: [
      "The signed-in holder's ID number and bound phone must both be the registered person's: no e-voucher code issued",
    ],
  },
  ID_NUMBER_MISMATCH: {
    zh: ['投保平台传来的身份证号与参保人登记的身份证号不一致'],
    en: ["The ID number sent by the portal differs from the insured's registered one"],
  },
  IMPLAUSIBLE_RELATION: {
    zh: [
      '出生日期与所申报的关系（{relation}）不符（亲属生于{beneficiaryBirth}，共济人生于{providerBirth}）；请检查关系方向：关系指亲属相对于共济人的关系',
      '出生日期与所申报的关系不符；请检查关系方向：关系指亲属相对于共济人的关系',
    ],
    en: [
      "The birth dates contradict the relation {relation} (relative born {beneficiaryBirth}, provider born {providerBirth}); check the relation's direction: it is the relative's relation to the provider",
      "The birth dates contradict the declared relation; check the relation's direction: it is the relative's relation to the provider",
    ],
  },
  INSUFFICIENT_BALANCE: {
    zh: ['{pocket}余额{balance}，不足{amount}', '余额不足{amount}', '余额不足'],
    en: [
      'The {pocket} balance {balance} is lower than {amount}',
      'The balance is lower than {amount}',
      'The balance is too low',
    ],
  },
  INSURED_AS_EMPLOYEE: {
    zh: ['参保人参加的是职工基本医疗保险（职工医保），无需缴纳城乡居民基本医疗保险费'],
    en: [
      'The insured is insured as an employee (职工医保) and owes no resident basic medical insurance contribution',
    ],
  },
  INSURED_AS_FLEXIBLE: {
    zh: ['参保人以灵活就业人员身份参加职工基本医疗保险，不是居民医保参保人，无需缴纳城乡居民基本医疗保险费'],
    en: [
      'The insured is insured as a flexible-employment participant (灵活就业, employee scheme) and owes no resident basic medical insurance contribution',
    ],
  },
  INTEREST_ALREADY_POSTED: {
    zh: ['{year}年度的利息已结算', '该年度的利息已结算'],
    en: ['Interest for {year} was already posted', 'Interest for this year was already posted'],
  },
  INVALID_AMOUNT: {
    zh: ['参保人{person}在{month}的缴费金额不能为负数（{value}元）', '金额无效：须为正数', '金额无效'],
    en: [
      'Contribution of {person} for {month} is negative ({value})',
      'The amount must be positive',
      'The amount is not valid',
    ],
  },
  'INVALID_AMOUNT@R-SET-5': {
    zh: ['账单金额不能为负数：{amount}', '账单为空：目录内、目录外和不予报销的金额均为零'],
    en: [
      'A bill amount cannot be negative: {amount}',
      'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero',
    ],
  },
  INVALID_CREDENTIALS: {
    zh: ['支付密码错误（已连续输错{failures}次）', '用户名或密码错误'],
    en: ['Wrong payment password ({failures} consecutive failures)', 'Wrong username or password'],
  },
  INVALID_DATE: {
    zh: ['“{value}”不是有效的日期', '日期无效'],
    en: ['"{value}" is not a calendar date', 'The date is not valid'],
  },
  INVALID_ID_BIRTH_DATE: {
    zh: [
      '身份证号中的出生日期（{birthDate}）晚于今天（{today}）',
      '身份证号中的出生日期（{birthDate}）不是{earliest}以来的真实日期',
      '身份证号中的出生日期无效',
    ],
    en: [
      'The birth date inside the ID number ({birthDate}) is after today ({today})',
      'The birth date inside the ID number ({birthDate}) is not a real past date on or after {earliest}',
      'The birth date inside the ID number is not valid',
    ],
  },
  INVALID_ID_CHECK_DIGIT: {
    zh: ['身份证号有误：最后一位与 GB 11643 校验码不符'],
    en: ['The ID number is mistyped: its last character does not match the GB 11643 check digit'],
  },
  INVALID_ID_NUMBER: {
    zh: ['身份证号应为18位：17位数字加1位数字或X'],
    en: ['An ID number has 18 characters: 17 digits and a final digit or X'],
  },
  INVALID_ID_REGION: {
    zh: ['身份证号以{prefix}开头，这不是 GB/T 2260 的省级行政区划代码', '身份证号前两位不是省级行政区划代码'],
    en: [
      'The ID number starts with {prefix}, which is not a province code of GB/T 2260',
      'The ID number does not start with a province code',
    ],
  },
  DUPLICATE_SETTING: {
    zh: [
      '{region}{on}起的“{purpose}”共济范围已存在；如需更正，请填写原因后保存，原设置将被更正（不会并列两条）',
      '该地区该用途同一生效日期的共济范围已存在；如需更正，请填写原因',
    ],
    en: [
      'A "{purpose}" kinship scope for {region} from {on} already exists; give a reason to correct it (no second row)',
      'A kinship scope for this region, purpose and date already exists; give a reason to correct it',
    ],
  },
  FULL_COVERAGE_NOT_PROVINCE: {
    zh: ['{region}不是省级单位，不能标记为全域开通', '只有省级单位才能标记为全域开通'],
    en: [
      '{region} is not a province: only a province can open province-wide (全域)',
      'Only a province can open province-wide (全域)',
    ],
  },
  FULL_COVERAGE_WITHOUT_WALLET: {
    zh: [
      '{region}尚未设置医保钱包开通日期，不能标记为全域开通',
      '未设置医保钱包开通日期，不能标记为全域开通',
    ],
    en: [
      '{region} has no wallet date: it cannot open province-wide (全域)',
      'Without a wallet date a province cannot open province-wide (全域)',
    ],
  },
  INVALID_INPUT: {
    zh: [
      '{notPool}不是统筹地区（参保地），不能在此参保',
      '{withdrawn}已从参考数据中撤销，请选择其继承地区',
      '姓名须为1至{nameMax}个字符',
      '只有职工医保参保人才有在职或退休状态，{statusFor}没有',
      '输入无效：{detail}',
      '输入无效',
    ],
    en: [
      '{notPool} is not a pooling region (参保地) where persons are insured',
      '{withdrawn} has been withdrawn from the reference data; choose its successor',
      'Name must be 1–{nameMax} characters',
      'Only employee participants have an employment status; {statusFor} has none',
      '{detail}',
      'The input is not valid',
    ],
  },
  'INVALID_INPUT@R-KIN-3': {
    zh: ['第三方平台办理的备案不能使用柜台渠道'],
    en: ['A portal registration cannot claim the COUNTER channel'],
  },
  'INVALID_INPUT@R-USE-3': {
    zh: ['请填写补充医疗保险的产品代码：保费缴入该产品'],
    en: ['The product code must not be empty: the premium is paid to that product'],
  },
  INVALID_MONTH: {
    zh: ['“{value}”不是 YYYY-MM 格式的月份', '月份应为 YYYY-MM 格式'],
    en: ['"{value}" is not a month (YYYY-MM)', 'The month must be YYYY-MM'],
  },
  MONTH_BEFORE_BIRTH: {
    zh: [
      '{month}早于参保人的出生月份（{birthMonth}）：该月不可能征收医保费，不能划入',
      '该月份早于参保人出生：不可能征收医保费，不能划入',
    ],
    en: [
      '{month} is before the birth month of the person ({birthMonth}): nothing was collected for it, so nothing is credited',
      'The month is before the person was born: nothing was collected for it, so nothing is credited',
    ],
  },
  MONTH_IN_FUTURE: {
    zh: [
      '{month}晚于本月（{currentMonth}，北京时间）：该月医保费尚未征收，不能划入',
      '该月份尚未到来：医保费尚未征收，不能划入',
    ],
    en: [
      '{month} is after the current month ({currentMonth}, Beijing time): nothing was collected for it, so nothing is credited',
      'The month has not come yet: nothing was collected for it, so nothing is credited',
    ],
  },
  INVALID_PHONE: {
    zh: ['“{phone}”不是中国大陆手机号码（11位，以13–19开头）', '不是中国大陆手机号码（11位，以13–19开头）'],
    en: [
      '"{phone}" is not a mainland mobile number (11 digits starting 13–19)',
      'Not a mainland mobile number (11 digits starting 13–19)',
    ],
  },
  INVALID_PROVIDERS: {
    zh: ['共济人重复列出，或患者被列为自己的共济人'],
    en: ['A provider is listed twice or is the patient'],
  },
  INVALID_RATE: {
    zh: ['年利率须为0至10000之间的整数基点，本次填报为{rate}', '利率须为0至10000之间的整数基点'],
    en: [
      'annual rate must be integer basis points 0..10000, got {rate}',
      'The rate must be integer basis points from 0 to 10000',
    ],
  },
  INVALID_SETTING: {
    zh: ['政策设置无效：{detail}', '政策设置无效'],
    en: ['{detail}', 'The policy setting is not valid'],
  },
  INVALID_YEAR: {
    zh: ['“{value}”不是有效的年份', '年份无效'],
    en: ['"{value}" is not a plausible calendar year', 'The year is not valid'],
  },
  YEAR_BEFORE_EARMARKED: {
    zh: [
      '个人账户记账管理自{from}起才有，{year}年度没有可计息的个人账户余额',
      '该年度尚无个人账户记账管理，没有可计息的余额',
    ],
    en: [
      'Interest is posted to the book-entry account, which exists since {from}: there is none for {year}',
      'There was no book-entry account that year: there is no interest to post',
    ],
  },
  YEAR_IN_FUTURE: {
    zh: ['{year}年度尚未开始（今年为{currentYear}年，北京时间），不能计息', '该年度尚未开始，不能计息'],
    en: [
      'Interest for {year} cannot be posted: the year has not begun (this year is {currentYear}, Beijing time)',
      'Interest cannot be posted for a year that has not begun',
    ],
  },
  YEAR_NOT_ENDED: {
    zh: [
      '{year}年度尚未结束：利息按年末的个人账户余额计算，自{from}起才能为该年度计息',
      '该年度尚未结束，利息按年末余额计算，年度结束后才能计息',
    ],
    en: [
      'Interest for {year} is on the balance at the end of the year: it can be posted from {from}',
      'Interest is on the balance at the end of the year: it can be posted once the year is over',
    ],
  },
  KIN_PREMIUM_BEFORE_SELF: {
    zh: [
      '为亲属缴纳补充医疗保险的开始日期（{later}）不能早于为本人缴纳的开始日期（{earlier}）',
      '设置为亲属缴纳补充医疗保险的开始日期（{later}）前须先设置“{missing}”的开始日期',
      '为亲属缴纳补充医疗保险的开始日期不能早于为本人缴纳的开始日期',
    ],
    en: [
      'Premiums for relatives ({later}) cannot start before premiums for oneself ({earlier})',
      'Premiums for relatives ({later}) need the start date of {missing} to be set first',
      'Premiums for relatives cannot start before premiums for oneself',
    ],
  },
  KIN_PREMIUM_NOT_OPEN: {
    zh: [
      '{region}自{from}起才可为亲属缴纳补充医疗保险，{on}尚未开通',
      '自{from}起才可为亲属缴纳补充医疗保险，{on}尚未开通',
      '{on}尚不能为亲属缴纳补充医疗保险',
      '为亲属缴纳补充医疗保险在该日期尚未开通',
    ],
    en: [
      'Premiums for relatives open in {region} on {from}, after {on}',
      'Premiums for relatives open on {from}, after {on}',
      'Premiums for relatives are not open on {on}',
      'Premiums for relatives are not open on that date',
    ],
  },
  KIN_USE_NOT_OPEN: {
    zh: [
      '{region}自{from}起才可使用家庭共济资金，{on}尚未开通',
      '自{from}起才可使用家庭共济资金，{on}尚未开通',
      '{on}尚不能使用家庭共济资金',
      '家庭共济资金在该日期尚不能使用',
    ],
    en: [
      'Mutual-aid use opens in {region} on {from}, after {on}',
      'Mutual-aid use opens on {from}, after {on}',
      'Mutual-aid use is not open on {on}',
      'Mutual-aid use is not open on that date',
    ],
  },
  MALFORMED_MONEY: {
    zh: [
      '“{text}”不是有效金额：请以元为单位，最多两位小数，例如“1800.00”',
      '金额格式无效：请以元为单位，最多两位小数，例如“1800.00”',
    ],
    en: [
      '"{text}" is not an amount of money: write yuan with at most two decimals, e.g. "1800.00"',
      'Not an amount of money: write yuan with at most two decimals, e.g. "1800.00"',
    ],
  },
  NEGATIVE_AMOUNT: {
    zh: ['“{text}”为负数；此处需要正数金额', '金额不能为负数'],
    en: ['"{text}" is negative; a positive amount is required here', 'The amount cannot be negative'],
  },
  NEGATIVE_POCKET: {
    zh: ['{pocket}余额不能为负数', '账户余额不能为负数'],
    en: ['The {pocket} balance cannot go below zero', 'A personal pocket cannot go below zero'],
  },
  NOT_A_PERMUTATION: {
    zh: ['新顺序必须恰好列出每位有效共济人一次（{detail}）', '新顺序必须恰好列出每位有效共济人一次'],
    en: [
      'The new order must list each active provider exactly once ({detail})',
      'The new order must list each active provider exactly once',
    ],
  },
  NOT_DESIGNATED: {
    zh: ['该机构不是定点医药机构，不能进行医保结算'],
    en: ['The institution is not designated (定点): it cannot settle medical-insurance bills'],
  },
  NOT_FORMALLY_REPORTED: {
    zh: ['须先正式挂失，才能补办新卡'],
    en: ['A replacement card is issued after a formal loss report (正式挂失) only'],
  },
  NOT_FOUND: {
    zh: ['未找到{what}“{id}”', '未找到该{what}', '未找到{detail}', '未找到该记录'],
    en: ['No {what} with id "{id}"', 'No such {what}', '{detail}', 'Not found'],
  },
  NOT_INSURED: {
    zh: ['{party}未参加基本医疗保险', '未参加基本医疗保险'],
    en: ['The {party} is not insured in basic medical insurance', 'Not insured in basic medical insurance'],
  },
  NOT_NEAR_RELATIVE: {
    zh: [
      '按{region}{on}的政策，{relation}不在医保钱包转账的近亲属范围内',
      '按{on}的政策，{relation}不在医保钱包转账的近亲属范围内',
      '{relation}不在医保钱包转账的近亲属范围内',
      '接收人不是转出人已登记的近亲属',
    ],
    en: [
      'The {relation} relation is not in the wallet-transfer kinship scope of {region} on {on}',
      'The {relation} relation is not in the wallet-transfer kinship scope on {on}',
      'The {relation} relation is not in the wallet-transfer kinship scope',
      'The recipient is not a registered relative of the sender',
    ],
  },
  NOT_PRE_REPORTED: {
    zh: ['该卡未预挂失，无需解挂'],
    en: ['The card is not pre-reported: there is nothing to unlock'],
  },
  NOT_REAL_NAME_VERIFIED: {
    zh: ['缴费人未完成实名认证'],
    en: ['The payer is not real-name verified'],
  },
  NOT_REGISTERED: {
    zh: ['该亲属未在缴费人名下备案为共济对象'],
    en: ["The relative is not registered as the payer's beneficiary"],
  },
  NOT_YET_REGISTERED: {
    zh: ['共济关系于{registeredOn}备案，{on}尚不能使用', '使用日期早于共济关系的备案日期'],
    en: [
      'The relation was registered on {registeredOn}, after {on}',
      'The date of use is before the relation was registered',
    ],
  },
  NO_PERSONAL_ACCOUNT: {
    zh: ['只有职工医保参保人才有个人账户'],
    en: ['Only employee participants have a personal account'],
  },
  NO_REISSUE_PENDING: {
    zh: ['没有正在补办的新卡'],
    en: ['No replacement card is pending'],
  },
  OTHER_PROVINCE: {
    zh: ['本地家庭共济要求双方在同一省份参保；省外亲属请通过医保钱包帮助'],
    en: [
      'Local mutual aid needs both insured in the same province; help an out-of-province relative through the wallet',
    ],
  },
  'OUT_OF_PROVINCE@R-WAL-7': {
    zh: [
      '钱包使用地{region}不在参保地所在的{insuredProvince}，医保钱包只能在参保地省内使用',
      '钱包使用地须在参保地所在省份内',
    ],
    en: [
      'The usage region {region} is outside the insured province {insuredProvince}: the wallet is used in the insured province',
      'The usage region must be in the insured province',
    ],
  },
  OTHER_REGION: {
    zh: ['参保人在{region}参保，外地个人账户不能支付', '参保人在其他地区参保，外地个人账户不能支付'],
    en: [
      "The insured is insured in {region}; other cities' accounts cannot pay",
      "The insured is insured in another region; other cities' accounts cannot pay",
    ],
  },
  OUT_OF_PROVINCE: {
    zh: [
      '本地家庭共济要求双方在同一省份参保（{providerProvince}与{beneficiaryProvince}不同）；省外亲属可通过医保钱包帮助',
      '本地家庭共济要求双方在同一省份参保；省外亲属可通过医保钱包帮助',
    ],
    en: [
      'Local mutual aid needs both insured in the same province ({providerProvince} ≠ {beneficiaryProvince}); an out-of-province relative can be helped through the medical-insurance wallet (医保钱包) instead',
      'Local mutual aid needs both insured in the same province; an out-of-province relative can be helped through the medical-insurance wallet (医保钱包) instead',
    ],
  },
  OUT_OF_REGION_NOT_PERMITTED: {
    zh: ['异地就医使用共济资金，须被共济人开通异地使用权限或使用医保电子凭证'],
    en: [
      'Out-of-region care uses mutual-aid funds only with the out-of-region permission or the electronic voucher',
    ],
  },
  PARTIALLY_REFUNDED: {
    zh: [
      '该笔结算（交易流水号{transaction}）已部分退费，不能撤销；请对剩余部分办理退费',
      '该笔结算已部分退费；请退还剩余部分，而不是撤销',
    ],
    en: [
      'Settlement {transaction} was partly refunded; refund the remainder instead of cancelling',
      'The settlement was partly refunded; refund the remainder instead of cancelling',
    ],
  },
  PASSBOOK_LINKED_TO_BANK_CARD: {
    zh: [
      '存折已关联银行卡免费提取的，在{from}前不能用个人账户缴纳补充医疗保险',
      '存折已关联银行卡的，不能用个人账户缴纳补充医疗保险（2021年政策）',
    ],
    en: [
      'A passbook linked to a bank card cannot pay supplementary premiums before {from}',
      'A passbook linked to a bank card cannot pay supplementary premiums (2021 regime)',
    ],
  },
  PASSWORD_FREE_LIMIT_TOO_HIGH: {
    zh: ['免密额度须在0.00 元至{max}之间，申请的是{limit}', '免密额度超过政策上限'],
    en: [
      'The password-free limit must be between 0.00 yuan and {max}; {limit} was asked',
      'The password-free limit is above the policy maximum',
    ],
  },
  PASSWORD_LOCKED: {
    zh: ['连续输错支付密码次数过多，个人账户支付已锁定，须由工作人员解锁'],
    en: ['Account payment is locked after too many consecutive wrong passwords; staff must unlock it'],
  },
  PASSWORD_NOT_LOCKED: {
    zh: ['支付密码未锁定，也没有输错记录，无需解锁'],
    en: ['The payment password is not locked and has no failed attempts; nothing to unlock'],
  },
  PASSWORD_NOT_SET: {
    zh: ['此人尚未获发支付密码；须由柜台工作人员重置（paymentPasswordReset）'],
    en: [
      'No payment password has been issued to this person; counter staff must reset it (paymentPasswordReset)',
    ],
  },
  PASSWORD_TOO_WEAK: {
    zh: [
      '新支付密码{detail}',
      '新支付密码须为6位数字，不能过于简单（如111111、123456、654321），也不能与原密码相同',
    ],
    en: [
      'The new payment password {detail}',
      'The new payment password must be 6 digits, not trivial (111111, 123456, 654321) and not the old one',
    ],
  },
  PASSWORD_UNDELIVERABLE: {
    zh: ['没有登记手机号，无法通过短信发送支付密码'],
    en: ['No phone number on file: the payment password cannot be sent by SMS'],
  },
  PREMIUM_NOT_OPEN: {
    zh: [
      '{region}自{from}起才可用个人账户缴纳补充医疗保险，{on}尚未开通',
      '自{from}起才可用个人账户缴纳补充医疗保险，{on}尚未开通',
      '{region}未开通用个人账户缴纳补充医疗保险，{on}不能缴纳',
      '{on}尚不能用个人账户缴纳补充医疗保险',
      '用个人账户缴纳补充医疗保险在该日期尚未开通',
    ],
    en: [
      'Premiums from the account open in {region} on {from}, after {on}',
      'Premiums from the account open on {from}, after {on}',
      'Premiums from the account are not offered in {region}: none can be paid on {on}',
      'Premiums cannot be paid from the account on {on}',
      'Payment of premiums from the account is not open on that date',
    ],
  },
  PRE_REPORT_LAPSED: {
    zh: ['{reportedOn}的预挂失已超过{days}天自动失效，卡已恢复可用', '预挂失已过期失效，卡已恢复可用'],
    en: [
      'The pre-report of {reportedOn} lapsed after {days} days; the card is usable again',
      'The pre-report lapsed; the card is usable again',
    ],
  },
  PROVIDER_HAS_NO_ACCOUNT: {
    zh: ['只有职工基本医疗保险参保人才有可供共济的个人账户'],
    en: ['Only employee basic medical insurance participants have a personal account to share'],
  },
  PROVIDER_HAS_NO_EARMARKED: {
    zh: ['共济人没有记账管理的个人账户，而家庭共济只能使用该账户的资金'],
    en: ['The provider has no earmarked (book-entry) account, the only money mutual aid can use'],
  },
  REASON_REQUIRED: {
    zh: ['{detail}，须填写原因', '请填写原因'],
    en: ['{detail}', 'A reason is required'],
  },
  REFUND_EXCEEDS_REMAINING: {
    zh: ['该笔结算仅剩{refundable}可退，不能退{amount}', '退费金额超过剩余可退金额'],
    en: [
      'Only {refundable} of the settlement is left to refund, not {amount}',
      'The refund is larger than what is left to refund',
    ],
  },
  REISSUE_NOT_READY: {
    zh: ['新卡自{readyOn}起可领取', '新卡尚未制好，暂不能领取'],
    en: ['The replacement card can be collected from {readyOn}', 'The replacement card is not ready yet'],
  },
  RELATION_NOT_ESTABLISHED: {
    zh: ['{relation}关系既未备案为共济关系，也未经柜台核验亲属关系证明', '亲属关系既未备案，也未经柜台核验'],
    en: [
      'The {relation} relation is neither a registered kin relation nor attested at a counter',
      'The relation is neither registered nor attested at a counter',
    ],
  },
  RELATION_NOT_FOUND: {
    zh: ['该共济人与被共济人之间没有有效的共济关系'],
    en: ['No active mutual-aid relation between this provider and beneficiary'],
  },
  RELATION_NOT_IN_SCOPE: {
    zh: [
      '按{region}{on}的政策，{relation}不在{purpose}的家庭共济范围内',
      '按{on}的政策，{relation}不在{purpose}的家庭共济范围内',
      '{relation}不在家庭共济范围内',
      '参保人与缴费人之间没有已备案的亲属关系，不能使用{purpose}的家庭共济',
      '该亲属关系不在家庭共济范围内',
    ],
    en: [
      '{relation} is not in the kinship scope for {purpose} of {region} on {on}',
      '{relation} is not in the kinship scope for {purpose} on {on}',
      '{relation} is not in the kinship scope',
      'No registered relation links the insured to the payer: mutual aid for {purpose} is for relatives only',
      'The relation is not in the kinship scope',
    ],
  },
  'RELATION_NOT_IN_SCOPE@R-USE-3': {
    zh: [
      '2021年政策下，个人账户只能为本人、配偶、子女和父母缴纳补充医疗保险，不能为{relation}缴纳',
      '2021年政策下，个人账户只能为本人、配偶、子女和父母缴纳补充医疗保险；缴费人与参保人之间没有已备案或经柜台核验的亲属关系',
    ],
    en: [
      'Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only, not for a {relation}',
      'Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only; no kin relation between payer and insured is registered or attested at a counter',
    ],
  },
  RELATION_OUT_OF_SCOPE: {
    zh: [
      '按{region}{on}的政策，{relation}不在{purpose}的家庭共济范围内（允许：{allowed}）',
      '按{region}{on}的政策，{relation}不在{purpose}的家庭共济范围内',
      '按{region}{on}的政策，{relation}不在任何用途的家庭共济范围内（允许：{allowed}）',
      '{relation}不在家庭共济范围内',
      '该亲属关系不在家庭共济范围内',
    ],
    en: [
      '{relation} is not in the kinship scope for {purpose} of {region} on {on} (allowed: {allowed})',
      '{relation} is not in the kinship scope for {purpose} of {region} on {on}',
      '{relation} is not in the kinship scope of {region} on {on} for any purpose (allowed: {allowed})',
      '{relation} is not in the kinship scope',
      'The relation is not in the kinship scope',
    ],
  },
  REGISTRATION_DATE_IN_FUTURE: {
    zh: [
      '备案日期{on}晚于今天（{today}，北京时间）：备案不能预先登记日期',
      '备案日期晚于今天：备案不能预先登记日期',
    ],
    en: [
      'The registration date {on} is after today ({today}, Beijing time): a registration cannot be dated in the future',
      'The registration date is after today: a registration cannot be dated in the future',
    ],
  },
  RELATION_REVOKED: {
    zh: ['共济关系已于{revokedOn}撤销', '共济关系已撤销'],
    en: ['The relation was revoked on {revokedOn}', 'The relation was revoked'],
  },
  SAME_USAGE_REGION: {
    zh: ['钱包使用地已是{region}', '新使用地与当前使用地相同'],
    en: ['The usage region is already {region}', 'The new usage region is the current one'],
  },
  SELF_RELATION: {
    zh: ['不能将本人登记为自己的共济亲属'],
    en: ['A person cannot register themselves as a relative'],
  },
  SELF_TRANSFER: {
    zh: ['医保钱包只能转给近亲属，不能转给本人'],
    en: ['A wallet transfer goes to a near relative, not to oneself'],
  },
  SERVICE_BEFORE_BIRTH: {
    zh: ['就诊日期{serviceDate}早于患者的出生日期{birthDate}', '就诊日期早于患者的出生日期'],
    en: [
      'The service date {serviceDate} is before the patient was born ({birthDate})',
      'The service date is before the patient was born',
    ],
  },
  REGISTRATION_BEFORE_BIRTH: {
    zh: ['备案日期{on}早于{birthDate}（两人中年幼者的出生日期）', '备案日期早于当事人的出生日期'],
    en: [
      'The registration date {on} is before {birthDate}, when the younger of the two was born',
      'The registration date is before one of the two was born',
    ],
  },
  SERVICE_DATE_IN_FUTURE: {
    zh: [
      '就诊日期{serviceDate}晚于今天（{today}，北京时间）：只能结算已经发生的诊疗',
      '就诊日期晚于今天：只能结算已经发生的诊疗',
    ],
    en: [
      'The service date {serviceDate} is after today ({today}, Beijing time): only care already given is settled',
      'The service date is after today: only care already given is settled',
    ],
  },
  SIGN_IN_THROTTLED: {
    zh: ['该用户名登录失败次数过多，请{minutes}分钟后再试', '该用户名登录失败次数过多，请稍后再试'],
    en: [
      'Too many failed sign-ins for this user name; try again in {minutes} minutes',
      'Too many failed sign-ins for this user name; try again later',
    ],
  },
  TOO_MANY_DECIMALS: {
    zh: ['“{text}”有{decimals}位小数；金额最多两位小数（分）', '金额最多两位小数（分）'],
    en: [
      '"{text}" has {decimals} decimals; money has at most two (fen)',
      'Money has at most two decimals (fen)',
    ],
  },
  UNBALANCED: {
    zh: ['交易分录合计不为零'],
    en: ['The postings of the transaction do not sum to zero'],
  },
  USAGE_CHANGE_BEFORE_WALLET: {
    zh: [
      '钱包使用地变更的开始日期（{later}）不能早于医保钱包开通日期（{earlier}）',
      '设置钱包使用地变更的开始日期（{later}）前须先设置“{missing}”的开始日期',
      '钱包使用地变更的开始日期不能早于医保钱包开通日期',
    ],
    en: [
      'Usage-location change ({later}) cannot start before the wallet opens ({earlier})',
      'Usage-location change ({later}) needs the start date of {missing} to be set first',
      'Usage-location change cannot start before the wallet opens',
    ],
  },
  USAGE_CHANGE_NOT_OFFERED: {
    zh: [
      '钱包使用地变更自{from}起提供，{on}尚不能办理',
      '{province}在{on}不提供钱包使用地变更',
      '该省在此日期不提供钱包使用地变更',
    ],
    en: [
      'Usage-location change is offered from {from}, after {on}',
      'The province {province} does not offer usage-location change on {on}',
      'The province does not offer usage-location change on that date',
    ],
  },
  USE_BEFORE_REGISTRATION: {
    zh: [
      '家庭共济使用开始日期（{later}）不能早于备案开始日期（{earlier}）',
      '设置家庭共济使用开始日期（{later}）前须先设置“{missing}”的开始日期',
      '家庭共济使用开始日期不能早于备案开始日期',
    ],
    en: [
      'Mutual-aid use ({later}) cannot start before registration opens ({earlier})',
      'Mutual-aid use ({later}) needs the start date of {missing} to be set first',
      'Mutual-aid use cannot start before registration',
    ],
  },
  VERIFICATION_REQUIRED: {
    zh: ['转账须通过人脸识别或医保码密码验证'],
    en: ['A transfer needs a successful face check or medical-insurance-code password'],
  },
  'VERIFICATION_REQUIRED@R-ACC-7': {
    zh: ['从个人账户支付{amount}须输入患者本人的支付密码', '从个人账户支付须输入患者本人的支付密码'],
    en: [
      "The patient's payment password is required for {amount} from the account",
      "The patient's payment password is required to pay from the account",
    ],
  },
  VISIT_TYPE_MISMATCH: {
    zh: ['{visitType}账单不能在{institutionKind}结算', '就诊类型与机构类型不符'],
    en: [
      'A {visitType} bill cannot be settled at a {institutionKind}',
      'The visit type does not match the institution',
    ],
  },
  WALLET_BEFORE_NATIONAL_LAUNCH: {
    zh: ['医保钱包不能在{date}开通，早于全国上线日期{launch}', '医保钱包的开通日期不能早于全国上线日期'],
    en: [
      'The wallet cannot open on {date}, before the national launch on {launch}',
      'The wallet cannot open before the national launch',
    ],
  },
  WALLET_NOT_ACTIVATED: {
    zh: [
      '{party}于{activatedOn}才确认使用医保钱包，{on}尚不能使用',
      '医保钱包于{activatedOn}才确认使用，{on}尚不能使用',
      '{party}尚未确认使用医保钱包',
      '尚未确认使用医保钱包',
    ],
    en: [
      'The {party} confirmed the wallet on {activatedOn}, after {on}',
      'The wallet was confirmed on {activatedOn}, after {on}',
      'The {party} has not confirmed the wallet (确认使用钱包)',
      'The wallet has not been confirmed (确认使用钱包)',
    ],
  },
  WALLET_NOT_ALLOWED: {
    zh: ['医保钱包资金只能缴纳持有人本人的居民医保费'],
    en: ["Wallet money pays the holder's own resident contribution only"],
  },
  WALLET_NOT_OPEN: {
    zh: [
      '{place}{region}的医保钱包自{from}起开通，{on}尚未开通',
      '{place}{region}在{on}尚未开通医保钱包',
      '{place}的医保钱包自{from}起开通，{on}尚未开通',
      '{place}在{on}尚未开通医保钱包',
      '{party}参保地在该日期尚未开通医保钱包',
      '医保钱包在该日期尚未开通',
    ],
    en: [
      'The wallet opens in the {place} {region} on {from}, after {on}',
      'The wallet is not open in the {place} {region} on {on}',
      'The wallet opens in the {place} on {from}, after {on}',
      'The wallet is not open in the {place} on {on}',
      'The wallet is not open in the {party} region on that date',
      'The wallet is not open on that date',
    ],
  },
  WALLET_NOT_WITHDRAWABLE: {
    zh: ['医保钱包资金只能用于医疗费用和居民医保缴费，不能提取现金'],
    en: ['Wallet money is for medical costs and resident contributions only; it cannot be withdrawn'],
  },
  POLICY_NOT_CONFIGURED: {
    zh: ['{region}在{on}没有配置适用的待遇标准', '该地区在此日期没有配置适用的待遇标准'],
    en: [
      'No benefit schedule is configured for {region} on {on}',
      'No benefit schedule is configured for the region on that date',
    ],
  },
};

/**
 * Top-level errors (`errors[].extensions.code`): authentication, authorization, malformed requests, faults — the
 * ones people read. `{detail}` is a detail param (detail-catalogue.ts), so it is in the reader's language too; the
 * codes of graphql-js's parse and validation errors are in detail-catalogue.ts (`GATEWAY_MESSAGES`).
 */
export const TOP_LEVEL_MESSAGES: Readonly<Record<string, CatalogueEntry>> = {
  UNAUTHENTICATED: {
    zh: [
      '身份验证失败，请重新登录或检查 API 密钥（{detail}）',
      '未登录，或凭据无效、已过期；请重新登录或检查 API 密钥',
    ],
    en: ['{detail}', 'Not signed in, or the credential is invalid or expired'],
  },
  FORBIDDEN: {
    zh: ['无权执行此操作（{detail}）', '无权执行此操作'],
    en: ['{detail}', 'Not allowed'],
  },
  BAD_USER_INPUT: {
    zh: ['请求参数无效：{detail}', '请求参数无效'],
    en: ['Invalid request: {detail}', 'Invalid request'],
  },
  BAD_REQUEST: {
    zh: ['请求无效：{detail}', '请求无效'],
    en: ['Bad request: {detail}', 'Bad request'],
  },
  QUERY_TOO_COMPLEX: {
    zh: ['查询过于复杂，已拒绝：{detail}', '查询过于复杂，已拒绝'],
    en: ['{detail}', 'The query is too complex'],
  },
  INTROSPECTION_DISABLED: {
    zh: ['生产环境不开放内省查询；请按已发布的 schema.graphql 对接'],
    en: ['Introspection is disabled; integrate against the published schema.graphql'],
  },
  RATE_LIMITED: {
    zh: [
      '请求过于频繁：{detail}',
      '请求过于频繁：此调用方每分钟最多{limitPerMinute}次，请{retryAfterSeconds}秒后重试',
      '请求过于频繁，请稍后重试',
    ],
    en: [
      '{detail}',
      'Too many requests: {limitPerMinute} a minute for this caller; retry in {retryAfterSeconds} s',
      'Too many requests; retry later',
    ],
  },
  PERSISTED_QUERY_NOT_ALLOWED: {
    zh: ['此客户端只能执行白名单中已登记的持久化操作'],
    en: ['This client runs only persisted operations on its allow-list'],
  },
  PERSISTED_QUERY_NOT_FOUND: {
    zh: ['没有与此 sha256Hash 对应的持久化操作'],
    en: ['No persisted operation has this sha256Hash'],
  },
  REQUEST_TIMEOUT: {
    zh: ['请求处理超时，请重试（资金类操作请使用同一幂等键重试）'],
    en: ['The request took too long; retry (with the same idempotency key for a money mutation)'],
  },
  INTERNAL_SERVER_ERROR: {
    zh: ['服务器内部错误，已记录'],
    en: ['Internal server error; it has been logged'],
  },
};
