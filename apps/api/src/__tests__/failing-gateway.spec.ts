import { ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { signSession } from '../auth/tokens';
import { Role } from '../auth/principal';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CONFIRM, institutionId, personId } from './settlement-helpers';
import { bearer, moneySnapshot, raw, userToken } from './gateway.helpers';
import { key, portal } from './wallet.helpers';

const json = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

interface ListedClient {
  id: string;
  keyPrefix: string;
  lastUsedAt: string | null;
}

interface ClientPage {
  apiClients: {
    edges: { node: ListedClient }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every API client as ADMIN lists them (the `apiClients` connection, page after page of 100). */
async function allClients(app: TestApp, admin: string): Promise<ListedClient[]> {
  const out: ListedClient[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { data?: ClientPage | null } = await app.gql<ClientPage>(
      'query($after: String) { apiClients(first: 100, after: $after) { edges { node { id keyPrefix lastUsedAt } } pageInfo { hasNextPage endCursor } } }',
      { after },
      admin,
    );
    out.push(...page.data!.apiClients.edges.map((e) => e.node));
    if (!page.data!.apiClients.pageInfo.hasNextPage) return out;
    after = page.data!.apiClients.pageInfo.endCursor;
  }
}

/** The id of the API client whose key is `key` (the key's public prefix names it), as ADMIN lists them. */
async function clientIdOf(app: TestApp, key: string): Promise<string> {
  const prefix = key.split('_')[1];
  const client = (await allClients(app, await app.login('admin'))).find((c) => c.keyPrefix === prefix);
  if (!client) throw new Error(`no API client with prefix ${prefix}`);
  return client.id;
}

/** ADMIN changes an API client (rate limit, allow-list mode…). */
async function updateClient(app: TestApp, key: string, change: Record<string, unknown>): Promise<void> {
  const res = await app.gql<{ apiClientUpdate: { userErrors: unknown[] } }>(
    'mutation($i: ApiClientUpdateInput!) { apiClientUpdate(input: $i) { userErrors { code } } }',
    { i: { id: await clientIdOf(app, key), reason: 'test', ...change } },
    await app.login('admin'),
  );
  expect(res.data!.apiClientUpdate.userErrors).toEqual([]);
}
const codes = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } | null }) =>
  (r.body?.errors ?? []).map((e) => e.extensions?.['code']);

/**
 * Issue #8 security suite: each abusive or forbidden request gets its precise refusal, and nothing moves (the
 * ledger's transactions, postings and pocket total are unchanged after every case).
 */
