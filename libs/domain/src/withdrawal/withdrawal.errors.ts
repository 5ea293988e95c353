import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refused cash withdrawals (R-ACC-5). */
export enum WithdrawalErrorCode {
  /** The amount is zero or negative. */
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  /** EARMARKED (记账管理, since 2022-09-01) is never paid out in cash. */
  EARMARKED_NOT_WITHDRAWABLE = 'EARMARKED_NOT_WITHDRAWABLE',
  /** Wallet money is for medical costs and resident contributions only. */
  WALLET_NOT_WITHDRAWABLE = 'WALLET_NOT_WITHDRAWABLE',
  /** The LEGACY balance is lower than the amount. */
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
}

/** A refused withdrawal, with the DOMAIN.md rule that refused it. */
export class WithdrawalError extends DomainError {
  constructor(
    code: WithdrawalErrorCode,
    rule: string,
    message: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
