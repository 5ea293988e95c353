import { ageOn } from '../identity/identity.rules';
import type { Fen } from '../money/money';
import type { IsoDate } from '../shared/dates';
import type { Explanation } from '../shared/domain-error';
import { type PasswordAttemptState, type PasswordPolicy } from './password';
import { PaymentChannel } from './payment-channel';
import { EmploymentCategory, EmploymentStatus } from './person';
import { PersonError, PersonErrorCode } from './person.errors';

/**
 * R-ACC-2 real-name verification (实名认证: ID number and phone) of the holder signed in to the national app before it
 * issues that holder's e-voucher code, the proof of presence a desk accepts: the ID number (spaces ignored, a trailing
 * x read as X) and the phone must both be the registered ones. Missing or different: `REAL_NAME_MISMATCH`, without
 * saying which part differed. Without it any person id the app could see would yield a code for a stranger.
 */
export function assertRealNameOrThrow(
  presented: { readonly idNumber?: string | null; readonly phone?: string | null },
  registered: { readonly idNumber: string; readonly phone: string | null },
): void {
  const id = presented.idNumber?.replace(/\s+/g, '').toUpperCase();
  const phone = presented.phone?.replace(/[\s-]+/g, '');
  if (
    !id ||
    !phone ||
    !registered.phone ||
    id !== registered.idNumber.toUpperCase() ||
    phone !== registered.phone
  )
    throw new PersonError(
      PersonErrorCode.REAL_NAME_MISMATCH,
      "The signed-in holder's ID number and bound phone must both be the registered person's: no e-voucher code issued",
      'R-ACC-2',
      ['idNumber', 'phone'],
    );
}

/** Age from which a retiree gets the higher outpatient rate (R-SET-1): 70 or older on the service date. */
export const SENIOR_RETIREE_AGE = 70;

/** Lockout threshold of R-ACC-7's decision when no policy says otherwise. */
export const DEFAULT_LOCKOUT_AFTER_FAILURES = 5;

/**
 * Benefit category on `date` (R-SET-1): in service, or retired under / at or over 70 (the 70th birthday on the
 * service date counts as 70; see {@link ageOn} for 29 February).
 */
export function employmentCategoryOn(
  person: { readonly employmentStatus: EmploymentStatus; readonly birthDate: IsoDate },
  date: IsoDate,
): EmploymentCategory {
  if (person.employmentStatus === EmploymentStatus.IN_SERVICE) return EmploymentCategory.IN_SERVICE;
  return ageOn(person.birthDate, date) >= SENIOR_RETIREE_AGE
    ? EmploymentCategory.RETIRED_70_PLUS
    : EmploymentCategory.RETIRED_UNDER_70;
}

/** Labour Law art. 15: nobody under 16 is employed, so nobody under 16 is an in-service employee participant. */
export const MIN_WORKING_AGE = 16;
/**
 * The earliest statutory retirement: 45 (women in arduous posts, or retiring for disability). A younger "retiree"
 * is a data-entry error that would pay retiree benefits (R-SET-1: 70 % instead of 50 %; audit B registered a
 * six-year-old as RETIRED).
 */
export const MIN_RETIREMENT_AGE = 45;

/**
 * R-ACC-1 decision: the employment status must fit the person's age on `today` (from the ID number, R-ACC-2). The
 * age limit broken (`{ status, min, age }`), or null.
 */
export function employmentAgeProblem(
  status: EmploymentStatus | null,
  birthDate: IsoDate,
  today: IsoDate,
): { readonly min: number; readonly age: number } | null {
  if (!status) return null;
  const min = status === EmploymentStatus.IN_SERVICE ? MIN_WORKING_AGE : MIN_RETIREMENT_AGE;
  const age = ageOn(birthDate, today);
  return age < min ? { min, age } : null;
}

/** Channels that never ask for the account password (R-ACC-7, seed 001 Q10). */
export const PASSWORD_EXEMPT_CHANNELS: readonly PaymentChannel[] = Object.freeze([
  PaymentChannel.REGISTRATION_FEE,
  PaymentChannel.E_VOUCHER,
  PaymentChannel.CROSS_REGION_DIRECT,
]);

