import { PocketKind, SystemAccount, TransactionKind, systemAccount } from '../../ledger/ledger';
import { debitPocket, posting } from '../../ledger/ledger.rules';
import { type Fen, yuan } from '../../money/money';
import { WithdrawalErrorCode } from '../withdrawal.errors';
import { legacyWithdrawOrThrow } from '../withdrawal.rules';

const base = { personId: 'p', pocket: PocketKind.LEGACY, amount: yuan(300), balance: yuan(500) };

describe('R-ACC-5 cash withdrawal', () => {
  it('R-ACC-5 LEGACY can be withdrawn any time, paid out by the bank', () => {
    const d = legacyWithdrawOrThrow(base);
    expect(d.kind).toBe(TransactionKind.LEGACY_WITHDRAWAL);
    expect(d.postings).toEqual([
      debitPocket('p', PocketKind.LEGACY, yuan(300)),
      posting(systemAccount(SystemAccount.BANK), yuan(300)),
    ]);
    expect(d.explanation[0].rule).toBe('R-ACC-5');
  });

  it('R-ACC-5 the whole LEGACY balance can be withdrawn', () => {
    expect(() => legacyWithdrawOrThrow({ ...base, amount: yuan(500) })).not.toThrow();
  });

  it.each([
    [
      'R-ACC-5',
      'EARMARKED is never withdrawable',
      { pocket: PocketKind.EARMARKED },
      WithdrawalErrorCode.EARMARKED_NOT_WITHDRAWABLE,
    ],
    [
      'R-WAL-7',
      'WALLET is not withdrawable',
      { pocket: PocketKind.WALLET },
      WithdrawalErrorCode.WALLET_NOT_WITHDRAWABLE,
    ],
    ['R-ACC-5', 'more than the balance', { amount: yuan(501) }, WithdrawalErrorCode.INSUFFICIENT_BALANCE],
    ['R-ACC-5', 'a zero amount', { amount: 0n as Fen }, WithdrawalErrorCode.INVALID_AMOUNT],
  ])('%s refuses: %s', (rule, _label, overrides, code) => {
    expect(() => legacyWithdrawOrThrow({ ...base, ...overrides })).toThrow(
      expect.objectContaining({ code, rule }),
    );
  });
});
