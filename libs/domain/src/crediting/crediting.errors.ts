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
  /** Interest for this year was already posted. */
  INTEREST_ALREADY_POSTED = 'INTEREST_ALREADY_POSTED',
}

/** A refused credit or interest run; the rule is always R-ACC-4. */
export class CreditingError extends DomainError {
  constructor(
    code: CreditingErrorCode,
    message: string,
    field?: readonly string[],
    /** Every person-month in conflict, for CONFLICTING_CREDIT. */
    readonly conflicts: readonly string[] = [],
    params?: MessageParams,
  ) {
    super(code, message, 'R-ACC-4', field, params);
  }
}
