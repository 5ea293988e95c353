import { Relation } from '../kin/kin';
import type {
  BenefitSchedule,
  InpatientSchedule,
  OutpatientTerms,
  SpendingCaps,
} from '../settlement/benefit-schedule';
import { InstitutionLevel } from '../institution/institution';
import { formatMoney } from '../money/money';
import type { PasswordPolicy } from '../person/password';
import { type MessageParam, detailParam } from '../messages/params';
import { PolicyError, PolicyErrorCode } from './policy.errors';
import type { IsoDate } from '../shared/dates';

/**
 * Checks a benefit schedule before staff save it (R-SET-1, R-SET-2, R-SET-3): rates are basis points 0–10000,
 * amounts are not negative, inpatient bands rise and end open (`upTo: null`), every hospital level is present.
 */
export function validateBenefitScheduleOrThrow(schedule: BenefitSchedule): void {
  // `detail` says the same as `message` in the reader's language (detail catalogue).
  const bad = (message: string, field: string[], rule: string, detail: MessageParam) => {
    throw new PolicyError(PolicyErrorCode.INVALID_SETTING, message, rule, field, { detail });
  };
  const rate = (value: number, field: string[], rule: string) => {
    if (!Number.isInteger(value) || value < 0 || value > 10_000)
      bad(
        `${field.join('.')} must be 0–10000 basis points, got ${value}`,
        field,
        rule,
        detailParam('SETTING_BASIS_POINTS', { field: field.join('.'), value: String(value) }),
      );
  };
  const money = (value: bigint | null, field: string[], rule: string) => {
    if (value !== null && value < 0n)
      bad(
        `${field.join('.')} must not be negative`,
        field,
        rule,
        detailParam('SETTING_NOT_NEGATIVE', { field: field.join('.') }),
      );
  };
  for (const level of Object.values(InstitutionLevel)) {
    const out = schedule.outpatient[level];
    const inp = schedule.inpatient[level];
    if (!out || !inp)
      bad(
        `the schedule has no terms for hospital level ${level}`,
        ['outpatient', level],
        'R-SET-1',
        detailParam('SETTING_LEVEL_MISSING', { level }),
      );
    for (const [name, terms] of Object.entries({
      inService: out.inService,
      retiredUnder70: out.retiredUnder70,
      retired70Plus: out.retired70Plus,
    }) as [string, OutpatientTerms][]) {
      rate(terms.fundRate, ['outpatient', level, name, 'fundRate'], 'R-SET-1');
      money(terms.deductible, ['outpatient', level, name, 'deductible'], 'R-SET-1');
    }
    money(out.annualFundCap, ['outpatient', level, 'annualFundCap'], 'R-SET-1');
    validateInpatient(inp, level, rate, money, bad);
  }
  rate(schedule.pharmacyFundRate, ['pharmacyFundRate'], 'R-SET-3');
}

function validateInpatient(
  inp: InpatientSchedule,
  level: InstitutionLevel,
  rate: (v: number, f: string[], r: string) => void,
  money: (v: bigint | null, f: string[], r: string) => void,
  bad: (m: string, f: string[], r: string, d: MessageParam) => never,
): void {
  money(inp.firstAdmissionDeductible, ['inpatient', level, 'firstAdmissionDeductible'], 'R-SET-2');
  money(inp.laterAdmissionDeductible, ['inpatient', level, 'laterAdmissionDeductible'], 'R-SET-2');
  money(inp.annualFundMax, ['inpatient', level, 'annualFundMax'], 'R-SET-2');
  rate(inp.retireePersonalShareFactor, ['inpatient', level, 'retireePersonalShareFactor'], 'R-SET-2');
  if (inp.bands.length === 0)
    bad(
      'an inpatient schedule needs at least one band',
      ['inpatient', level, 'bands'],
      'R-SET-2',
      detailParam('SETTING_BANDS_NEEDED'),
    );
  let previous = -1n;
  inp.bands.forEach((band, i) => {
    rate(band.fundRate, ['inpatient', level, 'bands', String(i), 'fundRate'], 'R-SET-2');
    const last = i === inp.bands.length - 1;
    if (last !== (band.upTo === null))
      bad(
        'only the last inpatient band is open-ended (upTo null)',
        ['inpatient', level, 'bands', String(i), 'upTo'],
        'R-SET-2',
        detailParam('SETTING_LAST_BAND_OPEN'),
      );
    if (band.upTo !== null) {
      if (band.upTo <= previous)
        bad(
          'inpatient bands must rise',
          ['inpatient', level, 'bands', String(i), 'upTo'],
          'R-SET-2',
          detailParam('SETTING_BANDS_RISE'),
        );
      previous = band.upTo;
    }
  });
}

