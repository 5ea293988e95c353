import { AuditLogEntity, ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CARD_RECOVER, CARD_REISSUE, CARD_REPORT_LOSS, type CardUserError } from './card-helpers';
import {
  CHAOYANG,
  HEBEI,
  HOSPITALS_SET,
  type HospitalsSetData,
  SHANDONG,
} from './hospital-selection-helpers';
import {
  FREE_LIMIT,
  type Payload,
  STATUS,
  credit,
  payByCard,
  register,
  servingPortal,
} from './payment-password.helpers';
import { institutionId } from './settlement-helpers';
import {
  CARD_RULES_SET,
  HOLIDAY_CALENDAR_SET,
  HOSPITAL_SELECTION_SET,
  PASSWORD_POLICY_SET,
  type SettingPayload,
  onChinaDate,
} from './policy-from-data.helpers';

const POLICY = `query($r: ID!, $on: Date!) { effectivePolicy(regionCode: $r, on: $on) {
  passwordPolicy { lockoutAfterFailures maxPasswordFreeLimit defaultPasswordFreeLimit effectiveFrom sourceRegionCode }
  cardRules { preReportValidDays reissueFee counterReissueWorkingDays effectiveFrom sourceRegionCode }
  hospitalSelection { maxChosenHospitals effectiveFrom sourceRegionCode }
  holidayCalendar { year holidays makeUpWorkdays effectiveFrom sourceRegionCode } } }`;
