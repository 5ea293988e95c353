import type { CatalogueEntry } from './catalogue';

/**
 * The detail catalogue: the sentence inside a message — the `{detail}` of a top-level error (FORBIDDEN,
 * UNAUTHENTICATED, BAD_USER_INPUT, QUERY_TOO_COMPLEX, BAD_REQUEST…) or of an INVALID_INPUT refusal — one entry per
 * distinct text, in Chinese (the default) and English, with the same `{placeholders}` in both (a test checks it).
 * A detail travels as `detailParam(code, params)` (params.ts) and is rendered in the reader's language, so no English
 * sentence reaches a Chinese reader. The English texts are those the API has always sent. Variants go from the most
 * specific to the most general, as in catalogue.ts; the last one of each language has no placeholder.
 *
 * `{error}` is a technical text kept as it is (graphql-js's or JSON's own syntax message), inside a sentence of the
 * reader's language.
 */
export const DETAIL_MESSAGES: Readonly<Record<string, CatalogueEntry>> = {
  // Authentication (UNAUTHENTICATED).
  SIGN_IN_FIRST: {
    zh: ['请先登录'],
    en: ['Sign in first'],
  },
  SIGN_IN_TO_USE: {
    zh: ['使用 {field} 须先登录', '使用此功能须先登录'],
    en: ['Sign in to use {field}', 'Sign in first'],
  },
  AUTHORIZATION_HEADER_MALFORMED: {
    zh: ['Authorization 请求头应为“Bearer <会话令牌或 API 密钥>”'],
    en: ['Authorization header must be "Bearer <token or API key>"'],
  },
  SESSION_INVALID: {
    zh: ['会话令牌无效或已过期，请重新登录'],
    en: ['Session token is invalid or expired: sign in again'],
  },
  USER_GONE: {
    zh: ['用户不存在或已停用'],
    en: ['User no longer exists or is disabled'],
  },
  API_KEY_INVALID: {
    zh: ['API 密钥无效或已吊销'],
    en: ['API key is invalid or revoked'],
  },

  // Authorization (FORBIDDEN).
  ROLE_REQUIRED: {
    zh: [
      '{field} 仅限{roles}使用（接入机构须有权限范围 {scopes}），当前身份为{role}',
      '{field} 仅限{roles}使用，当前身份为{role}',
      '当前身份不能使用此功能',
    ],
    en: [
      '{field} needs {roles} (a portal with scope {scopes}); you are {role}',
      '{field} needs {roles}; you are {role}',
      'Your role may not use this',
    ],
  },
  ANALYST_NO_NAME_SEARCH: {
    zh: ['数据分析人员只能看到脱敏后的姓名，不能按姓名查找人员'],
    en: ['Analysts see masked names and may not search persons by name'],
  },
  PROOF_OF_PRESENCE_REQUIRED: {
    zh: [
      '接入机构首次查询某人时须有到场证明：柜台出示的社保卡卡号（cardNumber）或医保电子凭证码（eVoucherCode），仅有身份证号不够',
    ],
    en: [
      "A portal's first look-up of a person needs proof of presence: the card number (cardNumber) or the e-voucher code (eVoucherCode) presented at the desk, not an ID number alone",
    ],
  },
  CARD_LOST_NO_PROOF: {
    zh: [
      '该卡处于{state}状态（R-CARD-1），不能作为到场证明，请出示医保电子凭证码',
      '该卡已挂失（R-CARD-1），不能作为到场证明，请出示医保电子凭证码',
    ],
    en: [
      'This card is {state} (R-CARD-1) and is no proof of presence; ask for the e-voucher code',
      'This card is reported lost (R-CARD-1) and is no proof of presence; ask for the e-voucher code',
    ],
  },
  PORTAL_NOT_SERVING_PERSON_AT: {
    zh: [
      '本接入机构未服务 {field} 处的人员：接入机构只能查询其服务的人员（首次查询须提供社保卡卡号或医保电子凭证码）',
      '本接入机构未服务此人员：接入机构只能查询其服务的人员（首次查询须提供社保卡卡号或医保电子凭证码）',
    ],
    en: [
      'This portal does not serve the person at {field}: a portal reads only the persons it serves (first look-up with the card number or e-voucher code)',
      'This portal does not serve the person: a portal reads only the persons it serves (first look-up with the card number or e-voucher code)',
    ],
  },
  PORTAL_HAS_NOT_SERVED: {
    zh: ['本接入机构未曾为此人员办理业务'],
    en: ['This portal has not served this person'],
  },
  PORTAL_OWN_RECONCILIATION_ONLY: {
    zh: ['接入机构只能查询本机构的对账单'],
    en: ['A portal may only read the reconciliation of its own institution'],
  },

  // Malformed arguments (BAD_USER_INPUT).
  PAGE_SIZE_OUT_OF_RANGE: {
    zh: ['first 须在 0 到 {max} 之间，收到的是 {first}', 'first 超出允许范围'],
    en: ['first must be between 0 and {max}, got {first}', 'first is out of range'],
  },
  NOT_A_CURSOR: {
    zh: ['“{cursor}”不是此列表的游标', '游标无效'],
    en: ['"{cursor}" is not a cursor of this list', 'Not a cursor of this list'],
  },
  NUL_CHARACTER: {
    zh: ['文本不能包含 NUL 字符（U+0000）'],
    en: ['Text must not contain the NUL character (U+0000)'],
  },
  REGION_CODE_UNKNOWN: {
    zh: ['没有代码为“{code}”的地区', '没有此地区'],
    en: ['No region with code "{code}"', 'No such region'],
  },
  IDEMPOTENCY_KEY_MALFORMED: {
    zh: ['idempotencyKey（幂等键）须为1至255个可打印字符'],
    en: ['idempotencyKey must be 1–255 printable characters'],
  },
  RANGE_REVERSED: {
    zh: ['开始日期（from）不能晚于结束日期（to）'],
    en: ['`from` must not be after `to`'],
  },
  RANGE_TOO_LONG: {
    zh: ['每次查询最多{days}天（3年）', '查询的日期范围过长'],
    en: ['At most {days} days (3 years) per query', 'The date range is too long'],
  },
  TIMELINE_TOO_LONG: {
    zh: ['每条时间线最多{days}天', '时间线的日期范围过长'],
    en: ['At most {days} days per timeline', 'The date range is too long'],
  },
  GROUP_BY_SIZE: {
    zh: ['groupBy 须有1至{max}个维度，收到{count}个', 'groupBy 的维度数不符合要求'],
    en: ['groupBy needs 1 to {max} dimensions, got {count}', 'groupBy has the wrong number of dimensions'],
  },
  GROUP_BY_DUPLICATE: {
    zh: ['groupBy 重复列出了 {dimension}', 'groupBy 重复列出了同一维度'],
    en: ['groupBy names {dimension} twice', 'groupBy names a dimension twice'],
  },
  UNKNOWN_TRANSACTION_KIND: {
    zh: ['未知的交易类型 {kind}，可选：{kinds}', '未知的交易类型'],
    en: ['Unknown transaction kind {kind}; use one of {kinds}', 'Unknown transaction kind'],
  },
  UNKNOWN_REGION: {
    zh: ['未知的地区 {code}', '未知的地区'],
    en: ['Unknown region {code}', 'Unknown region'],
  },
  UNKNOWN_PROVINCE: {
    zh: ['未知的省份 {code}', '未知的省份'],
    en: ['Unknown province {code}', 'Unknown province'],
  },
  UNKNOWN_INSTITUTION: {
    zh: ['未知的医药机构 {id}', '未知的医药机构'],
    en: ['Unknown institution {id}', 'Unknown institution'],
  },

  // Limits of the gateway (QUERY_TOO_COMPLEX); the numbers come from the limit's own text or extensions.
  ALIASES_LIMIT: {
    zh: ['别名数量超过上限{limit}（实际{found}个）', '别名数量超过上限{limit}', '别名数量超过上限'],
    en: [
      'Aliases limit of {limit} exceeded, found {found}.',
      'Aliases limit of {limit} exceeded',
      'Too many aliases',
    ],
  },
  DEPTH_LIMIT: {
    zh: ['查询嵌套深度超过上限{limit}（实际{found}层）', '查询嵌套深度超过上限{limit}', '查询嵌套过深'],
    en: [
      'Query depth limit of {limit} exceeded, found {found}.',
      'Query depth limit of {limit} exceeded',
      'The query is nested too deeply',
    ],
  },
  DIRECTIVES_LIMIT: {
    zh: ['指令数量超过上限{limit}（实际{found}个）', '指令数量超过上限{limit}', '指令数量超过上限'],
    en: [
      'Directives limit of {limit} exceeded, found {found}.',
      'Directives limit of {limit} exceeded',
      'Too many directives',
    ],
  },
  TOKENS_LIMIT: {
    zh: ['查询文本超过{limit}个词法单元，已停止解析', '查询文本过长，已停止解析'],
    en: ['Document contains more than {limit} tokens. Parsing aborted.', 'The document has too many tokens'],
  },
  VARIABLES_DEPTH_LIMIT: {
    zh: ['变量嵌套超过{limit}层；本 API 没有这么深的输入', '变量嵌套过深'],
    en: [
      'Variables nested deeper than {limit} levels; no input of this API is that deep',
      'The variables are nested too deeply',
    ],
  },
  ROOT_FIELDS_LIMIT: {
    zh: ['根字段{count}个，超过上限{limit}；请拆分请求', '根字段过多；请拆分请求'],
    en: [
      '{count} root fields exceed the limit of {limit}; split the request',
      'Too many root fields; split the request',
    ],
  },
  PAGE_SIZE_LIMIT: {
    zh: ['first: {first} 超过每页上限{limit}（API.md）', '每页数量超过上限'],
    en: ['first: {first} exceeds the page size limit of {limit} (API.md)', 'The page size exceeds the limit'],
  },
  FIELDS_LIMIT: {
    zh: ['字段选择{count}个，超过上限{limit}', '字段选择过多'],
    en: ['{count} field selections exceed the limit of {limit}', 'Too many field selections'],
  },
  COST_LIMIT: {
    zh: ['查询成本{cost}超过上限{limit}；请减小每页数量', '查询成本超过上限；请减小每页数量'],
    en: [
      'Query cost {cost} exceeds the limit of {limit}; ask for smaller pages',
      'The query costs too much; ask for smaller pages',
    ],
  },
  NO_SUBSCRIPTIONS: {
    zh: ['本 API 不提供订阅（subscription），请使用查询或变更'],
    en: ['This API has no subscriptions: use a query or a mutation'],
  },

  // Malformed HTTP requests (BAD_REQUEST), before or around Apollo.
  BATCHING_DISABLED: {
    zh: ['不支持批量操作：每个请求只能包含一个操作'],
    en: ['Operation batching disabled.'],
  },
  CSRF_BLOCKED: {
    zh: [
      '此请求疑似跨站请求伪造（CSRF），已拦截：请使用 application/json 等非简单类型的 Content-Type，或提供非空的 x-apollo-operation-name 或 apollo-require-preflight 请求头',
    ],
    en: [
      "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight",
    ],
  },
  QUERY_NOT_STRING: {
    zh: ['GraphQL 查询（query）必须是字符串'],
    en: ['GraphQL queries must be strings.'],
  },
  POST_BODY_MISSING: {
    zh: ['POST 请求体缺失、Content-Type 无效，或 JSON 对象没有任何键'],
    en: ['POST body missing, invalid Content-Type, or JSON object has no keys.'],
  },
  VARIABLES_NOT_OBJECT: {
    zh: ['请求中的 variables 必须是对象（不能是再次编码成 JSON 的字符串）'],
    en: ['`variables` in a POST body must be an object if provided.'],
  },
  EXTENSIONS_NOT_OBJECT: {
    zh: ['请求中的 extensions 必须是对象（不能是再次编码成 JSON 的字符串）'],
    en: ['`extensions` in a POST body must be an object if provided.'],
  },
  OPERATION_NAME_NOT_STRING: {
    zh: ['请求中的 operationName 必须是字符串'],
    en: ['`operationName` in a POST body must be a string if provided.'],
  },
  QUERY_MISSING: {
    zh: ['请求缺少 GraphQL 查询（query）'],
    en: ['GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.'],
  },
  SEARCH_PARAMETER_INVALID: {
    zh: ['URL 查询参数 {name} 无效（须为 JSON 编码的对象，且只能出现一次）', 'URL 查询参数无效'],
    en: ['The {name} search parameter is not valid', 'A search parameter is not valid'],
  },
  GET_ONLY_QUERIES: {
    zh: ['GET 请求只能执行查询（query），不能执行 {operation}', 'GET 请求只能执行查询（query）'],
    en: [
      'GET requests only support query operations, not {operation} operations',
      'GET requests only support query operations',
    ],
  },
  METHOD_NOT_SUPPORTED: {
    zh: ['只支持 GET 和 POST 请求'],
    en: ['Apollo Server supports only GET/POST requests.'],
  },
  GET_CONTENT_TYPE: {
    zh: ['GET 请求的 Content-Type 只能是 application/json'],
    en: ['GET requests may not have a content-type header other than application/json.'],
  },
  ACCEPT_NOT_SUPPORTED: {
    zh: [
      '请求的 Accept 头不接受本服务能返回的任何格式（application/json 或 application/graphql-response+json）',
    ],
    en: ['The accept header does not accept any format this server returns'],
  },
  BODY_NOT_JSON: {
    zh: ['请求体不是有效的 JSON（{error}）', '请求体不是有效的 JSON'],
    en: ['The body is not valid JSON ({error})', 'The body is not valid JSON'],
  },
  BODY_TOO_LARGE: {
    zh: ['请求体超过{limit}', '请求体过大'],
    en: ['Request body larger than {limit}', 'Request body too large'],
  },
  BODY_UNREADABLE: {
    zh: ['无法读取请求体（字符集或编码不受支持，或请求被中断）'],
    en: ['The request body could not be read'],
  },
  QUERY_HASH_MISMATCH: {
    zh: ['查询文本与其 sha256Hash 不一致'],
    en: ['The query does not match its sha256Hash'],
  },
  PERSISTED_QUERY_VERSION: {
    zh: ['不支持此持久化查询版本：仅支持 version 1'],
    en: ['Unsupported persisted query version: only version 1 is supported'],
  },
  VALIDATION_WORK_LIMIT: {
    zh: ['查询文档的校验工作量过大（选择或片段展开过多），请精简查询'],
    en: [
      'The document needs too much validation work (too many selections or fragment spreads); make it smaller',
    ],
  },
  VARIABLE_VALUE_INVALID: {
    zh: [
      '变量 ${variable} 的值 {value} 无效（位置 {path}）：{error}',
      '变量 ${variable} 的值 {value} 无效：{error}',
      '变量的值无效',
    ],
    en: [
      'Variable "${variable}" got invalid value {value} at "{path}"; {error}',
      'Variable "${variable}" got invalid value {value}; {error}',
      'A variable got an invalid value',
    ],
  },

  // GraphQL documents (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, persisted operations).
  DOCUMENT_DOES_NOT_PARSE: {
    zh: ['文档无法解析：{error}', '文档无法解析'],
    en: ['The document does not parse: {error}', 'The document does not parse'],
  },

  // INVALID_INPUT refusals of the console's mutations (`userErrors`).
  REASON_MISSING: {
    zh: ['请填写原因'],
    en: ['Give a reason'],
  },
  REASON_TOO_LONG: {
    zh: ['原因最多{max}个字符，现有{length}个', '原因过长'],
    en: ['A reason is at most {max} characters; this one has {length}', 'The reason is too long'],
  },
  SCHEME_CHANGE_NEEDS_REASON: {
    zh: ['变更参保身份须填写原因（所核验的材料）'],
    en: ['A change of scheme needs a reason (the documents checked)'],
  },
  SCHEME_CHANGE_PROVIDER: {
    zh: [
      '此人正在为{count}位亲属提供家庭共济，只有职工医保参保人才有个人账户可供共济：请先撤销这些备案',
      '此人正在为亲属提供家庭共济：请先撤销这些备案',
    ],
    en: [
      'The person provides mutual aid to {count} relative(s); only employees share an account: revoke those registrations first',
      'The person provides mutual aid to relatives: revoke those registrations first',
    ],
  },
  EMPLOYMENT_STATUS_AGE: {
    zh: [
      '{status}须年满{min}周岁，按身份证号该人现年{age}周岁，请核对参保身份',
      '参保身份与身份证号中的年龄不符',
    ],
    en: [
      '{status} needs an age of at least {min}; the ID number gives {age}: check the participant status',
      'The participant status does not fit the age in the ID number',
    ],
  },
  NAME_CHARACTERS: {
    zh: ['姓名不能含有控制字符、换行或不可见的格式字符（如零宽空格、文字方向控制符）'],
    en: [
      'A name cannot hold control characters, line breaks or invisible format characters (zero-width, direction overrides)',
    ],
  },
  NAME_LENGTH: {
    zh: ['名称须为1至{max}个字符', '名称长度不符合要求'],
    en: ['Name must be 1–{max} characters', 'The name is too short or too long'],
  },
  SCOPES_REQUIRED: {
    zh: ['请至少选择一个权限范围'],
    en: ['Give at least one scope'],
  },
  SCOPES_UNKNOWN: {
    zh: ['未知的权限范围：{scopes}', '未知的权限范围'],
    en: ['Unknown scopes: {scopes}', 'Unknown scopes'],
  },
  RATE_LIMIT_OUT_OF_RANGE: {
    zh: ['rateLimitPerMinute（每分钟请求上限）须在0至100000之间（0 表示使用服务器默认值）'],
    en: ['rateLimitPerMinute must be 0–100000 (0 = server default)'],
  },
  API_CLIENT_REVOKED_NO_ROTATE: {
    zh: ['已吊销的客户端不能轮换密钥；请新建一个客户端'],
    en: ['A revoked client cannot be rotated; create a new one'],
  },
  API_CLIENT_ALREADY_REVOKED: {
    zh: ['此客户端已吊销'],
    en: ['This client is already revoked'],
  },
  API_CLIENT_REVOKED_NO_CHANGE: {
    zh: ['已吊销的客户端不能修改'],
    en: ['A revoked client cannot be changed'],
  },
  REGION_CODES_COUNT: {
    zh: ['请提供1至{max}个地区代码，收到{count}个', '地区代码数量不符合要求'],
    en: ['Give 1–{max} region codes, got {count}', 'Wrong number of region codes'],
  },
  HOSPITALS_TOO_MANY: {
    zh: ['{region}最多可选{max}家定点医院，收到{count}家', '选择的定点医院过多'],
    en: [
      'At most {max} hospitals may be chosen in region {region}; {count} given',
      'Too many hospitals are chosen',
    ],
  },
  NOT_A_HOSPITAL: {
    zh: ['{institution}是{kind}，不是医院：药店无须选定', '所选机构不是医院：药店无须选定'],
    en: [
      '{institution} is a {kind}, not a hospital: pharmacies need no selection',
      'The institution is not a hospital',
    ],
  },
  NOT_DESIGNATED: {
    zh: ['{institution}不是定点医药机构', '所选机构不是定点医药机构'],
    en: ['{institution} is not designated (定点)', 'The institution is not designated (定点)'],
  },
  LISTED_TWICE: {
    zh: ['{institution}重复列出', '同一机构重复列出'],
    en: ['{institution} is listed twice', 'An institution is listed twice'],
  },
  EMPLOYMENT_STATUS_REQUIRED: {
    zh: ['职工医保参保人须为在职或退休状态'],
    en: ['An employee participant is either IN_SERVICE or RETIRED'],
  },
  NOT_OWN_RELATIVE: {
    zh: ['本人不能作为自己的亲属'],
    en: ['A person is not their own relative'],
  },
  EVIDENCE_REF_TOO_LONG: {
    zh: ['证明材料编号（evidenceRef）最多128个字符'],
    en: ['evidenceRef is at most 128 characters'],
  },
  REGION_FIELD_NOT_EDITABLE: {
    zh: ['“{key}”不是工作人员可修改的字段', '该字段不可修改'],
    en: ['"{key}" is not a field staff can edit', 'This field cannot be edited'],
  },
  REGION_FIELD_CONFLICT: {
    zh: ['“{key}”不能同时设置新值又恢复为参考数据', '同一字段不能同时设置新值又恢复为参考数据'],
    en: [
      '"{key}" cannot get a new value and return to the reference data at once',
      'A field cannot get a new value and return to the reference data at once',
    ],
  },

  // Refusals that name their specifics (issue #9, follow-up: the Chinese text says as much as the English one).
  // FORBIDDEN.
  PORTAL_OWN_INSTITUTION_SETTLEMENT_ONLY: {
    zh: ['接入机构只能为本机构的费用办理结算'],
    en: ['A portal may only settle bills at its own institution'],
  },
  STAFF_ONLY_SET_ON: {
    zh: [
      '只有经办人员（{roles}）可以指定业务日期 on，接入机构按当日办理',
      '只有经办人员可以指定业务日期 on，接入机构按当日办理',
    ],
    en: [
      'Only staff ({roles}) may set `on`; portals act on today’s date',
      'Only staff may set `on`; portals act on today’s date',
    ],
  },
  STAFF_ONLY_PAST_REGISTRATION: {
    zh: ['只有经办人员可以补录过去日期的备案'],
    en: ['Only staff may enter a registration with a past date'],
  },
  PORTAL_SERVES_NEITHER_PARTY: {
    zh: ['本接入机构未服务该共济关系的任何一方（首次查询须提供社保卡卡号或医保电子凭证码）'],
    en: ['This portal serves neither person of the relation (first look-up with the card or e-voucher)'],
  },
  PORTAL_NOT_SERVING_EVERY_PERSON: {
    zh: ['请求中列出的人员并非都由本接入机构服务（首次查询须提供社保卡卡号或医保电子凭证码）'],
    en: [
      'This portal does not serve every person named in the request (first look-up with the card or e-voucher)',
    ],
  },
  PORTAL_PRODUCT_ONLY: {
    zh: ['本接入机构只能为“{product}”收取保费', '本接入机构未绑定保险产品，不能收取保费'],
    en: [
      'This portal charges premiums for {product} only',
      'This portal charges premiums for no product only',
    ],
  },

  // RATE_LIMITED.
  ANALYST_ID_LOOKUP_LIMIT: {
    zh: [
      '分析人员每小时最多按完整身份证号查询{limit}次，请于{retryAfterSeconds}秒后重试',
      '分析人员按完整身份证号查询的次数已达每小时上限，请稍后重试',
    ],
    en: [
      'Analysts may look persons up by full ID number {limit} times an hour; retry in {retryAfterSeconds} s',
      'Analysts may look persons up by full ID number only a limited number of times an hour; retry later',
    ],
  },

  // BAD_USER_INPUT.
  ROWS_PER_BATCH: {
    zh: ['每批最多{max}行', '每批的行数超过上限'],
    en: ['At most {max} rows per batch', 'Too many rows per batch'],
  },

  // NOT_FOUND (`未找到{detail}`: the Chinese is what was not found).
  NOT_FOUND_REGION_CODE: {
    zh: ['行政区划代码为“{code}”的地区', '该代码对应的地区'],
    en: ['No region with code "{code}"', 'No region with this code'],
  },
  NOT_FOUND_PERSON_ID: {
    zh: ['编号为{id}的人员', '该编号对应的人员'],
    en: ['No person with id {id}', 'No person with this id'],
  },
  NOT_FOUND_INSTITUTION_ID: {
    zh: ['编号为{id}的医药机构', '该医药机构'],
    en: ['No institution {id}', 'No such institution'],
  },
  // R-USE-5: the id is a transaction of another kind (a premium payment…), so the clerk sees the id is the wrong one.
  NOT_A_SETTLEMENT_ID: {
    zh: [
      '编号为{id}的结算记录：该编号是一笔{kind}交易，不是医疗费用结算',
      '该结算记录：该编号的交易不是医疗费用结算',
    ],
    en: [
      'No settlement with id {id}: this transaction is a {kind}, not a settlement',
      'No such settlement: this transaction is not a settlement',
    ],
  },
  NOT_FOUND_SETTLEMENT_ID: {
    zh: ['编号为{id}的结算记录', '该结算记录'],
    en: ['No settlement with id {id}', 'No such settlement'],
  },
  NOT_FOUND_ATTESTATION: {
    zh: ['该亲属关系核验记录'],
    en: ['No such attestation'],
  },
  NOT_FOUND_PAYER_REGION: {
    zh: ['缴费人的参保地区'],
    en: ['The payer’s region is unknown'],
  },

  // REASON_REQUIRED (`{detail}，须填写原因`).
  PAST_EFFECTIVE_FROM: {
    zh: [
      '生效日期{effectiveFrom}已过：修改当时适用的政策属于更正',
      '生效日期已过：修改当时适用的政策属于更正',
    ],
    en: [
      'effectiveFrom {effectiveFrom} is in the past: changing what applied then is a correction and needs a reason',
      'effectiveFrom is in the past: changing what applied then is a correction and needs a reason',
    ],
  },
  PAYMENT_PASSWORD_RESET_REASON: {
    zh: ['重置支付密码要记入审计日志'],
    en: ['A payment password reset needs a reason for the audit log'],
  },
  PAYMENT_PASSWORD_UNLOCK_REASON: {
    zh: ['解锁支付密码要记入审计日志'],
    en: ['A payment password unlock needs a reason for the audit log'],
  },

  // INVALID_SETTING (policy settings: benefit schedules, caps, password policy, card rules, calendars).
  SETTING_BASIS_POINTS: {
    zh: ['{field} 应在0–10000个基点之间，实际为{value}', '比例应在0–10000个基点之间'],
    en: ['{field} must be 0–10000 basis points, got {value}', 'A rate must be 0–10000 basis points'],
  },
  SETTING_NOT_NEGATIVE: {
    zh: ['{field} 不能为负数', '金额不能为负数'],
    en: ['{field} must not be negative', 'An amount must not be negative'],
  },
  SETTING_LEVEL_MISSING: {
    zh: ['待遇标准缺少医院等级 {level} 的待遇', '待遇标准缺少某一医院等级的待遇'],
    en: [
      'the schedule has no terms for hospital level {level}',
      'the schedule has no terms for a hospital level',
    ],
  },
  SETTING_BANDS_NEEDED: {
    zh: ['住院待遇须至少有一个费用分段'],
    en: ['an inpatient schedule needs at least one band'],
  },
  SETTING_LAST_BAND_OPEN: {
    zh: ['只有最后一个住院费用分段不设上限（upTo 为空）'],
    en: ['only the last inpatient band is open-ended (upTo null)'],
  },
  SETTING_BANDS_RISE: {
    zh: ['住院费用分段的上限（upTo）须逐段递增'],
    en: ['inpatient bands must rise'],
  },
  SETTING_POSITIVE_OR_OFF: {
    zh: ['{field} 须为正数，或为空（不设限）', '限额须为正数，或为空（不设限）'],
    en: ['{field} must be positive or null (off)', 'A cap must be positive or null (off)'],
  },
  SETTING_WHOLE_NUMBER_RANGE: {
    zh: ['{field} 须为{min}至{max}之间的整数，实际为{value}', '取值须为规定范围内的整数'],
    en: [
      '{field} must be a whole number from {min} to {max}, got {value}',
      'The value must be a whole number in range',
    ],
  },
  SETTING_DAYS_RANGE: {
    zh: ['{field} 须为{min}至{max}之间的整数天数，实际为{value}', '天数须为规定范围内的整数'],
    en: [
      '{field} must be a whole number of days from {min} to {max}, got {value}',
      'The number of days must be a whole number in range',
    ],
  },
  SETTING_DEFAULT_FREE_LIMIT: {
    zh: [
      'defaultPasswordFreeLimit（默认免密限额）须在0.00至最高限额{max}之间',
      'defaultPasswordFreeLimit（默认免密限额）须在0.00至最高限额之间',
    ],
    en: [
      'defaultPasswordFreeLimit must be between 0.00 and the maximum {max}',
      'defaultPasswordFreeLimit must be between 0.00 and the maximum',
    ],
  },
  SETTING_RESIDENT_SCHEDULE_INCOMPLETE: {
    zh: [
      '首次设置居民医保待遇标准时，须为每一医院等级给出门诊和住院待遇以及药店基金支付比例：不借用职工医保的数值',
    ],
    en: [
      'A first resident benefit schedule must give outpatient and inpatient terms for every level and the pharmacy fund rate: no employee figure is borrowed',
    ],
  },
  CALENDAR_YEAR_RANGE: {
    zh: ['year（年份）须在{min}–{max}之间，实际为{year}', '年份超出允许范围'],
    en: ['year must be {min}–{max}, got {year}', 'The year is out of range'],
  },
  CALENDAR_DATE_INVALID: {
    zh: ['{field} 中的“{date}”不是有效日期（应为 YYYY-MM-DD）', '日期无效（应为 YYYY-MM-DD）'],
    en: ['{field} "{date}" is not a valid date (YYYY-MM-DD)', 'A date is not valid (YYYY-MM-DD)'],
  },
  CALENDAR_DATE_OTHER_YEAR: {
    zh: ['{field} 中的 {date} 不在{year}年内', '日期不在该年度内'],
    en: ['{field} {date} is not in {year}', 'A date is not in the year'],
  },
  CALENDAR_MAKE_UP_WEEKDAY: {
    zh: [
      '{field} 中的 {date} 是工作日：只有星期六或星期日才能作为调休上班日',
      '只有星期六或星期日才能作为调休上班日',
    ],
    en: [
      '{field} {date} is a weekday: only a Saturday or Sunday can be a make-up working day (调休)',
      'Only a Saturday or Sunday can be a make-up working day (调休)',
    ],
  },
  CALENDAR_DATE_BOTH: {
    zh: ['{date} 不能既是节假日又是调休上班日', '同一天不能既是节假日又是调休上班日'],
    en: [
      '{date} cannot be both a holiday and a make-up working day',
      'A day cannot be both a holiday and a make-up working day',
    ],
  },

  // CONFLICTING_CREDIT (R-ACC-4): the person-months in conflict, each followed by the `rest`. Chinese names the person
  // (else 该人员 and the id) and the month in words; English keeps the id and `YYYY-MM`, the text it always was.
  CREDIT_CONFLICT_CREDITED: {
    zh: [
      '{name} {year}年{monthNumber}月已划入{before} 元，本次为{now} 元；{rest}',
      '{name} {year}年{monthNumber}月已划入{before} 元，本次为{now} 元',
      '该人员（{person}）{year}年{monthNumber}月已划入{before} 元，本次为{now} 元；{rest}',
      '该人员（{person}）{year}年{monthNumber}月已划入{before} 元，本次为{now} 元',
      '该人员月份已按不同金额划入',
    ],
    en: [
      '{person} {month} (credited {before}, now {now}); {rest}',
      '{person} {month} (credited {before}, now {now})',
      'a person-month already credited with another amount',
    ],
  },
  CREDIT_CONFLICT_LISTED_TWICE: {
    zh: [
      '{name} {year}年{monthNumber}月在本批中重复列出且金额不同；{rest}',
      '{name} {year}年{monthNumber}月在本批中重复列出且金额不同',
      '该人员（{person}）{year}年{monthNumber}月在本批中重复列出且金额不同；{rest}',
      '该人员（{person}）{year}年{monthNumber}月在本批中重复列出且金额不同',
      '同一人员月份在本批中重复列出且金额不同',
    ],
    en: [
      '{person} {month} (listed twice); {rest}',
      '{person} {month} (listed twice)',
      'a person-month listed twice with different amounts',
    ],
  },

  // NOT_A_PERMUTATION (R-KIN-5): providers named by their place in the current order, entries of the new list by
  // their place in it, when their names are not the caller's to read (never by id).
  KIN_ORDER_POSITIONS: {
    zh: ['第{positions}位共济人', '部分共济人'],
    en: ['provider no. {positions}', 'some providers'],
  },
  KIN_ORDER_LIST_ITEMS: {
    zh: ['新顺序中的第{items}项', '新顺序中的部分编号'],
    en: ['entry {items} of the new order', 'some entries of the new order'],
  },
  // NOT_A_PERMUTATION (R-KIN-5): what is wrong with the new order.
  KIN_ORDER_PROBLEMS: {
    zh: [
      '缺少{missing}；{extra}不是有效共济人；{twice}重复列出',
      '缺少{missing}；{extra}不是有效共济人',
      '缺少{missing}；{twice}重复列出',
      '{extra}不是有效共济人；{twice}重复列出',
      '缺少{missing}',
      '{extra}不是有效共济人',
      '{twice}重复列出',
      '所列共济人有误',
    ],
    en: [
      'missing {missing}; not an active provider: {extra}; listed twice: {twice}',
      'missing {missing}; not an active provider: {extra}',
      'missing {missing}; listed twice: {twice}',
      'not an active provider: {extra}; listed twice: {twice}',
      'missing {missing}',
      'not an active provider: {extra}',
      'listed twice: {twice}',
      'the providers listed are wrong',
    ],
  },
  SETTING_NOTHING_TO_SET: {
    zh: ['没有要设置的内容：请给出门诊或住院待遇，或药店基金支付比例'],
    en: ['Nothing to set: give outpatient or inpatient terms, or the pharmacy fund rate'],
  },
  TOO_MANY_IDS: {
    zh: ['filter.ids 列了{count}个代码，每次最多{max}个', '列出的代码过多'],
    en: ['filter.ids lists {count} codes; at most {max} at a time', 'Too many codes listed'],
  },
  ID_NUMBER_ALREADY_REGISTERED: {
    zh: ['该身份证号已登记为参保人，请在参保人员中按身份证号查找，不要重复登记'],
    en: ['A person with this ID number is already registered'],
  },
  INSTITUTION_CODE_TAKEN: {
    zh: ['机构编码 {code} 已被其他定点医药机构使用', '该机构编码已被其他定点医药机构使用'],
    en: ['Another institution already has the code {code}', 'Another institution already has this code'],
  },
  ROLLOUT_DATE_IN_FORCE_TODAY: {
    zh: [
      '“{feature}”自今天（{date}）起已生效，调整它会改变今天已据此办理的业务（更正）',
      '{field} 自今天（{date}）起已生效，调整它会改变今天已据此办理的业务（更正）',
      '本次调整涉及今天已生效的日期（更正）',
    ],
    en: [
      'The start date of {feature} ({field}) has been in force since today ({date}): moving it changes what was done today under it, a correction needs a reason',
      '{field} has been in force since today ({date}): moving it changes what was done today under it, a correction needs a reason',
      'This change moves a date in force since today: a correction needs a reason',
    ],
  },
  PAST_ROLLOUT_DATE: {
    zh: [
      '“{feature}”起始日期的调整涉及已经过去的日期{date}（更正历史）',
      '{field} 的调整涉及已经过去的日期 {date}（更正历史）',
      '本次调整涉及已经过去的日期（更正历史）',
    ],
    en: [
      'The start date of {feature} ({field}) changes what applied on {date}, a date already past: a correction needs a reason',
      '{field} changes what applied on {date}, a date already past: a correction needs a reason',
      'This change rewrites what applied on a date already past: a correction needs a reason',
    ],
  },
  // PASSWORD_TOO_WEAK (R-ACC-7, `新支付密码{detail}`): why the new payment password is refused.
  PASSWORD_NOT_SIX_DIGITS: {
    zh: ['须为{digits}位数字', '须为6位数字'],
    en: ['must be exactly {digits} digits', 'must be exactly 6 digits'],
  },
  PASSWORD_REPEATED_DIGIT: {
    zh: ['不能由同一个数字重复组成（如111111）'],
    en: ['must not repeat a single digit'],
  },
  PASSWORD_DIGIT_RUN: {
    zh: ['不能为连续递增或递减的数字（如123456、654321）'],
    en: ['must not be an ascending or descending run'],
  },
  PASSWORD_SAME_AS_OLD: {
    zh: ['不能与原支付密码相同'],
    en: ['must differ from the old password'],
  },
  // API clients are bound to what they act for (API.md: "an API client bound to one institution or product").
  API_CLIENT_BOUND_TWICE: {
    zh: ['接入客户端只能绑定一家定点医药机构或一个保险产品，不能同时绑定两者'],
    en: ['An API client is bound to one institution or one product, not both'],
  },
  SCOPE_NEEDS_INSTITUTION: {
    zh: [
      '权限 {scope} 须绑定办理结算的定点医药机构（institutionId）',
      '该权限须绑定办理结算的定点医药机构（institutionId）',
    ],
    en: [
      'The scope {scope} needs the institution the portal settles at (institutionId)',
      'This scope needs the institution the portal settles at (institutionId)',
    ],
  },
  SCOPE_NOT_FOR_INSTITUTION: {
    zh: [
      '权限 {scope} 不能授予绑定定点医药机构的客户端：医保电子凭证码是参保人到场的证明，不能由收费的机构自行签发',
      '该权限不能授予绑定定点医药机构的客户端：医保电子凭证码是参保人到场的证明，不能由收费的机构自行签发',
    ],
    en: [
      'The scope {scope} cannot be given to a client bound to an institution: an e-voucher code proves the holder is present, so the institution that bills may not issue its own',
      'This scope cannot be given to a client bound to an institution: an e-voucher code proves the holder is present, so the institution that bills may not issue its own',
    ],
  },
  // R-ACC-2: correcting a registered name (personUpdate) is checked against an identity document.
  NAME_CORRECTION_NEEDS_REASON: {
    zh: ['更正姓名须填写办理原因（核对的身份证件）'],
    en: ['A name correction needs a reason (the identity document checked)'],
  },
};

