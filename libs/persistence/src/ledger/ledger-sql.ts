import type { EntityManager } from 'typeorm';
import {
  type AuditLogEntity,
  type IdempotencyRecordEntity,
  PocketEntity,
  type PostingEntity,
  type TransactionEntity,
} from '../entities';
import { hydrateRows } from '../queries/hydrate';

/**
 * The ledger writer's PostgreSQL statements (issue #7: a money mutation in two round trips). Each function builds
 * ONE statement; the writer sends them in a fixed order inside one transaction, pipelined (queries/pipeline.ts):
 *
 * 1. round trip 1 — BEGIN, {@link claimAndLockStatement}: claim the idempotency key, then lock the pockets (by id: one
 *    lock order, no deadlocks) and the decider's person row — the key first, so a duplicate in flight is waited for
 *    before any pocket; then the decision's reads (a `FactQuery`, e.g. `settlementFactsQuery`) as a NEW statement:
 *    READ COMMITTED takes its snapshot per statement, so everything committed by the writers we waited for is seen.
 * 2. round trip 2 — {@link writeAllStatement}: the transaction, its postings, the balances, accumulators, daily spend,
 *    the original's status, the person's password state and the stored reply — one writable CTE; then COMMIT.
 */

/** Builds `$n` placeholders while collecting their values. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

export interface LockRequest {
  /** Persons whose pockets are locked. */
  readonly personIds: readonly string[];
  /** Also lock the pockets of every money-sharing relative registered for this beneficiary (R-KIN-4 providers). */
  readonly providersOf?: string;
  /** A person row locked after the pockets (the payment-password failure count, R-ACC-7). */
  readonly personRow?: string;
  /** Also lock the pockets of every person a transaction posted to, and of its subject (cancels and refunds). */
  readonly postingsOf?: string;
}

export interface ClaimAndLockResult {
  readonly claimed: boolean;
  readonly pockets: PocketEntity[];
}

/** A statement for {@link pipelined}. */
export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Step 1 on PostgreSQL: `INSERT … ON CONFLICT DO NOTHING` on the key, then `FOR UPDATE` on the pockets and person. */
export function claimAndLockStatement(record: IdempotencyRecordEntity, lock: LockRequest): Statement {
  const p = new Params();
  const claim = `INSERT INTO "idempotency_records" ("clientId", "key", "operation", "requestHash", "response", "createdAt", "expiresAt")
    VALUES (${p.add(record.clientId)}, ${p.add(record.key)}, ${p.add(record.operation)}, ${p.add(record.requestHash)}, '',
            ${p.add(record.createdAt)}, ${p.add(record.expiresAt)})
    ON CONFLICT DO NOTHING RETURNING 1 AS claimed`;
  const ids = p.add([...new Set(lock.personIds)], '::varchar[]');
  const providers = lock.providersOf
    ? ` OR k."personId" IN (SELECT r."providerId" FROM "kin_relations" r
          WHERE r."beneficiaryId" = ${p.add(lock.providersOf)} AND NOT r."proxyOnly" AND r."revokedAt" IS NULL)`
    : '';
  const posted = lock.postingsOf
    ? ` OR k."personId" IN (SELECT o."personId" FROM "postings" o WHERE o."transactionId" = ${p.add(lock.postingsOf)}
          AND o."personId" IS NOT NULL
        UNION SELECT t."personId" FROM "transactions" t WHERE t."id" = ${p.add(lock.postingsOf)})`
    : '';
  // `EXISTS (SELECT 1 FROM claim)` makes each lock an InitPlan of the claim: the key is claimed (or waited for) first,
  // and a replay locks nothing.
  const person = lock.personRow
    ? `, person AS (SELECT "id" FROM "persons" WHERE "id" = ${p.add(lock.personRow)}
         AND EXISTS (SELECT 1 FROM claim) FOR UPDATE)`
    : '';
  return {
    text: `WITH claim AS (${claim}),
     locked AS (SELECT k.* FROM "pockets" k WHERE (k."personId" = ANY(${ids})${providers}${posted})
       AND EXISTS (SELECT 1 FROM claim) ORDER BY k."id" FOR UPDATE)${person}
     SELECT (SELECT COUNT(*) FROM claim) AS "claimed",
            (SELECT json_agg(row_to_json(l)) FROM locked l) AS "pockets"
            ${lock.personRow ? ', (SELECT COUNT(*) FROM person) AS "person"' : ''}`,
    values: p.values,
  };
}

