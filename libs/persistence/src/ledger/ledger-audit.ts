import type { DataSource } from 'typeorm';
import { archivedPocketTotals } from '../partitions/postings-partitions';
import {
  AccumulatorEntity,
  ENTITY_DIALECT,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '../entities';

/** Accumulator movement recorded by a settlement (and reversed by its cancellation) in `details.accumulatorDelta`. */
export interface AccumulatorDelta {
  readonly year: number;
  readonly outpatientCovered: string;
  readonly outpatientFundPaid: string;
  readonly inpatientAdmissions: number;
  readonly inpatientFundPaid: string;
  readonly accountPaid: string;
}

export interface LedgerViolation {
  readonly check: string;
  readonly subject: string;
  readonly detail: string;
}

export interface LedgerAuditReport {
  readonly transactions: number;
  readonly postings: number;
  readonly pockets: number;
  readonly accumulators: number;
  /** Sum of every pocket balance, fen. */
  readonly pocketTotal: bigint;
  readonly violations: LedgerViolation[];
}

const MAX_LISTED = 50;

/**
 * Checks the ledger from the database alone (issue #4, `npm run ledger:verify`):
 * 1. every transaction's postings sum to zero (R-SET-6) and it has at least two postings;
 * 2. every pocket's balance equals the sum of its postings;
 * 3. no pocket is negative;
 * 4. year-to-date accumulators equal the sum of the accumulator deltas of that person's settlements and
 *    cancellations of the year (R-SET-1/2, R-USE-5).
 */
export async function auditLedger(dataSource: DataSource): Promise<LedgerAuditReport> {
  const violations: LedgerViolation[] = [];
  const add = (v: LedgerViolation) => {
    if (violations.length < MAX_LISTED) violations.push(v);
  };
  const q = (name: string) => (ENTITY_DIALECT === 'postgres' ? `"${name}"` : name);

  // Months whose postings were detached (PostgreSQL partitions, issue #11): their transactions have no postings left
  // here, and their per-account totals are kept in posting_archive_totals.
  const archivedMonths = new Set<string>(
    ENTITY_DIALECT === 'postgres'
      ? (
          (await dataSource.query(`SELECT DISTINCT "month" FROM "posting_archive_totals"`)) as {
            month: string;
          }[]
        ).map((r) => r.month)
      : [],
  );
  const chinaMonth = (d: unknown) =>
    new Date(new Date(d as string).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const unbalanced: { id: string; total: string | number; n: string | number; created: unknown }[] =
    await dataSource.query(
      `SELECT t.id AS id, COALESCE(SUM(p.amount), 0) AS total, COUNT(p.id) AS n, MIN(t.${q('createdAt')}) AS created
         FROM transactions t LEFT JOIN postings p ON p.${q('transactionId')} = t.id
        GROUP BY t.id HAVING COALESCE(SUM(p.amount), 0) <> 0 OR COUNT(p.id) < 2`,
    );
  for (const row of unbalanced) {
    if (Number(row.n) === 0 && archivedMonths.has(chinaMonth(row.created))) continue;
    add({
      check: 'R-SET-6 balanced',
      subject: `transaction ${row.id}`,
      detail: `postings sum to ${row.total} fen over ${row.n} postings`,
    });
  }

  const orphans: { n: string | number }[] = await dataSource.query(
    `SELECT COUNT(*) AS n FROM postings p LEFT JOIN transactions t ON t.id = p.${q('transactionId')} WHERE t.id IS NULL`,
  );
  if (Number(orphans[0]?.n ?? 0) > 0)
    add({
      check: 'postings belong to a transaction',
      subject: 'postings',
      detail: `${orphans[0].n} orphan postings`,
    });

  const pockets = await dataSource.getRepository(PocketEntity).find();
  const sums: { personId: string; pocket: string; total: string | number }[] = await dataSource.query(
    `SELECT ${q('personId')} AS "personId", pocket AS pocket, SUM(amount) AS total FROM postings
      WHERE ${q('accountType')} = 'POCKET' GROUP BY ${q('personId')}, pocket`,
  );
  const sumByPocket = new Map(sums.map((s) => [`${s.personId}:${s.pocket}`, BigInt(s.total)]));
  // Detached months still count: a pocket's balance is the sum of its live and archived postings.
  for (const [key, amount] of await archivedPocketTotals(dataSource))
    sumByPocket.set(key, (sumByPocket.get(key) ?? 0n) + amount);
  let pocketTotal = 0n;
  for (const pocket of pockets) {
    const key = `${pocket.personId}:${pocket.kind}`;
    pocketTotal += pocket.balance;
    if (pocket.balance < 0n)
      add({
        check: 'R-SET-6 no negative pocket',
        subject: `pocket ${key}`,
        detail: `balance ${pocket.balance} fen`,
      });
    const posted = sumByPocket.get(key) ?? 0n;
    if (posted !== pocket.balance) {
      add({
        check: 'balance = sum of postings',
        subject: `pocket ${key}`,
        detail: `balance ${pocket.balance} fen, postings sum ${posted} fen`,
      });
    }
  }

  const accumulators = await dataSource.getRepository(AccumulatorEntity).find();
  const expected = new Map<
    string,
    {
      outpatientCovered: bigint;
      outpatientFundPaid: bigint;
      inpatientAdmissions: number;
      inpatientFundPaid: bigint;
      accountPaid: bigint;
    }
  >();
  const settlements = await dataSource
    .getRepository(TransactionEntity)
    .createQueryBuilder('t')
    .select(['t.id', 't.personId', 't.details'])
    .where('t.kind IN (:...kinds)', { kinds: ['SETTLEMENT', 'SETTLEMENT_CANCEL', 'REFUND'] })
    .getMany();
  for (const t of settlements) {
    const delta = t.details['accumulatorDelta'] as AccumulatorDelta | undefined;
    if (!delta || !t.personId) continue;
    const key = `${t.personId}:${delta.year}`;
    const e = expected.get(key) ?? {
      outpatientCovered: 0n,
      outpatientFundPaid: 0n,
      inpatientAdmissions: 0,
      inpatientFundPaid: 0n,
      accountPaid: 0n,
    };
    e.outpatientCovered += BigInt(delta.outpatientCovered);
    e.outpatientFundPaid += BigInt(delta.outpatientFundPaid);
    e.inpatientAdmissions += delta.inpatientAdmissions;
    e.inpatientFundPaid += BigInt(delta.inpatientFundPaid);
    e.accountPaid += BigInt(delta.accountPaid);
    expected.set(key, e);
  }
  const seen = new Set<string>();
  for (const a of accumulators) {
    const key = `${a.personId}:${a.year}`;
    seen.add(key);
    const e = expected.get(key) ?? {
      outpatientCovered: 0n,
      outpatientFundPaid: 0n,
      inpatientAdmissions: 0,
      inpatientFundPaid: 0n,
      accountPaid: 0n,
    };
    const fields = [
      'outpatientCovered',
      'outpatientFundPaid',
      'inpatientAdmissions',
      'inpatientFundPaid',
      'accountPaid',
    ] as const;
    for (const f of fields) {
      if (BigInt(a[f]) !== BigInt(e[f])) {
        add({
          check: 'accumulators match settlements',
          subject: `accumulator ${key}`,
          detail: `${f} is ${a[f]}, settlements give ${e[f]}`,
        });
      }
    }
  }
  for (const [key, e] of expected) {
    const nonZero =
      e.outpatientCovered ||
      e.outpatientFundPaid ||
      e.inpatientAdmissions ||
      e.inpatientFundPaid ||
      e.accountPaid;
    if (!seen.has(key) && nonZero)
      add({ check: 'accumulators match settlements', subject: `accumulator ${key}`, detail: 'missing row' });
  }

  return {
    transactions: await dataSource.getRepository(TransactionEntity).count(),
    postings: await dataSource.getRepository(PostingEntity).count(),
    pockets: pockets.length,
    accumulators: accumulators.length,
    pocketTotal,
    violations,
  };
}
