import { DomainError } from '../shared/domain-error';

/** Codes of refusals about a person's payment credentials. */
export enum PersonErrorCode {
  /** 5 consecutive wrong passwords: account payment is locked until staff unlock it (R-ACC-7). */
  PASSWORD_LOCKED = 'PASSWORD_LOCKED',
}

export class PersonError extends DomainError {
  constructor(code: PersonErrorCode, message: string, rule: string, field?: readonly string[]) {
    super(code, message, rule, field);
  }
}
