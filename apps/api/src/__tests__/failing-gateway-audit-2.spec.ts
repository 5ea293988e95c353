import { createHash } from 'node:crypto';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { bearer, raw, userToken } from './gateway.helpers';
import { portal } from './wallet.helpers';

/*
 * The second black-box audit of the gateway: unbounded metrics labels and caches (a memory DoS), schema hints and
 * secrets in variable errors, Apollo's persisted-query wire format, allow-list clients over GET, documents over the
 * selection limit, scalar refusals written literally, English wording, HTTP status of partly forbidden answers, and
 * unknown transaction kinds.
 */

const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codes = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } | null }) =>
  (r.body?.errors ?? []).map((e) => e.extensions?.['code']);
const PRODUCTION = {
  NODE_ENV: 'production',
  GONGJI_SECRET: 'a-production-test-secret-of-at-least-32-chars!',
  GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
};
const NO_RATE_LIMITS = { GONGJI_RATE_LIMITS: 'anonymous=100000,user=100000,client=100000' };

/** A Prometheus sample's value, e.g. `gongji_gateway_cache_entries{cache="documents"}`. */
function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series}`);
  return Number(line.slice(series.length + 1));
}

async function metricsOf(app: TestApp): Promise<string> {
  return (await fetch(`${app.url}/metrics`)).text();
}

/** ADMIN registers a persisted operation; returns its sha256. */
async function register(app: TestApp, name: string, document: string): Promise<string> {
  const res = await app.gql<{
    persistedOperationRegister: { persistedOperation: { sha256Hash: string } };
  }>(
    'mutation($i: PersistedOperationRegisterInput!) { persistedOperationRegister(input: $i) { persistedOperation { sha256Hash } userErrors { code } } }',
    { i: { name, document } },
    await app.login('admin'),
  );
  return res.data!.persistedOperationRegister.persistedOperation.sha256Hash;
}

/** A portal in allow-list mode (`persistedOperationsOnly`). */
async function allowListPortal(app: TestApp): Promise<string> {
  const admin = await app.login('admin');
  const res = await app.gql<{ apiClientCreate: { apiKey: string; apiClient: { id: string } } }>(
    'mutation { apiClientCreate(input: { name: "allow-list portal", scopes: ["person:read"] }) { apiKey apiClient { id } userErrors { code } } }',
    {},
    admin,
  );
  const { apiKey, apiClient } = res.data!.apiClientCreate;
  const updated = await app.gql<{ apiClientUpdate: { userErrors: unknown[] } }>(
    'mutation($i: ApiClientUpdateInput!) { apiClientUpdate(input: $i) { userErrors { code } } }',
    { i: { id: apiClient.id, reason: 'allow-list test', persistedOperationsOnly: true } },
    admin,
  );
  expect(updated.data!.apiClientUpdate.userErrors).toEqual([]);
  return apiKey;
}

describe(`gateway audit 2 (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: NO_RATE_LIMITS });
  });
  afterAll(async () => app?.close());

  it('finding 1: 300 distinct long operation names keep the metrics labels and the caches bounded', async () => {
    const long = 'A'.repeat(40_000);
    for (let i = 0; i < 300; i += 1) {
      const r = await raw(app, { body: json(`query Z${i}${long} { __typename }`) });
      expect(r.status).toBe(200);
    }
    // Short, distinct names: anonymous callers may add 50 labels, signed-in ones up to 200 in all.
    for (let i = 0; i < 300; i += 1) await raw(app, { body: json(`query Anon${i} { __typename }`) });
    const admin = await app.login('admin');
    for (let i = 0; i < 300; i += 1) {
      await raw(app, { body: json(`query Signed${i} { __typename }`), headers: bearer(admin) });
    }
    const metrics = await metricsOf(app);
    const series = metrics.split('\n').filter((l) => l.startsWith('gongji_graphql_operations_total{'));
    const names = new Set(series.map((l) => /operation="([^"]*)"/.exec(l)![1]));
    expect(names.size).toBeLessThanOrEqual(200 + 2); // + "other" and "anonymous"
    expect(names.has('other')).toBe(true);
    expect([...names].every((n) => n.length <= 64)).toBe(true);
    expect([...names].filter((n) => n.startsWith('Anon')).length).toBeLessThanOrEqual(50);
    expect(metrics.length).toBeLessThan(2_000_000);
    // Documents over 32 kB are never cached; the small ones are, within the count and byte budget.
    const entries = sample(metrics, 'gongji_gateway_cache_entries{cache="documents"}');
    const bytes = sample(metrics, 'gongji_gateway_cache_bytes{cache="documents"}');
    expect(entries).toBeLessThanOrEqual(1_000);
    expect(entries).toBeLessThan(700); // 600 small documents at most, none of the 300 long ones
    expect(bytes).toBeLessThanOrEqual(32 * 1024 * 1024);
    expect(sample(metrics, 'gongji_gateway_cache_entries{cache="persisted_operations"}')).toBeLessThanOrEqual(
      1_000,
    );
  });

  it('finding 3: Apollo APQ — the query with its matching sha256 runs, a mismatch is 400, a hash alone is NOT_FOUND', async () => {
    const query = 'query Mine { __typename }';
    const withHash = (sha256Hash: string, text?: string) =>
      JSON.stringify({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    const token = await portal(app, ['person:read']);
    for (const headers of [{}, bearer(token)]) {
      const ok = await raw(app, { body: withHash(sha256(query), query), headers });
      expect(ok.status).toBe(200);
      expect(ok.body?.data).toEqual({ __typename: 'Query' });
      const mismatch = await raw(app, { body: withHash(sha256('{ other }'), query), headers });
      expect(mismatch.status).toBe(400);
      expect(codes(mismatch)).toEqual(['BAD_REQUEST']);
      expect(mismatch.body?.errors?.[0]?.message).toMatch(/does not match its sha256Hash/);
      const hashOnly = await raw(app, { body: withHash(sha256('query Unknown { __typename }')), headers });
      expect(hashOnly.status).toBe(400);
      expect(codes(hashOnly)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
    // Over GET too (Apollo Client's APQ link uses GET for queries when told to).
    const get = await raw(app, {
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true', 'content-type': 'application/json' },
      search: `?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(
        JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } }),
      )}`,
    });
    expect(get.status).toBe(200);
    expect(get.body?.data).toEqual({ __typename: 'Query' });
  });

  it('finding 4: an allow-list client runs its registered queries over GET (by text or by hash), never anything else', async () => {
    const document = 'query BeijingByGet { region(code: "110000") { name } }';
    const hash = await register(app, 'BeijingByGet', document);
    const mutation = 'mutation NotOverGet { __typename }';
    await register(app, 'NotOverGet', mutation);
    const token = await allowListPortal(app);
    const get = (search: string) =>
      raw(app, {
        method: 'GET',
        headers: { ...bearer(token), 'apollo-require-preflight': 'true', 'content-type': 'application/json' },
        search,
      });
    const byText = await get(`?query=${encodeURIComponent(document)}`);
    expect(byText.status).toBe(200);
    expect(byText.body?.data).toEqual({ region: { name: '北京市' } });
    const byHash = await get(
      `?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`,
    );
    expect(byHash.status).toBe(200);
    expect(byHash.body?.data).toEqual({ region: { name: '北京市' } });
    const adHoc = await get(`?query=${encodeURIComponent('{ region(code: "110000") { name } }')}`);
    expect(adHoc.status).toBe(403);
    expect(codes(adHoc)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const mutationOverGet = await get(`?query=${encodeURIComponent(mutation)}`);
    expect(mutationOverGet.status).toBe(405);
    // POST still works as before.
    const post = await raw(app, { body: json(document), headers: bearer(token) });
    expect(post.body?.data).toEqual({ region: { name: '北京市' } });
  });

  it('finding 5: a thousand selections are QUERY_TOO_COMPLEX with the limit’s message, never "Validation aborted."', async () => {
    const roots = await raw(app, { body: json(`{ ${'__typename '.repeat(1000)} }`) });
    expect(roots.status).toBe(400);
    expect(codes(roots)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(roots.body?.errors?.[0]?.message).toBe(
      '1000 root fields exceed the limit of 10; split the request',
    );
    expect(roots.body?.errors?.[0]?.extensions).toMatchObject({ limit: 10, rootFields: 1000 });
    const admin = await app.login('admin');
    const fields = await raw(app, {
      body: json(`{ persons(first: 1) { edges { node { ${'id '.repeat(990)} } } } }`),
      headers: bearer(admin),
    });
    expect(fields.status).toBe(400);
    expect(codes(fields)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(fields.body?.errors?.[0]?.message).toBe('993 field selections exceed the limit of 250');
    expect(fields.body?.errors?.[0]?.extensions).toMatchObject({ limit: 250, fields: 993 });
    expect(fields.text).not.toMatch(/Validation aborted/);
    // Chinese by default, from the catalogue.
    const zh = await raw(app, {
      body: json(`{ persons(first: 1) { edges { node { ${'id '.repeat(990)} } } } }`),
      headers: { ...bearer(admin), 'accept-language': '' },
    });
    expect(zh.body?.errors?.[0]?.message).toMatch(/^查询过于复杂/);
    expect(zh.body?.errors?.[0]?.message).toMatch(/993/);
  });

  it('finding 6: a malformed Money, Date or DateTime written literally is BAD_USER_INPUT with the variable case’s message (and its location)', async () => {
    const cases: [string, string, string, unknown][] = [
      [
        'mutation { passwordFreeLimitSet(input: { personId: "x", limit: "1.001", password: "1" }) { userErrors { code } } }',
        'mutation($v: Money!) { passwordFreeLimitSet(input: { personId: "x", limit: $v, password: "1" }) { userErrors { code } } }',
        '"1.001" has 3 decimals; money has at most two (fen) (MONEY)',
        '1.001',
      ],
      [
        '{ rolloutSummary(on: "2025-02-30") { __typename } }',
        'query($v: Date!) { rolloutSummary(on: $v) { __typename } }',
        '"2025-02-30" is not a valid date: use YYYY-MM-DD (e.g. 2025-05-08)',
        '2025-02-30',
      ],
      [
        '{ transactions(first: 1, filter: { from: "yesterday" }) { totalCount } }',
        'query($v: DateTime) { transactions(first: 1, filter: { from: $v }) { totalCount } }',
        '"yesterday" is not a valid date-time: use ISO 8601 with a time zone (e.g. 2025-05-08T09:30:00.000Z)',
        'yesterday',
      ],
    ];
    for (const [literalQuery, variableQuery, message, value] of cases) {
      for (const language of ['en', '']) {
        const headers = { 'accept-language': language };
        const literal = await raw(app, { body: json(literalQuery), headers });
        const variable = await raw(app, { body: json(variableQuery, { v: value }), headers });
        expect(literal.status).toBe(400);
        expect(variable.status).toBe(400);
        expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
        expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
        expect(literal.body?.errors?.[0]?.message).toBe(variable.body?.errors?.[0]?.message);
        expect(literal.body?.errors?.[0]?.extensions?.['reason']).toBe(
          variable.body?.errors?.[0]?.extensions?.['reason'],
        );
        expect((literal.body?.errors?.[0] as { locations?: unknown[] }).locations?.length).toBe(1);
        if (language === 'en') expect(literal.body?.errors?.[0]?.message).toBe(message);
        else expect(literal.body?.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('finding 7: English texts come from the catalogue: no "LocalDate", no bare JSON parser message', async () => {
    const date = await raw(app, { body: json('{ rolloutSummary(on: "2025-02-30") { __typename } }') });
    expect(date.body?.errors?.[0]?.message).not.toMatch(/LocalDate/);
    expect(date.body?.errors?.[0]?.message).toMatch(/not a valid date: use YYYY-MM-DD/);
    const body = await raw(app, { body: '{"query": "{ __typ' });
    expect(body.status).toBe(400);
    expect(codes(body)).toEqual(['BAD_REQUEST']);
    expect(body.body?.errors?.[0]?.message).toMatch(/^The body is not valid JSON \(.+\)$/);
    const zh = await raw(app, { body: '{"query": "{ __typ', headers: { 'accept-language': '' } });
    expect(zh.body?.errors?.[0]?.message).toMatch(/^请求无效：请求体不是有效的 JSON/);
  });

  it('finding 8: a payment password in variables is never echoed in an error', async () => {
    const password = '147258';
    const requests: [string, Record<string, unknown>][] = [
      [
        'mutation($i: PasswordFreeLimitSetInput!) { passwordFreeLimitSet(input: $i) { userErrors { code } } }',
        { i: { personId: 'x', limit: '1.00', password: Number(password) } },
      ],
      [
        'mutation($i: PasswordFreeLimitSetInput!) { passwordFreeLimitSet(input: $i) { userErrors { code } } }',
        { i: { personId: 'x', limit: '1.00', password, pasword: 1 } },
      ],
      [
        'mutation($p: String!) { passwordFreeLimitSet(input: { personId: "x", limit: "1.00", password: $p }) { userErrors { code } } }',
        { p: Number(password) },
      ],
      [
        'mutation($i: PaymentPasswordChangeInput!) { paymentPasswordChange(input: $i) { userErrors { code } } }',
        { i: { personId: 'x', oldPassword: [password], newPassword: Number(password) } },
      ],
    ];
    for (const [query, variables] of requests) {
      for (const language of ['en', '']) {
        const r = await raw(app, { body: json(query, variables), headers: { 'accept-language': language } });
        expect(r.status).toBe(400);
        expect(codes(r).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
        expect(r.text).not.toContain(password);
        expect(r.text).toContain('[redacted]');
      }
    }
    // Written literally in the query, graphql-js's validation text would repeat it too.
    const literal = await raw(app, {
      body: json(
        `mutation { passwordFreeLimitSet(input: { personId: "x", limit: "1.00", password: ${password} }) { userErrors { code } } }`,
      ),
    });
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(literal.text).not.toContain(password);
    // Other values are still shown, so a developer sees what was wrong.
    const other = await raw(app, {
      body: json('query($d: Date!) { rolloutSummary(on: $d) { __typename } }', { d: 'not-a-date' }),
    });
    expect(other.body?.errors?.[0]?.message).toBe(
      '"not-a-date" is not a valid date: use YYYY-MM-DD (e.g. 2025-05-08)',
    );
  });

  it('finding 9: partial data answers 200 (queries like mutations); 401/403 only when nothing was answered', async () => {
    const analyst = await app.login('analyst');
    const partial = await raw(app, {
      body: json('{ region(code: "110000") { code } apiClient(id: "x") { id } }'),
      headers: bearer(analyst),
    });
    expect(codes(partial)).toEqual(['FORBIDDEN']);
    expect(partial.body?.data).toEqual({ region: { code: '110000' }, apiClient: null });
    expect(partial.status).toBe(200);
    const refused = await raw(app, { body: json('{ apiClient(id: "x") { id } }'), headers: bearer(analyst) });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.status).toBe(403);
    const anonymous = await raw(app, { body: json('{ apiClient(id: "x") { id } }') });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.status).toBe(401);
  });

  it('finding 10: transactions(filter: { kinds }) refuses unknown kinds with BAD_USER_INPUT naming the valid ones', async () => {
    const admin = await app.login('admin');
    const r = await raw(app, {
      body: json('{ transactions(first: 5, filter: { kinds: ["X", "Y"] }) { totalCount } }'),
      headers: bearer(admin),
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body?.errors?.[0]?.message).toMatch(/Unknown transaction kind X; use one of .*SETTLEMENT/);
    expect(r.body?.errors?.[0]?.extensions?.['field']).toEqual(['filter', 'kinds']);
    const known = await raw(app, {
      body: json('{ transactions(first: 5, filter: { kinds: ["SETTLEMENT"] }) { totalCount } }'),
      headers: bearer(admin),
    });
    expect(known.body?.errors).toBeUndefined();
  });
});

describe(`gateway audit 2 in production mode (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { ...PRODUCTION, ...NO_RATE_LIMITS } });
  });
  afterAll(async () => app?.close());

  const enumTypo = json(
    'query($p: KinPurpose!) { kinshipScopeImpact(purpose: $p, effectiveFrom: "2025-01-01", relations: [SPOUSE]) { __typename } }',
    { p: 'MEDICA' },
  );
  const fieldTypo = json(
    'mutation($i: PersonRegisterInput!) { personRegister(input: $i) { userErrors { code } } }',
    {
      i: { idNumbr: 'x', name: 'a', insuranceType: 'EMPLOYEE', regionCode: '110000' },
    },
  );

  it('finding 2: variable coercion errors carry no "Did you mean" for anonymous callers and analysts, in both languages', async () => {
    const analyst = await userToken(app, 'ANALYST');
    for (const headers of [{}, { 'accept-language': '' }, bearer(analyst)]) {
      const e = await raw(app, { body: enumTypo, headers });
      expect(e.status).toBe(400);
      expect(codes(e)).toEqual(['BAD_USER_INPUT']);
      expect(e.text).not.toMatch(/Did you mean|MEDICAL/);
      expect(e.body?.errors?.[0]?.message).toMatch(/MEDICA/);
      const f = await raw(app, { body: fieldTypo, headers });
      expect(f.status).toBe(400);
      expect(f.text).not.toMatch(/Did you mean|"idNumber"\?/);
    }
    const zh = await raw(app, { body: enumTypo, headers: { 'accept-language': '' } });
    expect(zh.body?.errors?.[0]?.message).toMatch(/^请求参数无效：变量 \$p 的值 "MEDICA" 无效：/);
  });

  it('…ADMIN still gets the suggestions', async () => {
    const admin = await userToken(app, 'ADMIN');
    const e = await raw(app, { body: enumTypo, headers: bearer(admin) });
    expect(e.body?.errors?.[0]?.message).toMatch(/Did you mean the enum value "MEDICAL"\?/);
    const f = await raw(app, { body: fieldTypo, headers: bearer(admin) });
    expect(f.text).toMatch(/Did you mean \\"idNumber\\"\?/);
  });
});
