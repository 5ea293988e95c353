import { applyRateHalfUp, fen, formatMoney, parseMoneyOrThrow, yuan } from '../money';
import { MoneyErrorCode } from '../money.errors';

describe('Money scalar text ↔ fen', () => {
  it.each([
    ['1800.00', 180000n],
    ['1800', 180000n],
    ['1800.5', 180050n],
    ['0.01', 1n],
    ['0', 0n],
  ])('parses %s as %s fen', (text, expected) => {
    expect(parseMoneyOrThrow(text)).toBe(expected);
  });

  it.each([
    ['1.234', MoneyErrorCode.TOO_MANY_DECIMALS],
    ['1e3', MoneyErrorCode.MALFORMED_MONEY],
    ['NaN', MoneyErrorCode.MALFORMED_MONEY],
    [' 1.00', MoneyErrorCode.MALFORMED_MONEY],
    ['', MoneyErrorCode.MALFORMED_MONEY],
    ['1.', MoneyErrorCode.MALFORMED_MONEY],
    ['-1.00', MoneyErrorCode.NEGATIVE_AMOUNT],
    ['99999999999999999999', MoneyErrorCode.AMOUNT_TOO_LARGE],
  ])('refuses %p with %s', (text, code) => {
    expect(() => parseMoneyOrThrow(text)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts a negative amount only when allowed', () => {
    expect(parseMoneyOrThrow('-12.30', { allowNegative: true })).toBe(-1230n);
  });

  it.each([
    [180000n, '1800.00'],
    [5n, '0.05'],
    [-5n, '-0.05'],
    [0n, '0.00'],
  ])('formats %s fen as %s', (amount, text) => {
    expect(formatMoney(fen(amount))).toBe(text);
  });
});

describe('R-SET rounding: rate × amount, half-up to the fen', () => {
  it.each([
    [yuan(200), 5000, 10000n], // 50 % of 200.00 = 100.00 (worked example of DOMAIN.md)
    [fen(1), 5000, 1n], // 0.005 yuan rounds up to 0.01
    [fen(3), 5000, 2n], // 1.5 fen → 2
    [fen(1), 4999, 0n], // 0.4999 fen → 0
    [fen(333), 8500, 283n], // 283.05 → 283
  ])('%s fen at %s bp → %s fen', (amount, rate, expected) => {
    expect(applyRateHalfUp(amount, rate)).toBe(expected);
  });
});
