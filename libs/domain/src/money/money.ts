import { MoneyError, MoneyErrorCode } from './money.errors';

/**
 * An amount of money in integer fen (分, 1/100 yuan). Branded so that a plain `bigint` (a count, an id) is never
 * passed where money is meant. Never a JS `number`: money is exact.
 */
export type Fen = bigint & { readonly __brand: 'Fen' };

/** Zero fen. */
export const ZERO = 0n as Fen;

/** Largest amount the system accepts in one field: 10^15 fen (10 trillion yuan) — far above any bill, below int64. */
export const MAX_FEN = 1_000_000_000_000_000n as Fen;

/**
 * Largest balance a pocket may hold: the same 10^15 fen. Balances are sums of amounts, so without this bound a run of
 * maximal credits passes 2^53 fen, where a driver that reads integers as JavaScript numbers (better-sqlite3) rounds
 * (a black-box tester saw a balance one fen off its postings). Checked before anything is written.
 */
export const MAX_BALANCE_FEN = MAX_FEN;

/** Refuses an entry that would leave a pocket above {@link MAX_BALANCE_FEN}; nothing is written then. */
export function assertBalanceWithinLimitOrThrow(balanceAfter: bigint): void {
  if (balanceAfter > MAX_BALANCE_FEN) {
    throw new MoneyError(
      MoneyErrorCode.BALANCE_TOO_LARGE,
      `The balance after this entry would exceed the largest balance the ledger keeps (${formatMoney(MAX_BALANCE_FEN)}); nothing was posted`,
      undefined,
      { max: { kind: 'money', fen: MAX_BALANCE_FEN.toString() } },
    );
  }
}

/** Wraps a bigint (or a safe integer) of fen. */
export function fen(n: bigint | number): Fen {
  if (typeof n === 'number') {
    if (!Number.isSafeInteger(n))
      throw new MoneyError(MoneyErrorCode.MALFORMED_MONEY, `not an integer fen: ${n}`);
    return BigInt(n) as Fen;
  }
  return n as Fen;
}

/** Whole yuan to fen, for literals in rules and tests: `yuan(1800)` is 180000 fen. */
export function yuan(n: bigint | number): Fen {
  return (BigInt(n) * 100n) as Fen;
}

const MONEY_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

export interface ParseMoneyOptions {
  /** Accept a leading minus sign (adjustments, reports). Default false: a negative amount is refused. */
  readonly allowNegative?: boolean;
  /** Input path to report in the error (`['input', 'amount']`). */
  readonly field?: readonly string[];
}

/**
 * Reads the `Money` scalar's text form: yuan with at most two decimals (`"1800"`, `"1800.5"`, `"1800.00"`).
 * Refuses exponents, spaces, `NaN`, more than two decimals, and negatives unless allowed.
 */
export function parseMoneyOrThrow(text: string, options: ParseMoneyOptions = {}): Fen {
  const m = typeof text === 'string' ? MONEY_RE.exec(text) : null;
  if (!m) {
    throw new MoneyError(
      MoneyErrorCode.MALFORMED_MONEY,
      `"${String(text)}" is not an amount of money: write yuan with at most two decimals, e.g. "1800.00"`,
      options.field,
      { text: String(text) },
    );
  }
  const [, minus, whole, decimals = ''] = m;
  if (decimals.length > 2) {
    throw new MoneyError(
      MoneyErrorCode.TOO_MANY_DECIMALS,
      `"${text}" has ${decimals.length} decimals; money has at most two (fen)`,
      options.field,
      { text, decimals: decimals.length },
    );
  }
  const abs = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (abs > MAX_FEN) {
    throw new MoneyError(
      MoneyErrorCode.AMOUNT_TOO_LARGE,
      `"${text}" is larger than the largest accepted amount`,
      options.field,
      { text },
    );
  }
  if (minus && abs !== 0n && !options.allowNegative) {
    throw new MoneyError(
      MoneyErrorCode.NEGATIVE_AMOUNT,
      `"${text}" is negative; a positive amount is required here`,
      options.field,
      { text },
    );
  }
  return (minus ? -abs : abs) as Fen;
}

/** Writes fen as the `Money` scalar's text: yuan with exactly two decimals (`"1800.00"`, `"-0.05"`). */
export function formatMoney(amount: Fen | bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

/** A rate in basis points (万分比): 10000 = 100 %, 8500 = 85 %. Integer, so rate arithmetic is exact. */
export type BasisPoints = number;

/**
 * `amount × rate`, rounded half-up to the fen (R-SET: "fund payment is rounded half-up to the fen").
 * Half-up means away from zero for the positive amounts the rules use; negative amounts round symmetrically.
 */
export function applyRateHalfUp(amount: Fen, rate: BasisPoints): Fen {
  if (!Number.isInteger(rate))
    throw new MoneyError(MoneyErrorCode.MALFORMED_MONEY, `rate must be integer basis points: ${rate}`);
  const product = amount * BigInt(rate);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 5_000n) / 10_000n;
  return (negative ? -rounded : rounded) as Fen;
}

/** `min(a, b)` for fen. */
export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

/** `max(a, b)` for fen. */
export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

/** Sum of fen amounts. */
export function sumFen(amounts: Iterable<Fen | bigint>): Fen {
  let total = 0n;
  for (const a of amounts) total += a;
  return total as Fen;
}
