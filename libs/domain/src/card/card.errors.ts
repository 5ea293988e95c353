import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals of card operations; all cite R-CARD-1. */
export enum CardErrorCode {
  /** The card is already pre-reported, reported or being reissued. */
  ALREADY_REPORTED = 'ALREADY_REPORTED',
  /** 解挂 needs a pre-report in force. */
  NOT_PRE_REPORTED = 'NOT_PRE_REPORTED',
  /** The pre-report lapsed after 10 days: the card is already usable again. */
  PRE_REPORT_LAPSED = 'PRE_REPORT_LAPSED',
  /** A formal report cannot be undone: the card stays frozen until a reissue. */
  FORMALLY_REPORTED = 'FORMALLY_REPORTED',
  /** A reissue needs a formal report first. */
  NOT_FORMALLY_REPORTED = 'NOT_FORMALLY_REPORTED',
  /** No replacement card is pending. */
  NO_REISSUE_PENDING = 'NO_REISSUE_PENDING',
  /** The replacement card is not ready at the counter yet. */
  REISSUE_NOT_READY = 'REISSUE_NOT_READY',
  /** Card payments are frozen; the electronic voucher still works. */
  CARD_FROZEN = 'CARD_FROZEN',
}

export class CardError extends DomainError {
  constructor(code: CardErrorCode, message: string, field?: readonly string[], params?: MessageParams) {
    super(code, message, 'R-CARD-1', field, params);
  }
}
