import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { moneySnapshot } from './gateway.helpers';
import { HOSPITALS_SET, SHANDONG } from './hospital-selection-helpers';
import { institutionId } from './settlement-helpers';

const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  total fundPay cash explanation { rule message } userErrors { code message field rule } } }`;
const SCHEDULE = `mutation($i: BenefitScheduleSetInput!) { benefitScheduleSet(input: $i) {
  setting { id kind effectiveFrom } userErrors { code message field rule } } }`;

type QuoteOut = {
  settlementQuote: {
    total: string | null;
    fundPay: string | null;
    cash: string | null;
    explanation: { rule: string; message: string }[];
    userErrors: { code: string; message: string; field: string[] | null; rule: string | null }[];
  };
};

/**
 * Issue #9 "each scheme its own schedule": a resident (城乡居民医保) is never settled on the employee schedule. Without a
 * resident schedule for the region and date, an outpatient or inpatient bill is refused POLICY_NOT_CONFIGURED naming
 * region and date (and moves nothing); a pharmacy purchase keeps working; once policy staff set one
 * (benefitScheduleSet, scheme RESIDENT) its figures apply.
 */
describe(`resident benefit schedules (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let resident: string;
  let jinan: string;
  let pharmacy: string;
  beforeAll(async () => {
    app = await createTestApp();
    const counter = await app.login('counter');
    const res = await app.gql<{ personRegister: { person: { id: string } } }>(
      `mutation($input: PersonRegisterInput!) { personRegister(input: $input) { person { id } userErrors { code message } } }`,
      {
        input: {
          name: '孙悦',
          idNumber: makeIdNumber('370102', '1995-04-05', 21),
          phone: '13900001111',
          regionCode: '370100',
          insuranceType: 'RESIDENT',
          reason: 'resident enrolment',
        },
      },
      counter,
    );
    resident = res.data!.personRegister.person.id;
    jinan = await institutionId(app, SHANDONG);
    pharmacy = await institutionId(app, 'P37020200002');
    const chosen = await app.gql(
      HOSPITALS_SET,
      { input: { personId: resident, institutionIds: [jinan], reason: 'chosen at enrolment' } },
      counter,
    );
    expect(JSON.stringify(chosen)).not.toMatch(/"code":"(?!H)/);
  });
  afterAll(async () => app?.close());

  const bill = (over: Record<string, unknown> = {}) => ({
    patientId: resident,
    institutionId: jinan,
    visitType: 'OUTPATIENT',
    serviceDate: '2025-03-10',
    covered: '300.00',
    channel: 'E_VOUCHER',
    ...over,
  });

  it('no resident schedule in 济南市 on 2025-03-10: outpatient and inpatient refused POLICY_NOT_CONFIGURED, in Chinese and English, nothing moves', async () => {
    const before = await moneySnapshot(app);
    const token = await app.login('counter');
    const out = await app.gql<QuoteOut>(QUOTE, { input: bill() }, token, { 'accept-language': 'zh-CN' });
    expect(out.data!.settlementQuote.userErrors).toEqual([
      expect.objectContaining({ code: 'POLICY_NOT_CONFIGURED', rule: 'R-SET-1', field: ['visitType'] }),
    ]);
    expect(out.data!.settlementQuote.userErrors[0].message).toMatch(/济南市/);
    expect(out.data!.settlementQuote.userErrors[0].message).toMatch(/2025年3月10日/);
    const inpatient = await app.gql<QuoteOut>(QUOTE, { input: bill({ visitType: 'INPATIENT' }) }, token);
    expect(inpatient.data!.settlementQuote.userErrors[0]).toMatchObject({
      code: 'POLICY_NOT_CONFIGURED',
      rule: 'R-SET-2',
    });
    const english = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'accept-language': 'en',
      },
      body: JSON.stringify({ query: QUOTE, variables: { input: bill() } }),
    });
    const body = (await english.json()) as { data: QuoteOut };
    expect(body.data.settlementQuote.userErrors[0].message).toMatch(/Jinan|济南|370100/);
    console.log(
      `POLICY_NOT_CONFIGURED: zh "${out.data!.settlementQuote.userErrors[0].message}" | en "${body.data.settlementQuote.userErrors[0].message}"`,
    );
    expect(await moneySnapshot(app)).toEqual(before);
  });

  it('a pharmacy purchase keeps working without a resident schedule', async () => {
    const res = await app.gql<QuoteOut>(
      QUOTE,
      { input: bill({ institutionId: pharmacy, visitType: 'PHARMACY', covered: '80.00' }) },
      await app.login('counter'),
    );
    expect(res.data!.settlementQuote.userErrors).toEqual([]);
    expect(res.data!.settlementQuote.total).toBe('80.00');
  });

  it('a first resident schedule must be complete (nothing borrowed from the employee one)', async () => {
    const admin = await app.login('admin');
    const partial = await app.gql<{ benefitScheduleSet: { userErrors: { code: string }[] } }>(
      SCHEDULE,
      {
        i: {
          regionCode: '370100',
          effectiveFrom: '2025-01-01',
          scheme: 'RESIDENT',
          outpatient: {
            inService: { deductible: '200.00', fundRate: 6000 },
            retiredUnder70: { deductible: '200.00', fundRate: 6000 },
            retired70Plus: { deductible: '200.00', fundRate: 6000 },
          },
          reason: 'resident outpatient terms 2025',
        },
      },
      admin,
    );
    expect(partial.data!.benefitScheduleSet.userErrors.map((e) => e.code)).toEqual(['INVALID_SETTING']);
  });

  it('once set for the region, the resident figures apply: 200.00 deductible, 60 % — fund 60.00 of a 300.00 bill', async () => {
    const admin = await app.login('admin');
    const set = await app.gql<{
      benefitScheduleSet: { setting: { kind: string } | null; userErrors: unknown[] };
    }>(
      SCHEDULE,
      {
        i: {
          regionCode: '370100',
          effectiveFrom: '2025-01-01',
          scheme: 'RESIDENT',
          outpatient: {
            inService: { deductible: '200.00', fundRate: 6000 },
            retiredUnder70: { deductible: '200.00', fundRate: 6000 },
            retired70Plus: { deductible: '200.00', fundRate: 6000 },
          },
          inpatient: {
            firstAdmissionDeductible: '800.00',
            laterAdmissionDeductible: '400.00',
            bands: [{ upTo: null, fundRate: 7000 }],
            retireePersonalShareFactor: 10000,
          },
          pharmacyFundRate: 0,
          reason: 'resident schedule of 济南市 from 2025 (decided by the bureau)',
        },
      },
      admin,
    );
    expect(set.data!.benefitScheduleSet.userErrors).toEqual([]);
    expect(set.data!.benefitScheduleSet.setting!.kind).toBe('RESIDENT_BENEFIT_SCHEDULE');
    const res = await app.gql<QuoteOut>(QUOTE, { input: bill() }, await app.login('counter'));
    expect(res.data!.settlementQuote.userErrors).toEqual([]);
    expect(res.data!.settlementQuote.fundPay).toBe('60.00');
    // a date before the schedule is still refused: one answer per date
    const earlier = await app.gql<QuoteOut>(
      QUOTE,
      { input: bill({ serviceDate: '2024-12-31' }) },
      await app.login('counter'),
    );
    expect(earlier.data!.settlementQuote.userErrors.map((e) => e.code)).toEqual(['POLICY_NOT_CONFIGURED']);
  });
});
