import { DEFAULT_CARD_RULES } from '../../card/card.rules';
import { yuan } from '../../money/money';
import {
  DEFAULT_HOSPITAL_SELECTION_RULES,
  validateHospitalSelectionRulesOrThrow,
} from '../hospital-selection';
import type { PolicySetting, RegionRollout } from '../policy';
import { DEFAULT_PASSWORD_POLICY, NATIONAL_DEFAULT_SETTINGS } from '../policy.defaults';
import { PolicyErrorCode } from '../policy.errors';
import { effectivePolicy } from '../policy.rules';
import { validatePasswordPolicyOrThrow } from '../policy.settings';

const BEIJING: RegionRollout = { code: '110000', dates: {} };
const GUANGXI: RegionRollout = { code: '450000', dates: {} };
const NANNING: RegionRollout = { code: '450100', dates: {} };
const on = (
  date: string,
  settings: PolicySetting[] = [],
  chain: [RegionRollout, ...RegionRollout[]] = [BEIJING],
) => effectivePolicy({ chain, settings, on: date });

describe('effectivePolicy: card rules, password policy, hospital selection, holiday calendar from data', () => {
  it('national defaults are today’s values (R-CARD-1, R-ACC-7, R-USE-1)', () => {
    const p = on('2025-06-01');
    expect(p.cardRules).toEqual(DEFAULT_CARD_RULES);
    expect(p.passwordPolicy).toEqual(DEFAULT_PASSWORD_POLICY);
    expect(p.passwordPolicy.lockoutAfterFailures).toBe(5);
    expect(p.passwordPolicy.maxPasswordFreeLimit).toBe(yuan(300));
    expect(p.hospitalSelection).toEqual({ maxChosenHospitals: 4 });
    expect(Object.keys(p.holidayCalendar)).toEqual(['2024', '2025', '2026']);
    expect(p.settingSources.CARD_RULES).toEqual({ effectiveFrom: '1998-12-14', sourceRegionCode: null });
    expect(p.holidayCalendarSources['2025']).toEqual({ effectiveFrom: '2024-01-01', sourceRegionCode: null });
    expect(p.explanation.map(({ rule, message }) => ({ rule, message }))).toEqual(
      expect.arrayContaining([
        { rule: 'R-CARD-1', message: 'Card rules since 1998-12-14 (national default)' },
        { rule: 'R-USE-1', message: 'Hospital selection since 1998-12-14 (national default)' },
        {
          rule: 'R-CARD-1',
          message:
            'Holiday calendar 2025: 28 holidays, 5 make-up working days, since 2024-01-01 (national default)',
        },
      ]),
    );
  });

  it('a year’s calendar is known from 1 January of the year before', () => {
    expect(Object.keys(on('2023-12-31').holidayCalendar)).toEqual(['2024']);
    expect(Object.keys(on('2022-06-01').holidayCalendar)).toEqual([]);
  });

  it('R-CARD-1 / R-USE-1: a region’s rows win from their date, the province’s reach its cities, the past is unchanged', () => {
    const settings: PolicySetting[] = [
      {
        scopeRegionCode: '450000',
        kind: 'CARD_RULES',
        effectiveFrom: '2025-07-01',
        value: { ...DEFAULT_CARD_RULES, reissueFee: yuan(25) },
      },
      {
        scopeRegionCode: '450100',
        kind: 'HOSPITAL_SELECTION',
        effectiveFrom: '2025-07-01',
        value: { maxChosenHospitals: 2 },
      },
    ];
    const before = on('2025-06-30', settings, [NANNING, GUANGXI]);
    expect(before.cardRules.reissueFee).toBe(yuan(20));
    expect(before.hospitalSelection.maxChosenHospitals).toBe(4);
    const after = on('2025-07-01', settings, [NANNING, GUANGXI]);
    expect(after.cardRules.reissueFee).toBe(yuan(25));
    expect(after.settingSources.CARD_RULES).toEqual({
      effectiveFrom: '2025-07-01',
      sourceRegionCode: '450000',
    });
    expect(after.hospitalSelection.maxChosenHospitals).toBe(2);
    expect(on('2025-07-01', settings).cardRules.reissueFee).toBe(yuan(20));
  });

  it('R-CARD-1: a regional calendar year replaces that year only (广西 三月三), other years stay national', () => {
    const y2025 = NATIONAL_DEFAULT_SETTINGS.find(
      (s) => s.kind === 'HOLIDAY_CALENDAR' && s.purpose === '2025',
    );
    if (y2025?.kind !== 'HOLIDAY_CALENDAR') throw new Error('no 2025 calendar');
    const settings: PolicySetting[] = [
      {
        scopeRegionCode: '450000',
        kind: 'HOLIDAY_CALENDAR',
        purpose: '2025',
        effectiveFrom: '2025-01-01',
        value: {
          holidays: [...y2025.value.holidays, '2025-03-31', '2025-04-01'],
          makeUpWorkdays: y2025.value.makeUpWorkdays,
        },
      },
    ];
    const p = on('2025-03-01', settings, [NANNING, GUANGXI]);
    expect(p.holidayCalendar['2025'].holidays).toContain('2025-03-31');
    expect(p.holidayCalendarSources['2025']).toEqual({
      effectiveFrom: '2025-01-01',
      sourceRegionCode: '450000',
    });
    expect(p.holidayCalendarSources['2026']).toEqual({ effectiveFrom: '2025-01-01', sourceRegionCode: null });
    expect(on('2025-03-01', settings).holidayCalendar['2025'].holidays).not.toContain('2025-03-31');
  });

  it('R-ACC-7: a region’s password policy applies from its date', () => {
    const settings: PolicySetting[] = [
      {
        scopeRegionCode: '110000',
        kind: 'PASSWORD_POLICY',
        effectiveFrom: '2026-01-01',
        value: { ...DEFAULT_PASSWORD_POLICY, lockoutAfterFailures: 3 },
      },
    ];
    expect(on('2025-12-31', settings).passwordPolicy.lockoutAfterFailures).toBe(5);
    expect(on('2026-01-01', settings).passwordPolicy.lockoutAfterFailures).toBe(3);
  });

  it('before the epoch the earliest national default still answers', () => {
    expect(on('1990-01-01').cardRules).toEqual(DEFAULT_CARD_RULES);
    expect(on('1990-01-01').hospitalSelection).toEqual(DEFAULT_HOSPITAL_SELECTION_RULES);
  });
});

