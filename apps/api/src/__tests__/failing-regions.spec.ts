import { AuditLogEntity, ENTITY_DIALECT, RegionEntity } from '@gongji/persistence';
import { makeIdNumber } from '@gongji/domain/testing';
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

  it('regions(filter: { ids }) with more than 100 codes is BAD_USER_INPUT (Chinese by default), never cut silently', async () => {
    const admin = await app.login('admin');
    const codes = (
      await app.gql<{ regions: { edges: { node: { code: string } }[] } }>(
        '{ regions(first: 100) { edges { node { code } } } }',
        {},
        admin,
      )
    ).data!.regions.edges.map((e) => e.node.code);
    const query = 'query($ids: [ID!]) { regions(filter: { ids: $ids }, first: 100) { totalCount } }';
    const ok = await app.gql<{ regions: { totalCount: number } }>(query, { ids: codes }, admin);
    expect(ok.data!.regions.totalCount).toBe(100);
    const over = await app.gql(query, { ids: [...codes, '999999'] }, admin, { 'accept-language': '' });
    expect(over.data).toBeNull();
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'ids'] });
    expect(over.errors?.[0]?.message).toContain('101');
    expect(over.errors?.[0]?.message).toContain('最多100');
  });

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
    // BAD_USER_INPUT like the same date in a variable (gateway audit 2, finding 6).
    ['a malformed date', '{ rolloutSummary(on: "2025-02-30") { regionsOpen } }', 'BAD_USER_INPUT'],
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

describe(`regions withdrawn by the reference data, staff-owned fields (${ENTITY_DIALECT}, issue #9)`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('R-ACC-2: a withdrawn region stays readable but refuses new registrations', async () => {
    await app.db
      .getRepository(RegionEntity)
      .update({ code: '350900' }, { active: false, withdrawnAt: new Date() });
    const admin = await app.login('admin');
    const region = await app.gql<{ region: { name: string; active: boolean; withdrawnAt: string | null } }>(
      '{ region(code: "350900") { name active withdrawnAt } }',
      {},
      admin,
    );
    expect(region.data!.region).toMatchObject({ name: '宁德市', active: false });
    expect(region.data!.region.withdrawnAt).not.toBeNull();
    const withdrawn = await app.gql<{ regions: { edges: { node: { code: string } }[] } }>(
      '{ regions(filter: { active: false }) { edges { node { code } } } }',
      {},
      admin,
    );
    expect(withdrawn.data!.regions.edges.map((e) => e.node.code)).toEqual(['350900']);
    const res = await app.gql<{
      personRegister: { person: unknown; userErrors: { code: string; field: string[]; rule: string }[] };
    }>(
      `mutation { personRegister(input: { name: "郑敏", idNumber: "${makeIdNumber('350902', '1980-01-01', 21)}",
         regionCode: "350900", insuranceType: EMPLOYEE, employmentStatus: IN_SERVICE }) {
         person { id } userErrors { code field rule } } }`,
      {},
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.personRegister).toEqual({
      person: null,
      userErrors: [{ code: 'INVALID_INPUT', field: ['regionCode'], rule: 'R-ACC-2' }],
    });
  });

  it('a rollout date that was or becomes a past date needs a reason (REASON_REQUIRED on reason, Chinese by default); nothing changes', async () => {
    const admin = await app.login('admin');
    const before = await app.db.getRepository(RegionEntity).findOneByOrFail({ code: '110000' });
    const res = await app.gql<{
      regionUpdate: { region: unknown; userErrors: { code: string; field: string[]; message: string }[] };
    }>(
      'mutation { regionUpdate(input: { code: "110000", supplementaryPremiumKinFrom: "2022-12-02" }) { region { code } userErrors { code field message } } }',
      {},
      admin,
      { 'accept-language': '' },
    );
    expect(res.data!.regionUpdate.region).toBeNull();
    expect(res.data!.regionUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'] }),
    ]);
    expect(res.data!.regionUpdate.userErrors[0].message).toContain('须填写原因');
    // The feature in words, never the field's identifier (a black-box tester read "supplementaryPremiumKinFrom").
    expect(res.data!.regionUpdate.userErrors[0].message).toContain('为亲属缴纳补充医疗保险');
    expect(res.data!.regionUpdate.userErrors[0].message).not.toMatch(/[A-Za-z]{4,}/);
    expect(await app.db.getRepository(RegionEntity).findOneByOrFail({ code: '110000' })).toEqual(before);
    // a future date that was future before needs none
    const future = await app.gql<{ regionUpdate: { userErrors: unknown[] } }>(
      'mutation { regionUpdate(input: { code: "120000", walletFrom: "2031-01-01" }) { userErrors { code } } }',
      {},
      admin,
    );
    expect(future.data!.regionUpdate.userErrors).toEqual([]);
  });

  it('a refused regionUpdate makes no field staff-owned; an accepted one adds only the fields it changed', async () => {
    const admin = await app.login('admin');
    const owned = async () =>
      (await app.db.getRepository(RegionEntity).findOneByOrFail({ code: '320100' })).staffOwnedFields;
    await app.gql(
      'mutation { regionUpdate(input: { code: "320100", walletFrom: "2024-11-30" }) { userErrors { code } } }',
      {},
      admin,
    );
    expect(await owned()).toBeNull();
    await app.gql(
      'mutation { regionUpdate(input: { code: "320100", walletFrom: "2025-03-01", name: "南京市", reason: "更正开通日期" }) { userErrors { code } } }',
      {},
      admin,
    );
    expect(await owned()).toEqual(['walletFrom']);
    await app.gql(
      'mutation { regionUpdate(input: { code: "320100", name: "南京" }) { userErrors { code } } }',
      {},
      admin,
    );
    expect(await owned()).toEqual(['name', 'walletFrom']);

    const release = (input: string) =>
      app.gql<{
        regionUpdate: {
          region: { walletFrom: string | null; staffOwnedFields: string[] } | null;
          userErrors: { code: string; field: string[] }[];
        };
      }>(
        `mutation { regionUpdate(input: { code: "320100", ${input} }) {
           region { walletFrom staffOwnedFields } userErrors { code field } } }`,
        {},
        admin,
      );
    for (const bad of [
      'returnToReferenceData: ["version"]',
      'walletFrom: "2025-04-01", returnToReferenceData: ["walletFrom"]',
    ]) {
      expect((await release(bad)).data!.regionUpdate).toEqual({
        region: null,
        userErrors: [{ code: 'INVALID_INPUT', field: ['returnToReferenceData'] }],
      });
    }
    expect(await owned()).toEqual(['name', 'walletFrom']);
    // Handed back: the reference value (南京 is not in the wallet) and the loader's again.
    // Handing back a wallet date already past (2025-03-01) rewrites history too: it needs a reason.
    expect((await release('returnToReferenceData: ["walletFrom"]')).data!.regionUpdate).toEqual({
      region: null,
      userErrors: [{ code: 'REASON_REQUIRED', field: ['reason'] }],
    });
    expect(
      (await release('returnToReferenceData: ["walletFrom"], reason: "按参考数据恢复"')).data!.regionUpdate,
    ).toEqual({
      region: { walletFrom: null, staffOwnedFields: ['name'] },
      userErrors: [],
    });
    const audit = (await app.db.getRepository(AuditLogEntity).findBy({ entityId: '320100' })).filter(
      (a) => a.after?.['walletFrom'] === null,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { walletFrom: '2025-03-01', staffOwnedFields: ['name', 'walletFrom'] },
      after: { walletFrom: null, staffOwnedFields: ['name'] },
    });
  });
});
