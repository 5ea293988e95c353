import { AuditLogEntity, ENTITY_DIALECT, RegionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

const SUMMARY = `query($on: Date!) { rolloutSummary(on: $on) {
  on regionsOpen reportedRegionsOpen reportedAsOf provincesOpen
  fullCoverageProvinces { code name } usageChangeProvinces { code name }
  provinces { province { code name } regionsOpen regionsEnumerated fullCoverage usageLocationChange }
} }`;

describe(`regions and rollout over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  it('R-WAL-2: rolloutSummary on 2025-05-08 reports the named regions, 21 provinces + XPCC, 11 全域, 6 使用地变更 and the published 227', async () => {
    const res = await app.gql<{
      rolloutSummary: Record<string, unknown> & {
        provinces: { regionsEnumerated: boolean; regionsOpen: number }[];
      };
    }>(SUMMARY, { on: '2025-05-08' }, admin);
    expect(res.errors).toBeUndefined();
    const s = res.data!.rolloutSummary;
    expect(s).toMatchObject({
      on: '2025-05-08',
      regionsOpen: 220,
      reportedRegionsOpen: 227,
      reportedAsOf: '2025-05-08',
      provincesOpen: 22,
    });
    expect(s['fullCoverageProvinces']).toHaveLength(11);
    expect(s['usageChangeProvinces']).toHaveLength(6);
    const unenumerated = s.provinces.filter((p) => !p.regionsEnumerated);
    expect(unenumerated).toHaveLength(7);
    expect(unenumerated.every((p) => p.regionsOpen === 0)).toBe(true);
  });

  it('R-WAL-1: rolloutSummary the day before the national launch reports zero everywhere', async () => {
    const res = await app.gql<{ rolloutSummary: Record<string, unknown> }>(
      SUMMARY,
      { on: '2024-12-01' },
      admin,
    );
    expect(res.data!.rolloutSummary).toMatchObject({
      regionsOpen: 0,
      reportedRegionsOpen: 0,
      provincesOpen: 0,
      fullCoverageProvinces: [],
      usageChangeProvinces: [],
      provinces: [],
    });
  });

  it('regions is a Relay connection with totalCount, filters and stable cursors', async () => {
    const q = `query($f: RegionFilter, $first: Int, $after: String) { regions(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { code name level province { code } walletOpen(on: "2025-05-08") } } } }`;
    type Page = {
      regions: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { code: string; walletOpen: boolean; province: { code: string } | null } }[];
      };
    };
    const hebei = await app.gql<Page>(
      q,
      { f: { provinceCode: '130000', walletOpenOn: '2025-05-08' }, first: 5 },
      admin,
    );
    expect(hebei.errors).toBeUndefined();
    const page1 = hebei.data!.regions;
    expect(page1.totalCount).toBeGreaterThan(5);
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    // The filter by province includes the province-level row itself (no `province` of its own).
    expect(
      page1.edges.every(
        (e) => e.node.walletOpen && (e.node.code === '130000' || e.node.province?.code === '130000'),
      ),
    ).toBe(true);
    const page2 = await app.gql<Page>(
      q,
      {
        f: { provinceCode: '130000', walletOpenOn: '2025-05-08' },
        first: 5,
        after: page1.pageInfo.endCursor,
      },
      admin,
    );
    const codes1 = page1.edges.map((e) => e.node.code);
    const codes2 = page2.data!.regions.edges.map((e) => e.node.code);
    expect(codes2.some((c) => codes1.includes(c))).toBe(false);
    expect([...codes1, ...codes2]).toEqual([...codes1, ...codes2].sort());
    const search = await app.gql<Page>(q, { f: { q: '石家庄' } }, admin);
    expect(search.data!.regions.edges.map((e) => e.node.code)).toContain('130100');
  });

  it('effectiveWalletFrom and walletOpen: Beijing has no wallet in the source', async () => {
    const res = await app.gql<{
      region: {
        name: string;
        walletOpen: boolean;
        mutualAidUseFrom: string;
        effectiveWalletFrom: string | null;
      };
    }>(
      '{ region(code: "110000") { name walletOpen(on: "2025-05-08") mutualAidUseFrom effectiveWalletFrom } }',
      {},
      admin,
    );
    expect(res.data!.region).toEqual({
      name: '北京市',
      walletOpen: false,
      mutualAidUseFrom: '2022-12-01',
      effectiveWalletFrom: null,
    });
  });

  it('regionUpdate as ADMIN changes dates and writes an audit row with before and after', async () => {
    const res = await app.gql<{
      regionUpdate: { region: { mutualAidUseFrom: string }; userErrors: unknown[] };
    }>(
      `mutation { regionUpdate(input: { code: "110000", mutualAidUseFrom: "2022-12-05", reason: "test: correct the date" }) {
         region { mutualAidUseFrom } userErrors { code message field rule } } }`,
      {},
      admin,
    );
    expect(res.data!.regionUpdate).toEqual({ region: { mutualAidUseFrom: '2022-12-05' }, userErrors: [] });
    const stored = await app.db.getRepository(RegionEntity).findOneByOrFail({ code: '110000' });
    expect(stored.mutualAidUseFrom).toBe('2022-12-05');
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findBy({ entityType: 'Region', entityId: '110000' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'regionUpdate',
      actorName: 'admin',
      before: { mutualAidUseFrom: '2022-12-01' },
      after: { mutualAidUseFrom: '2022-12-05' },
      reason: 'test: correct the date',
    });
  });
});

describe(`regions: no N+1 (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('100 regions with their province, effective wallet date and counts cost a constant number of statements', async () => {
    const token = await app.login('analyst');
    const query = `{ regions(first: 100) { totalCount edges { node { code province { code name regionCount } effectiveWalletFrom walletOpen regionCount } } } }`;
    await app.gql(query, {}, token); // warm-up: session lookup paths
    app.queries.reset();
    const res = await app.gql<{ regions: { edges: unknown[] } }>(query, {}, token);
    expect(res.data!.regions.edges).toHaveLength(100);
    // user lookup + count + page + provinces batch + region counts batch
    expect(app.queries.count).toBeLessThanOrEqual(5);
  });
});
