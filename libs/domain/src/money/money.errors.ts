import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals raised while reading or computing money. */
export enum MoneyErrorCode {
  MALFORMED_MONEY = 'MALFORMED_MONEY',
  TOO_MANY_DECIMALS = 'TOO_MANY_DECIMALS',
  NEGATIVE_AMOUNT = 'NEGATIVE_AMOUNT',
  AMOUNT_TOO_LARGE = 'AMOUNT_TOO_LARGE',
  BALANCE_TOO_LARGE = 'BALANCE_TOO_LARGE',
}

export class MoneyError extends DomainError {
  constructor(code: MoneyErrorCode, message: string, field?: readonly string[], params?: MessageParams) {
    super(code, message, 'MONEY', field, params);
  }
}
