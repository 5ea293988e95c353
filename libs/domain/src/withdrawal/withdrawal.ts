import type { Fen } from '../money/money';
import type { PocketKind } from '../ledger/ledger';

/** A request to withdraw cash from a personal pocket (API `legacyWithdraw`). */
export interface WithdrawalInput {
  readonly personId: string;
  /** The pocket asked for; `legacyWithdraw` always asks for LEGACY, other pockets are refused (R-ACC-5). */
  readonly pocket: PocketKind;
  readonly amount: Fen;
  /** The pocket's balance, re-read under lock by the caller. */
  readonly balance: Fen;
}
