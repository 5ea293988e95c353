import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refused cancellations and refunds (R-USE-5). */
export enum RefundErrorCode {
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  /** The settlement was already cancelled. */
  ALREADY_CANCELLED = 'ALREADY_CANCELLED',
  /** The settlement was already refunded in full. */
  ALREADY_REFUNDED = 'ALREADY_REFUNDED',
  /** A partly refunded settlement is not cancelled; the remainder is refunded instead. */
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  /** The refund is larger than what is left to refund. */
  REFUND_EXCEEDS_REMAINING = 'REFUND_EXCEEDS_REMAINING',
}

/** A refused cancellation or refund; the rule is always R-USE-5. */
export class RefundError extends DomainError {
  constructor(code: RefundErrorCode, message: string, field?: readonly string[], params?: MessageParams) {
    super(code, message, 'R-USE-5', field, params);
  }
}
