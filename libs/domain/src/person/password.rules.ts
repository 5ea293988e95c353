import { type Fen, formatMoney } from '../money/money';
import {
  DEFAULT_MAX_PASSWORD_FREE_LIMIT,
  PAYMENT_PASSWORD_DIGITS,
  type PasswordAttemptState,
  type PasswordPolicy,
} from './password';
import { detailParam, moneyParam } from '../messages/params';
import { InsuranceType } from './person';
import { PersonError, PersonErrorCode } from './person.errors';

const DIGITS_RE = new RegExp(`^\\d{${PAYMENT_PASSWORD_DIGITS}}$`);

/** Why a new payment password is refused: the detail code of PASSWORD_TOO_WEAK (detail-catalogue.ts). */
type PasswordWeakness =
  'PASSWORD_NOT_SIX_DIGITS' | 'PASSWORD_REPEATED_DIGIT' | 'PASSWORD_DIGIT_RUN' | 'PASSWORD_SAME_AS_OLD';

/** The English of each weakness, as the API has always sent it (`The new payment password …`). */
const WEAKNESS_TEXT: Readonly<Record<PasswordWeakness, string>> = {
  PASSWORD_NOT_SIX_DIGITS: `must be exactly ${PAYMENT_PASSWORD_DIGITS} digits`,
  PASSWORD_REPEATED_DIGIT: 'must not repeat a single digit',
  PASSWORD_DIGIT_RUN: 'must not be an ascending or descending run',
  PASSWORD_SAME_AS_OLD: 'must differ from the old password',
};

