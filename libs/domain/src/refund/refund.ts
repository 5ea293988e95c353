import type { Fen } from '../money/money';
import type { LedgerAccount, LedgerDecision, Posting } from '../ledger/ledger';
import type { AccumulatorDelta } from '../settlement/settlement';
import type { Explanation } from '../shared/domain-error';

/** Life cycle of a settlement transaction (`TransactionEntity.status`). */
export enum SettlementStatus {
  POSTED = 'POSTED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
  CANCELLED = 'CANCELLED',
}

/** A confirmed settlement as stored: its postings in payment order (`seq`) and its accumulator delta. */
export interface SettledTransaction {
  readonly transactionId: string;
  readonly status: SettlementStatus;
  readonly postings: readonly Posting[];
  readonly accumulatorDelta: AccumulatorDelta;
  /** The patient billed: a refund's explanation says 本人 for their own account, not an id. */
  readonly patientId?: string | null;
  /**
   * The settlement's explanation as stored: a refund's explanation names each relative by the position the
   * settlement used them at (第N位共济人, R-KIN-4), never by id or name (a portal may not read that person).
   */
  readonly explanation?: readonly Explanation[];
}

/** An earlier refund of the same settlement. */
export interface PriorRefund {
  readonly postings: readonly Posting[];
  readonly accumulatorDelta: AccumulatorDelta;
}

/** A cancellation: every posting of the settlement reversed, accumulators restored. */
export interface CancellationResult extends LedgerDecision {
  /** The negated settlement delta. */
  readonly accumulatorDelta: AccumulatorDelta;
  /** New status of the original settlement. */
  readonly status: SettlementStatus.CANCELLED;
}

/** Money returned to one account by a refund. */
export interface RefundLine {
  readonly account: LedgerAccount;
  readonly amount: Fen;
}

/** A partial (or final) refund. */
export interface RefundResult extends LedgerDecision {
  readonly amount: Fen;
  /** Where the money goes back, in the order it was returned. */
  readonly returned: readonly RefundLine[];
  /** Returned to cash. */
  readonly cashReturned: Fen;
  /** Returned to personal pockets (own and relatives'); lowers `accountPaid` (R-USE-6). */
  readonly accountReturned: Fen;
  /** Returned to the fund pool. */
  readonly fundReturned: Fen;
  /** Still refundable after this refund. */
  readonly remaining: Fen;
  readonly accumulatorDelta: AccumulatorDelta;
  /** New status of the original settlement. */
  readonly status: SettlementStatus.PARTIALLY_REFUNDED | SettlementStatus.REFUNDED;
}
