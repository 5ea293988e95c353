import type { Fen } from '../money/money';
import type { Explanation } from '../shared/domain-error';

/** The pockets of a personal account (R-ACC-3). */
export enum PocketKind {
  /** Book-entry account since 2022-09-01 (记账管理): medical uses only, never withdrawn in cash (R-ACC-5). */
  EARMARKED = 'EARMARKED',
  /** Funds allocated to the bank passbook before 2022-09-01: withdrawable, never spent by settlement (R-ACC-5). */
  LEGACY = 'LEGACY',
  /** 医保钱包: funds received by transfer from relatives (R-WAL). */
  WALLET = 'WALLET',
}

/** System (non-personal) accounts that balance the personal pockets in double-entry postings (R-SET-6). */
export enum SystemAccount {
  /** The pooled fund (统筹基金) that pays the fund share of bills. */
  FUND_POOL = 'FUND_POOL',
  /** Cash paid or received by people at the counter. */
  CASH = 'CASH',
  /** A designated institution (hospital / pharmacy) receiving payment; `ref` is the institution id. */
  INSTITUTION = 'INSTITUTION',
  /** Employer + employee contributions collected, source of monthly credits (R-ACC-4). */
  CONTRIBUTION_SOURCE = 'CONTRIBUTION_SOURCE',
  /** Interest expense (结息, R-ACC-4). */
  INTEREST = 'INTEREST',
  /** The bank paying out legacy passbook withdrawals (R-ACC-5). */
  BANK = 'BANK',
  /** A supplementary insurer receiving premiums (R-USE-3); `ref` is the product code. */
  INSURER = 'INSURER',
  /** The resident / long-term-care contribution collector (R-USE-2). */
  CONTRIBUTION_COLLECTOR = 'CONTRIBUTION_COLLECTOR',
}

/** One side of a posting: a person's pocket or a system account. */
export type LedgerAccount =
  | { readonly type: 'POCKET'; readonly personId: string; readonly pocket: PocketKind }
  | { readonly type: 'SYSTEM'; readonly account: SystemAccount; readonly ref?: string };

/**
 * One line of a double-entry transaction. `amount` is signed from the account's point of view: positive
 * increases the account's balance, negative decreases it. The postings of a transaction sum to zero (R-SET-6).
 */
export interface Posting {
  readonly account: LedgerAccount;
  readonly amount: Fen;
}

export function pocketAccount(personId: string, pocket: PocketKind): LedgerAccount {
  return { type: 'POCKET', personId, pocket };
}

export function systemAccount(account: SystemAccount, ref?: string): LedgerAccount {
  return ref === undefined ? { type: 'SYSTEM', account } : { type: 'SYSTEM', account, ref };
}

/** What a transaction is (stored as `TransactionEntity.kind`, surfaced as `Transaction.kind`). */
export enum TransactionKind {
  /** A confirmed medical bill (R-SET). */
  SETTLEMENT = 'SETTLEMENT',
  /** Full reversal of a settlement (R-USE-5, R-SET-5). */
  SETTLEMENT_CANCEL = 'SETTLEMENT_CANCEL',
  /** Partial (or final) refund of a settlement (R-USE-5). */
  REFUND = 'REFUND',
  /** Supplementary medical-insurance premium (R-USE-3). */
  PREMIUM = 'PREMIUM',
  /** Resident basic medical insurance or long-term-care contribution (R-USE-2, R-WAL-7). */
  RESIDENT_CONTRIBUTION = 'RESIDENT_CONTRIBUTION',
  /** Transfer into a near relative's wallet (R-WAL). */
  WALLET_TRANSFER = 'WALLET_TRANSFER',
  /** Monthly credit of collected contributions (R-ACC-4). */
  CONTRIBUTION_CREDIT = 'CONTRIBUTION_CREDIT',
  /** Yearly interest (结息, R-ACC-4). */
  INTEREST = 'INTEREST',
  /** Cash withdrawal of the legacy passbook balance (R-ACC-5). */
  LEGACY_WITHDRAWAL = 'LEGACY_WITHDRAWAL',
}

/**
 * The outcome of a pure money rule: what kind of transaction, its balanced postings (R-SET-6) and why
 * (one rule id + message per decision). The ledger writer stores it as one transaction.
 */
export interface LedgerDecision {
  readonly kind: TransactionKind;
  readonly postings: readonly Posting[];
  readonly explanation: readonly Explanation[];
}

/** Key of a pocket in {@link Balances}: `${personId}:${pocket}`, the same key the ledger writer locks by. */
export type BalanceKey = `${string}:${PocketKind}`;

/** Balances of personal pockets in fen. A missing key is a zero balance. */
export type Balances = ReadonlyMap<string, Fen>;