function weaknessOf(candidate: string): PasswordWeakness | null {
  if (!DIGITS_RE.test(candidate)) return 'PASSWORD_NOT_SIX_DIGITS';
  const d = [...candidate].map(Number);
  if (d.every((x) => x === d[0])) return 'PASSWORD_REPEATED_DIGIT';
  const steps = d.slice(1).map((x, i) => (x - d[i] + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return 'PASSWORD_DIGIT_RUN';
  return null;
}

/**
 * Why a candidate payment password is too weak (R-ACC-7), or null when it is acceptable: it must be exactly 6 digits,
 * not one digit repeated (000000), not a run stepping by one up or down (123456, 987654, also 901234 wrapping round).
 */
export function paymentPasswordWeakness(candidate: string): string | null {
  const weakness = weaknessOf(candidate);
  return weakness === null ? null : WEAKNESS_TEXT[weakness];
}

/**
 * Validates a new payment password chosen by the holder (R-ACC-7): 6 digits, not trivial (see
 * {@link paymentPasswordWeakness}) and different from the old one. Code `PASSWORD_TOO_WEAK`, field `newPassword`;
 * the reason travels as `{detail}`, so the Chinese text says which requirement failed.
 */
export function validateNewPaymentPasswordOrThrow(newPassword: string, oldPassword?: string): void {
  const weakness: PasswordWeakness | null =
    weaknessOf(newPassword) ?? (newPassword === oldPassword ? 'PASSWORD_SAME_AS_OLD' : null);
  if (weakness !== null) {
    throw new PersonError(
      PersonErrorCode.PASSWORD_TOO_WEAK,
      `The new payment password ${WEAKNESS_TEXT[weakness]}`,
      'R-ACC-7',
      ['newPassword'],
      {
        detail: detailParam(
          weakness,
          weakness === 'PASSWORD_NOT_SIX_DIGITS' ? { digits: PAYMENT_PASSWORD_DIGITS } : undefined,
        ),
      },
    );
  }
}

/**
 * Whether registration issues an initial payment password (R-ACC-7, seed 001: "initial passwords were sent by SMS"):
 * every insured person with a phone to send it to. Not only account holders: a resident or flexible participant
 * (no personal account, R-ACC-1) who is a mutual-aid beneficiary pays by card with relatives' money under *their
 * own* password (R-ACC-7, seed 001 Q10) — without one the card payment was PASSWORD_NOT_SET until a counter reset
 * (black-box audit). Without a phone nothing can be delivered, so no password exists and account payment that needs
 * one is refused until staff reset it (decision).
 */
export function receivesInitialPaymentPassword(person: {
  readonly insuranceType: InsuranceType;
  readonly phone: string | null;
}): boolean {
  return person.insuranceType !== InsuranceType.NONE && person.phone !== null && person.phone.length > 0;
}

/** Refuses a payment or change that needs a password when the holder never received one (`PASSWORD_NOT_SET`). */
export function assertPasswordSetOrThrow(
  hasPassword: boolean,
  field: readonly string[] = ['password'],
): void {
  if (!hasPassword) {
    throw new PersonError(
      PersonErrorCode.PASSWORD_NOT_SET,
      'No payment password has been issued to this person; counter staff must reset it (paymentPasswordReset)',
      'R-ACC-7',
      field,
    );
  }
}

/** The highest password-free limit the policy allows (R-ACC-7); {@link DEFAULT_MAX_PASSWORD_FREE_LIMIT} when unset. */
export function maxPasswordFreeLimit(policy: Pick<PasswordPolicy, 'maxPasswordFreeLimit'>): Fen {
  return policy.maxPasswordFreeLimit ?? DEFAULT_MAX_PASSWORD_FREE_LIMIT;
}

/**
 * The password-free limit that applies (限额免密, R-ACC-7): the holder's own limit capped by the maximum of each
 * password policy given — the one in force on the date of the payment, and any other that must hold too (the
 * settlement passes the policy of the service date and, for an earlier service date, the one in force today, when the
 * password is asked). Lowering the maximum lowers every holder's limit from its effective date without rewriting it;
 * raising it back restores the holder's own limit. Never negative.
 */
export function effectivePasswordFreeLimit(
  holderLimit: Fen,
  policy: Pick<PasswordPolicy, 'maxPasswordFreeLimit'>,
  ...alsoInForce: readonly Pick<PasswordPolicy, 'maxPasswordFreeLimit'>[]
): Fen {
  let limit = holderLimit < 0n ? (0n as Fen) : holderLimit;
  for (const p of [policy, ...alsoInForce]) {
    const max = maxPasswordFreeLimit(p);
    if (max < limit) limit = max < 0n ? (0n as Fen) : max;
  }
  return limit;
}

/**
 * Checks a password-free limit chosen by the holder (限额免密, R-ACC-7): 0 (off) up to the policy maximum. The refusal
 * names the maximum in yuan. Code `PASSWORD_FREE_LIMIT_TOO_HIGH`, field `limit`.
 */
export function validatePasswordFreeLimitOrThrow(
  limit: Fen,
  policy: Pick<PasswordPolicy, 'maxPasswordFreeLimit'>,
): Fen {
  const max = maxPasswordFreeLimit(policy);
  if (limit < 0n || limit > max) {
    throw new PersonError(
      PersonErrorCode.PASSWORD_FREE_LIMIT_TOO_HIGH,
      `The password-free limit must be between 0.00 and ${formatMoney(max)} yuan; ${formatMoney(limit)} was asked`,
      'R-ACC-7',
      ['limit'],
      { max: moneyParam(max), limit: moneyParam(limit) },
    );
  }
  return limit;
}

/** Refuses staff unlock when there is nothing to lift (`PASSWORD_NOT_LOCKED`, R-ACC-7). */
export function assertSomethingToUnlockOrThrow(state: PasswordAttemptState): void {
  if (!state.locked && state.consecutiveFailures === 0) {
    throw new PersonError(
      PersonErrorCode.PASSWORD_NOT_LOCKED,
      'The payment password is not locked and has no failed attempts; nothing to unlock',
      'R-ACC-7',
    );
  }
}

/**
 * The identity check before a counter reset (R-ACC-2, R-ACC-7): the ID number on the original document presented
 * must be the registered one (spaces ignored, a trailing check character x read as X). Code `IDENTITY_MISMATCH`.
 */
export function assertIdentityMatchesOrThrow(presented: string, registered: string): void {
  if (presented.replace(/\s+/g, '').toUpperCase() !== registered.toUpperCase()) {
    throw new PersonError(
      PersonErrorCode.IDENTITY_MISMATCH,
      'The ID number on the document presented is not the registered one; the password was not reset',
      'R-ACC-2',
      ['identityCheck', 'idNumber'],
    );
  }
}
