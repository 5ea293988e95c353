import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals raised by the ledger invariants (R-SET-6). */
export enum LedgerErrorCode {
  /** The postings of a transaction do not sum to zero. */
  UNBALANCED = 'UNBALANCED',
  /** A personal pocket would go below zero. */
  NEGATIVE_POCKET = 'NEGATIVE_POCKET',
  /** A transaction without money movement (fewer than two non-zero postings). */
  EMPTY_TRANSACTION = 'EMPTY_TRANSACTION',
}

/** Refusal of a ledger invariant; `rule` is always R-SET-6. */
export class LedgerError extends DomainError {
  constructor(code: LedgerErrorCode, message: string, field?: readonly string[], params?: MessageParams) {
    super(code, message, 'R-SET-6', field, params);
  }
}
