import {
  type LedgerDecision,
  PocketKind,
  SystemAccount,
  TransactionKind,
  systemAccount,
} from '../ledger/ledger';
import { explain } from '../ledger/explain';
import { debitPocket, posting } from '../ledger/ledger.rules';
import { formatMoney } from '../money/money';
import { moneyParam, termParam } from '../messages/params';
import type { WithdrawalInput } from './withdrawal';
import { WithdrawalError, WithdrawalErrorCode } from './withdrawal.errors';

/**
 * R-ACC-5: cash withdrawal of the legacy passbook balance (funds allocated before 2022-09-01), allowed at any time,
 * paid out through the bank (LEGACY → BANK). EARMARKED is never withdrawable in cash and WALLET money is only for
 * medical costs and resident contributions (R-WAL-7); both are refused. Nothing is partially paid: an amount above
 * the balance is refused.
 */
export function legacyWithdrawOrThrow(input: WithdrawalInput): LedgerDecision {
  const { personId, pocket, amount, balance } = input;
  if (pocket === PocketKind.EARMARKED) {
    throw new WithdrawalError(
      WithdrawalErrorCode.EARMARKED_NOT_WITHDRAWABLE,
      'R-ACC-5',
      'The earmarked account (记账管理, since 2022-09-01) cannot be withdrawn in cash',
      ['pocket'],
    );
  }
  if (pocket === PocketKind.WALLET) {
    throw new WithdrawalError(
      WithdrawalErrorCode.WALLET_NOT_WITHDRAWABLE,
      'R-WAL-7',
      'Wallet money pays medical costs and resident contributions only; it cannot be withdrawn in cash',
      ['pocket'],
    );
  }
  if (amount <= 0n) {
    throw new WithdrawalError(WithdrawalErrorCode.INVALID_AMOUNT, 'R-ACC-5', 'The amount must be positive', [
      'amount',
    ]);
  }
  if (balance < amount) {
    throw new WithdrawalError(
      WithdrawalErrorCode.INSUFFICIENT_BALANCE,
      'R-ACC-5',
      `The legacy balance ${formatMoney(balance)} is lower than ${formatMoney(amount)}`,
      ['amount'],
      { pocket: termParam('pocket', pocket), balance: moneyParam(balance), amount: moneyParam(amount) },
    );
  }
  return {
    kind: TransactionKind.LEGACY_WITHDRAWAL,
    postings: [
      debitPocket(personId, PocketKind.LEGACY, amount),
      posting(systemAccount(SystemAccount.BANK), amount),
    ],
    explanation: [
      explain(
        'R-ACC-5',
        `withdraw ${formatMoney(amount)} of the legacy passbook balance ${formatMoney(balance)} through the bank`,
        'LEGACY_WITHDRAWAL',
        { amount: moneyParam(amount), balance: moneyParam(balance) },
      ),
    ],
  };
}
