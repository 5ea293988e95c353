import { AuditLogEntity, ENTITY_DIALECT, RegionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

describe(`regions: refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  const update = (input: string) =>
    `mutation { regionUpdate(input: { ${input} }) { region { code mutualAidUseFrom } userErrors { code message field rule } } }`;

  async function unchangedBeijing(): Promise<void> {
    const row = await app.db.getRepository(RegionEntity).findOneByOrFail({ code: '110000' });
    expect(row).toMatchObject({ mutualAidRegistrationFrom: '2022-10-15', mutualAidUseFrom: '2022-12-01' });
    expect(await app.db.getRepository(AuditLogEntity).count()).toBe(0);
  }

  it('regionUpdate as ANALYST is a top-level FORBIDDEN and changes nothing', async () => {
    const res = await app.gql(
      update('code: "110000", mutualAidUseFrom: "2023-01-01"'),
      {},
      await app.login('analyst'),
    );
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await unchangedBeijing();
  });

  it('anonymous calls are UNAUTHENTICATED; a bad token too', async () => {
    const anon = await app.gql('{ regions { totalCount } }');
    expect(anon.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const bad = await app.gql('{ regions { totalCount } }', {}, 'not-a-token');
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('R-KIN-3: mutual-aid use before registration is a userError with the rule id, nothing changes', async () => {
    const res = await app.gql<{
      regionUpdate: {
        region: unknown;
        userErrors: { code: string; field: string[]; rule: string; message: string }[];
      };
    }>(update('code: "110000", mutualAidUseFrom: "2022-10-01"'), {}, await app.login('admin'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.regionUpdate.region).toBeNull();
    expect(res.data!.regionUpdate.userErrors).toEqual([
      expect.objectContaining({
        code: 'USE_BEFORE_REGISTRATION',
        field: ['mutualAidUseFrom'],
        rule: 'R-KIN-3',
      }),
    ]);
    expect(res.data!.regionUpdate.userErrors[0].message).toMatch(/R-KIN-3/);
    await unchangedBeijing();
  });

  it('R-WAL-1: a wallet date before the national launch is refused', async () => {
    const res = await app.gql<{ regionUpdate: { userErrors: { rule: string; field: string[] }[] } }>(
      update('code: "130100", walletFrom: "2024-11-30"'),
      {},
      await app.login('admin'),
    );
    expect(res.data!.regionUpdate.userErrors).toEqual([
      expect.objectContaining({ rule: 'R-WAL-1', field: ['walletFrom'] }),
    ]);
  });

  it('an unknown region is a NOT_FOUND userError', async () => {
    const res = await app.gql<{ regionUpdate: { userErrors: { code: string }[] } }>(
      update('code: "999999", walletFrom: "2025-01-01"'),
      {},
      await app.login('admin'),
    );
    expect(res.data!.regionUpdate.userErrors[0].code).toBe('NOT_FOUND');
  });

  it.each([
    ['a malformed date', '{ rolloutSummary(on: "2025-02-30") { regionsOpen } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'first above 100 (refused before execution)',
      '{ regions(first: 101) { totalCount } }',
      'QUERY_TOO_COMPLEX',
    ],
    ['a forged cursor', '{ regions(after: "bm9wZQ==") { totalCount } }', 'BAD_USER_INPUT'],
    ['an unknown field', '{ regions { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a query nested too deep',
      '{ region(code: "130100") { province { province { province { province { province { province { province { province { province { province { province { province { code } } } } } } } } } } } } } }',
      'QUERY_TOO_COMPLEX',
    ],
  ])('%s is a typed top-level error, never a 500 or a stack trace', async (_name, query, code) => {
    const res = await app.gql(query, {}, await app.login('analyst'));
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('a wrong password is an INVALID_CREDENTIALS userError without a token', async () => {
    const res = await app.gql<{ sessionCreate: { token: string | null; userErrors: { code: string }[] } }>(
      'mutation { sessionCreate(input: { username: "admin", password: "wrong" }) { token userErrors { code } } }',
    );
    expect(res.data!.sessionCreate).toEqual({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('an oversize body is refused with 413 in GraphQL error shape', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ regions { totalCount } } # ${'x'.repeat(600_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('BAD_REQUEST');
  });
});
