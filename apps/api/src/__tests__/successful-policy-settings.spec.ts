import {
  AuditLogEntity,
  ENTITY_DIALECT,
  InstitutionEntity,
  PersonEntity,
  PolicySettingEntity,
} from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

const SCOPE = `mutation($i: KinshipScopeSetInput!) { kinshipScopeSet(input: $i) {
  setting { id kind purpose effectiveFrom } userErrors { code field rule message } } }`;
const SCHEDULE = `mutation($i: BenefitScheduleSetInput!) { benefitScheduleSet(input: $i) {
  setting { id kind effectiveFrom } userErrors { code field rule message } } }`;
const POLICY = `query($r: ID!, $on: Date!) { effectivePolicy(regionCode: $r, on: $on) {
  kinshipScopes { purpose relations effectiveFrom sourceRegionCode }
  outpatient { level inService { deductible fundRate } }
  spendingCaps { perYear } } }`;

type Payload = {
  setting: { id: string } | null;
  userErrors: { code: string; rule: string | null; field: string[] }[];
};
type Policy = {
  effectivePolicy: {
    kinshipScopes: { purpose: string; relations: string[] }[];
    outpatient: { level: string; inService: { deductible: string; fundRate: number } }[];
    spendingCaps: { perYear: string | null };
  };
};

