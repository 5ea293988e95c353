import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import {
  ENTITY_DIALECT,
  TIMESTAMP,
  bigintTransformer,
  dateTransformer,
  timestampTransformer,
} from './column-types';

/** A money transaction. Its postings sum to zero (R-SET-6); transactions are never updated except `status`. */
@Entity('transactions')
@Index(['personId', 'createdAt'])
@Index(['kind', 'createdAt'])
// The reconciliation statement (national 3201) reads one institution's transactions over a date range.
@Index(['institutionId', 'createdAt'])
// The unfiltered transactions page (newest first, then id): a backward scan plus an incremental sort of equal times,
// so a page of 50 reads ~50 index entries instead of sorting the whole table.
@Index(['createdAt', 'id'])
export class TransactionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** TransactionKind of libs/domain (SETTLEMENT, REFUND, PREMIUM, WALLET_TRANSFER, ...). */
  @Column('varchar', { length: 32 })
  kind!: string;

  /** POSTED, CANCELLED, PARTIALLY_REFUNDED, REFUNDED. */
  @Column('varchar', { length: 24 })
  status!: string;

  /** Headline amount in fen (bill total, transfer amount, premium...). */
  @Column('bigint', { transformer: bigintTransformer })
  amount!: bigint;

  /** The person the transaction is about (patient, payer, sender...). */
  @Column('varchar', { length: 36, nullable: true })
  personId!: string | null;

  @Column('varchar', { length: 36, nullable: true })
  counterpartyPersonId!: string | null;

  @Column('varchar', { length: 36, nullable: true })
  institutionId!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  serviceDate!: string | null;

  /**
   * Settlement channel (CARD, E_VOUCHER, REGISTRATION_FEE, CROSS_REGION_DIRECT) of a SETTLEMENT, a column so analytics
   * group in SQL (ledgerStats CHANNEL); cancellations and refunds take their settlement's channel by join.
   * Optional in TypeScript: rows written before the column, and literals built elsewhere, simply leave it null.
   */
  @Column('varchar', { length: 32, nullable: true })
  channel?: string | null;

  /** Supplementary-insurance product code of a PREMIUM (R-USE-3), a column for analytics (ledgerStats PRODUCT). */
  @Column('varchar', { length: 64, nullable: true })
  product?: string | null;

  /** The transaction this one cancels or refunds. */
  @Index()
  @Column('varchar', { length: 36, nullable: true })
  originalTransactionId!: string | null;

  /** API client or user that asked for it. */
  @Column('varchar', { length: 64 })
  actor!: string;

  /** Rule ids + messages of the decision (R-…). */
  @Column('simple-json')
  explanation!: { rule: string; message: string }[];

  /** Decision details (bill, nhsa 2207 fields, accumulator deltas) as JSON with fen as strings. */
  @Column('simple-json')
  details!: Record<string, unknown>;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;
}

/** One double-entry line. `balanceAfter` is the pocket's balance after this posting (null for system accounts). */
@Entity('postings')
@Index(['transactionId'])
@Index(['personId', 'pocket'])
export class PostingEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  transactionId!: string;

  @Column('integer')
  seq!: number;

  /** POCKET or SYSTEM. */
  @Column('varchar', { length: 8 })
  accountType!: string;

  @Column('varchar', { length: 36, nullable: true })
  personId!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  pocket!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  systemAccount!: string | null;

  @Column('varchar', { length: 64, nullable: true })
  ref!: string | null;

  @Column('bigint', { transformer: bigintTransformer })
  amount!: bigint;

  @Column('bigint', { nullable: true, transformer: bigintTransformer })
  balanceAfter!: bigint | null;

  /**
   * PostgreSQL only: when the posting was booked (its transaction's time; the database's now() when not given) — the
   * key of the monthly partitions and part of the primary key (issue #11, libs/persistence/src/partitions). Undefined
   * on SQLite, whose table is not partitioned.
   */
  bookedAt?: Date;
}
if (ENTITY_DIALECT === 'postgres') {
  PrimaryColumn(TIMESTAMP, { default: () => 'now()', transformer: timestampTransformer })(
    PostingEntity.prototype,
    'bookedAt',
  );
}

/** Year-to-date accumulators per person (R-SET-1/2, R-USE-6), restored by cancellation (R-USE-5). */
@Entity('accumulators')
export class AccumulatorEntity {
  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  @PrimaryColumn('integer')
  year!: number;

  @Column('bigint', { default: 0, transformer: bigintTransformer })
  outpatientCovered!: bigint;

  @Column('bigint', { default: 0, transformer: bigintTransformer })
  outpatientFundPaid!: bigint;

  @Column('integer', { default: 0 })
  inpatientAdmissions!: number;

  @Column('bigint', { default: 0, transformer: bigintTransformer })
  inpatientFundPaid!: bigint;

  @Column('bigint', { default: 0, transformer: bigintTransformer })
  accountPaid!: bigint;

  @Column('integer', { default: 0 })
  version!: number;
}

/** Personal-account spend per person, day and institution, for the optional caps of R-USE-6. */
@Entity('account_daily_spend')
export class AccountDailySpendEntity {
  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  @PrimaryColumn('date', { transformer: dateTransformer })
  day!: string;

  @PrimaryColumn('varchar', { length: 36 })
  institutionId!: string;

  @Column('bigint', { default: 0, transformer: bigintTransformer })
  amount!: bigint;
}

/** Monthly credit of collected contributions: exactly once per person and month (R-ACC-4). */
@Entity('contribution_credits')
export class ContributionCreditEntity {
  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  /** YYYY-MM */
  @PrimaryColumn('varchar', { length: 7 })
  month!: string;

  @Column('bigint', { transformer: bigintTransformer })
  amount!: bigint;

  @Column('varchar', { length: 36 })
  transactionId!: string;
}

/** Interest run (结息): once per year (R-ACC-4). */
@Entity('interest_runs')
export class InterestRunEntity {
  @PrimaryColumn('integer')
  year!: number;

  /** Annual rate in basis points. */
  @Column('integer')
  annualRate!: number;

  @Column('integer')
  accounts!: number;

  @Column('bigint', { transformer: bigintTransformer })
  total!: bigint;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  postedAt!: Date;
}

/**
 * Idempotency record per API client and key (API.md). Written in the same database transaction as the money it
 * moved, so a crash leaves either both or neither. Kept at least 7 days (`expiresAt`).
 */
@Entity('idempotency_records')
@Index(['expiresAt'])
export class IdempotencyRecordEntity {
  @PrimaryColumn('varchar', { length: 64 })
  clientId!: string;

  @PrimaryColumn('varchar', { length: 255 })
  key!: string;

  /** Mutation name. */
  @Column('varchar', { length: 64 })
  operation!: string;

  /** SHA-256 of the canonical input. */
  @Column('varchar', { length: 64 })
  requestHash!: string;

  /** The payload as first returned, replayed byte-identical. */
  @Column('text')
  response!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  expiresAt!: Date;
}
