import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { ENGLISH, expectChinese, expectEnglish, NO_HEADER, type TopLevelError } from './language.helpers';

/**
 * Issue #9, follow-up (black-box report): English leaked into Chinese answers — the detail of top-level errors,
 * INVALID_INPUT refusals, the Date/DateTime scalars, Apollo's HTTP-level refusals. Each is asked once without
 * Accept-Language (Chinese: no English sentence) and once in English (English, as before); the machine-readable
 * parts (`extensions.code`, `reason`, `field`, `userErrors[].code`) are the same in both.
 */
describe(`no English in Chinese answers (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  /** The first top-level error of a request in Chinese and in English, with the same extensions. */
  async function topLevel(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = admin,
  ): Promise<{ zh: TopLevelError; en: TopLevelError }> {
    const [zh, en] = await Promise.all([
      app.gql(query, variables, token, NO_HEADER),
      app.gql(query, variables, token, ENGLISH),
    ]);
    const [z, e] = [zh.errors?.[0] as TopLevelError, en.errors?.[0] as TopLevelError];
    expect(z).toBeDefined();
    const { requestId: _z, ...zExtensions } = z.extensions ?? {};
    const { requestId: _e, ...eExtensions } = e.extensions ?? {};
    expect(zExtensions).toEqual(eExtensions);
    return { zh: z, en: e };
  }

  describe('top-level errors: the detail is Chinese too', () => {
    it('FORBIDDEN: a role that may not use a field', async () => {
      const analyst = await app.login('analyst');
      const { zh, en } = await topLevel('{ apiClients { totalCount } }', {}, analyst);
      expect(zh.extensions?.['code']).toBe('FORBIDDEN');
      expect(zh.message).toBe(
        '无权执行此操作（Query.apiClients 仅限系统管理员使用，当前身份为数据分析人员）',
      );
      expectChinese(zh.message);
      expect(en.message).toBe('Query.apiClients needs ADMIN; you are ANALYST');
    });

    it('UNAUTHENTICATED: a protected field without a token, and a bad token', async () => {
      const { zh, en } = await topLevel('{ apiClients { totalCount } }', {}, null);
      expect(zh.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(zh.message).toBe('身份验证失败，请重新登录或检查 API 密钥（使用 Query.apiClients 须先登录）');
      expect(en.message).toBe('Sign in to use Query.apiClients');

      const bad = await topLevel('{ __typename }', {}, 'not-a-token');
      expect(bad.zh.extensions?.['code']).toBe('UNAUTHENTICATED');
      expectChinese(bad.zh.message);
      expect(bad.zh.message).toContain('会话令牌无效或已过期');
      expectEnglish(bad.en.message);
    });

    it('BAD_USER_INPUT: first out of range, a bad cursor, an unknown region, NUL in text', async () => {
      const first = await topLevel('{ apiClients(first: -1) { totalCount } }');
      expect(first.zh.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
      expect(first.zh.message).toBe('请求参数无效：first 须在 0 到 100 之间，收到的是 -1');
      expect(first.en.message).toBe('first must be between 0 and 100, got -1');

      const cursor = await topLevel('{ apiClients(after: "zz") { totalCount } }');
      expect(cursor.zh.message).toBe('请求参数无效：“zz”不是此列表的游标');
      expect(cursor.en.message).toBe('"zz" is not a cursor of this list');

      const region = await topLevel(
        '{ effectivePolicy(regionCode: "999999", on: "2025-06-01") { regionCode } }',
      );
      expect(region.zh.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['regionCode'] });
      expect(region.zh.message).toBe('请求参数无效：没有代码为“999999”的地区');
      expect(region.en.message).toBe('No region with code "999999"');

      const nul = await topLevel('query($c: ID!) { region(code: $c) { name } }', { c: 'a\u0000b' });
      expect(nul.zh.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(nul.zh.message).toBe('请求参数无效：文本不能包含 NUL 字符（U+0000）');
      expect(nul.en.message).toMatch(/^Text must not contain the NUL character/);
    });

    it('QUERY_TOO_COMPLEX: the depth limit', async () => {
      let selection = '{ id }';
      for (let i = 0; i < 6; i += 1) selection = `{ beneficiaries { beneficiary ${selection} } }`;
      const { zh, en } = await topLevel(`{ person(id: "x") ${selection} }`);
      expect(zh.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
      expect(zh.message).toMatch(/^查询过于复杂，已拒绝：查询嵌套深度超过上限10/);
      expectChinese(zh.message);
      expect(en.message).toMatch(/^Query depth limit of 10 exceeded/);
    });

    it('GRAPHQL_VALIDATION_FAILED / GRAPHQL_PARSE_FAILED: graphql-js text inside a Chinese sentence', async () => {
      const invalid = await topLevel('{ nope }');
      expect(invalid.zh.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(invalid.zh.message).toBe(`查询无效：${invalid.en.message}`);
      expect(invalid.en.message).toMatch(/^Cannot query field "nope"/);

      const syntax = await topLevel('{ region(code: "110000") { code ');
      expect(syntax.zh.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
      expect(syntax.zh.message).toBe(`查询无法解析：${syntax.en.message}`);
      expect(syntax.en.message).toMatch(/^Syntax Error/);
    });
  });

  describe('Date and DateTime scalars carry a reason, rendered from the catalogue like Money', () => {
    it('an impossible date, as a variable and as a literal', async () => {
      const query = 'query($on: Date!) { effectivePolicy(regionCode: "110000", on: $on) { regionCode } }';
      const variable = await topLevel(query, { on: '2026-02-30' });
      expect(variable.zh.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_DATE' });
      // The value given is named, in Chinese as in English (gateway audit 2: scalar refusals carry their params).
      expect(variable.zh.message).toBe(
        '“2026-02-30”不是有效的日期：应为 YYYY-MM-DD 格式的实际日期（如 2025-05-08）',
      );
      expect(variable.en.message).toMatch(/2026-02-30/);
      expectEnglish(variable.en.message);

      const literal = await topLevel(
        '{ effectivePolicy(regionCode: "110000", on: "2026-02-30") { regionCode } }',
      );
      expect(literal.zh.extensions).toMatchObject({ reason: 'MALFORMED_DATE' });
      expectChinese(literal.zh.message);
      expectEnglish(literal.en.message);
    });

    it('an invalid date-time', async () => {
      const { DateTimeScalar } = await import('../common/scalars');
      let thrown: unknown;
      try {
        DateTimeScalar.parseValue('2025-13-45T99:00:00Z');
      } catch (err) {
        thrown = err;
      }
      expect((thrown as { extensions?: unknown }).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'MALFORMED_DATE_TIME',
      });
    });
  });

  describe('INVALID_INPUT refusals: the detail is Chinese too', () => {
    type Created = { apiClientCreate: { userErrors: { code: string; message: string; field: string[] }[] } };
    const CREATE = `mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) { userErrors { code message field } } }`;

    async function refusal(input: Record<string, unknown>) {
      const [zh, en] = await Promise.all([
        app.gql<Created>(CREATE, { i: input }, admin, NO_HEADER),
        app.gql<Created>(CREATE, { i: input }, admin, ENGLISH),
      ]);
      const [z, e] = [zh.data!.apiClientCreate.userErrors[0], en.data!.apiClientCreate.userErrors[0]];
      expect({ code: z.code, field: z.field }).toEqual({ code: e.code, field: e.field });
      expect(z.code).toBe('INVALID_INPUT');
      return { zh: z.message, en: e.message };
    }

    it('apiClientCreate: no scope, an unknown scope, a name too long', async () => {
      expect(await refusal({ name: 'x', scopes: [] })).toEqual({
        zh: '输入无效：请至少选择一个权限范围',
        en: 'Give at least one scope',
      });
      expect(await refusal({ name: 'x', scopes: ['root'] })).toEqual({
        zh: '输入无效：未知的权限范围：root',
        en: 'Unknown scopes: root',
      });
      expect(await refusal({ name: 'x'.repeat(129), scopes: ['person:read'] })).toEqual({
        zh: '输入无效：名称须为1至128个字符',
        en: 'Name must be 1–128 characters',
      });
    });

    it('apiClientUpdate: a rate limit out of range', async () => {
      const UPDATE = `mutation($i: ApiClientUpdateInput!) { apiClientUpdate(input: $i) { userErrors { code message field } } }`;
      const input = { id: 'x', reason: 'r', rateLimitPerMinute: -1 };
      type Updated = { apiClientUpdate: { userErrors: { code: string; message: string }[] } };
      const [zh, en] = await Promise.all([
        app.gql<Updated>(UPDATE, { i: input }, admin, NO_HEADER),
        app.gql<Updated>(UPDATE, { i: input }, admin, ENGLISH),
      ]);
      const z = zh.data!.apiClientUpdate.userErrors[0].message;
      expect(z).toMatch(/^输入无效：rateLimitPerMinute（每分钟请求上限）须在0至100000之间/);
      expectChinese(z.replace('rateLimitPerMinute', ''));
      expect(en.data!.apiClientUpdate.userErrors[0].message).toBe(
        'rateLimitPerMinute must be 0–100000 (0 = server default)',
      );
    });

    it("persistedOperationRegister: a document that does not parse keeps graphql-js's text in a Chinese sentence", async () => {
      const REGISTER = `mutation($i: PersistedOperationRegisterInput!) { persistedOperationRegister(input: $i) { userErrors { code message field } } }`;
      type Registered = { persistedOperationRegister: { userErrors: { code: string; message: string }[] } };
      const input = { name: 'broken', document: '{ region(' };
      const [zh, en] = await Promise.all([
        app.gql<Registered>(REGISTER, { i: input }, admin, NO_HEADER),
        app.gql<Registered>(REGISTER, { i: input }, admin, ENGLISH),
      ]);
      const z = zh.data!.persistedOperationRegister.userErrors[0];
      const e = en.data!.persistedOperationRegister.userErrors[0];
      expect(z.code).toBe('INVALID_INPUT');
      expect(z.message).toMatch(/^输入无效：文档无法解析：Syntax Error: /);
      expect(e.message).toMatch(/^The document does not parse: Syntax Error: /);
    });
  });

  describe("Apollo's HTTP-level refusals: the shape of every other top-level error", () => {
    async function raw(
      headers: Record<string, string>,
      body: string | null,
      method = 'POST',
      path = '/graphql',
    ): Promise<{ status: number; requestId: string | null; errors: TopLevelError[] }> {
      const res = await fetch(`${app.url}${path}`, {
        method,
        headers: { ...(body !== null ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body ?? undefined,
      });
      const json = (await res.json()) as { errors: TopLevelError[] };
      return { status: res.status, requestId: res.headers.get('x-request-id'), errors: json.errors };
    }

    const cases: [string, string | null, RegExp, string, string][] = [
      [
        'a batch',
        JSON.stringify([{ query: '{ __typename }' }]),
        /^请求无效：不支持批量操作/,
        'POST',
        '/graphql',
      ],
      [
        'a query that is not a string',
        JSON.stringify({ query: 1 }),
        /^请求无效：GraphQL 查询（query）必须是字符串/,
        'POST',
        '/graphql',
      ],
      ['an empty object', JSON.stringify({}), /^请求无效：POST 请求体缺失/, 'POST', '/graphql'],
      [
        'variables that are not an object',
        JSON.stringify({ query: '{ __typename }', variables: 'x' }),
        /^请求无效：请求中的 variables 必须是对象/,
        'POST',
        '/graphql',
      ],
      [
        'an operationName that is not a string',
        JSON.stringify({ query: '{ __typename }', operationName: 1 }),
        /^请求无效：请求中的 operationName 必须是字符串/,
        'POST',
        '/graphql',
      ],
      [
        'a GET without a preflight header (CSRF)',
        null,
        /^请求无效：此请求疑似跨站请求伪造（CSRF）/,
        'GET',
        '/graphql?query=%7B__typename%7D',
      ],
    ];

    it.each(cases)('%s', async (_name, body, chinese, method, path) => {
      const [zh, en] = [
        await raw({ 'x-request-id': 'zh-1' }, body, method, path),
        await raw({ 'x-request-id': 'en-1', 'accept-language': 'en' }, body, method, path),
      ];
      expect(zh.status).toBe(400);
      expect(en.status).toBe(400);
      expect(zh.errors).toHaveLength(1);
      expect(zh.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'zh-1' });
      expect(en.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'en-1' });
      expect(zh.errors[0].message).toMatch(chinese);
      expectChinese(zh.errors[0].message.replace(/variables|operationName|Content-Type|query/g, ''));
      expectEnglish(en.errors[0].message);
    });

    it('invalid JSON: Chinese, with the parser text inside', async () => {
      const zh = await raw({ 'x-request-id': 'zh-2' }, '{"query": ');
      expect(zh.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'zh-2' });
      expect(zh.errors[0].message).toMatch(/^请求无效：请求体不是有效的 JSON（/);
    });
  });
});
