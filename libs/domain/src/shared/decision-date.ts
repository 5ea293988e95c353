import { dateParam } from '../messages/params';
import type { IsoDate } from './dates';
import { DomainError } from './domain-error';

/** Codes of a refused decision date. */
export enum DecisionDateErrorCode {
  /** Staff entered a decision date (`on`) after today: money moves today, for what applies today or earlier. */
  DECISION_DATE_IN_FUTURE = 'DECISION_DATE_IN_FUTURE',
}

/**
 * A money decision is taken today (Beijing time) or, when staff enter it with `on`, for an earlier day (a
 * back-office correction): never for a later one. A date still to come would let money move under rules that do
 * not apply yet — a wallet opening on 2027-01-01 receiving a transfer today (R-WAL-3), a premium under next year's
 * scope (R-USE-3). `rule` is the rule the decision is taken under. A quote (no money) may still look ahead.
 */
export function assertDecisionDateNotAfterTodayOrThrow(on: IsoDate, today: IsoDate, rule: string): void {
  if (on > today) {
    throw new DomainError(
      DecisionDateErrorCode.DECISION_DATE_IN_FUTURE,
      `The decision date ${on} is after today (${today}, Beijing time): money moves only for today or an earlier day`,
      rule,
      ['on'],
      { on: dateParam(on), today: dateParam(today) },
    );
  }
}