/** Input of {@link passwordRequirement}. */
export interface PasswordRequirementInput {
  readonly channel: PaymentChannel;
  /** What this payment takes from personal accounts (own and relatives'): cash never needs the password. */
  readonly amountFromAccount: Fen;
  /** The patient's own password-free limit (限额免密); 0 when not set. */
  readonly passwordFreeLimit: Fen;
}

/**
 * Whether a payment at a designated institution needs the account password (R-ACC-7), with the reason.
 *
 * Exempt: registration fees, the electronic voucher, cross-region direct settlement, and any amount at or below
 * the holder's password-free limit (so also a payment that takes nothing from the account). The limit compared is
 * the *patient's*: when relatives' accounts pay through mutual aid, the patient presents their own card or code and
 * types their own password (seed 001 Q10, seed 002) — see {@link passwordOwnerId}.
 */
export function passwordRequirement(input: PasswordRequirementInput): {
  readonly required: boolean;
  readonly explanation: Explanation;
} {
  if (PASSWORD_EXEMPT_CHANNELS.includes(input.channel)) {
    return {
      required: false,
      explanation: { rule: 'R-ACC-7', message: `No password: ${input.channel} payments are exempt` },
    };
  }
  if (input.amountFromAccount <= input.passwordFreeLimit) {
    return {
      required: false,
      explanation: {
        rule: 'R-ACC-7',
        message: `No password: the amount from the account is within the password-free limit`,
      },
    };
  }
  return {
    required: true,
    explanation: { rule: 'R-ACC-7', message: "The patient's own account password is required" },
  };
}

/** `passwordRequirement(input).required`: true when the payment must ask for the password (R-ACC-7). */
export function passwordRequired(input: PasswordRequirementInput): boolean {
  return passwordRequirement(input).required;
}

/**
 * Whose password a payment asks for (R-ACC-7): always the patient's, even when relatives' accounts pay through
 * mutual aid — providers are never asked at the counter (seed 001 Q10, seed 002).
 */
export function passwordOwnerId(payment: {
  readonly patientId: string;
  readonly providerIds?: readonly string[];
}): string {
  return payment.patientId;
}

/**
 * Records one password attempt (R-ACC-7 decision): a correct one resets the counter, a wrong one increments it and
 * locks account payment at the policy's threshold (5 by default). A locked state stays locked whatever is typed —
 * only staff unlock ({@link unlockPassword}), so guessing cannot continue after the lock.
 */
export function registerPasswordAttempt(
  state: PasswordAttemptState,
  ok: boolean,
  policy: Pick<PasswordPolicy, 'lockoutAfterFailures'> = {
    lockoutAfterFailures: DEFAULT_LOCKOUT_AFTER_FAILURES,
  },
): { readonly state: PasswordAttemptState; readonly locked: boolean; readonly accepted: boolean } {
  if (state.locked) return { state, locked: true, accepted: false };
  if (ok) return { state: { consecutiveFailures: 0, locked: false }, locked: false, accepted: true };
  const consecutiveFailures = state.consecutiveFailures + 1;
  const locked = consecutiveFailures >= policy.lockoutAfterFailures;
  return { state: { consecutiveFailures, locked }, locked, accepted: false };
}

/** Staff unlock after a lockout (R-ACC-7): the counter restarts at zero. */
export function unlockPassword(): PasswordAttemptState {
  return { consecutiveFailures: 0, locked: false };
}

/** Refuses account payment while the password is locked (R-ACC-7, code `PASSWORD_LOCKED`). */
export function assertPasswordNotLockedOrThrow(state: PasswordAttemptState): void {
  if (state.locked) {
    throw new PersonError(
      PersonErrorCode.PASSWORD_LOCKED,
      'Account payment is locked after too many consecutive wrong passwords; staff must unlock it',
      'R-ACC-7',
    );
  }
}
