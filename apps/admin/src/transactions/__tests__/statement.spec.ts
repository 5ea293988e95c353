import { dateRangeProblem } from '../dateRange';
import { ownAmount } from '../ownAmount';
import { reversalsFilter, reversalsOf } from '../transactionKinds';

describe("a person's own share on their statement (R-KIN-4)", () => {
  // 王小明's bill of 3,250.50: fund 1,645.00 (system), his mother 王丽 paid 1,605.50 from her account.
  const postings = [
    { personId: null, pocket: null, amount: '-1645.00' },
    { personId: 'wangli', pocket: 'EARMARKED', amount: '-1605.50' },
    { personId: null, pocket: null, amount: '3250.50' },
  ];

  it("is the signed sum of the postings to the person's pockets, not the whole bill", () => {
    expect(ownAmount(postings, 'wangli')).toBe('-1605.50');
  });

  it('adds several pockets of the person and keeps the fen exact', () => {
    expect(
      ownAmount(
        [
          { personId: 'p', pocket: 'EARMARKED', amount: '-0.10' },
          { personId: 'p', pocket: 'WALLET', amount: '-0.20' },
          { personId: 'q', pocket: 'EARMARKED', amount: '-5.00' },
        ],
        'p',
      ),
    ).toBe('-0.30');
    expect(ownAmount([{ personId: 'p', pocket: 'WALLET', amount: '12.3' }], 'p')).toBe('12.30');
  });

  it('is null (shown —) when none of the pockets moved or the postings were not read', () => {
    expect(ownAmount(postings, 'wangxiaoming')).toBeNull();
    expect(ownAmount(undefined, 'p')).toBeNull();
  });
});

describe('the refunds and cancellation of a settlement (R-USE-5)', () => {
  it('are read by their original transaction, refunds and cancels only', () => {
    expect(reversalsFilter({ id: 's1' })).toEqual({
      originalTransactionId: 's1',
      kinds: ['REFUND', 'SETTLEMENT_CANCEL'],
    });
  });

  it('keeps only those naming the settlement as their original', () => {
    const rows = [
      { id: 'r1', kind: 'REFUND', originalTransactionId: 's1' },
      { id: 'r2', kind: 'REFUND', originalTransactionId: 's2' },
      { id: 'c1', kind: 'SETTLEMENT_CANCEL', originalTransactionId: 's1' },
      { id: 's1', kind: 'SETTLEMENT', originalTransactionId: null },
    ];
    expect(reversalsOf('s1', rows).map((r) => r.id)).toEqual(['r1', 'c1']);
  });
});

describe('the booking-date filter', () => {
  it('says when 起始日期 is after 截止日期', () => {
    expect(dateRangeProblem('2026-12-02', '2026-12-01')).toBe('gongji.transactions.date_range_inverted');
  });
  it('is fine for a range in order, one day, or a missing end', () => {
    expect(dateRangeProblem('2026-12-01', '2026-12-02')).toBeNull();
    expect(dateRangeProblem('2026-12-01', '2026-12-01')).toBeNull();
    expect(dateRangeProblem('2026-12-01', undefined)).toBeNull();
    expect(dateRangeProblem('', '2026-12-01')).toBeNull();
  });
});
