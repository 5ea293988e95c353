import { type MessageParam, detailParam } from '@gongji/domain';

/**
 * Details of top-level errors whose text the API does not build itself: graphql-armor's and graphql-js's limits,
 * the gateway limits (apps/api/src/limits), Apollo's HTTP-level refusals (batching, CSRF, malformed bodies). Each
 * known English text is read back into a detail (code + numbers) for the detail catalogue, so a Chinese reader gets
 * Chinese; an unknown text has no detail (the catalogue's general Chinese text is shown then, never English).
 */
const KNOWN: readonly [RegExp, (m: RegExpExecArray) => MessageParam][] = [
  [
    /^(?:Syntax Error: )?Aliases limit of (\d+) exceeded(?:, found (\d+))?/,
    (m) => detailParam('ALIASES_LIMIT', numbers({ limit: m[1], found: m[2] })),
  ],
  [
    /^(?:Syntax Error: )?(?:Query )?[Dd]epth limit of (\d+) exceeded(?:, found (\d+))?/,
    (m) => detailParam('DEPTH_LIMIT', numbers({ limit: m[1], found: m[2] })),
  ],
  [
    /^(?:Syntax Error: )?Directives limit of (\d+) exceeded(?:, found (\d+))?/,
    (m) => detailParam('DIRECTIVES_LIMIT', numbers({ limit: m[1], found: m[2] })),
  ],
  [
    /^(?:Syntax Error: )?(?:Token limit of (\d+) exceeded|Document contains more tha[nt] (\d+) tokens)/,
    (m) => detailParam('TOKENS_LIMIT', numbers({ limit: m[1] ?? m[2] })),
  ],
  [
    /^Variables nested deeper than (\d+) levels/,
    (m) => detailParam('VARIABLES_DEPTH_LIMIT', numbers({ limit: m[1] })),
  ],
  [
    /^(\d+) root fields exceed the limit of (\d+)/,
    (m) => detailParam('ROOT_FIELDS_LIMIT', numbers({ count: m[1], limit: m[2] })),
  ],
  [
    /^first: (-?\d+) exceeds the page size limit of (\d+)/,
    (m) => detailParam('PAGE_SIZE_LIMIT', numbers({ first: m[1], limit: m[2] })),
  ],
  [
    /^(\d+) field selections exceed the limit of (\d+)/,
    (m) => detailParam('FIELDS_LIMIT', numbers({ count: m[1], limit: m[2] })),
  ],
  [
    /^Query cost (\d+) exceeds the limit of (\d+)/,
    (m) => detailParam('COST_LIMIT', numbers({ cost: m[1], limit: m[2] })),
  ],
  [/^This API has no subscriptions/, () => detailParam('NO_SUBSCRIPTIONS')],
  [/^Text must not contain the NUL character/, () => detailParam('NUL_CHARACTER')],
  // Apollo Server's HTTP-level refusals (runHttpQuery, httpBatching, preventCsrf, requestPipeline).
  [/^Operation batching disabled/, () => detailParam('BATCHING_DISABLED')],
  [
    /^This operation has been blocked as a potential Cross-Site Request Forgery/,
    () => detailParam('CSRF_BLOCKED'),
  ],
  [/^GraphQL queries must be strings/, () => detailParam('QUERY_NOT_STRING')],
  [/^POST body missing/, () => detailParam('POST_BODY_MISSING')],
  [/^`variables` in a /, () => detailParam('VARIABLES_NOT_OBJECT')],
  [/^`extensions` in a /, () => detailParam('EXTENSIONS_NOT_OBJECT')],
  [/^`operationName` in a /, () => detailParam('OPERATION_NAME_NOT_STRING')],
  [
    /^(?:GraphQL operations must contain a non-empty `query`|GET query missing)/,
    () => detailParam('QUERY_MISSING'),
  ],
  [/^The '?(\w+)'? search parameter/, (m) => detailParam('SEARCH_PARAMETER_INVALID', { name: m[1] })],
  [
    /^GET requests only support query operations, not (\w+) operations/,
    (m) => detailParam('GET_ONLY_QUERIES', { operation: m[1] }),
  ],
  [/^GET requests may not have a content-type/, () => detailParam('GET_CONTENT_TYPE')],
  [/^Apollo Server supports only GET\/POST requests/, () => detailParam('METHOD_NOT_SUPPORTED')],
  [/^An 'accept' header was provided/, () => detailParam('ACCEPT_NOT_SUPPORTED')],
];

function numbers(values: Record<string, string | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out[name] = Number(value);
  return out;
}

/** The detail of a known English error text, or undefined. */
export function knownDetail(message: string): MessageParam | undefined {
  for (const [pattern, detail] of KNOWN) {
    const m = pattern.exec(message);
    if (m) return detail(m);
  }
  return undefined;
}
