import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals of region rollout settings. */
export enum RegionErrorCode {
  INVALID_DATE = 'INVALID_DATE',
  USE_BEFORE_REGISTRATION = 'USE_BEFORE_REGISTRATION',
  KIN_PREMIUM_BEFORE_SELF = 'KIN_PREMIUM_BEFORE_SELF',
  WALLET_BEFORE_NATIONAL_LAUNCH = 'WALLET_BEFORE_NATIONAL_LAUNCH',
  USAGE_CHANGE_BEFORE_WALLET = 'USAGE_CHANGE_BEFORE_WALLET',
  /** 全域 (province-wide opening) is a province's status only (R-WAL-2). */
  FULL_COVERAGE_NOT_PROVINCE = 'FULL_COVERAGE_NOT_PROVINCE',
  /** A province is 全域 only with a wallet date its regions inherit (R-WAL-2). */
  FULL_COVERAGE_WITHOUT_WALLET = 'FULL_COVERAGE_WITHOUT_WALLET',
}

/** One problem with a set of rollout dates, on one field. */
export interface RolloutViolation {
  readonly field: string;
  readonly code: RegionErrorCode;
  readonly rule: string;
  readonly message: string;
  /** Placeholder values for the refusal catalogue (dates). */
  readonly params?: MessageParams;
}

export class RegionError extends DomainError {
  constructor(readonly violations: readonly RolloutViolation[]) {
    const first = violations[0];
    super(first.code, first.message, first.rule, [first.field], first.params);
  }
}
