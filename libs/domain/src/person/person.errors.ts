import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals about a person's payment credentials. */
export enum PersonErrorCode {
  /** 5 consecutive wrong passwords: account payment is locked until staff unlock it (R-ACC-7). */
  PASSWORD_LOCKED = 'PASSWORD_LOCKED',
  /** No payment password was ever delivered to this holder: account payment that needs one is impossible (R-ACC-7). */
  PASSWORD_NOT_SET = 'PASSWORD_NOT_SET',
  /** A new payment password is not 6 digits, is trivial (111111, 123456, 654321) or repeats the old one (R-ACC-7). */
  PASSWORD_TOO_WEAK = 'PASSWORD_TOO_WEAK',
  /** Staff unlock asked for a holder whose payment password is neither locked nor mistyped (R-ACC-7). */
  PASSWORD_NOT_LOCKED = 'PASSWORD_NOT_LOCKED',
  /** No phone on file, so no password can be delivered by SMS (R-ACC-7, seed 001). */
  PASSWORD_UNDELIVERABLE = 'PASSWORD_UNDELIVERABLE',
  /** The requested password-free limit is above the policy maximum (R-ACC-7). */
  PASSWORD_FREE_LIMIT_TOO_HIGH = 'PASSWORD_FREE_LIMIT_TOO_HIGH',
  /** The identity document presented for a password reset does not match the registered person (R-ACC-2). */
  IDENTITY_MISMATCH = 'IDENTITY_MISMATCH',
  /**
   * The real-name identity the national app sent for its signed-in holder (ID number and bound phone, 实名认证,
   * R-ACC-2) is missing or is not the registered person's: no e-voucher code is issued.
   */
  REAL_NAME_MISMATCH = 'REAL_NAME_MISMATCH',
}

export class PersonError extends DomainError {
  constructor(
    code: PersonErrorCode,
    message: string,
    rule: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
