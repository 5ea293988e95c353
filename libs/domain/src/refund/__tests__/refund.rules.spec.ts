import { aBill, aProvider, aSettledTransaction, aSettlementInput, aYearToDate } from '../../testing';
import { SystemAccount, TransactionKind } from '../../ledger/ledger';
import { describeAccount, reversePostings, sumPostings } from '../../ledger/ledger.rules';
import { type Fen, yuan } from '../../money/money';
import { VisitType } from '../../settlement/settlement';
import {
  applyAccumulatorDelta,
  negateAccumulatorDelta,
  settleOrThrow,
} from '../../settlement/settlement.rules';
import { type PriorRefund, SettlementStatus } from '../refund';
import { renderRefusal } from '../../messages/render';
import { renderExplanation } from '../../messages/explanations';
import type { DomainError } from '../../shared/domain-error';
import { RefundErrorCode } from '../refund.errors';
import { cancelSettlementOrThrow, partialRefundOrThrow } from '../refund.rules';

const y = (n: number) => yuan(n);

// Bill: covered 2000.00 + excluded 100.00 = 2100.00. Fund 100.00; own account 1000.00, own wallet 300.00,
// provider A 500.00 (all), provider B 100.00 (of 1000.00), cash 100.00 (the excluded items).
const settlement = settleOrThrow(
  aSettlementInput({
    bill: aBill({ excluded: y(100) }),
    own: { earmarked: y(1000), wallet: y(300) },
    providers: [aProvider('A', y(500)), aProvider('B', y(1000))],
  }),
);
const original = aSettledTransaction(settlement);
const lines = (r: { returned: readonly { account: Parameters<typeof describeAccount>[0]; amount: Fen }[] }) =>
  r.returned.map((l) => [describeAccount(l.account), l.amount]);

describe('R-USE-5 cancellation', () => {
  it('R-USE-5 reverses every posting of the settlement and negates the accumulator delta', () => {
    const c = cancelSettlementOrThrow(original);
    expect(c.kind).toBe(TransactionKind.SETTLEMENT_CANCEL);
    expect(c.postings).toEqual(reversePostings(settlement.postings));
    expect(sumPostings([...settlement.postings, ...c.postings])).toBe(0n);
    expect(c.accumulatorDelta).toEqual(negateAccumulatorDelta(settlement.accumulatorDelta));
    expect(applyAccumulatorDelta(settlement.yearToDate, c.accumulatorDelta)).toEqual(aYearToDate(2024));
    expect(c.status).toBe(SettlementStatus.CANCELLED);
  });

  it.each([
    [SettlementStatus.CANCELLED, RefundErrorCode.ALREADY_CANCELLED],
    [SettlementStatus.REFUNDED, RefundErrorCode.ALREADY_REFUNDED],
    [SettlementStatus.PARTIALLY_REFUNDED, RefundErrorCode.PARTIALLY_REFUNDED],
  ])('R-USE-5 refuses to cancel a settlement that is %s', (status, code) => {
    expect(() => cancelSettlementOrThrow({ ...original, status })).toThrow(
      expect.objectContaining({ code, rule: 'R-USE-5' }),
    );
  });
});

describe('R-USE-5 refusals name the settlement and the amounts in Chinese as in English', () => {
  const refusal = (fn: () => unknown): DomainError => {
    try {
      fn();
    } catch (err) {
      return err as DomainError;
    }
    throw new Error('not refused');
  };
  const id = original.transactionId;

  it.each([
    [SettlementStatus.CANCELLED, `该笔结算（交易流水号${id}）已撤销，不能重复办理（R-USE-5）`],
    [SettlementStatus.REFUNDED, `该笔结算（交易流水号${id}）已全额退费，无剩余可退金额（R-USE-5）`],
    [
      SettlementStatus.PARTIALLY_REFUNDED,
      `该笔结算（交易流水号${id}）已部分退费，不能撤销；请对剩余部分办理退费（R-USE-5）`,
    ],
  ])('R-USE-5 cancelling a settlement that is %s', (status, zh) => {
    const err = refusal(() => cancelSettlementOrThrow({ ...original, status }));
    expect(renderRefusal(err, 'zh')).toBe(zh);
    expect(renderRefusal(err, 'en')).toBe(`${err.message} (R-USE-5)`);
  });

  it('R-USE-5 a refund above what is left names both amounts in yuan', () => {
    const err = refusal(() => partialRefundOrThrow(original, [], y(2101)));
    expect(renderRefusal(err, 'zh')).toBe('该笔结算仅剩2100.00 元可退，不能退2101.00 元（R-USE-5）');
  });
});

