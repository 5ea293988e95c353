import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals raised from the effective policy. */
export enum PolicyErrorCode {
  /** The feature has no date in the region chain, or its date is after the business date. */
  FEATURE_NOT_OPEN = 'FEATURE_NOT_OPEN',
  /** A benefit schedule or caps setting that cannot be applied (rate out of range, bands out of order...). */
  INVALID_SETTING = 'INVALID_SETTING',
  /**
   * Nothing is configured for the case on that date, and no default may stand in: a resident's outpatient or
   * inpatient bill without a resident benefit schedule (issue #9: never computed on the employee schedule).
   */
  POLICY_NOT_CONFIGURED = 'POLICY_NOT_CONFIGURED',
}

/** A refusal because the policy of the region on the date does not allow the action. */
export class PolicyError extends DomainError {
  constructor(
    code: PolicyErrorCode,
    message: string,
    rule: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
