import fc from 'fast-check';
import { PocketKind, SystemAccount, pocketAccount, systemAccount } from '../ledger';
import { explain, formatRate } from '../explain';
import { LedgerErrorCode } from '../ledger.errors';
import {
  applyPostingsOrThrow,
  assertBalancedOrThrow,
  balanceOf,
  balancesOf,
  creditPocket,
  debitPocket,
  describeAccount,
  posting,
  reversePostings,
  withoutZeroPostings,
} from '../ledger.rules';
import type { Fen } from '../../money/money';

const cash = systemAccount(SystemAccount.CASH);
const fund = systemAccount(SystemAccount.FUND_POOL);

describe('R-SET-6 double entry', () => {
  it('R-SET-6 accepts balanced postings and applies them to personal pockets only', () => {
    const balances = balancesOf([['p', PocketKind.EARMARKED, 1000n]]);
    const next = applyPostingsOrThrow(balances, [
      debitPocket('p', PocketKind.EARMARKED, 400n as Fen),
      posting(cash, 400n),
    ]);
    expect(balanceOf(next, 'p', PocketKind.EARMARKED)).toBe(600n);
    expect(balanceOf(balances, 'p', PocketKind.EARMARKED)).toBe(1000n);
    expect(balanceOf(next, 'q', PocketKind.WALLET)).toBe(0n);
  });

  it.each([
    ['unbalanced postings', [posting(cash, 1n), posting(fund, -2n)], LedgerErrorCode.UNBALANCED],
    ['a single posting of zero', [posting(cash, 0n)], LedgerErrorCode.EMPTY_TRANSACTION],
    ['no postings', [], LedgerErrorCode.EMPTY_TRANSACTION],
  ])('R-SET-6 refuses %s', (_label, postings, code) => {
    expect(() => assertBalancedOrThrow(postings)).toThrow(expect.objectContaining({ code, rule: 'R-SET-6' }));
  });

  it('R-SET-6 refuses a pocket going negative (NEGATIVE_POCKET) and changes nothing', () => {
    const balances = balancesOf([['p', PocketKind.WALLET, 100n]]);
    expect(() =>
      applyPostingsOrThrow(balances, [debitPocket('p', PocketKind.WALLET, 101n as Fen), posting(cash, 101n)]),
    ).toThrow(expect.objectContaining({ code: LedgerErrorCode.NEGATIVE_POCKET, rule: 'R-SET-6' }));
    expect(balanceOf(balances, 'p', PocketKind.WALLET)).toBe(100n);
  });

  it('R-SET-6 a pocket may dip within a transaction as long as it ends non-negative', () => {
    const next = applyPostingsOrThrow(balancesOf([]), [
      debitPocket('p', PocketKind.WALLET, 5n as Fen),
      creditPocket('p', PocketKind.WALLET, 5n as Fen),
    ]);
    expect(balanceOf(next, 'p', PocketKind.WALLET)).toBe(0n);
  });

  it('R-SET-6 property: applying postings then their reversal restores the balances', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10_000n }), { minLength: 1, maxLength: 5 }),
        (amounts) => {
          const balances = balancesOf(amounts.map((a, i) => [`p${i}`, PocketKind.EARMARKED, a] as const));
          const postings = amounts.map((a, i) => debitPocket(`p${i}`, PocketKind.EARMARKED, a as Fen));
          postings.push(
            posting(
              cash,
              amounts.reduce((s, a) => s + a, 0n),
            ),
          );
          const after = applyPostingsOrThrow(balances, postings);
          expect(applyPostingsOrThrow(after, reversePostings(postings))).toEqual(balances);
        },
      ),
    );
  });

  it('describes accounts and drops zero postings', () => {
    expect(describeAccount(pocketAccount('p', PocketKind.LEGACY))).toBe('p:LEGACY');
    expect(describeAccount(systemAccount(SystemAccount.INSTITUTION, 'h1'))).toBe('INSTITUTION:h1');
    expect(withoutZeroPostings([posting(cash, 0n), posting(fund, 1n)])).toEqual([posting(fund, 1n)]);
  });

  it.each([
    [5000, '50%'],
    [9150, '91.5%'],
    [125, '1.25%'],
    [0, '0%'],
  ])('formats %s basis points as %s', (bp, text) => {
    expect(formatRate(bp)).toBe(text);
    expect(explain('R-SET-1', text)).toEqual({ rule: 'R-SET-1', message: text });
  });
});
