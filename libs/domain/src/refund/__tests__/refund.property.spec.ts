import fc from 'fast-check';
import { type Balances } from '../../ledger/ledger';
import { applyPostingsOrThrow, describeAccount, sumPostings } from '../../ledger/ledger.rules';
import type { Fen } from '../../money/money';
import { applyAccumulatorDelta, settleOrThrow } from '../../settlement/settlement.rules';
import { balancesBefore, settlementInputs } from '../../settlement/__tests__/arbitraries';
import { type RefundResult, SettlementStatus } from '../refund';
import { partialRefundOrThrow } from '../refund.rules';

describe('refund invariants (property tests)', () => {
  it('R-USE-5 refunds never return more than an account paid; a full refund restores balances and accumulators', () => {
    fc.assert(
      fc.property(
        settlementInputs,
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (input, weights, complete) => {
          const r = settleOrThrow(input);
          const before = balancesBefore(input);
          let balances: Balances = applyPostingsOrThrow(before, r.postings);
          const paid = new Map<string, bigint>();
          for (const p of r.postings) if (p.amount < 0n) paid.set(describeAccount(p.account), -p.amount);
          // Split the bill total into refunds by the weights; stop one short of the total unless `complete`.
          const total = weights.reduce((a, b) => a + b, 0);
          const prior: RefundResult[] = [];
          let refunded = 0n;
          let ytd = r.yearToDate;
          let status = SettlementStatus.POSTED;
          weights.forEach((w, i) => {
            const last = i === weights.length - 1;
            let amount = last ? r.total - refunded : (r.total * BigInt(w)) / BigInt(total);
            if (last && !complete) amount -= 1n;
            if (amount <= 0n) return;
            const refund = partialRefundOrThrow(
              { transactionId: 't', status, postings: r.postings, accumulatorDelta: r.accumulatorDelta },
              prior,
              amount as Fen,
            );
            expect(sumPostings(refund.postings)).toBe(0n);
            balances = applyPostingsOrThrow(balances, refund.postings);
            ytd = applyAccumulatorDelta(ytd, refund.accumulatorDelta);
            prior.push(refund);
            refunded += amount;
            status = refund.status;
          });
          const back = new Map<string, bigint>();
          for (const refund of prior)
            for (const line of refund.returned)
              back.set(
                describeAccount(line.account),
                (back.get(describeAccount(line.account)) ?? 0n) + line.amount,
              );
          for (const [account, amount] of back) expect(amount).toBeLessThanOrEqual(paid.get(account) ?? 0n);
          if (refunded === r.total) {
            expect(status).toBe(SettlementStatus.REFUNDED);
            expect(balances).toEqual(before);
            expect(ytd).toEqual(input.yearToDate);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