/** The rows of {@link claimAndLockStatement}: whether the key was claimed, and the locked pockets. */
export function claimAndLockResult(
  manager: EntityManager,
  rows: readonly Record<string, unknown>[],
): ClaimAndLockResult {
  const row = rows[0] as { claimed: string | number; pockets: unknown[] | null };
  return {
    claimed: Number(row.claimed) > 0,
    pockets: hydrateRows(manager, PocketEntity, row.pockets ?? []) as PocketEntity[],
  };
}

/** Signed year-to-date accumulator change of a person (settlements, cancels, refunds), upserted by the writer. */
export interface AccumulatorChange {
  readonly personId: string;
  readonly year: number;
  readonly outpatientCovered: bigint;
  readonly outpatientFundPaid: bigint;
  readonly inpatientAdmissions: number;
  readonly inpatientFundPaid: bigint;
  readonly accountPaid: bigint;
}

/** Signed account spend of a person at an institution on a day (R-USE-6 caps); never below zero. */
export interface DailySpendChange {
  readonly personId: string;
  readonly day: string;
  readonly institutionId: string;
  readonly amount: bigint;
}

export interface WriteAll {
  readonly transaction?: {
    readonly row: TransactionEntity;
    readonly postings: readonly PostingEntity[];
    /** Touched pockets with their new balances. */
    readonly pockets: readonly PocketEntity[];
    readonly accumulators?: AccumulatorChange;
    readonly dailySpend?: DailySpendChange;
    readonly originalStatus?: { readonly transactionId: string; readonly status: string };
  };
  readonly passwordState?: PasswordStateWrite;
  /** A staff caller's audit row (API.md), written with the money. */
  readonly audit?: AuditRowWrite;
  readonly reply: { readonly clientId: string; readonly key: string; readonly response: string };
  readonly now: Date;
}

/** One `audit_log` row, written by the ledger writer for a staff caller's change. */
export type AuditRowWrite = Readonly<AuditLogEntity>;

const AUDIT_COLUMNS = [
  'id',
  'at',
  'actorType',
  'actorId',
  'actorName',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'reason',
] as const;

/** A person's payment-password attempt state (R-ACC-7), written with the money. */
export interface PasswordStateWrite {
  readonly personId: string;
  readonly failures: number;
  readonly lockedAt: Date | null;
}

const TX_COLUMNS = [
  'id',
  'kind',
  'status',
  'amount',
  'personId',
  'counterpartyPersonId',
  'institutionId',
  'serviceDate',
  'channel',
  'product',
  'originalTransactionId',
  'actor',
  'explanation',
  'details',
  'createdAt',
] as const;
const POSTING_COLUMNS = [
  'id',
  'transactionId',
  'seq',
  'accountType',
  'personId',
  'pocket',
  'systemAccount',
  'ref',
  'amount',
  'balanceAfter',
  // The monthly partition key (libs/persistence/src/partitions): the transaction's own time, so a posting lands in
  // the month of its transaction even when written in the last milliseconds of a month.
  'bookedAt',
] as const;

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
const sqlValue = (v: unknown): unknown =>
  typeof v === 'bigint'
    ? v.toString()
    : v !== null && typeof v === 'object' && !(v instanceof Date)
      ? JSON.stringify(v)
      : v;