describe('R-USE-5 partial refunds in reverse order of payment', () => {
  it('R-USE-5 cash first, then relatives last-used first, own wallet, own account; the fund takes back its share', () => {
    // The fund paid 100.00 = 50 % of the 200.00 above the 1800.00 deductible (R-SET-1).
    const first = partialRefundOrThrow(original, [], y(150));
    expect(lines(first)).toEqual([
      [SystemAccount.CASH, y(100)],
      ['B:EARMARKED', y(25)],
      [SystemAccount.FUND_POOL, y(25)],
    ]);
    expect(first.postings[0]).toEqual({ account: settlement.postings[0].account, amount: -y(150) });
    expect(sumPostings(first.postings)).toBe(0n);
    expect(first.status).toBe(SettlementStatus.PARTIALLY_REFUNDED);
    expect(first.remaining).toBe(y(1950));
    expect(first.accountReturned).toBe(y(25));
    expect(first.cashReturned).toBe(y(100));
    expect(first.fundReturned).toBe(y(25));
    // The excluded items (100.00 in cash) count as refunded first; the 50.00 beyond them is covered cost returned,
    // taken from the fund's 200.00 base first: the fund keeps 100.00 × 150 / 200 = 75.00 and takes back 25.00.
    expect(first.accumulatorDelta).toEqual({
      ...aYearToDate(2024),
      outpatientCovered: -y(50),
      outpatientFundPaid: -y(25),
      accountPaid: -y(25),
    });

    const prior: PriorRefund[] = [first];
    const second = partialRefundOrThrow({ ...original, status: first.status }, prior, y(600));
    // 650.00 of covered cost is back now, more than the fund's base: the fund takes back the rest of its 100.00.
    expect(lines(second)).toEqual([
      ['B:EARMARKED', y(75)],
      ['A:EARMARKED', y(450)],
      [SystemAccount.FUND_POOL, y(75)],
    ]);
    expect(second.accumulatorDelta).toEqual({
      ...aYearToDate(2024),
      outpatientCovered: -y(600),
      outpatientFundPaid: -y(75),
      accountPaid: -y(525),
    });

    prior.push(second);
    const third = partialRefundOrThrow(original, prior, y(1300));
    expect(lines(third)).toEqual([
      ['A:EARMARKED', y(50)],
      ['patient-1:WALLET', y(300)],
      ['patient-1:EARMARKED', y(950)],
    ]);
    expect(third.fundReturned).toBe(0n);
    expect(third.accumulatorDelta).toEqual({
      ...aYearToDate(2024),
      outpatientCovered: -y(1300),
      accountPaid: -y(1300),
    });

    prior.push(third);
    const last = partialRefundOrThrow(original, prior, y(50));
    expect(lines(last)).toEqual([['patient-1:EARMARKED', y(50)]]);
    expect(last.status).toBe(SettlementStatus.REFUNDED);
    expect(last.remaining).toBe(0n);
    // The refunds together restore the accumulators exactly like a cancellation.
    const restored = [first, second, third, last].reduce(
      (ytd, r) => applyAccumulatorDelta(ytd, r.accumulatorDelta),
      settlement.yearToDate,
    );
    expect(restored).toEqual(aYearToDate(2024));
  });

  it('R-SET-1 after a partial refund the fund has paid what the bill as it stands earns (black-box audit)', () => {
    // 2000.00 covered, in service: fund 100.00, own account 1900.00. 500.00 refunded: the bill is 1500.00, all under
    // the 1800.00 deductible, so the fund takes back its 100.00 and the account gets 400.00.
    const bill = settleOrThrow(aSettlementInput({ own: { earmarked: y(5000), wallet: 0n as Fen } }));
    expect(bill.fundPay).toBe(y(100));
    const r = partialRefundOrThrow(aSettledTransaction(bill), [], y(500));
    expect(lines(r)).toEqual([
      ['patient-1:EARMARKED', y(400)],
      [SystemAccount.FUND_POOL, y(100)],
    ]);
    const ytd = applyAccumulatorDelta(bill.yearToDate, r.accumulatorDelta);
    expect(ytd).toMatchObject({ outpatientCovered: y(1500), outpatientFundPaid: 0n });
    // The next 1000.00: 300.00 under the deductible, 50 % of 700.00 = 350.00 — the fund's total for 2500.00 covered.
    const next = settleOrThrow(
      aSettlementInput({
        own: { earmarked: y(5000), wallet: 0n as Fen },
        bill: aBill({ covered: y(1000) }),
        yearToDate: ytd,
      }),
    );
    expect(next.fundPay).toBe(y(350));
  });

  it('R-USE-5 an inpatient refund beyond the personal share lowers the inpatient fund accumulator', () => {
    const inpatient = settleOrThrow(
      aSettlementInput({ bill: aBill({ visitType: VisitType.INPATIENT, covered: y(10_000) }) }),
    );
    // fund 7395.00, cash 2605.00: refunding 3000.00 returns the cash and 395.00 of fund money.
    const r = partialRefundOrThrow(aSettledTransaction(inpatient), [], y(3000));
    expect(r.fundReturned).toBe(y(395));
    expect(r.accumulatorDelta).toEqual({ ...aYearToDate(2024), inpatientFundPaid: -y(395) });
  });

  it.each([
    ['more than is left', y(2101), RefundErrorCode.REFUND_EXCEEDS_REMAINING, SettlementStatus.POSTED],
    ['a zero amount', 0n as Fen, RefundErrorCode.INVALID_AMOUNT, SettlementStatus.POSTED],
    ['a cancelled settlement', y(1), RefundErrorCode.ALREADY_CANCELLED, SettlementStatus.CANCELLED],
    ['a refunded settlement', y(1), RefundErrorCode.ALREADY_REFUNDED, SettlementStatus.REFUNDED],
  ])('R-USE-5 refuses to refund %s', (_label, amount, code, status) => {
    expect(() => partialRefundOrThrow({ ...original, status }, [], amount)).toThrow(
      expect.objectContaining({ code, rule: 'R-USE-5' }),
    );
  });

  it('R-USE-5 refuses a refund above what is left after earlier refunds', () => {
    const first = partialRefundOrThrow(original, [], y(2000));
    expect(() => partialRefundOrThrow(original, [first], y(101))).toThrow(
      expect.objectContaining({ code: RefundErrorCode.REFUND_EXCEEDS_REMAINING }),
    );
  });
});

