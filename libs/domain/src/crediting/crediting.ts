import type { BasisPoints, Fen } from '../money/money';
import type { LedgerDecision } from '../ledger/ledger';
import type { IsoDate } from '../shared/dates';

/** One row of a monthly contribution batch: what was collected for a person in the month (R-ACC-4). */
export interface ContributionRow {
  readonly personId: string;
  /** Amount to credit to the personal account; 0 = nothing collected this month, so no credit. */
  readonly amount: Fen;
  /**
   * The person's birth date (`YYYY-MM-DD`), when known: a positive amount for a month before the birth month is
   * refused (MONTH_BEFORE_BIRTH, R-ACC-4 — nothing can have been collected for it).
   */
  readonly birthDate?: IsoDate;
}

/** A credit already booked for the month (from `contribution_credits`). */
export interface ExistingCredit {
  readonly personId: string;
  readonly amount: Fen;
}

/** Outcome of a monthly batch. */
export interface ContributionCreditResult {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The transaction to write; `null` when the batch credits nobody new (everything no-op or not collected). */
  readonly decision: LedgerDecision | null;
  /** Credits booked now. */
  readonly credited: readonly ExistingCredit[];
  /** Same person, month and amount as an earlier credit: nothing moves (exactly once, R-ACC-4). */
  readonly alreadyCredited: readonly ExistingCredit[];
  /** Rows with nothing collected (amount 0): no credit (R-ACC-4). */
  readonly notCollected: readonly string[];
}

/** Options of {@link creditContributionsOrThrow}. */
export interface ContributionCreditOptions {
  /**
   * Today's date in China (UTC+8, `YYYY-MM-DD`): a month after today's month is refused (MONTH_IN_FUTURE, R-ACC-4:
   * nothing can have been collected for it). The domain reads no clock; the caller passes it.
   */
  readonly today: IsoDate;
  /**
   * First day of the book-entry account in the region (`earmarkedFrom`, R-ACC-3/5). Months before it are credited
   * to LEGACY (the passbook of those days), later months to EARMARKED. Default `EARMARKED_NATIONAL_FROM`
   * (2022-09-01, R-ACC-3) — the same national default `effectivePolicy` reports for a region without its own date.
   */
  readonly earmarkedFrom?: IsoDate;
  /**
   * Names of the persons of the batch by id (R-ACC-4): how a Chinese CONFLICTING_CREDIT names a person-month
   * (`王丽 2022年9月…`); the English keeps the id. Without a name the Chinese says 该人员.
   */
  readonly names?: Readonly<Record<string, string>>;
}

/** An EARMARKED balance to pay interest on. */
export interface InterestBase {
  readonly personId: string;
  /** EARMARKED balance when the run takes it (the API: the balance at the run, not a reconstructed year-end one). */
  readonly balance: Fen;
}

/** Outcome of a yearly interest run (R-ACC-4). */
export interface InterestResult {
  readonly year: number;
  readonly annualRate: BasisPoints;
  /** The transaction to write; `null` when no account earns a fen. */
  readonly decision: LedgerDecision | null;
  /** Interest per person (only non-zero amounts). */
  readonly interest: readonly ExistingCredit[];
  /** Sum of the interest posted. */
  readonly total: Fen;
}
