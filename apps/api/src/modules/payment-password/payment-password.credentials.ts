import { randomInt } from 'node:crypto';
import {
  PAYMENT_PASSWORD_DIGITS,
  type PasswordAttemptState,
  PersonError,
  PersonErrorCode,
  paymentPasswordWeakness,
} from '@gongji/domain';
import {
  type Manager,
  type PersonEntity,
  hashPaymentPin,
  passwordColumnsOf,
  personForUpdate,
  updatePersonColumns,
  verifyPaymentPin,
} from '@gongji/persistence';
import type { AppConfig } from '../../config';
import { ApiErrorCode, type UserError, fromDomainError, userError } from '../../common/user-error';

/** A freshly issued payment password: the plain text goes only to the outbox (and, outside production, the payload). */
export interface IssuedPassword {
  readonly plain: string;
  readonly hash: string;
}

/**
 * The stored form of a payment password (R-ACC-7 decision): HMAC-SHA-256 under the server's pepper
 * (`GONGJI_PAYMENT_PEPPER`), then a salted argon2id (libs/persistence `hashPaymentPin`, docs/decisions.md).
 */
export function hashPaymentPassword(pepper: string, plain: string): Promise<string> {
  return hashPaymentPin(pepper, plain);
}

/**
 * A random 6-digit payment password (crypto.randomInt), redrawn while the domain calls it weak (R-ACC-7), hashed
 * with argon2id. Hash outside any database transaction: it is deliberately slow.
 */
export async function issuePaymentPassword(pepper: string): Promise<IssuedPassword> {
  let plain: string;
  do {
    plain = String(randomInt(0, 10 ** PAYMENT_PASSWORD_DIGITS)).padStart(PAYMENT_PASSWORD_DIGITS, '0');
  } while (paymentPasswordWeakness(plain) !== null);
  return { plain, hash: await hashPaymentPassword(pepper, plain) };
}

/** Initial and reset passwords are shown once in the payload outside production only (R-ACC-7); null in production. */
export function shownOnce(config: AppConfig, issued: IssuedPassword | null): string | null {
  return issued && config.env !== 'production' ? issued.plain : null;
}

/** The result of checking a password before any lock: which hash was checked and whether it matched. */
export interface PreVerified {
  readonly hash: string | null;
  readonly ok: boolean;
}

/**
 * Checks `password` against the holder's current hash BEFORE the caller takes any lock (argon2 takes tens of
 * milliseconds; holding row locks meanwhile would serialise every payment of the family behind it). Skipped when no
 * check can matter: no hash, no password, or a payment of at most `atMost` that the password-free limit covers.
 * A skipped check is `{ hash: null }`, which {@link verifiedUnderLock} re-checks under the lock if it turns out to
 * be needed after all.
 */
export async function preVerifyPaymentPassword(
  manager: Manager,
  pepper: string,
  personId: string,
  password: string | null | undefined,
  atMost?: bigint,
): Promise<PreVerified> {
  if (!password) return { hash: null, ok: false };
  const row = await passwordColumnsOf(manager, personId);
  const hash = row?.paymentPasswordHash ?? null;
  if (!row || !hash || (atMost !== undefined && atMost <= row.passwordFreeLimit))
    return { hash: null, ok: false };
  return { hash, ok: await verifyPaymentPin(pepper, hash, password) };
}

/**
 * The pre-lock result, valid when the hash under lock is still the one checked; if the password was changed or
 * reset in between (rare), it is checked again against the current hash.
 */
export async function verifiedUnderLock(
  pepper: string,
  pre: PreVerified,
  currentHash: string | null,
  password: string,
): Promise<boolean> {
  if (!currentHash) return false;
  if (pre.hash === currentHash) return pre.ok;
  return verifyPaymentPin(pepper, currentHash, password);
}

/** The holder's row, locked for update on PostgreSQL (SQLite writers are serialised already). */
export function lockHolder(manager: Manager, personId: string): Promise<PersonEntity | null> {
  return personForUpdate(manager, personId);
}

/** Consecutive failures and lock of a holder (R-ACC-7). */
export function attemptStateOf(
  person: Pick<PersonEntity, 'paymentPasswordFailures' | 'paymentLockedAt'>,
): PasswordAttemptState {
  return { consecutiveFailures: person.paymentPasswordFailures, locked: person.paymentLockedAt !== null };
}

/** Stores a counted attempt: the failure count and, at the threshold, the lock (R-ACC-7 decision). */
export async function storeAttempt(
  manager: Manager,
  personId: string,
  next: PasswordAttemptState,
  now: Date,
): Promise<void> {
  await updatePersonColumns(manager, personId, {
    paymentPasswordFailures: next.consecutiveFailures,
    paymentLockedAt: next.locked ? now : null,
    updatedAt: now,
  });
}

/** The refusal of a wrong password: counted, and PASSWORD_LOCKED when this attempt reached the threshold. */
export function wrongPasswordError(next: PasswordAttemptState, field: readonly string[]): UserError {
  if (next.locked) {
    return fromDomainError(
      new PersonError(
        PersonErrorCode.PASSWORD_LOCKED,
        'Wrong payment password: account payment is now locked until staff unlock it',
        'R-ACC-7',
        field,
      ),
    );
  }
  return userError(
    ApiErrorCode.INVALID_CREDENTIALS,
    `Wrong payment password (${next.consecutiveFailures} consecutive failures) (R-ACC-7)`,
    field,
    'R-ACC-7',
    { failures: next.consecutiveFailures },
  );
}