/** Checks optional spending caps (R-USE-6): each null (off) or positive. */
export function validateSpendingCapsOrThrow(caps: SpendingCaps): void {
  for (const [name, value] of Object.entries(caps) as [string, bigint | null][]) {
    if (value !== null && value <= 0n) {
      throw new PolicyError(
        PolicyErrorCode.INVALID_SETTING,
        `${name} must be positive or null (off)`,
        'R-USE-6',
        [name],
        { detail: detailParam('SETTING_POSITIVE_OR_OFF', { field: name }) },
      );
    }
  }
}

/** A kinship scope as saved: known relations only, each once, in a stable order (R-KIN-1). */
export function normalizeKinshipScope(relations: readonly Relation[]): Relation[] {
  const order = Object.values(Relation);
  return [...new Set(relations)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Bounds of the lockout count (R-ACC-7): fewer than 3 locks on a slip of the finger, more than 10 invites guessing. */
export const LOCKOUT_MIN = 3;
export const LOCKOUT_MAX = 10;

/**
 * Checks a password policy before staff save it (R-ACC-7): the lockout count is a whole number 3–10, the
 * password-free maximum (限额免密) is not negative, and the default password-free limit lies between 0 and that
 * maximum. Code `INVALID_SETTING`.
 */
export function validatePasswordPolicyOrThrow(policy: PasswordPolicy): void {
  const bad = (message: string, field: string, detail: MessageParam): never => {
    throw new PolicyError(PolicyErrorCode.INVALID_SETTING, message, 'R-ACC-7', [field], { detail });
  };
  const n = policy.lockoutAfterFailures;
  if (!Number.isInteger(n) || n < LOCKOUT_MIN || n > LOCKOUT_MAX)
    bad(
      `lockoutAfterFailures must be a whole number from ${LOCKOUT_MIN} to ${LOCKOUT_MAX}, got ${n}`,
      'lockoutAfterFailures',
      detailParam('SETTING_WHOLE_NUMBER_RANGE', {
        field: 'lockoutAfterFailures',
        min: LOCKOUT_MIN,
        max: LOCKOUT_MAX,
        value: String(n),
      }),
    );
  const max = policy.maxPasswordFreeLimit;
  if (max !== undefined && max < 0n)
    bad(
      'maxPasswordFreeLimit must not be negative',
      'maxPasswordFreeLimit',
      detailParam('SETTING_NOT_NEGATIVE', { field: 'maxPasswordFreeLimit' }),
    );
  if (policy.maxRegistrationFee !== undefined && policy.maxRegistrationFee < 0n)
    bad(
      'maxRegistrationFee must not be negative',
      'maxRegistrationFee',
      detailParam('SETTING_NOT_NEGATIVE', { field: 'maxRegistrationFee' }),
    );
  const def = policy.defaultPasswordFreeLimit;
  if (def < 0n || (max !== undefined && def > max))
    bad(
      `defaultPasswordFreeLimit must be between 0.00 and the maximum${max !== undefined ? ` ${formatMoney(max)}` : ''}`,
      'defaultPasswordFreeLimit',
      detailParam('SETTING_DEFAULT_FREE_LIMIT', max !== undefined ? { max: formatMoney(max) } : {}),
    );
}

/**
 * A change of policy or rollout dates that rewrites what applied on a day already past is a correction, and a
 * correction needs its reason in the audit log (policy settings with a past `effectiveFrom`, a rollout date moved
 * from or to a past day). The earliest past day among `days` (ISO dates, Beijing calendar) when no reason is given;
 * null when none is past or a reason is given.
 */
export function pastDayNeedingReason(
  days: readonly unknown[],
  today: IsoDate,
  reason: string | null | undefined,
): IsoDate | null {
  if (reason?.trim()) return null;
  const past = days.filter((d): d is IsoDate => typeof d === 'string' && d < today).sort();
  return past[0] ?? null;
}

/**
 * A rollout date changed (R-ACC-5, R-KIN-3, R-WAL-2): the day that makes the change a correction needing its reason,
 * or null. `before` and `after` are the dates in force for the region — its own, else inherited
 * ({@link effectiveRolloutDate}) —, not its own column: moving Fujian's inherited 2022-09-01 book-entry date to 2027
 * reclassified four years of contributions as withdrawable without a reason (audit B). A date in force already (today
 * or earlier) that is moved or withdrawn rewrites what applied, including what was decided today under it; a new date
 * before today back-dates an opening. Opening today, or scheduling a later day, is not a correction.
 */
export function rolloutCorrectionDay(
  before: IsoDate | null,
  after: IsoDate | null,
  today: IsoDate,
  reason: string | null | undefined,
): IsoDate | null {
  if (reason?.trim() || before === after) return null;
  const days: IsoDate[] = [];
  if (before !== null && before <= today) days.push(before);
  if (after !== null && after < today) days.push(after);
  return days.sort()[0] ?? null;
}
