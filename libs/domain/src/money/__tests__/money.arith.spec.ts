import { applyRateHalfUp, fen, maxFen, minFen, sumFen, yuan } from '../money';
import { MoneyErrorCode } from '../money.errors';

describe('money arithmetic (R-SET-6)', () => {
  it('R-SET: a negative amount rounds symmetrically (refunds, reversals)', () => {
    expect(applyRateHalfUp(fen(-3), 5000)).toBe(-2n);
    expect(applyRateHalfUp(fen(-1), 4999)).toBe(0n);
  });

  it('R-SET: a rate must be integer basis points', () => {
    expect(() => applyRateHalfUp(yuan(1), 50.5)).toThrow(
      expect.objectContaining({ code: MoneyErrorCode.MALFORMED_MONEY }),
    );
  });

  it('R-SET-6: min, max and sum of fen', () => {
    expect(minFen(yuan(1), yuan(2))).toBe(yuan(1));
    expect(minFen(yuan(2), yuan(1))).toBe(yuan(1));
    expect(maxFen(yuan(1), yuan(2))).toBe(yuan(2));
    expect(maxFen(yuan(2), yuan(1))).toBe(yuan(2));
    expect(sumFen([yuan(1), fen(50), -25n])).toBe(125n);
    expect(sumFen([])).toBe(0n);
  });

  it('MONEY: fen() refuses a non-integer number and wraps a bigint', () => {
    expect(() => fen(1.5)).toThrow(expect.objectContaining({ code: MoneyErrorCode.MALFORMED_MONEY }));
    expect(fen(7n)).toBe(7n);
  });
});
