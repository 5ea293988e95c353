import { AuditLogEntity, ENTITY_DIALECT, PolicySettingEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CARD_RULES_SET,
  HOLIDAY_CALENDAR_SET,
  HOSPITAL_SELECTION_SET,
  PASSWORD_POLICY_SET,
  type SettingPayload,
} from './policy-from-data.helpers';

const FUTURE = '2099-01-01';

describe(`policy from data: refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let rowsBefore: number;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  beforeEach(async () => {
    rowsBefore = await app.db.getRepository(PolicySettingEntity).count();
  });
  afterEach(async () => {
    // A refusal saves nothing and audits nothing.
    expect(await app.db.getRepository(PolicySettingEntity).count()).toBe(rowsBefore);
  });
  afterAll(async () => {
    expect(await app.db.getRepository(AuditLogEntity).countBy({ entityType: 'PolicySetting' })).toBe(0);
    await app?.close();
  });

  const send = async (mutation: string, name: string, input: Record<string, unknown>) => {
    const res = await app.gql<Record<string, SettingPayload>>(mutation, { i: input }, admin);
    expect(res.errors).toBeUndefined();
    const payload = res.data![name];
    expect(payload.setting).toBeNull();
    expect(payload.effectivePolicy).toBeNull();
    return payload.userErrors;
  };

  it.each([
    [{ preReportValidDays: 0 }, ['preReportValidDays']],
    [{ preReportValidDays: 61 }, ['preReportValidDays']],
    [{ counterReissueWorkingDays: 0 }, ['counterReissueWorkingDays']],
  ])('R-CARD-1: cardRulesSet %j is INVALID_SETTING', async (patch, field) => {
    expect(
      await send(CARD_RULES_SET, 'cardRulesSet', { regionCode: '110000', effectiveFrom: FUTURE, ...patch }),
    ).toEqual([expect.objectContaining({ code: 'INVALID_SETTING', rule: 'R-CARD-1', field })]);
  });

  it('R-CARD-1: a negative reissue fee is refused by the Money scalar (no public input takes a negative amount)', async () => {
    const res = await app.gql<{ cardRulesSet: SettingPayload }>(
      CARD_RULES_SET,
      { i: { effectiveFrom: FUTURE, reissueFee: '-1.00' } },
      admin,
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it.each([
    [{ lockoutAfterFailures: 2 }, ['lockoutAfterFailures']],
    [{ lockoutAfterFailures: 11 }, ['lockoutAfterFailures']],
    [{ defaultPasswordFreeLimit: '300.01' }, ['defaultPasswordFreeLimit']],
  ])('R-ACC-7: passwordPolicySet %j is INVALID_SETTING', async (patch, field) => {
    expect(await send(PASSWORD_POLICY_SET, 'passwordPolicySet', { effectiveFrom: FUTURE, ...patch })).toEqual(
      [expect.objectContaining({ code: 'INVALID_SETTING', rule: 'R-ACC-7', field })],
    );
  });

  it.each([0, 21])('R-USE-1: hospitalSelectionRulesSet %i is INVALID_SETTING', async (n) => {
    expect(
      await send(HOSPITAL_SELECTION_SET, 'hospitalSelectionRulesSet', {
        regionCode: '110000',
        effectiveFrom: FUTURE,
        maxChosenHospitals: n,
      }),
    ).toEqual([
      expect.objectContaining({ code: 'INVALID_SETTING', rule: 'R-USE-1', field: ['maxChosenHospitals'] }),
    ]);
  });

  it.each([
    [
      'a date outside the year',
      { holidays: ['2027-10-01', '2028-01-01'], makeUpWorkdays: [] },
      ['holidays', '1'],
    ],
    [
      'a day both holiday and make-up day',
      { holidays: ['2027-09-26'], makeUpWorkdays: ['2027-09-26'] },
      ['makeUpWorkdays'],
    ],
    ['a weekday as make-up day', { holidays: [], makeUpWorkdays: ['2027-09-27'] }, ['makeUpWorkdays', '0']],
  ])('R-CARD-1: holidayCalendarSet with %s is INVALID_SETTING', async (_name, days, field) => {
    expect(
      await send(HOLIDAY_CALENDAR_SET, 'holidayCalendarSet', { year: 2027, effectiveFrom: FUTURE, ...days }),
    ).toEqual([expect.objectContaining({ code: 'INVALID_SETTING', rule: 'R-CARD-1', field })]);
  });

  it('holidayCalendarSet with an impossible date is refused before it reaches the rules', async () => {
    const res = await app.gql(
      HOLIDAY_CALENDAR_SET,
      { i: { year: 2027, effectiveFrom: FUTURE, holidays: ['2027-02-30'], makeUpWorkdays: [] } },
      admin,
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('a past effective date is a correction and needs a reason (REASON_REQUIRED)', async () => {
    expect(
      await send(CARD_RULES_SET, 'cardRulesSet', {
        regionCode: '110000',
        effectiveFrom: '2024-01-01',
        reissueFee: '25.00',
      }),
    ).toEqual([expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'] })]);
  });

  it('an unknown region is NOT_FOUND', async () => {
    expect(
      await send(HOSPITAL_SELECTION_SET, 'hospitalSelectionRulesSet', {
        regionCode: '999999',
        effectiveFrom: FUTURE,
        maxChosenHospitals: 3,
      }),
    ).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['regionCode'] })]);
  });

  it.each(['counter', 'analyst'] as const)('only ADMIN sets policy: %s is FORBIDDEN', async (user) => {
    const res = await app.gql(
      PASSWORD_POLICY_SET,
      { i: { effectiveFrom: FUTURE, lockoutAfterFailures: 4 } },
      await app.login(user),
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