/**
 * Top-level codes with no entry in catalogue.ts (which others edit): graphql-js's parse and validation errors keep
 * graphql-js's own text, wrapped in a sentence of the reader's language (`查询无效：Cannot query field …`); the Date and
 * DateTime scalars' refusals (`extensions.reason`, like Money's).
 */
export const GATEWAY_MESSAGES: Readonly<Record<string, CatalogueEntry>> = {
  GRAPHQL_VALIDATION_FAILED: {
    zh: ['查询无效：{detail}', '查询无效，不符合本 API 的 schema'],
    en: ['{detail}', 'The query does not match the schema'],
  },
  GRAPHQL_PARSE_FAILED: {
    zh: ['查询无法解析：{detail}', '查询无法解析（GraphQL 语法错误）'],
    en: ['{detail}', 'The query does not parse'],
  },
  OPERATION_RESOLUTION_FAILURE: {
    zh: ['无法确定要执行的操作：{detail}', '无法确定要执行的操作（请检查 operationName）'],
    en: ['{detail}', 'Could not determine the operation to run'],
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    zh: ['不支持自动持久化查询（APQ）；请使用已登记的持久化操作'],
    en: ['Automatic persisted queries are not supported; use a registered persisted operation'],
  },
  SERVICE_UNAVAILABLE: {
    zh: ['数据库暂时不可用，请稍后重试；资金类操作的结果未知，请使用同一幂等键重试'],
    en: [
      'The database is unavailable; retry shortly. For a money mutation the outcome is unknown: retry with the same idempotency key',
    ],
  },
  MALFORMED_DATE: {
    zh: [
      '“{value}”不是有效的日期：应为 YYYY-MM-DD 格式的实际日期（如 2025-05-08）',
      '日期无效：应为 YYYY-MM-DD 格式的实际日期（如 2025-05-08）',
    ],
    en: [
      '"{value}" is not a valid date: use YYYY-MM-DD (e.g. 2025-05-08)',
      'Not a valid date: use YYYY-MM-DD (e.g. 2025-05-08)',
    ],
  },
  MALFORMED_DATE_TIME: {
    zh: [
      '“{value}”不是有效的时间：应为带时区的 ISO 8601 时间（如 2025-05-08T09:30:00.000Z）',
      '时间无效：应为带时区的 ISO 8601 时间（如 2025-05-08T09:30:00.000Z）',
    ],
    en: [
      '"{value}" is not a valid date-time: use ISO 8601 with a time zone (e.g. 2025-05-08T09:30:00.000Z)',
      'Not a valid date-time: use ISO 8601 with a time zone (e.g. 2025-05-08T09:30:00.000Z)',
    ],
  },
};