/** Step 3 on PostgreSQL: every write of the mutation in ONE statement (writable CTEs), the stored reply included. */
export function writeAllStatement(w: WriteAll): Statement {
  const p = new Params();
  const ctes: string[] = [];
  const t = w.transaction;
  if (t) {
    const tx = t.row as unknown as Record<string, unknown>;
    ctes.push(
      `tx AS (INSERT INTO "transactions" (${quoted(TX_COLUMNS)}) VALUES (${TX_COLUMNS.map((c) =>
        p.add(sqlValue(tx[c] ?? null), c === 'serviceDate' ? '::date' : ''),
      ).join(', ')}))`,
    );
    if (t.postings.length) {
      const rows = t.postings.map(
        (row) =>
          `(${POSTING_COLUMNS.map((c) =>
            p.add(
              c === 'bookedAt'
                ? t.row.createdAt
                : sqlValue((row as unknown as Record<string, unknown>)[c] ?? null),
              c === 'amount' || c === 'balanceAfter' ? '::bigint' : c === 'seq' ? '::int' : '',
            ),
          ).join(', ')})`,
      );
      ctes.push(`po AS (INSERT INTO "postings" (${quoted(POSTING_COLUMNS)}) VALUES ${rows.join(', ')})`);
    }
    if (t.pockets.length) {
      const ordered = [...t.pockets].sort((a, b) => (a.id < b.id ? -1 : 1));
      const values = ordered
        .map((k) => `(${p.add(k.id, '::varchar')}, ${p.add(k.balance.toString(), '::bigint')})`)
        .join(', ');
      ctes.push(
        `bal AS (UPDATE "pockets" AS k SET "balance" = v.balance, "updatedAt" = ${p.add(w.now)}, "version" = k."version" + 1
          FROM (VALUES ${values}) AS v(id, balance) WHERE k."id" = v.id)`,
      );
    }
    if (t.accumulators) {
      const a = t.accumulators;
      ctes.push(`acc AS (INSERT INTO "accumulators" ("personId", "year", "outpatientCovered", "outpatientFundPaid",
          "inpatientAdmissions", "inpatientFundPaid", "accountPaid", "version")
        VALUES (${p.add(a.personId)}, ${p.add(a.year, '::int')}, ${p.add(a.outpatientCovered.toString(), '::bigint')},
          ${p.add(a.outpatientFundPaid.toString(), '::bigint')}, ${p.add(a.inpatientAdmissions, '::int')},
          ${p.add(a.inpatientFundPaid.toString(), '::bigint')}, ${p.add(a.accountPaid.toString(), '::bigint')}, 1)
        ON CONFLICT ("personId", "year") DO UPDATE SET
          "outpatientCovered" = "accumulators"."outpatientCovered" + excluded."outpatientCovered",
          "outpatientFundPaid" = "accumulators"."outpatientFundPaid" + excluded."outpatientFundPaid",
          "inpatientAdmissions" = "accumulators"."inpatientAdmissions" + excluded."inpatientAdmissions",
          "inpatientFundPaid" = "accumulators"."inpatientFundPaid" + excluded."inpatientFundPaid",
          "accountPaid" = "accumulators"."accountPaid" + excluded."accountPaid",
          "version" = "accumulators"."version" + 1)`);
    }
    if (t.dailySpend && t.dailySpend.amount !== 0n) {
      const d = t.dailySpend;
      const amount = p.add(d.amount.toString(), '::bigint');
      ctes.push(`sp AS (INSERT INTO "account_daily_spend" ("personId", "day", "institutionId", "amount")
        VALUES (${p.add(d.personId)}, ${p.add(d.day, '::date')}, ${p.add(d.institutionId)}, GREATEST(0, ${amount}))
        ON CONFLICT ("personId", "day", "institutionId") DO UPDATE SET
          "amount" = GREATEST(0, "account_daily_spend"."amount" + ${amount}))`);
    }
    if (t.originalStatus) {
      ctes.push(`orig AS (UPDATE "transactions" SET "status" = ${p.add(t.originalStatus.status)}
        WHERE "id" = ${p.add(t.originalStatus.transactionId)})`);
    }
  }
  if (w.passwordState) {
    const s = w.passwordState;
    ctes.push(`pw AS (UPDATE "persons" SET "paymentPasswordFailures" = ${p.add(s.failures, '::int')},
        "paymentLockedAt" = ${p.add(s.lockedAt)}, "updatedAt" = ${p.add(w.now)}, "version" = "version" + 1
      WHERE "id" = ${p.add(s.personId)})`);
  }
  if (w.audit) {
    const row = w.audit as unknown as Record<string, unknown>;
    ctes.push(
      `au AS (INSERT INTO "audit_log" (${quoted(AUDIT_COLUMNS)}) VALUES (${AUDIT_COLUMNS.map((c) =>
        p.add(sqlValue(row[c] ?? null)),
      ).join(', ')}))`,
    );
  }
  const text = `${ctes.length ? `WITH ${ctes.join(',\n')} ` : ''}UPDATE "idempotency_records" SET "response" = ${p.add(w.reply.response)}
     WHERE "clientId" = ${p.add(w.reply.clientId)} AND "key" = ${p.add(w.reply.key)}`;
  return { text, values: p.values };
}
