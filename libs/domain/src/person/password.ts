import type { Fen } from '../money/money';

/** Region-wide password settings (R-ACC-7), effective-dated like every policy (kind `PASSWORD_POLICY`). */
export interface PasswordPolicy {
  /** Consecutive wrong passwords that lock account payment until staff unlock it (decision: 5). */
  readonly lockoutAfterFailures: number;
  /** Password-free limit of a holder who has not set one (限额免密 is opt-in, so 0 by default). */
  readonly defaultPasswordFreeLimit: Fen;
}

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
