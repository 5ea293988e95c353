import { InstitutionLevel } from '../../institution/institution';
import { Relation } from '../../kin/kin';
import { yuan } from '../../money/money';
import {
  DEFAULT_BENEFIT_SCHEDULE,
  type BenefitSchedule,
  NO_SPENDING_CAPS,
} from '../../settlement/benefit-schedule';
import {
  normalizeKinshipScope,
  pastDayNeedingReason,
  rolloutCorrectionDay,
  validateBenefitScheduleOrThrow,
  validateSpendingCapsOrThrow,
} from '../policy.settings';

const withTertiary = (patch: (s: BenefitSchedule) => BenefitSchedule) => patch(DEFAULT_BENEFIT_SCHEDULE);

describe('policy settings validation', () => {
  it('R-SET-1/2: the default (Beijing) schedule is valid', () => {
    expect(() => validateBenefitScheduleOrThrow(DEFAULT_BENEFIT_SCHEDULE)).not.toThrow();
  });

  it.each([
    [
      'R-SET-1: a fund rate above 100 %',
      withTertiary((s) => ({
        ...s,
        outpatient: {
          ...s.outpatient,
          [InstitutionLevel.TERTIARY]: {
            ...s.outpatient.TERTIARY,
            inService: { deductible: yuan(1800), fundRate: 10_001 },
          },
        },
      })),
      'R-SET-1',
    ],
    [
      'R-SET-2: bands that do not rise',
      withTertiary((s) => ({
        ...s,
        inpatient: {
          ...s.inpatient,
          [InstitutionLevel.TERTIARY]: {
            ...s.inpatient.TERTIARY,
            bands: [
              { upTo: yuan(40_000), fundRate: 8500 },
              { upTo: yuan(30_000), fundRate: 9000 },
              { upTo: null, fundRate: 9500 },
            ],
          },
        },
      })),
      'R-SET-2',
    ],
    [
      'R-SET-2: a closed last band',
      withTertiary((s) => ({
        ...s,
        inpatient: {
          ...s.inpatient,
          [InstitutionLevel.TERTIARY]: {
            ...s.inpatient.TERTIARY,
            bands: [{ upTo: yuan(30_000), fundRate: 8500 }],
          },
        },
      })),
      'R-SET-2',
    ],
    ['R-SET-3: a negative pharmacy rate', { ...DEFAULT_BENEFIT_SCHEDULE, pharmacyFundRate: -1 }, 'R-SET-3'],
  ])('%s is refused with INVALID_SETTING', (_name, schedule, rule) => {
    expect(() => validateBenefitScheduleOrThrow(schedule)).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTING', rule }),
    );
  });

  it('R-USE-6: caps are null or positive', () => {
    expect(() => validateSpendingCapsOrThrow(NO_SPENDING_CAPS)).not.toThrow();
    expect(() => validateSpendingCapsOrThrow({ ...NO_SPENDING_CAPS, perYear: yuan(10_000) })).not.toThrow();
    expect(() => validateSpendingCapsOrThrow({ ...NO_SPENDING_CAPS, perYear: 0n as never })).toThrow(
      expect.objectContaining({ rule: 'R-USE-6' }),
    );
  });

  it('R-KIN-1: a scope is saved without duplicates, in the enum order', () => {
    expect(normalizeKinshipScope([Relation.SIBLING, Relation.SPOUSE, Relation.SIBLING])).toEqual([
      Relation.SPOUSE,
      Relation.SIBLING,
    ]);
  });
});

describe('a correction of the past needs a reason (policy settings, rollout dates)', () => {
  it('names the earliest past day when no reason is given', () => {
    expect(
      pastDayNeedingReason(['2026-03-01', '2025-07-01', null, '2027-01-01'], '2026-12-02', undefined),
    ).toBe('2025-07-01');
    expect(pastDayNeedingReason(['2026-12-01'], '2026-12-02', '  ')).toBe('2026-12-01');
  });
  it('today and later days are no correction; a reason settles it', () => {
    expect(pastDayNeedingReason(['2026-12-02', '2027-01-01', null], '2026-12-02', null)).toBeNull();
    expect(pastDayNeedingReason(['2020-01-01'], '2026-12-02', '按通知更正')).toBeNull();
  });
});

describe('a rollout date changed (R-ACC-5, R-KIN-3, R-WAL-2): the day that makes it a correction', () => {
  const today = '2026-12-02';
  it('a date in force (past or today) that moves or is withdrawn, or a new date before today', () => {
    expect(rolloutCorrectionDay('2022-09-01', '2027-01-01', today, null)).toBe('2022-09-01');
    expect(rolloutCorrectionDay(today, '2026-12-20', today, null)).toBe(today);
    expect(rolloutCorrectionDay(today, null, today, '')).toBe(today);
    expect(rolloutCorrectionDay(null, '2026-11-01', today, null)).toBe('2026-11-01');
    expect(rolloutCorrectionDay('2026-12-20', '2026-11-01', today, null)).toBe('2026-11-01');
  });
  it('opening today, scheduling later, the same date in force, or a reason: no correction', () => {
    expect(rolloutCorrectionDay(null, today, today, null)).toBeNull();
    expect(rolloutCorrectionDay('2026-12-20', '2027-01-01', today, null)).toBeNull();
    expect(rolloutCorrectionDay('2022-09-01', '2022-09-01', today, null)).toBeNull();
    expect(rolloutCorrectionDay('2022-09-01', null, today, '按通知更正')).toBeNull();
  });
});
