import { AuditLogEntity, ENTITY_DIALECT, InstitutionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

describe(`auth: sessions and API clients (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('a demo user signs in and sees itself as viewer', async () => {
    const token = await app.login('counter');
    const res = await app.gql<{ viewer: { username: string; role: string } }>(
      '{ viewer { username role displayName } }',
      {},
      token,
    );
    expect(res.data!.viewer).toMatchObject({ username: 'counter', role: 'COUNTER' });
  });

  it("sessionEnd signs the user out everywhere: this token and the other tab's are refused, other users and a new sign-in are not", async () => {
    // Black-box audit: there was no server-side sign-out; a token stayed valid for 8 hours after 退出登录.
    const signIn = async () =>
      (
        await app.gql<{ sessionCreate: { token: string } }>(
          'mutation { sessionCreate(input: { username: "analyst", password: "gongji-analyst-demo" }) { token } }',
          {},
        )
      ).data!.sessionCreate.token;
    const tab1 = await signIn();
    const tab2 = await signIn();
    const other = await app.login('counter');
    const viewer = (token: string) =>
      app.gql<{ viewer: { username: string } | null }>('{ viewer { username } }', {}, token);
    expect((await viewer(tab2)).data!.viewer).toEqual({ username: 'analyst' });
    const ended = await app.gql<{ sessionEnd: { endedAt: string; userErrors: unknown[] } }>(
      'mutation { sessionEnd { endedAt userErrors { code } } }',
      {},
      tab1,
    );
    expect(ended.data!.sessionEnd.userErrors).toEqual([]);
    expect(Date.parse(ended.data!.sessionEnd.endedAt)).toBeGreaterThan(Date.now() - 60_000);
    for (const token of [tab1, tab2]) {
      const res = await viewer(token);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
    expect((await viewer(other)).data!.viewer).toEqual({ username: 'counter' });
    const again = await signIn();
    expect((await viewer(again)).data!.viewer).toEqual({ username: 'analyst' });
    // An API key has no session to end.
    const anonymous = await app.gql('mutation { sessionEnd { endedAt } }', {});
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('ADMIN creates a PORTAL client; the key is shown once, stored only as a hash, and authenticates', async () => {
    const hospital = await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code: 'H11010100001' });
    const res = await app.gql<{
      apiClientCreate: {
        apiKey: string;
        apiClient: { id: string; keyPrefix: string; scopes: string[] };
        userErrors: unknown[];
      };
    }>(
      `mutation($i: ID) { apiClientCreate(input: { name: "协和 HIS", scopes: ["settlement:write"], institutionId: $i }) {
        apiKey apiClient { id keyPrefix scopes institutionId } userErrors { code message } } }`,
      { i: hospital.id },
      await app.login('admin'),
    );
    const payload = res.data!.apiClientCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.apiKey).toMatch(new RegExp(`^gj_${payload.apiClient.keyPrefix}_`));
    const stored = await app.db.query('SELECT * FROM api_clients');
    expect(JSON.stringify(stored)).not.toContain(payload.apiKey);
    const audit = await app.db.getRepository(AuditLogEntity).findOneByOrFail({ action: 'apiClientCreate' });
    expect(audit.entityId).toBe(payload.apiClient.id);

    const asPortal = await app.gql<{ regions: { totalCount: number }; viewer: null }>(
      '{ viewer { id } regions { totalCount } }',
      {},
      payload.apiKey,
    );
    expect(asPortal.errors).toBeUndefined();
    expect(asPortal.data!.viewer).toBeNull();
    expect(asPortal.data!.regions.totalCount).toBeGreaterThan(0);

    const forbidden = await app.gql(
      'mutation { regionUpdate(input: { code: "110000", name: "x" }) { userErrors { code } } }',
      {},
      payload.apiKey,
    );
    expect(forbidden.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe(`auth: refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('COUNTER cannot create API clients', async () => {
    const res = await app.gql(
      'mutation { apiClientCreate(input: { name: "x", scopes: ["premium:write"] }) { apiKey } }',
      {},
      await app.login('counter'),
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('an unknown scope is a userError and creates nothing', async () => {
    const res = await app.gql<{
      apiClientCreate: { apiKey: null; userErrors: { code: string; field: string[] }[] };
    }>(
      'mutation { apiClientCreate(input: { name: "x", scopes: ["money:print"] }) { apiKey userErrors { code field } } }',
      {},
      await app.login('admin'),
    );
    expect(res.data!.apiClientCreate).toEqual({
      apiKey: null,
      userErrors: [{ code: 'INVALID_INPUT', field: ['scopes'] }],
    });
    expect(await app.db.query('SELECT COUNT(*) AS n FROM api_clients')).toEqual([
      { n: ENTITY_DIALECT === 'postgres' ? '0' : 0 },
    ]);
  });

  it('a malformed or revoked API key is UNAUTHENTICATED', async () => {
    for (const key of ['gj_000000000000_nope-nope-nope-nope-nope', 'gj_bad']) {
      const res = await app.gql('{ regions { totalCount } }', {}, key);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('a non-Bearer Authorization header is UNAUTHENTICATED, not a 500', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: '{ regions { totalCount } }' }),
    });
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