describe(`gateway refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let before: Awaited<ReturnType<typeof moneySnapshot>>;
  beforeAll(async () => {
    app = await createTestApp();
    before = await moneySnapshot(app);
  });
  afterEach(async () => {
    expect(await moneySnapshot(app)).toEqual(before);
  });
  afterAll(async () => app?.close());

  it('101 aliases: QUERY_TOO_COMPLEX before anything runs', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: region(code: "110000") { code }`).join(' ');
    const r = await raw(app, { body: json(`{ ${aliases} }`) });
    expect(r.status).toBe(400);
    expect(codes(r)).toContain('QUERY_TOO_COMPLEX');
    expect(r.body?.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded, found 101/);
    expect(r.body?.data ?? null).toBeNull();
  });

  it('a batch of 11 operations is refused (batching off)', async () => {
    const batch = JSON.stringify(Array.from({ length: 11 }, () => ({ query: '{ __typename }' })));
    const r = await raw(app, { body: batch });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/batching/i);
  });

  it('__typename × 500: QUERY_TOO_COMPLEX (root fields at the top, field selections below)', async () => {
    const top = await raw(app, { body: json(`{ ${'__typename '.repeat(500)} }`) });
    expect(top.status).toBe(400);
    expect(codes(top)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(top.body?.errors?.[0]?.extensions).toMatchObject({ limit: 10, rootFields: 500 });
    const nested = await raw(app, {
      body: json(`{ region(code: "110000") { ${'__typename '.repeat(500)} } }`),
    });
    expect(nested.status).toBe(400);
    expect(codes(nested)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(nested.body?.errors?.[0]?.extensions).toMatchObject({ limit: 250, fields: 501 });
  });

  it('a document over 2,000 tokens is refused by the parser (400, not 500); a plain syntax error is a 400 too', async () => {
    const big = await raw(app, { body: json(`{ region(code: "110000") { ${'code '.repeat(2100)} } }`) });
    expect(big.status).toBe(400);
    expect(codes(big)).toEqual(['QUERY_TOO_COMPLEX']);
    const broken = await raw(app, { body: json('{ region(code: "110000") { code ') });
    expect(broken.status).toBe(400);
    expect(codes(broken)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('10 duplicated directives are refused', async () => {
    const directives = ' @include(if: true)'.repeat(10);
    const r = await raw(app, { body: json(`{ region(code: "110000") { code${directives} } }`) });
    expect(r.status).toBe(400);
    expect(r.body?.data ?? null).toBeNull();
    expect(codes(r).every((c) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(r.body?.errors?.map((e) => e.message).join(' ')).toMatch(/can only be used once|Directives limit/);
  });

  it('circular fragments are refused by validation', async () => {
    const r = await raw(app, {
      body: json(
        'query { region(code: "110000") { ...A } } fragment A on Region { code ...B } fragment B on Region { name ...A }',
      ),
    });
    expect(r.status).toBe(400);
    expect(codes(r)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(r.body?.errors?.map((e) => e.message).join(' ')).toMatch(
      /Cannot spread fragment "A" within itself/,
    );
  });

  it('depth 12: QUERY_TOO_COMPLEX', async () => {
    // depth 12: person > (beneficiaries > beneficiary) × 5 > id
    const query = `{ person(id: "x") { ${'beneficiaries { beneficiary { '.repeat(5)} id ${'} } '.repeat(5)} } }`;
    const r = await raw(app, { body: json(query) });
    expect(r.status).toBe(400);
    expect(codes(r)).toContain('QUERY_TOO_COMPLEX');
    expect(r.body?.errors?.[0]?.message).toMatch(/[Dd]epth limit of 10/);
  });

  it('first: 99999999 is refused before execution', async () => {
    const r = await raw(app, { body: json('{ regions(first: 99999999) { totalCount } }') });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body?.errors?.[0]?.extensions).toMatchObject({ limit: 100, first: 99999999 });
  });

  it('first: -1 is refused before execution like first: 101 (400 BAD_USER_INPUT on first, Chinese by default)', async () => {
    const r = await raw(app, {
      body: json('{ regions(first: -1) { totalCount } }'),
      headers: { authorization: `Bearer ${await app.login('admin')}`, 'accept-language': '' },
    });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body?.errors?.[0]?.extensions).toMatchObject({ field: ['first'] });
    expect(r.body?.errors?.[0]?.message).toMatch(/-1/);
  });

  it('a page size in a variable is measured per value: the same document passes with 5 and is refused with 99999999', async () => {
    const query = 'query($n: Int) { regions(first: $n) { totalCount } }';
    const token = await app.login('admin');
    const headers = { authorization: `Bearer ${token}` };
    const small = await raw(app, {
      headers,
      body: JSON.stringify({ query, variables: { n: 5 } }),
    });
    expect(small.status).toBe(200);
    const again = await raw(app, {
      headers,
      body: JSON.stringify({ query, variables: { n: 5 } }),
    });
    expect(again.status).toBe(200);
    const big = await raw(app, {
      headers,
      body: JSON.stringify({ query, variables: { n: 99999999 } }),
    });
    expect(big.status).toBe(400);
    expect(codes(big)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('a mutation over GET is refused (405) and does not run', async () => {
    const q = encodeURIComponent(
      'mutation { sessionCreate(input: { username: "admin", password: "x" }) { token } }',
    );
    const r = await raw(app, {
      method: 'GET',
      search: `?query=${q}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(r.status).toBe(405);
    expect(r.text).toMatch(/mutation.*GET|GET.*mutation/i);
  });

  it('a URL-encoded POST (a CSRF vector) is refused', async () => {
    const r = await raw(app, {
      body: 'query=%7B__typename%7D',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(400);
    expect(r.body?.data ?? null).toBeNull();
  });

  it('a hospital settling at another institution: FORBIDDEN, nothing moves', async () => {
    const xiehe = await institutionId(app, 'H11010100001');
    const other = await institutionId(app, 'H11010500002');
    const token = await portal(app, ['settlement:write'], { institutionId: xiehe });
    const r = await app.gql(
      CONFIRM,
      {
        input: {
          patientId: await personId(app, '王丽'),
          institutionId: other,
          visitType: 'OUTPATIENT',
          serviceDate: '2025-03-10',
          covered: '100.00',
          channel: 'E_VOUCHER',
          idempotencyKey: key('other-institution'),
        },
      },
      token,
    );
    expect(r.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(r.errors?.[0]?.message).toMatch(/own institution/);
  });

  it('a revoked key is refused within the same process at once', async () => {
    const token = await portal(app, ['person:read']);
    const ok = await raw(app, { body: json('{ __typename }'), headers: bearer(token) });
    expect(ok.status).toBe(200);
    const admin = await app.login('admin');
    const client = (await allClients(app, admin)).find((c) => token.startsWith(`gj_${c.keyPrefix}_`))!;
    expect(client.lastUsedAt).not.toBeNull();
    const revoked = await app.gql<{ apiClientRevoke: { apiClient: { revokedAt: string | null } } }>(
      'mutation($i: ApiClientIdInput!) { apiClientRevoke(input: $i) { apiClient { revokedAt } userErrors { code } } }',
      { i: { id: client.id, reason: 'contract ended' } },
      admin,
    );
    expect(revoked.data!.apiClientRevoke.apiClient.revokedAt).not.toBeNull();
    const r = await raw(app, { body: json('{ __typename }'), headers: bearer(token) });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.body?.errors?.[0]?.extensions?.['requestId']).toEqual(expect.any(String));
  });

  it('a rotated key replaces the old one', async () => {
    const token = await portal(app, ['person:read']);
    const admin = await app.login('admin');
    const id = await clientIdOf(app, token);
    const rotated = await app.gql<{ apiClientRotate: { apiKey: string } }>(
      'mutation($i: ApiClientIdInput!) { apiClientRotate(input: $i) { apiKey userErrors { code } } }',
      { i: { id, reason: 'key leaked in a log' } },
      admin,
    );
    const fresh = rotated.data!.apiClientRotate.apiKey;
    expect(fresh).toMatch(/^gj_/);
    expect((await raw(app, { body: json('{ __typename }'), headers: bearer(token) })).status).toBe(401);
    expect((await raw(app, { body: json('{ __typename }'), headers: bearer(fresh) })).status).toBe(200);
  });

  it('an expired session is refused', async () => {
    const { token } = signSession(
      { sub: 'nobody', username: 'admin', role: Role.ADMIN },
      'gongji-development-secret-not-for-production-use',
      -10,
    );
    const r = await raw(app, { body: json('{ viewer { username } }'), headers: bearer(token) });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.body?.errors?.[0]?.message).toMatch(/expired/);
  });

  it('rate limit exceeded: 429 RATE_LIMITED with retry-after, per client', async () => {
    const token = await portal(app, ['person:read']);
    await updateClient(app, token, { rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof raw>> | null = null;
    for (let i = 0; i < 5; i++) {
      last = await raw(app, { body: json('{ __typename }'), headers: bearer(token) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(codes(last!)).toEqual(['RATE_LIMITED']);
    const retry = Number(last!.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(last!.body?.errors?.[0]?.extensions?.['retryAfterSeconds']).toBe(retry);
    // another client's budget is its own
    const other = await portal(app, ['person:read']);
    expect((await raw(app, { body: json('{ __typename }'), headers: bearer(other) })).status).toBe(200);
  });

  it('allow-list mode: a portal runs only persisted operations', async () => {
    const token = await portal(app, ['person:read']);
    const admin = await app.login('admin');
    await updateClient(app, token, { persistedOperationsOnly: true });
    const document = 'query Beijing { region(code: "110000") { name } }';
    const registered = await app.gql<{
      persistedOperationRegister: { persistedOperation: { sha256Hash: string } };
    }>(
      'mutation($i: PersistedOperationRegisterInput!) { persistedOperationRegister(input: $i) { persistedOperation { sha256Hash } userErrors { code } } }',
      { i: { name: 'Beijing', document } },
      admin,
    );
    const hash = registered.data!.persistedOperationRegister.persistedOperation.sha256Hash;
    const adHoc = await raw(app, {
      body: json('{ region(code: "110000") { name } }'),
      headers: bearer(token),
    });
    expect(adHoc.status).toBe(403);
    expect(codes(adHoc)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    const byHash = await raw(app, {
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      headers: bearer(token),
    });
    expect(byHash.status).toBe(200);
    expect(byHash.body?.data).toEqual({ region: { name: '北京市' } });
    const fullText = await raw(app, { body: json(document), headers: bearer(token) });
    expect(fullText.body?.data).toEqual({ region: { name: '北京市' } });
  });

  it('variables that do not fit are BAD_USER_INPUT (400), never a 500', async () => {
    const r = await raw(app, {
      body: JSON.stringify({ query: 'query($c: ID!) { region(code: $c) { code } }', variables: { c: null } }),
    });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('variables nested 8,000 levels deep (56 kB) are QUERY_TOO_COMPLEX (400), anonymously too, never a stack overflow', async () => {
    // written as text: JSON.stringify of such a value overflows the stack in the test process too
    const nested = `${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}`;
    const query = 'query($x: StatsFilter) { ledgerStats(groupBy: [REGION], filter: $x) { kind } }';
    for (const headers of [{}, bearer(await app.login('analyst'))]) {
      const r = await raw(app, {
        body: `{"query":${JSON.stringify(query)},"variables":{"x":${nested}}}`,
        headers,
      });
      expect(r.status).toBe(400);
      expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(r.body?.errors?.[0]?.extensions).toMatchObject({ limit: 32, depth: 33 });
    }
    // an honest input of the deepest shape passes the limit (and fails, if at all, on its content)
    const fine = await raw(app, {
      body: JSON.stringify({ query, variables: { x: { provinceCode: '110000' } } }),
      headers: bearer(await app.login('analyst')),
    });
    expect(codes(fine)).not.toContain('QUERY_TOO_COMPLEX');
  });

  it('a subscription document is a malformed request (400 GRAPHQL_VALIDATION_FAILED), not an internal fault', async () => {
    for (const query of ['subscription { __typename }', 'subscription { x }']) {
      const r = await raw(app, { body: json(query) });
      expect(r.status).toBe(400);
      expect(codes(r)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(codes(r)).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });

  it('text holding U+0000 (in a variable or a literal) is BAD_USER_INPUT (400) before anything runs, never a 500: PostgreSQL refuses it in text', async () => {
    const token = await app.login('counter');
    const persons = await app.db.getRepository(PersonEntity).count();
    const register = await raw(app, {
      body: JSON.stringify({
        query:
          'mutation($i: PersonRegisterInput!) { personRegister(input: $i) { person { id } userErrors { code } } }',
        variables: {
          i: {
            name: '张\u0000三',
            idNumber: '110105199003070017',
            insuranceType: 'EMPLOYEE',
            employmentStatus: 'IN_SERVICE',
            regionCode: '110000',
            phone: '13900000009',
          },
        },
      }),
      headers: bearer(token),
    });
    expect(register.status).toBe(400);
    expect(codes(register)).toEqual(['BAD_USER_INPUT']);
    expect(register.body?.errors?.[0]?.extensions?.['field']).toEqual(['i', 'name']);
    expect(register.body?.data ?? null).toBeNull();
    expect(await app.db.getRepository(PersonEntity).count()).toBe(persons);
    const lookup = await raw(app, {
      body: json('{ personByIdNumber(idNumber: "11010519800601038\\u0000") { id } }'),
      headers: bearer(token),
    });
    expect(lookup.status).toBe(400);
    expect(codes(lookup)).toEqual(['BAD_USER_INPUT']);
  });

  it('metrics count errors by code, rate-limit refusals and ledger transactions by kind', async () => {
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(/gongji_graphql_errors_total\{code="QUERY_TOO_COMPLEX"\} \d+/);
    expect(text).toMatch(/gongji_rate_limited_total\{caller="client"\} \d+/);
    expect(text).toMatch(/gongji_graphql_operations_total\{/);
    expect(text).toContain('gongji_ledger_transactions_total');
  });

  it('every error carries the request id that the response header names', async () => {
    const r = await raw(app, { body: json('{ nope }'), headers: { 'x-request-id': 'req-test-123' } });
    expect(r.headers.get('x-request-id')).toBe('req-test-123');
    expect(r.body?.errors?.[0]?.extensions?.['requestId']).toBe('req-test-123');
  });
});

describe(`gateway in production mode (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({
      env: {
        NODE_ENV: 'production',
        GONGJI_SECRET: 'a-production-test-secret-of-at-least-32-chars!',
        GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
      },
    });
  });
  afterAll(async () => app?.close());

  const introspection = json('{ __schema { types { name fields { name } } } }');
  const typo = json('{ regoin(code: "110000") { code } }');

  it('introspection and field suggestions are refused anonymously', async () => {
    const r = await raw(app, { body: introspection });
    expect(r.status).toBe(403);
    expect(codes(r)).toEqual(['INTROSPECTION_DISABLED']);
    const t = await raw(app, { body: typo });
    expect(t.status).toBe(400);
    expect(t.text).not.toMatch(/Did you mean/);
    expect(t.body?.errors?.[0]?.message).toBe('Cannot query field "regoin" on type "Query".');
    expect(t.body?.errors?.[0]?.extensions?.['stacktrace']).toBeUndefined();
  });

  it('…and as ANALYST', async () => {
    const token = await userToken(app, 'ANALYST');
    const r = await raw(app, { body: introspection, headers: bearer(token) });
    expect(codes(r)).toEqual(['INTROSPECTION_DISABLED']);
    const nested = await raw(app, {
      body: json(
        '{ region(code: "110000") { ...F } } fragment F on Region { code __type_alias: __typename }',
      ),
      headers: bearer(token),
    });
    expect(nested.status).toBe(200);
    const typeQuery = await raw(app, {
      body: json('{ __type(name: "Person") { name } }'),
      headers: bearer(token),
    });
    expect(codes(typeQuery)).toEqual(['INTROSPECTION_DISABLED']);
    const t = await raw(app, { body: typo, headers: bearer(token) });
    expect(t.text).not.toMatch(/Did you mean/);
  });

  it('ADMIN may introspect and gets suggestions', async () => {
    const token = await userToken(app, 'ADMIN');
    const r = await raw(app, { body: introspection, headers: bearer(token) });
    expect(r.status).toBe(200);
    const types = (r.body?.data as { __schema: { types: { name: string }[] } }).__schema.types.map(
      (t) => t.name,
    );
    expect(types).toContain('Person');
    const t = await raw(app, { body: typo, headers: bearer(token) });
    expect(t.body?.errors?.[0]?.message).toMatch(/Did you mean "region"/);
  });

  it('/metrics is off in production without GONGJI_METRICS_TOKEN (404), never answered anonymously', async () => {
    const r = await fetch(`${app.url}/metrics`);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toMatch(/gongji_/);
  });
});

describe(`/metrics with GONGJI_METRICS_TOKEN in production (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  const token = 'scraper-token-for-this-test';
  beforeAll(async () => {
    app = await createTestApp({
      env: {
        NODE_ENV: 'production',
        GONGJI_SECRET: 'a-production-test-secret-of-at-least-32-chars!',
        GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
        GONGJI_METRICS_TOKEN: token,
      },
    });
  });
  afterAll(async () => app?.close());

  it('answers the scraper with the token, 401 without it or with another one', async () => {
    const none = await fetch(`${app.url}/metrics`);
    expect(none.status).toBe(401);
    const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/gongji_graphql_operations_total/);
  });
});
