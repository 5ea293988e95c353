import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  AUDIT,
  type AuditPayload,
  BULK,
  type BulkPayload,
  IMPACT,
  REGION_UPDATE,
  SCOPE,
  type ScopePayload,
} from './policy-console.helpers';

type RegionUpdatePayload = {
  regionUpdate: {
    region: { code: string } | null;
    userErrors: { code: string; field: string[]; rule: string | null; message: string }[];
  };
};

describe(`policy staff console refusals, issue #10 (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let counter: string;
  let analyst: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    counter = await app.login('counter');
    analyst = await app.login('analyst');
  });
  afterAll(async () => app?.close());

  it('regionsRolloutSet refuses some regions and changes the others; the refusals name region and rule', async () => {
    // 999999 unknown; 530300 (曲靖) would get a usage-change date before its wallet (R-WAL-5); 昆明 opened 2025-05-08.
    const wallet = await app.gql<BulkPayload>(
      BULK,
      { i: { regionCodes: ['530300'], feature: 'WALLET', date: '2031-01-01', reason: '更正：曲靖钱包延后' } },
      admin,
    );
    expect(wallet.data!.regionsRolloutSet.changedCount).toBe(1);
    const res = await app.gql<BulkPayload>(
      BULK,
      {
        i: {
          regionCodes: ['530100', '999999', '530300', '530100'],
          feature: 'USAGE_LOCATION_CHANGE',
          date: '2025-06-01',
          reason: '云医保〔2025〕6号',
        },
      },
      admin,
    );
    const payload = res.data!.regionsRolloutSet;
    expect(payload.results.map((r) => [r.regionCode, r.changed, r.userErrors.map((e) => e.code)])).toEqual([
      ['530100', true, []],
      ['999999', false, ['NOT_FOUND']],
      ['530300', false, [expect.any(String)]],
    ]);
    expect(payload.results[2].userErrors[0]).toMatchObject({
      field: ['regionCodes', '530300', 'usageLocationChangeFrom'],
    });
    expect(payload).toMatchObject({ changedCount: 1, refusedCount: 2 });
    const batch = await app.gql<AuditPayload>(AUDIT, { f: { entityId: payload.batchId } }, admin);
    expect(JSON.parse(batch.data!.auditLog.edges[0].node.after!)).toMatchObject({
      changed: ['530100'],
      refused: [{ code: '999999' }, { code: '530300' }],
    });
  });

  it('regionsRolloutSet refuses an empty or oversized list, changing nothing', async () => {
    const empty = await app.gql<BulkPayload>(
      BULK,
      { i: { regionCodes: [], feature: 'WALLET', date: '2031-01-01' } },
      admin,
    );
    expect(empty.data!.regionsRolloutSet).toMatchObject({ batchId: null, results: [] });
    expect(empty.data!.regionsRolloutSet.userErrors[0]).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['regionCodes'],
    });
    const codes = Array.from({ length: 101 }, (_, i) => String(500000 + i));
    const big = await app.gql<BulkPayload>(
      BULK,
      { i: { regionCodes: codes, feature: 'WALLET', date: '2031-01-01' } },
      admin,
    );
    expect(big.data!.regionsRolloutSet.userErrors[0].code).toBe('INVALID_INPUT');
  });

  it('only ADMIN runs the bulk rollout, reads the audit log and counts an impact', async () => {
    for (const token of [counter, analyst]) {
      const bulk = await app.gql(
        BULK,
        { i: { regionCodes: ['120000'], feature: 'WALLET', date: '2031-01-01' } },
        token,
      );
      expect(bulk.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const audit = await app.gql(AUDIT, {}, token);
      expect(audit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const impact = await app.gql(
        IMPACT,
        { r: '110000', p: 'MEDICAL', rel: ['SPOUSE'], on: '2031-01-01' },
        token,
      );
      expect(impact.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await app.gql(AUDIT, {}, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('R-WAL-2: a city cannot be marked 全域, nor a province without a wallet date; the refusal reads in Chinese by default', async () => {
    const city = await app.gql<RegionUpdatePayload>(
      REGION_UPDATE,
      { i: { code: '530300', walletFullCoverage: true } },
      admin,
      { 'accept-language': '' },
    );
    expect(city.data!.regionUpdate.region).toBeNull();
    expect(city.data!.regionUpdate.userErrors[0]).toMatchObject({
      code: 'FULL_COVERAGE_NOT_PROVINCE',
      field: ['walletFullCoverage'],
      rule: 'R-WAL-2',
    });
    expect(city.data!.regionUpdate.userErrors[0].message).toMatch(/曲靖市不是省级单位，不能标记为全域开通/);
    const tianjin = await app.gql<RegionUpdatePayload>(
      REGION_UPDATE,
      { i: { code: '120000', walletFullCoverage: true } },
      admin,
    );
    expect(tianjin.data!.regionUpdate.userErrors[0]).toMatchObject({ code: 'FULL_COVERAGE_WITHOUT_WALLET' });
    expect(tianjin.data!.regionUpdate.userErrors[0].message).toMatch(/no wallet date/);
    // With a date the province may open province-wide.
    const withDate = await app.gql<RegionUpdatePayload>(
      REGION_UPDATE,
      { i: { code: '120000', walletFrom: '2031-01-01', walletFullCoverage: true } },
      admin,
    );
    expect(withDate.data!.regionUpdate.userErrors).toEqual([]);
  });

  it('R-KIN-1: a duplicate kinship scope for the same region, purpose and date is refused without a reason', async () => {
    const input = { regionCode: '110000', purpose: 'LONG_TERM_CARE', effectiveFrom: '2033-01-01' };
    const first = await app.gql<ScopePayload>(SCOPE, { i: { ...input, relations: ['SPOUSE'] } }, admin);
    expect(first.data!.kinshipScopeSet.userErrors).toEqual([]);
    const second = await app.gql<ScopePayload>(
      SCOPE,
      { i: { ...input, relations: ['SPOUSE', 'PARENT'] } },
      admin,
      { 'accept-language': 'zh-CN' },
    );
    expect(second.data!.kinshipScopeSet.setting).toBeNull();
    expect(second.data!.kinshipScopeSet.userErrors[0]).toMatchObject({
      code: 'DUPLICATE_SETTING',
      field: ['effectiveFrom'],
      rule: 'R-KIN-1',
    });
    expect(second.data!.kinshipScopeSet.userErrors[0].message).toContain('北京市');
    const rows = await app.gql<{
      policySettings: { edges: { node: { purpose: string; effectiveFrom: string } }[] };
    }>(
      'query { policySettings(regionCode: "110000", kind: "KINSHIP_SCOPE", first: 100) { edges { node { purpose effectiveFrom } } } }',
      {},
      admin,
    );
    expect(rows.data!.policySettings.edges.filter((e) => e.node.effectiveFrom === '2033-01-01')).toHaveLength(
      1,
    );
  });

  it('kinshipScopeImpact refuses an unknown region as bad input', async () => {
    const res = await app.gql(IMPACT, { r: '999999', p: 'MEDICAL', rel: [], on: '2031-01-01' }, admin);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
