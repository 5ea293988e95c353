import fc from 'fast-check';
import { PocketKind } from '../../ledger/ledger';
import { applyPostingsOrThrow, balanceOf, sumPostings } from '../../ledger/ledger.rules';
import { sumFen } from '../../money/money';
import { SettlementStatus } from '../../refund/refund';
import { cancelSettlementOrThrow } from '../../refund/refund.rules';
import { applyAccumulatorDelta, settleOrThrow } from '../settlement.rules';
import { balancesBefore, settlementInputs } from './arbitraries';

describe('settlement invariants (property tests)', () => {
  it('R-SET-6 postings sum to zero and no pocket goes negative; LEGACY untouched (R-ACC-5)', () => {
    fc.assert(
      fc.property(settlementInputs, (input) => {
        const r = settleOrThrow(input);
        expect(sumPostings(r.postings)).toBe(0n);
        const after = applyPostingsOrThrow(balancesBefore(input), r.postings);
        expect(balanceOf(after, input.patient.id, PocketKind.LEGACY)).toBe(123_456n);
      }),
      { numRuns: 500 },
    );
  });

  it('R-SET-4 fund + pockets + cash = bill total; excluded items always in cash (R-USE-4)', () => {
    fc.assert(
      fc.property(settlementInputs, (input) => {
        const r = settleOrThrow(input);
        const pockets = sumFen([r.ownEarmarked, r.ownWallet, ...r.providers.map((p) => p.amount)]);
        expect(r.fundPay + pockets + r.cash).toBe(r.total);
        expect(r.total).toBe(input.bill.covered + input.bill.outOfCatalogue + input.bill.excluded);
        expect(r.fundPay).toBeGreaterThanOrEqual(0n);
        expect(r.fundPay).toBeLessThanOrEqual(input.bill.covered);
        expect(r.cash).toBeGreaterThanOrEqual(input.bill.excluded);
        expect(r.personalShare).toBe(r.total - r.fundPay);
      }),
      { numRuns: 500 },
    );
  });

  it('R-KIN-4 a provider pays only when the own account and every usable higher-ranked provider reached zero', () => {
    fc.assert(
      fc.property(settlementInputs, (input) => {
        const r = settleOrThrow(input);
        const paid = new Map(r.providers.map((p) => [p.personId, p.amount]));
        if (paid.size > 0) expect(r.ownEarmarked).toBe(input.own.earmarked);
        input.providers.forEach((provider, i) => {
          if (!paid.has(provider.personId)) return;
          for (const higher of input.providers.slice(0, i)) {
            if (higher.usable === false) expect(paid.has(higher.personId)).toBe(false);
            else expect(paid.get(higher.personId) ?? 0n).toBe(higher.earmarked);
          }
        });
        for (const p of r.providers) {
          const listed = input.providers.find((q) => q.personId === p.personId);
          expect(listed?.usable).not.toBe(false);
          expect(p.amount).toBeGreaterThan(0n);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('R-USE-5 cancellation restores every balance and accumulator exactly', () => {
    fc.assert(
      fc.property(settlementInputs, (input) => {
        const r = settleOrThrow(input);
        const before = balancesBefore(input);
        const settled = applyPostingsOrThrow(before, r.postings);
        const cancel = cancelSettlementOrThrow({
          transactionId: 't',
          status: SettlementStatus.POSTED,
          postings: r.postings,
          accumulatorDelta: r.accumulatorDelta,
        });
        expect(applyPostingsOrThrow(settled, cancel.postings)).toEqual(before);
        expect(applyAccumulatorDelta(r.yearToDate, cancel.accumulatorDelta)).toEqual(input.yearToDate);
      }),
      { numRuns: 300 },
    );
  });
});
