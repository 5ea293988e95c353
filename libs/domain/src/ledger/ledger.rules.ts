import { type Fen, formatMoney, sumFen } from '../money/money';
import {
  type BalanceKey,
  type Balances,
  type LedgerAccount,
  type PocketKind,
  type Posting,
  pocketAccount,
} from './ledger';
import { LedgerError, LedgerErrorCode } from './ledger.errors';

/** The {@link Balances} key of a person's pocket. */
export function balanceKey(personId: string, pocket: PocketKind): BalanceKey {
  return `${personId}:${pocket}`;
}

/** A pocket's balance; an unknown pocket holds zero. */
export function balanceOf(balances: Balances, personId: string, pocket: PocketKind): Fen {
  return balances.get(balanceKey(personId, pocket)) ?? (0n as Fen);
}

/** Builds {@link Balances} from `[personId, pocket, amount]` rows (tests, callers re-reading locked pockets). */
export function balancesOf(rows: Iterable<readonly [string, PocketKind, Fen | bigint]>): Map<string, Fen> {
  const map = new Map<string, Fen>();
  for (const [personId, pocket, amount] of rows) map.set(balanceKey(personId, pocket), amount as Fen);
  return map;
}

/** A readable name of a ledger account for explanations and error messages. */
export function describeAccount(account: LedgerAccount): string {
  if (account.type === 'POCKET') return `${account.personId}:${account.pocket}`;
  // `== null`: rows read back from the database carry `ref: null` where a fresh posting has no ref.
  return account.ref == null ? account.account : `${account.account}:${account.ref}`;
}

/** Sum of the postings' amounts; zero for a balanced transaction. */
export function sumPostings(postings: readonly Posting[]): Fen {
  return sumFen(postings.map((p) => p.amount));
}

/** A posting of `amount` to `account`. */
export function posting(account: LedgerAccount, amount: Fen | bigint): Posting {
  return { account, amount: amount as Fen };
}

/**
 * Drops zero-amount lines: a zero posting moves nothing and would only add noise to statements and
 * `balanceAfter` history. Order is kept because refunds read the payment order from it (R-USE-5).
 */
export function withoutZeroPostings(postings: readonly Posting[]): Posting[] {
  return postings.filter((p) => p.amount !== 0n);
}

/**
 * The postings that exactly undo `postings`: every line negated, in the same order (R-USE-5 cancellation).
 */
export function reversePostings(postings: readonly Posting[]): Posting[] {
  return postings.map((p) => ({ account: p.account, amount: -p.amount as Fen }));
}

/**
 * R-SET-6: refuses postings that do not sum to zero or that move no money (fewer than two non-zero lines).
 * The ledger writer checks the same inside the database transaction; checking here makes a broken rule fail
 * in a unit test rather than in production.
 */
export function assertBalancedOrThrow(postings: readonly Posting[]): void {
  const sum = sumPostings(postings);
  if (sum !== 0n) {
    throw new LedgerError(
      LedgerErrorCode.UNBALANCED,
      `R-SET-6: postings sum to ${formatMoney(sum)}, not zero`,
    );
  }
  if (postings.filter((p) => p.amount !== 0n).length < 2) {
    throw new LedgerError(
      LedgerErrorCode.EMPTY_TRANSACTION,
      'R-SET-6: a transaction needs at least two non-zero postings',
    );
  }
}

/**
 * Applies balanced postings to personal pocket balances and returns the new balances (the input is not changed).
 * System accounts (fund pool, cash, institution...) are not tracked here: they may go negative by design.
 * Refuses (R-SET-6, `NEGATIVE_POCKET`) when any personal pocket would end below zero, so either every posting
 * applies or none does.
 */
export function applyPostingsOrThrow(balances: Balances, postings: readonly Posting[]): Map<string, Fen> {
  assertBalancedOrThrow(postings);
  const next = new Map(balances);
  for (const p of postings) {
    if (p.account.type !== 'POCKET') continue;
    const key = balanceKey(p.account.personId, p.account.pocket);
    next.set(key, ((next.get(key) ?? 0n) + p.amount) as Fen);
  }
  for (const p of postings) {
    if (p.account.type !== 'POCKET') continue;
    const after = next.get(balanceKey(p.account.personId, p.account.pocket)) as Fen;
    if (after < 0n) {
      throw new LedgerError(
        LedgerErrorCode.NEGATIVE_POCKET,
        `R-SET-6: pocket ${describeAccount(p.account)} would go negative (${formatMoney(after)})`,
      );
    }
  }
  return next;
}

/** Debit of a person's pocket (negative posting), a helper for rule modules. */
export function debitPocket(personId: string, pocket: PocketKind, amount: Fen): Posting {
  return posting(pocketAccount(personId, pocket), -amount);
}

/** Credit of a person's pocket (positive posting), a helper for rule modules. */
export function creditPocket(personId: string, pocket: PocketKind, amount: Fen): Posting {
  return posting(pocketAccount(personId, pocket), amount);
}