describe('validation of the new settings', () => {
  it.each([
    ['lockoutAfterFailures', { ...DEFAULT_PASSWORD_POLICY, lockoutAfterFailures: 2 }],
    ['lockoutAfterFailures', { ...DEFAULT_PASSWORD_POLICY, lockoutAfterFailures: 11 }],
    ['lockoutAfterFailures', { ...DEFAULT_PASSWORD_POLICY, lockoutAfterFailures: 4.5 }],
    ['maxPasswordFreeLimit', { ...DEFAULT_PASSWORD_POLICY, maxPasswordFreeLimit: yuan(-1) }],
    ['defaultPasswordFreeLimit', { ...DEFAULT_PASSWORD_POLICY, defaultPasswordFreeLimit: yuan(301) }],
    ['defaultPasswordFreeLimit', { ...DEFAULT_PASSWORD_POLICY, defaultPasswordFreeLimit: yuan(-1) }],
  ])('R-ACC-7: a password policy with a bad %s is refused', (field, policy) => {
    expect(() => validatePasswordPolicyOrThrow(policy)).toThrow(
      expect.objectContaining({ code: PolicyErrorCode.INVALID_SETTING, rule: 'R-ACC-7', field: [field] }),
    );
  });

  it('R-ACC-7: lockout 3 and 10, maximum 0, an older policy without a maximum are acceptable', () => {
    for (const policy of [
      { ...DEFAULT_PASSWORD_POLICY, lockoutAfterFailures: 3 },
      { ...DEFAULT_PASSWORD_POLICY, lockoutAfterFailures: 10, maxPasswordFreeLimit: yuan(0) },
      { lockoutAfterFailures: 5, defaultPasswordFreeLimit: yuan(0) },
    ])
      expect(() => validatePasswordPolicyOrThrow(policy)).not.toThrow();
  });

  it.each([0, 21, 1.5])('R-USE-1: maxChosenHospitals %p is refused', (n) => {
    expect(() => validateHospitalSelectionRulesOrThrow({ maxChosenHospitals: n })).toThrow(
      expect.objectContaining({
        code: PolicyErrorCode.INVALID_SETTING,
        rule: 'R-USE-1',
        field: ['maxChosenHospitals'],
      }),
    );
  });

  it('R-USE-1: 1 and 20 hospitals are acceptable', () => {
    expect(() => validateHospitalSelectionRulesOrThrow({ maxChosenHospitals: 1 })).not.toThrow();
    expect(() => validateHospitalSelectionRulesOrThrow({ maxChosenHospitals: 20 })).not.toThrow();
  });
});
