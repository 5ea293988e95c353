import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT, InstitutionEntity, REGIONS_DATA, auditLedger } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CONFIRM, type ConfirmData } from './settlement-helpers';

const REGISTER = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id regionCode region { code name province { code name } } account { pockets { kind balance } } }
  initialPaymentPassword
  userErrors { code message field rule }
} }`;
const CREDIT = `mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) {
  credited creditedTotal rows { personId amount outcome } userErrors { code message field rule } } }`;
const PROVINCE_POOLS = `query($f: RegionFilter) { regions(filter: $f, first: 100) {
  totalCount edges { node { code level walletOpen(on: "2025-05-08") effectiveWalletFrom } } } }`;
const COUNT = `query($f: RegionFilter) { regions(filter: $f, first: 0) { totalCount } }`;

type Registered = {
  personRegister: {
    person: {
      id: string;
      regionCode: string;
      region: { code: string; name: string; province: { code: string; name: string } | null };
    } | null;
    initialPaymentPassword: string | null;
    userErrors: unknown[];
  };
};

/** Issue #9 acceptance: persons anywhere in China, and the pools per province from the live API. */
describe(`every pooling region of China over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let counter: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    counter = await app.login('counter');
  });
  afterAll(async () => app?.close());

  const count = async (filter: Record<string, unknown>): Promise<number> => {
    const res = await app.gql<{ regions: { totalCount: number } }>(COUNT, { f: filter }, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.regions.totalCount;
  };

  it('R-ACC-2: `regions` counts per province — every province has its pools; the wallet is where seed 004 says', async () => {
    const rows: Record<string, string | number>[] = [];
    let openTotal = 0;
    for (const p of REGIONS_DATA.provinces) {
      const res = await app.gql<{
        regions: {
          totalCount: number;
          edges: {
            node: { code: string; level: string; walletOpen: boolean; effectiveWalletFrom: string | null };
          }[];
        };
      }>(PROVINCE_POOLS, { f: { provinceCode: p.code, isPool: true, active: true } }, admin);
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.regions.edges.map((e) => e.node);
      expect(nodes.length).toBe(res.data!.regions.totalCount);
      expect(nodes.length).toBeGreaterThan(0);
      const regions = nodes.filter((n) => n.level !== 'PROVINCE');
      const open = regions.filter((n) => n.walletOpen).length;
      const never = nodes.filter((n) => n.effectiveWalletFrom === null).length;
      // The server-side filters agree with the fields.
      expect(await count({ provinceCode: p.code, isPool: true, walletNever: true })).toBe(never);
      expect(await count({ provinceCode: p.code, isPool: true, walletOpenOn: '2025-05-08' })).toBe(
        nodes.filter((n) => n.walletOpen).length,
      );
      openTotal += open;
      rows.push({
        code: p.code,
        province: p.name,
        pools: nodes.length,
        [`wallet open 2025-05-08`]: open,
        [`never`]: never,
      });
    }
    console.log(
      `regions per province from the live API (${ENTITY_DIALECT}; pools = active pooling regions, the province row ` +
        `itself for Beijing, Tianjin, Shanghai):`,
    );
    console.table(rows);
    const pools = rows.reduce((s, r) => s + Number(r['pools']), 0);
    console.log(`total: ${pools} pools, ${openTotal} regions with the wallet open on 2025-05-08`);
    expect(pools).toBe(REGIONS_DATA.regions.length + 3);
    expect(openTotal).toBe(220);
    expect(rows.find((r) => r['code'] === '350000')).toMatchObject({ pools: 9, never: 9 });
    expect(rows.find((r) => r['code'] === '540000')).toMatchObject({ pools: 8, 'wallet open 2025-05-08': 8 });

    // rolloutSummary is exactly what it was with 220 named regions (seed 004).
    const summary = await app.gql<{ rolloutSummary: Record<string, unknown> }>(
      `{ rolloutSummary(on: "2025-05-08") { regionsOpen reportedRegionsOpen provincesOpen
         fullCoverageProvinces { code } usageChangeProvinces { code } } }`,
      {},
      admin,
    );
    expect(summary.data!.rolloutSummary).toMatchObject({
      regionsOpen: 220,
      reportedRegionsOpen: 227,
      provincesOpen: 22,
    });
    expect(summary.data!.rolloutSummary['fullCoverageProvinces']).toHaveLength(11);
    expect(summary.data!.rolloutSummary['usageChangeProvinces']).toHaveLength(6);
    expect(await count({ walletNever: false, isPool: true })).toBe(221); // 220 + 上海 as one pool
    expect(await count({ active: false })).toBe(0);
  });

  it.each([
    ['350100', '福州市', '350000', '350102', '林晓'],
    ['540100', '拉萨市', '540000', '540102', '次仁'],
  ])(
    'R-ACC-2, R-ACC-4, R-SET-1: a person insured in %s %s is registered, credited and settled',
    async (regionCode, regionName, provinceCode, idPrefix, name) => {
      const registered = await app.gql<Registered>(
        REGISTER,
        {
          input: {
            name,
            idNumber: makeIdNumber(idPrefix, '1985-06-15', regionCode === '350100' ? 31 : 41),
            phone: '13800138000',
            regionCode,
            insuranceType: 'EMPLOYEE',
            employmentStatus: 'IN_SERVICE',
            reason: 'issue #9 acceptance',
          },
        },
        counter,
      );
      expect(registered.errors).toBeUndefined();
      const { person, initialPaymentPassword, userErrors } = registered.data!.personRegister;
      expect(userErrors).toEqual([]);
      expect(person!.region).toMatchObject({
        code: regionCode,
        name: regionName,
        province: { code: provinceCode },
      });

      const credited = await app.gql<{
        contributionsCredit: { credited: number; creditedTotal: string; userErrors: unknown[] };
      }>(CREDIT, { i: { month: '2026-11', rows: [{ personId: person!.id, amount: '3000.00' }] } }, admin);
      expect(credited.errors).toBeUndefined();
      expect(credited.data!.contributionsCredit).toMatchObject({
        credited: 1,
        creditedTotal: '3000.00',
        userErrors: [],
      });

      const institution = await app.db.getRepository(InstitutionEntity).save({
        id: randomUUID(),
        code: `H${regionCode}0001`,
        name: `${regionName}第一人民医院`,
        kind: 'HOSPITAL',
        level: 'TERTIARY',
        regionCode,
        designated: true,
        acceptsWallet: false,
        openToAll: true,
      });
      const settled = await app.gql<ConfirmData>(
        CONFIRM,
        {
          input: {
            patientId: person!.id,
            institutionId: institution.id,
            visitType: 'OUTPATIENT',
            serviceDate: todayInChina(),
            covered: '2000.00',
            channel: 'CARD',
            password: initialPaymentPassword,
            idempotencyKey: `issue-9-${regionCode}`,
          },
        },
        counter,
      );
      expect(settled.errors).toBeUndefined();
      const { transaction, settlement, userErrors: refused } = settled.data!.settlementConfirm;
      expect(refused).toEqual([]);
      expect(transaction).toMatchObject({ kind: 'SETTLEMENT', status: 'POSTED', amount: '2000.00' });
      // The national default schedule (R-SET-1 worked example): deductible 1800, then 50 %.
      expect(settlement).toMatchObject({
        fundPay: '100.00',
        personalShare: '1900.00',
        ownEarmarked: '1900.00',
      });
      console.log(
        `${ENTITY_DIALECT}: ${name} insured in ${regionCode} ${regionName} — registered, credited 3000.00, ` +
          `settled 2000.00 (fund ${settlement!.fundPay}, own account ${settlement!.ownEarmarked}, cash ${settlement!.cash})`,
      );
      expect((await auditLedger(app.db)).violations).toEqual([]);
    },
  );
});
