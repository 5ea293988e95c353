import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refused contribution credits and interest runs (R-ACC-4). */
export enum CreditingErrorCode {
  /** The month is not `YYYY-MM`. */
  INVALID_MONTH = 'INVALID_MONTH',
  /** A negative contribution amount. */
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  /** A person-month already credited with a different amount, or listed twice with different amounts. */
  CONFLICTING_CREDIT = 'CONFLICTING_CREDIT',
  /** The month is after the current month (Beijing time): nothing can have been collected for it yet. */
  MONTH_IN_FUTURE = 'MONTH_IN_FUTURE',
  /** The year is not a plausible calendar year. */
  INVALID_YEAR = 'INVALID_YEAR',
  /** The rate is not integer basis points in 0..10000. */
  INVALID_RATE = 'INVALID_RATE',
  /** The year is after the current year (Beijing time): it has no interest to post yet. */
  YEAR_IN_FUTURE = 'YEAR_IN_FUTURE',
  /**
   * The year is the current year (Beijing time): its interest is on the balance at the year's end, which is not known
   * until the year is over (R-ACC-4).
   */
  YEAR_NOT_ENDED = 'YEAR_NOT_ENDED',
  /** Interest for this year was already posted. */
  INTEREST_ALREADY_POSTED = 'INTEREST_ALREADY_POSTED',
  /**
   * A contribution credited for a month before the person's birth month: nothing can have been collected for it
   * (R-ACC-4: no collection, no credit).
   */
  MONTH_BEFORE_BIRTH = 'MONTH_BEFORE_BIRTH',
  /**
   * Interest for a year before the book-entry account existed (R-ACC-3: EARMARKED since 2022-09-01): interest is
   * posted to EARMARKED (R-ACC-4), and there was none that year.
   */
  YEAR_BEFORE_EARMARKED = 'YEAR_BEFORE_EARMARKED',
}

/** A refused credit or interest run; the rule is R-ACC-4 unless another one refused (R-ACC-3 for the year floor). */
export class CreditingError extends DomainError {
  constructor(
    code: CreditingErrorCode,
    message: string,
    field?: readonly string[],
    /** Every person-month in conflict, for CONFLICTING_CREDIT. */
    readonly conflicts: readonly string[] = [],
    params?: MessageParams,
    rule = 'R-ACC-4',
  ) {
    super(code, message, rule, field, params);
  }
}