const HISTORY = `query($r: ID, $k: String) { policySettings(regionCode: $r, kind: $k) { edges { node { kind purpose year effectiveFrom value } } } }`;
const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) { userErrors { code rule } } }`;
const PERSON_CARD = `query($id: ID!) { person(id: $id) { card { state reportedOn reissueReadyOn } } }`;
const COMPLETE = `mutation($input: CardReissueCompleteInput!) { cardReissueComplete(input: $input) {
  card { state } userErrors { code message field rule } } }`;

type Policy = {
  effectivePolicy: {
    passwordPolicy: Record<string, unknown>;
    cardRules: Record<string, unknown>;
    hospitalSelection: Record<string, unknown>;
    holidayCalendar: {
      year: number;
      holidays: string[];
      makeUpWorkdays: string[];
      sourceRegionCode: string | null;
    }[];
  };
};
type ReissueData = {
  cardReissue: {
    fee: string | null;
    readyOn: string | null;
    card: { state: string } | null;
    userErrors: CardUserError[];
  };
};
type ReportData = { cardReportLoss: { preReportValidUntil: string | null; userErrors: CardUserError[] } };

describe(`policy from data: card rules, password policy, hospital selection, holiday calendar (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let counter: string;
  let id: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    counter = await app.login('counter');
    const rows = await app.db.getRepository(PersonEntity).find();
    id = Object.fromEntries(rows.map((p) => [p.name, p.id]));
  });
  afterEach(() => jest.useRealTimers());
  afterAll(async () => app?.close());

  const policyOn = async (regionCode: string, on: string) =>
    (await app.gql<Policy>(POLICY, { r: regionCode, on }, admin)).data!.effectivePolicy;
  const report = (name: string, stage: 'PRE' | 'FORMAL') =>
    app.gql<ReportData>(CARD_REPORT_LOSS, { input: { personId: id[name], stage } }, counter);
  const reissue = (name: string) =>
    app.gql<ReissueData>(CARD_REISSUE, { input: { personId: id[name], channel: 'COUNTER' } }, counter);
  const cardOf = async (name: string) =>
    (
      await app.gql<{ person: { card: { state: string; reissueReadyOn: string | null } } }>(
        PERSON_CARD,
        { id: id[name] },
        counter,
      )
    ).data!.person.card;

  it('effectivePolicy lists the national defaults: 10 days, 20.00, 4 working days; lockout 5, 300.00; 4 hospitals; calendars 2024–2026', async () => {
    const p = await policyOn('110000', '2025-09-26');
    expect(p.cardRules).toEqual({
      preReportValidDays: 10,
      reissueFee: '20.00',
      counterReissueWorkingDays: 4,
      effectiveFrom: '1998-12-14',
      sourceRegionCode: null,
    });
    expect(p.passwordPolicy).toEqual({
      lockoutAfterFailures: 5,
      maxPasswordFreeLimit: '300.00',
      defaultPasswordFreeLimit: '0.00',
      effectiveFrom: '1998-12-14',
      sourceRegionCode: null,
    });
    expect(p.hospitalSelection).toEqual({
      maxChosenHospitals: 4,
      effectiveFrom: '1998-12-14',
      sourceRegionCode: null,
    });
    expect(p.holidayCalendar.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(p.holidayCalendar[1]).toMatchObject({
      year: 2025,
      makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      sourceRegionCode: null,
    });
    expect(p.holidayCalendar[1].holidays).toEqual(expect.arrayContaining(['2025-10-01', '2025-10-08']));
  });

  it('R-CARD-1: a counter reissue on Friday 2025-09-26 is ready on 2025-10-09 — 09-28 (调休 Sunday) counted, 国庆·中秋 10-01…10-08 skipped', async () => {
    onChinaDate('2025-09-26');
    expect((await report('王建国', 'FORMAL')).data!.cardReportLoss.userErrors).toEqual([]);
    const res = await reissue('王建国');
    expect(res.data!.cardReissue).toMatchObject({ fee: '20.00', readyOn: '2025-10-09', userErrors: [] });
    expect(await cardOf('王建国')).toMatchObject({ state: 'REISSUE_PENDING', reissueReadyOn: '2025-10-09' });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'cardReissue', entityId: id['王建国'] });
    expect(audit.after).toMatchObject({ readyOn: '2025-10-09', fee: '20.00' });

    onChinaDate('2025-10-08');
    const early = await app.gql<{ cardReissueComplete: { userErrors: CardUserError[] } }>(
      COMPLETE,
      { input: { personId: id['王建国'] } },
      counter,
    );
    expect(early.data!.cardReissueComplete.userErrors).toEqual([
      expect.objectContaining({ code: 'REISSUE_NOT_READY', rule: 'R-CARD-1' }),
    ]);
    onChinaDate('2025-10-09');
    const collected = await app.gql<{ cardReissueComplete: { card: { state: string } } }>(
      COMPLETE,
      { input: { personId: id['王建国'] } },
      counter,
    );
    expect(collected.data!.cardReissueComplete.card).toEqual({ state: 'ACTIVE' });
  });

  it('R-CARD-1: a pre-report validity of 5 days set for Beijing lapses earlier; one made before the change keeps its 10 days', async () => {
    onChinaDate('2025-03-02');
    const set = await app.gql<{ cardRulesSet: SettingPayload }>(
      CARD_RULES_SET,
      { i: { regionCode: '110000', effectiveFrom: '2025-03-03', preReportValidDays: 5 } },
      admin,
    );
    expect(set.data!.cardRulesSet).toMatchObject({
      setting: {
        kind: 'CARD_RULES',
        regionCode: '110000',
        effectiveFrom: '2025-03-03',
        purpose: null,
        year: null,
      },
      userErrors: [],
      effectivePolicy: {
        cardRules: {
          preReportValidDays: 5,
          reissueFee: '20.00',
          counterReissueWorkingDays: 4,
          effectiveFrom: '2025-03-03',
          sourceRegionCode: '110000',
        },
      },
    });
    expect((await report('王丽', 'PRE')).data!.cardReportLoss.preReportValidUntil).toBe('2025-03-12');

    onChinaDate('2025-03-03');
    expect((await report('王强', 'PRE')).data!.cardReportLoss.preReportValidUntil).toBe('2025-03-08');

    onChinaDate('2025-03-08');
    expect((await cardOf('王强')).state).toBe('PRE_REPORTED');
    onChinaDate('2025-03-09');
    expect((await cardOf('王强')).state).toBe('ACTIVE');
    expect((await cardOf('王丽')).state).toBe('PRE_REPORTED');
    const lapsed = await app.gql<{ cardRecover: { userErrors: CardUserError[] } }>(
      CARD_RECOVER,
      { input: { personId: id['王强'] } },
      counter,
    );
    expect(lapsed.data!.cardRecover.userErrors).toEqual([
      expect.objectContaining({ code: 'PRE_REPORT_LAPSED', rule: 'R-CARD-1' }),
    ]);
    // The money path reads the same stored last day: a CARD bill is frozen on 03-08, not on 03-09.
    const quote = async (serviceDate: string) =>
      (
        await app.gql<{ settlementQuote: { userErrors: CardUserError[] } }>(
          QUOTE,
          {
            input: {
              patientId: id['王强'],
              institutionId: await institutionId(app, 'H11010100001'),
              visitType: 'OUTPATIENT',
              serviceDate,
              covered: '100.00',
              channel: 'CARD',
            },
          },
          counter,
        )
      ).data!.settlementQuote.userErrors.map((e) => e.code);
    expect(await quote('2025-03-08')).toContain('CARD_FROZEN');
    expect(await quote('2025-03-09')).not.toContain('CARD_FROZEN');

    const audit = await app.db.getRepository(AuditLogEntity).findOneByOrFail({ action: 'cardRulesSet' });
    // Before: the card rules in force on that day (the national default), so the audit trail shows the change.
    expect(audit).toMatchObject({
      entityType: 'PolicySetting',
      before: { kind: 'CARD_RULES', regionCode: null, value: { preReportValidDays: 10 } },
    });
    expect(audit.after).toMatchObject({
      regionCode: '110000',
      kind: 'CARD_RULES',
      effectiveFrom: '2025-03-03',
    });
    const history = await app.gql<{
      policySettings: { edges: { node: { kind: string; effectiveFrom: string; value: string } }[] };
    }>(HISTORY, { r: '110000', k: 'CARD_RULES' }, admin);
    const rows = history.data!.policySettings.edges.map((e) => e.node);
    expect(rows).toEqual([expect.objectContaining({ kind: 'CARD_RULES', effectiveFrom: '2025-03-03' })]);
    expect(JSON.parse(rows[0].value)).toMatchObject({ preReportValidDays: 5 });
  });

  it('R-CARD-1: a reissue fee of 25.00 set for Beijing is charged and reported (payload, audit); the previous days are kept', async () => {
    onChinaDate('2025-11-03');
    const set = await app.gql<{ cardRulesSet: SettingPayload }>(
      CARD_RULES_SET,
      {
        i: {
          regionCode: '110000',
          effectiveFrom: '2025-11-03',
          reissueFee: '25.00',
          reason: 'price list 2025',
        },
      },
      admin,
    );
    expect(set.data!.cardRulesSet.userErrors).toEqual([]);
    expect(set.data!.cardRulesSet.effectivePolicy).toMatchObject({
      cardRules: { preReportValidDays: 5, reissueFee: '25.00', counterReissueWorkingDays: 4 },
    });
    await report('王小明', 'FORMAL');
    const res = await reissue('王小明');
    // Monday 2025-11-03 + 4 working days.
    expect(res.data!.cardReissue).toMatchObject({ fee: '25.00', readyOn: '2025-11-07', userErrors: [] });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'cardReissue', entityId: id['王小明'] });
    expect(audit.after).toMatchObject({ fee: '25.00', feePaidFromAccount: false });
    // Before its date the old fee still applies.
    expect((await policyOn('110000', '2025-11-02')).cardRules).toMatchObject({ reissueFee: '20.00' });
  });

  it('R-CARD-1: a regional holiday calendar set through holidayCalendarSet moves the ready date; other regions keep the national one', async () => {
    onChinaDate('2026-03-02');
    const national2026 = (await policyOn('110000', '2026-03-02')).holidayCalendar.find(
      (y) => y.year === 2026,
    )!;
    const set = await app.gql<{ holidayCalendarSet: SettingPayload }>(
      HOLIDAY_CALENDAR_SET,
      {
        i: {
          regionCode: '110000',
          year: 2026,
          holidays: [...national2026.holidays, '2026-03-04', '2026-03-03'],
          makeUpWorkdays: [...national2026.makeUpWorkdays, '2026-03-07'],
          effectiveFrom: '2026-03-02',
        },
      },
      admin,
    );
    expect(set.data!.holidayCalendarSet.userErrors).toEqual([]);
    expect(set.data!.holidayCalendarSet.setting).toMatchObject({
      kind: 'HOLIDAY_CALENDAR',
      year: 2026,
      purpose: null,
    });
    const after = (await policyOn('110000', '2026-03-02')).holidayCalendar;
    expect(after.find((y) => y.year === 2026)).toMatchObject({ sourceRegionCode: '110000' });
    expect(after.find((y) => y.year === 2026)!.holidays).toEqual(expect.arrayContaining(['2026-03-03']));
    expect(after.find((y) => y.year === 2025)).toMatchObject({ sourceRegionCode: null });

    // Monday 03-02: 03-03/04 off, 03-05 (1), 03-06 (2), Saturday 03-07 worked (3), 03-09 (4).
    await report('李秀英', 'FORMAL');
    expect((await reissue('李秀英')).data!.cardReissue).toMatchObject({
      readyOn: '2026-03-09',
      fee: '25.00',
    });
    // 张伟 is insured in 石家庄: national calendar, national fee.
    await report('张伟', 'FORMAL');
    expect((await reissue('张伟')).data!.cardReissue).toMatchObject({ readyOn: '2026-03-06', fee: '20.00' });

    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'holidayCalendarSet' })).toBe(1);
    const history = await app.gql<{
      policySettings: { edges: { node: { year: number | null; kind: string } }[] };
    }>(HISTORY, { r: '110000', k: 'HOLIDAY_CALENDAR' }, admin);
    expect(history.data!.policySettings.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'HOLIDAY_CALENDAR', year: 2026 }),
    ]);
  });

  it('R-USE-1: a hospital selection of 2 for Beijing refuses a third hospital; two are accepted', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const set = await app.gql<{ hospitalSelectionRulesSet: SettingPayload }>(
      HOSPITAL_SELECTION_SET,
      { i: { regionCode: '110000', effectiveFrom: today, maxChosenHospitals: 2 } },
      admin,
    );
    expect(set.data!.hospitalSelectionRulesSet).toMatchObject({
      userErrors: [],
      effectivePolicy: { hospitalSelection: { maxChosenHospitals: 2, sourceRegionCode: '110000' } },
    });
    const choose = (codes: string[]) =>
      app.gql<HospitalsSetData>(
        HOSPITALS_SET,
        { input: { personId: id['王建国'], institutionIds: codes } },
        counter,
      );
    const three = await choose([CHAOYANG, HEBEI, SHANDONG]);
    expect(three.data!.personHospitalsSet).toMatchObject({
      person: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          rule: 'R-USE-1',
          field: ['institutionIds'],
          message: expect.stringContaining('At most 2 hospitals'),
        },
      ],
    });
    const two = await choose([CHAOYANG, HEBEI]);
    expect(two.data!.personHospitalsSet.userErrors).toEqual([]);
    expect(two.data!.personHospitalsSet.hospitals.map((h) => h.code)).toEqual([CHAOYANG, HEBEI]);
    // 张伟 (石家庄) still has the national 4.
    const other = await app.gql<HospitalsSetData>(
      HOSPITALS_SET,
      { input: { personId: id['张伟'], institutionIds: [CHAOYANG, HEBEI, SHANDONG] } },
      counter,
    );
    expect(other.data!.personHospitalsSet.userErrors).toEqual([]);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'hospitalSelectionRulesSet' })).toBe(
      1,
    );
  });

  it('R-ACC-7: a lockout count of 3 set for Beijing locks account payment after 3 wrong passwords', async () => {
    const set = await app.gql<{ passwordPolicySet: SettingPayload }>(
      PASSWORD_POLICY_SET,
      {
        i: {
          regionCode: '110000',
          effectiveFrom: '2025-01-01',
          lockoutAfterFailures: 3,
          reason: 'municipal notice on payment passwords',
        },
      },
      admin,
    );
    expect(set.data!.passwordPolicySet).toMatchObject({
      userErrors: [],
      effectivePolicy: {
        passwordPolicy: {
          lockoutAfterFailures: 3,
          maxPasswordFreeLimit: '300.00',
          defaultPasswordFreeLimit: '0.00',
          sourceRegionCode: '110000',
        },
      },
    });
    const p = await register(app, '钱三次');
    await credit(app, p.id, '1000.00');
    for (let i = 1; i <= 2; i++) {
      const res = await payByCard(app, p.id, '500.00', '000000');
      expect(res.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_CREDENTIALS', rule: 'R-ACC-7' }),
      ]);
    }
    const third = await payByCard(app, p.id, '500.00', '000000');
    expect(third.userErrors).toEqual([expect.objectContaining({ code: 'PASSWORD_LOCKED', rule: 'R-ACC-7' })]);
    const right = await payByCard(app, p.id, '500.00', p.initialPaymentPassword);
    expect(right.userErrors).toEqual([expect.objectContaining({ code: 'PASSWORD_LOCKED' })]);
    const status = await app.gql<{
      person: { paymentPassword: { failures: number; lockedAt: string | null } };
    }>(STATUS, { id: p.id }, counter);
    expect(status.data!.person.paymentPassword.failures).toBe(3);
    expect(status.data!.person.paymentPassword.lockedAt).not.toBeNull();
    const audit = await app.db.getRepository(AuditLogEntity).findOneByOrFail({ action: 'passwordPolicySet' });
    expect(audit.reason).toBe('municipal notice on payment passwords');
  });

  it('R-ACC-7: a password-free maximum of 100.00 set for Beijing refuses a 200.00 limit and accepts 100.00', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const set = await app.gql<{ passwordPolicySet: SettingPayload }>(
      PASSWORD_POLICY_SET,
      { i: { regionCode: '110000', effectiveFrom: today, maxPasswordFreeLimit: '100.00' } },
      admin,
    );
    expect(set.data!.passwordPolicySet.effectivePolicy).toMatchObject({
      passwordPolicy: { lockoutAfterFailures: 3, maxPasswordFreeLimit: '100.00' },
    });
    const p = await register(app, '钱免密');
    const portal = await servingPortal(app, p.id);
    const setLimit = (limit: string) =>
      app.gql<{ passwordFreeLimitSet: Payload }>(
        FREE_LIMIT,
        { input: { personId: p.id, limit, password: p.initialPaymentPassword } },
        portal,
      );
    const tooHigh = await setLimit('200.00');
    expect(tooHigh.data!.passwordFreeLimitSet.userErrors).toEqual([
      expect.objectContaining({
        code: 'PASSWORD_FREE_LIMIT_TOO_HIGH',
        rule: 'R-ACC-7',
        message: expect.stringContaining('100.00'),
      }),
    ]);
    expect((await setLimit('100.00')).data!.passwordFreeLimitSet.userErrors).toEqual([]);
  });
});