describe(`kinshipScopeSet, benefitScheduleSet, spendingCapsSet (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  const medicalOn = async (on: string) =>
    (await app.gql<Policy>(POLICY, { r: '110000', on }, admin)).data!.effectivePolicy.kinshipScopes.find(
      (s) => s.purpose === 'MEDICAL',
    )!.relations;

  it('R-KIN-1: a future scope change applies from its date and never changes an earlier answer; audited', async () => {
    const res = await app.gql<{ kinshipScopeSet: Payload }>(
      SCOPE,
      {
        i: {
          regionCode: '110000',
          purpose: 'MEDICAL',
          relations: ['CHILD', 'SPOUSE', 'PARENT', 'CHILD'],
          effectiveFrom: '2030-01-01',
        },
      },
      admin,
    );
    expect(res.data!.kinshipScopeSet.userErrors).toEqual([]);
    expect(await medicalOn('2030-01-01')).toEqual(['SPOUSE', 'PARENT', 'CHILD']);
    expect(await medicalOn('2029-12-31')).toContain('SIBLING');
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'kinshipScopeSet' })).toBe(1);
    // The audit row shows what applied on that day before (the scope in force and where it came from), not only
    // what was set: an auditor sees the change.
    const [entry] = await app.db.getRepository(AuditLogEntity).findBy({ action: 'kinshipScopeSet' });
    const before = (typeof entry.before === 'string' ? JSON.parse(entry.before) : entry.before) as {
      kind: string;
      purpose: string;
      value: string[];
      effectiveFrom: string | null;
    };
    expect(before).toMatchObject({ kind: 'KINSHIP_SCOPE', purpose: 'MEDICAL' });
    expect(before.value).toContain('SIBLING');
    expect(before.effectiveFrom === null || before.effectiveFrom < '2030-01-01').toBe(true);
  });

  it('a past effective date is a correction: refused without a reason, accepted with one', async () => {
    const input = {
      regionCode: '110000',
      purpose: 'MEDICAL',
      relations: ['SPOUSE', 'PARENT', 'CHILD'],
      effectiveFrom: '2024-07-01',
    };
    const refused = await app.gql<{ kinshipScopeSet: Payload }>(SCOPE, { i: input }, admin);
    expect(refused.data!.kinshipScopeSet).toMatchObject({
      setting: null,
      userErrors: [{ code: 'REASON_REQUIRED', field: ['reason'] }],
    });
    const rows = await app.db.getRepository(PolicySettingEntity).count();
    const ok = await app.gql<{ kinshipScopeSet: Payload }>(
      SCOPE,
      {
        i: {
          ...input,
          relations: ['SPOUSE', 'PARENT', 'CHILD'],
          effectiveFrom: '2024-07-01',
          reason: 'Beijing applied near relatives later',
        },
      },
      admin,
    );
    expect(ok.data!.kinshipScopeSet.userErrors).toEqual([]);
    expect(await app.db.getRepository(PolicySettingEntity).count()).toBe(rows + 1);
    expect(await medicalOn('2025-01-01')).not.toContain('SIBLING');
  });

  it('R-SET-1: a national schedule change for tertiary hospitals reaches Beijing and its settlements', async () => {
    const res = await app.gql<{ benefitScheduleSet: Payload }>(
      SCHEDULE,
      {
        i: {
          effectiveFrom: '2030-01-01',
          levels: ['TERTIARY'],
          outpatient: {
            inService: { deductible: '1500.00', fundRate: 6000 },
            retiredUnder70: { deductible: '1300.00', fundRate: 7000 },
            retired70Plus: { deductible: '1300.00', fundRate: 8000 },
          },
        },
      },
      admin,
    );
    expect(res.data!.benefitScheduleSet.userErrors).toEqual([]);
    const p = (await app.gql<Policy>(POLICY, { r: '110000', on: '2030-06-01' }, admin)).data!.effectivePolicy;
    expect(p.outpatient.find((o) => o.level === 'TERTIARY')!.inService).toEqual({
      deductible: '1500.00',
      fundRate: 6000,
    });
    expect(p.outpatient.find((o) => o.level === 'SECONDARY')!.inService).toEqual({
      deductible: '1800.00',
      fundRate: 5000,
    });
    const patient = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王丽' });
    const hospital = await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code: 'H11010100001' });
    const quote = await app.gql<{ settlementQuote: { fundPay: string; personalShare: string } }>(
      `query($i: SettlementInput!) { settlementQuote(input: $i) { fundPay personalShare } }`,
      {
        i: {
          patientId: patient.id,
          institutionId: hospital.id,
          visitType: 'OUTPATIENT',
          serviceDate: '2030-06-01',
          covered: '2000.00',
          channel: 'E_VOUCHER',
        },
      },
      admin,
    );
    expect(quote.data!.settlementQuote).toEqual({ fundPay: '300.00', personalShare: '1700.00' }); // (2000 − 1500) × 60 %
  });

  it('R-USE-6: spending caps can be switched on for a region from a date', async () => {
    const res = await app.gql<{ spendingCapsSet: Payload }>(
      `mutation($i: SpendingCapsSetInput!) { spendingCapsSet(input: $i) { setting { id } userErrors { code rule } } }`,
      { i: { regionCode: '110000', effectiveFrom: '2030-01-01', perYear: '10000.00' } },
      admin,
    );
    expect(res.data!.spendingCapsSet.userErrors).toEqual([]);
    expect(
      (await app.gql<Policy>(POLICY, { r: '110000', on: '2030-01-01' }, admin)).data!.effectivePolicy
        .spendingCaps.perYear,
    ).toBe('10000.00');
    expect(
      (await app.gql<Policy>(POLICY, { r: '110000', on: '2029-12-31' }, admin)).data!.effectivePolicy
        .spendingCaps.perYear,
    ).toBeNull();
  });

  it('refusals: an impossible schedule, an unknown region, a non-admin', async () => {
    const bad = await app.gql<{ benefitScheduleSet: Payload }>(
      SCHEDULE,
      { i: { effectiveFrom: '2031-01-01', pharmacyFundRate: 10001 } },
      admin,
    );
    expect(bad.data!.benefitScheduleSet).toMatchObject({
      setting: null,
      userErrors: [{ code: 'INVALID_SETTING', rule: 'R-SET-3' }],
    });
    const unknown = await app.gql<{ kinshipScopeSet: Payload }>(
      SCOPE,
      { i: { regionCode: '999999', purpose: 'MEDICAL', relations: [], effectiveFrom: '2031-01-01' } },
      admin,
    );
    expect(unknown.data!.kinshipScopeSet.userErrors[0].code).toBe('NOT_FOUND');
    const analyst = await app.gql(
      SCOPE,
      { i: { purpose: 'MEDICAL', relations: [], effectiveFrom: '2031-01-01' } },
      await app.login('analyst'),
    );
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
