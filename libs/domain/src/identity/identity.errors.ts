import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals of an ID number or a phone number (R-ACC-2). */
export enum IdentityErrorCode {
  /** Not 17 digits followed by a digit or X. */
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  /** The ISO 7064 MOD 11-2 check character does not match: most likely a typo. */
  INVALID_ID_CHECK_DIGIT = 'INVALID_ID_CHECK_DIGIT',
  /** Characters 7–14 are not a real date, or it is before 1900 or in the future. */
  INVALID_ID_BIRTH_DATE = 'INVALID_ID_BIRTH_DATE',
  /** The first two digits are not a GB/T 2260 province code. */
  INVALID_ID_REGION = 'INVALID_ID_REGION',
  /** Not a mainland mobile number (1[3-9] followed by 9 digits). */
  INVALID_PHONE = 'INVALID_PHONE',
}

/** A refusal of identity data; `rule` is R-ACC-2 (person data) or R-WAL-5 (the wallet's bound phone). */
export class IdentityError extends DomainError {
  constructor(
    code: IdentityErrorCode,
    message: string,
    rule = 'R-ACC-2',
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
