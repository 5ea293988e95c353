import { type Fen, yuan } from '../money/money';

/** Region-wide password settings (R-ACC-7), effective-dated like every policy (kind `PASSWORD_POLICY`). */
export interface PasswordPolicy {
  /** Consecutive wrong passwords that lock account payment until staff unlock it (decision: 5). */
  readonly lockoutAfterFailures: number;
  /** Password-free limit of a holder who has not set one (限额免密 is opt-in, so 0 by default). */
  readonly defaultPasswordFreeLimit: Fen;
  /**
   * Highest password-free limit (限额免密) a holder may choose. Absent in older stored settings: then
   * {@link DEFAULT_MAX_PASSWORD_FREE_LIMIT} applies.
   */
  readonly maxPasswordFreeLimit?: Fen;
  /**
   * Highest bill the registration-fee channel (挂号费, no password) may carry. Absent in older stored settings: then
   * {@link DEFAULT_MAX_REGISTRATION_FEE} applies.
   */
  readonly maxRegistrationFee?: Fen;
  /**
   * A portal's E_VOUCHER bill must carry the e-voucher code the patient showed (`eVoucherCode`, verified: bound to
   * the patient, 5 minutes), as the national e-voucher settlement carries its token. Absent or false: the portal's
   * channel is taken at its word (API.md's SettlementInput has no code; a bureau turns this on once its hospitals and
   * pharmacies send the code). Staff at the counter are trusted either way (their settlements are audited).
   */
  readonly eVoucherCodeRequired?: boolean;
}

/**
 * Decision (R-ACC-7): a holder may waive the password for account payments of at most 300 yuan. The sources name no
 * figure; it is a policy value per region and date (`PASSWORD_POLICY`), this is the built-in default.
 */
export const DEFAULT_MAX_PASSWORD_FREE_LIMIT: Fen = yuan(300);

/**
 * Decision (R-ACC-7): the registration-fee channel waives the password for the registration fee (挂号费) of an
 * outpatient/emergency visit only, so a bill above this is not a registration fee: Beijing's 医事服务费 is 50–100 yuan
 * by the doctor's grade. The sources name no ceiling; it is a policy value per region and date (`PASSWORD_POLICY`),
 * this is the built-in default. Without it any bill labelled REGISTRATION_FEE skipped the password (black-box audit).
 */
export const DEFAULT_MAX_REGISTRATION_FEE: Fen = yuan(100);

/** Payment passwords are exactly this many digits (the card terminals' PIN pad, R-ACC-7). */
export const PAYMENT_PASSWORD_DIGITS = 6;

/** Consecutive-failure counter of one holder's payment password (R-ACC-7). */
export interface PasswordAttemptState {
  readonly consecutiveFailures: number;
  readonly locked: boolean;
}

/** A holder whose password has never been mistyped. */
export const FRESH_PASSWORD_STATE: PasswordAttemptState = Object.freeze({
  consecutiveFailures: 0,
  locked: false,
});