describe('R-USE-5 a refund names whose account it returns to without an id (本人, 第N位共济人)', () => {
  // The same settlement with positions: A at 1, B at 2 in the beneficiary's order (R-KIN-4).
  const positioned = settleOrThrow(
    aSettlementInput({
      bill: aBill({ excluded: y(100) }),
      own: { earmarked: y(1000), wallet: y(300) },
      providers: [aProvider('A', y(500), { position: 1 }), aProvider('B', y(1000), { position: 2 })],
    }),
  );
  const stored = aSettledTransaction(positioned, {
    patientId: 'patient-1',
    explanation: positioned.explanation,
  });

  it('R-USE-5 reverse order: relative no. 2, then no. 1, then the patient own account, in both languages', () => {
    const refund = partialRefundOrThrow(stored, [], y(1800));
    const [line] = refund.explanation;
    const zh = renderExplanation(line, 'zh');
    const en = renderExplanation(line, 'en');
    expect(zh).toContain('第2位共济人的');
    expect(zh).toContain('第1位共济人的');
    expect(zh).toContain('本人');
    expect(zh.indexOf('第2位')).toBeLessThan(zh.indexOf('第1位'));
    expect(en).toContain('relative no. 2');
    expect(en).toContain('relative no. 1');
    expect(`${zh} ${en} ${line.message}`).not.toMatch(/\bA\b|\bB\b|patient-1/);
    expect(line.message).toContain('relative no. 2');
  });

  it('R-USE-5 a settlement stored without positions still names the account (by id, as before)', () => {
    const refund = partialRefundOrThrow(original, [], y(1800));
    expect(renderExplanation(refund.explanation[0], 'en')).toMatch(/B:EARMARKED|B:/);
  });
});

describe('R-USE-5 / R-SET-1 a partial refund gives back the deductible progress of the covered cost it returns', () => {
  it('a 2000.00 bill refunded but for 0.01 counts 0.01 of covered spend, not 2000.00', () => {
    const plain = settleOrThrow(aSettlementInput({ own: { earmarked: y(5000), wallet: y(0) } }));
    const refund = partialRefundOrThrow(aSettledTransaction(plain), [], 199_999n as Fen);
    expect(plain.accumulatorDelta.outpatientCovered).toBe(y(2000));
    expect(refund.accumulatorDelta.outpatientCovered).toBe(-199_999n);
    expect(plain.accumulatorDelta.outpatientCovered + refund.accumulatorDelta.outpatientCovered).toBe(1n);
  });
});
