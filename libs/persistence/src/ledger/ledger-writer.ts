import { createHash, randomUUID } from 'node:crypto';
import type { Explanation, Posting } from '@gongji/domain';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  ENTITY_DIALECT,
  IdempotencyRecordEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '../entities';
import { inTransaction } from '../transactions';

/** Idempotency keys are kept at least this long (API.md; issue #4: "Keys kept at least 7 days"). */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

/** A transaction to write: balanced postings plus what it is about. */
export interface TransactionPlan {
  readonly kind: string;
  readonly status?: string;
  readonly amount: bigint;
  readonly personId?: string | null;
  readonly counterpartyPersonId?: string | null;
  readonly institutionId?: string | null;
  readonly serviceDate?: string | null;
  readonly originalTransactionId?: string | null;
  /** Settlement channel of a SETTLEMENT (CARD, E_VOUCHER…), kept in a column for analytics. */
  readonly channel?: string | null;
  /** Supplementary-insurance product code of a PREMIUM, kept in a column for analytics. */
  readonly product?: string | null;
  readonly explanation: readonly Explanation[];
  readonly details?: Record<string, unknown>;
  readonly postings: readonly Posting[];
  /** Signed year-to-date accumulator change of a person (settlements, cancels, refunds), upserted by the writer. */
  readonly accumulators?: {
    readonly personId: string;
    readonly year: number;
    readonly outpatientCovered: bigint;
    readonly outpatientFundPaid: bigint;
    readonly inpatientAdmissions: number;
    readonly inpatientFundPaid: bigint;
    readonly accountPaid: bigint;
  };
  /** Signed account spend of a person at an institution on a day (R-USE-6 caps); never below zero. */
  readonly dailySpend?: {
    readonly personId: string;
    readonly day: string;
    readonly institutionId: string;
    readonly amount: bigint;
  };
  /** New status of the transaction this one cancels or refunds. */
  readonly originalStatus?: { readonly transactionId: string; readonly status: string };
}

export interface DecideContext {
  readonly manager: EntityManager;
  /** Locked pockets of the involved persons, keyed `${personId}:${kind}`, balances re-read inside the lock. */
  readonly pockets: ReadonlyMap<string, PocketEntity>;
  /** Id the transaction will have if the decision posts one. */
  readonly transactionId: string;
  readonly now: Date;
}

export interface Decision<P> {
  /** The payload returned to the client and stored for replay (JSON; bigint allowed). */
  readonly payload: P;
  /** Money to move; absent for a refusal (which is stored and replayed too). */
  readonly transaction?: TransactionPlan;
  /** Extra writes in the same database transaction (accumulators, relation rows…), after the postings. */
  readonly after?: (manager: EntityManager, transactionId: string) => Promise<void>;
  /**
   * Puts the rows the writer posted (with each pocket's balance after) into the payload before it is returned and
   * stored, so a client's reply is built from what the transaction wrote — never from a read after the commit.
   */
  readonly withPostings?: (payload: P, postings: readonly PostingEntity[]) => P;
}

export interface MoneyCommand<P> {
  /** Idempotency scope: the API client or user. */
  readonly clientId: string;
  /** Mutation name. */
  readonly operation: string;
  readonly idempotencyKey: string;
  /** The canonical input; its hash decides "same input" for a replay. */
  readonly request: unknown;
  /** Persons whose pockets are locked (in a fixed order) before deciding. */
  readonly personIds: readonly string[];
  decide(ctx: DecideContext): Promise<Decision<P>>;
}

export type CommandResult<P> =
  | { readonly outcome: 'EXECUTED' | 'REPLAYED'; readonly payload: P }
  | { readonly outcome: 'KEY_REUSED'; readonly operation: string };

export class LedgerInvariantError extends Error {}

/**
 * Runs a money mutation exactly once (issue #4). In ONE database transaction it:
 * 1. claims the idempotency key (PostgreSQL: `INSERT … ON CONFLICT DO NOTHING`, so a concurrent duplicate waits on the
 *    first one's row and then replays its stored payload; SQLite: writers are serialised);
 * 2. locks the involved pockets in a fixed order (by id: no deadlocks) and re-reads their balances;
 * 3. lets the caller decide with the pure domain rules;
 * 4. checks the postings balance (R-SET-6) and no pocket goes negative, writes the transaction, its postings with
 *    balance after, the new balances and the stored payload — all or nothing.
 */
export class LedgerWriter {
  constructor(
    private readonly dataSource: DataSource,
    /** Told of each committed transaction's kind (metrics); never called for refusals or replays. */
    private readonly onCommitted?: (kind: string) => void,
  ) {}

  async execute<P>(command: MoneyCommand<P>): Promise<CommandResult<P>> {
    let postedKind: string | null = null;
    const result = await this.run(command, (kind) => (postedKind = kind));
    if (postedKind && this.onCommitted) this.onCommitted(postedKind);
    return result;
  }

  private run<P>(command: MoneyCommand<P>, posted: (kind: string) => void): Promise<CommandResult<P>> {
    const requestHash = hashRequest(command.operation, command.request);
    return inTransaction(this.dataSource, async (manager) => {
      const now = new Date();
      const claimed = await this.claimKey(manager, command, requestHash, now);
      if (!claimed) {
        const existing = await manager.getRepository(IdempotencyRecordEntity).findOneByOrFail({
          clientId: command.clientId,
          key: command.idempotencyKey,
        });
        if (existing.requestHash !== requestHash)
          return { outcome: 'KEY_REUSED', operation: existing.operation };
        return { outcome: 'REPLAYED', payload: parsePayload<P>(existing.response) };
      }
      const pockets = await this.lockPockets(manager, command.personIds);
      const transactionId = randomUUID();
      const decision = await command.decide({ manager, pockets, transactionId, now });
      let payload = decision.payload;
      if (decision.transaction) {
        const rows = await this.post(
          manager,
          transactionId,
          decision.transaction,
          pockets,
          command.clientId,
          now,
        );
        if (decision.withPostings) payload = decision.withPostings(payload, rows);
        posted(decision.transaction.kind);
      }
      if (decision.after) await decision.after(manager, transactionId);
      await manager
        .getRepository(IdempotencyRecordEntity)
        .update(
          { clientId: command.clientId, key: command.idempotencyKey },
          { response: stringifyPayload(payload) },
        );
      return { outcome: 'EXECUTED', payload };
    });
  }

  private async claimKey(
    manager: EntityManager,
    command: Pick<MoneyCommand<unknown>, 'clientId' | 'idempotencyKey' | 'operation'>,
    requestHash: string,
    now: Date,
  ): Promise<boolean> {
    const row = {
      clientId: command.clientId,
      key: command.idempotencyKey,
      operation: command.operation,
      requestHash,
      response: '',
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_RETENTION_DAYS * 86_400_000),
    };
    if (ENTITY_DIALECT === 'sqlite') {
      // Writers are serialised (inTransaction), so look-then-insert cannot race.
      const repo = manager.getRepository(IdempotencyRecordEntity);
      if (await repo.existsBy({ clientId: row.clientId, key: row.key })) return false;
      await repo.insert(row);
      return true;
    }
    // A concurrent transaction holding the same key makes this INSERT wait until it commits (then: conflict, replay)
    // or rolls back (then: we own the key).
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyRecordEntity)
      .values(row)
      .orIgnore()
      .returning(['clientId'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  private async lockPockets(
    manager: EntityManager,
    personIds: readonly string[],
  ): Promise<Map<string, PocketEntity>> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return new Map();
    const qb = manager
      .getRepository(PocketEntity)
      .createQueryBuilder('p')
      .where({ personId: In(ids) })
      .orderBy('p.id', 'ASC');
    if (ENTITY_DIALECT === 'postgres') qb.setLock('pessimistic_write');
    const rows = await qb.getMany();
    return new Map(rows.map((p) => [`${p.personId}:${p.kind}`, p]));
  }

  private async post(
    manager: EntityManager,
    transactionId: string,
    plan: TransactionPlan,
    pockets: ReadonlyMap<string, PocketEntity>,
    actor: string,
    now: Date,
  ): Promise<PostingEntity[]> {
    const sum = plan.postings.reduce((s, p) => s + p.amount, 0n);
    if (sum !== 0n)
      throw new LedgerInvariantError(`R-SET-6: postings of ${plan.kind} sum to ${sum} fen, not zero`);
    const balanceAfter: (bigint | null)[] = [];
    const touched = new Map<string, PocketEntity>();
    for (const posting of plan.postings) {
      if (posting.account.type !== 'POCKET') {
        balanceAfter.push(null);
        continue;
      }
      const key = `${posting.account.personId}:${posting.account.pocket}`;
      const pocket = pockets.get(key);
      if (!pocket) throw new LedgerInvariantError(`posting to pocket ${key} that was not locked`);
      pocket.balance += posting.amount;
      if (pocket.balance < 0n)
        throw new LedgerInvariantError(`R-SET-6: pocket ${key} would go negative (${pocket.balance} fen)`);
      balanceAfter.push(pocket.balance);
      touched.set(key, pocket);
    }
    const row: TransactionEntity = {
      id: transactionId,
      kind: plan.kind,
      status: plan.status ?? 'POSTED',
      amount: plan.amount,
      personId: plan.personId ?? null,
      counterpartyPersonId: plan.counterpartyPersonId ?? null,
      institutionId: plan.institutionId ?? null,
      serviceDate: plan.serviceDate ?? null,
      originalTransactionId: plan.originalTransactionId ?? null,
      channel: plan.channel ?? null,
      product: plan.product ?? null,
      actor,
      explanation: [...plan.explanation],
      details: toJsonSafe(plan.details ?? {}) as Record<string, unknown>,
      createdAt: now,
    };
    // JSON columns trip TypeORM's deep-partial insert typing; the row is a complete entity.
    await manager.getRepository(TransactionEntity).insert(row as QueryDeepPartialEntity<TransactionEntity>);
    const rows: PostingEntity[] = plan.postings.map((p, seq) => ({
      id: randomUUID(),
      transactionId,
      seq,
      accountType: p.account.type,
      personId: p.account.type === 'POCKET' ? p.account.personId : null,
      pocket: p.account.type === 'POCKET' ? p.account.pocket : null,
      systemAccount: p.account.type === 'SYSTEM' ? p.account.account : null,
      ref: p.account.type === 'SYSTEM' ? (p.account.ref ?? null) : null,
      amount: p.amount,
      balanceAfter: balanceAfter[seq],
    }));
    await manager.getRepository(PostingEntity).insert(rows);
    await writeBalances(manager, [...touched.values()], now);
    if (plan.accumulators) await addToAccumulators(manager, plan.accumulators);
    if (plan.dailySpend && plan.dailySpend.amount !== 0n) await addToDailySpend(manager, plan.dailySpend);
    if (plan.originalStatus) {
      await manager
        .getRepository(TransactionEntity)
        .update({ id: plan.originalStatus.transactionId }, { status: plan.originalStatus.status });
    }
    return rows;
  }
}

/**
 * The new balances of every touched pocket in ONE statement (issue #7: one round trip, not one per pocket). The
 * version is bumped in SQL; the CHECK constraint still forbids a negative pocket.
 */
async function writeBalances(manager: EntityManager, pockets: PocketEntity[], now: Date): Promise<void> {
  if (pockets.length === 0) return;
  const ordered = [...pockets].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (ENTITY_DIALECT === 'postgres') {
    const values = ordered.map((_, i) => `($${2 * i + 2}::varchar, $${2 * i + 3}::bigint)`).join(', ');
    await manager.query(
      `UPDATE "pockets" AS p SET "balance" = v.balance, "updatedAt" = $1, "version" = p."version" + 1
       FROM (VALUES ${values}) AS v(id, balance) WHERE p."id" = v.id`,
      [now, ...ordered.flatMap((p) => [p.id, p.balance.toString()])],
    );
  } else {
    const cases = ordered.map(() => 'WHEN ? THEN ?').join(' ');
    await manager.query(
      `UPDATE "pockets" SET "balance" = CASE "id" ${cases} END, "updatedAt" = ?, "version" = "version" + 1
       WHERE "id" IN (${ordered.map(() => '?').join(', ')})`,
      [...ordered.flatMap((p) => [p.id, p.balance]), sqliteTimestamp(now), ...ordered.map((p) => p.id)],
    );
  }
  for (const pocket of ordered) pocket.version += 1;
}

/** TypeORM's SQLite text form of a timestamp (UTC `YYYY-MM-DD HH:MM:SS.sss`), for raw statements. */
function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Adds a signed delta to a person's accumulators of a year in one upsert (row created at the delta). */
async function addToAccumulators(
  manager: EntityManager,
  a: NonNullable<TransactionPlan['accumulators']>,
): Promise<void> {
  const postgres = ENTITY_DIALECT === 'postgres';
  const p = (i: number) => (postgres ? `$${i}` : '?');
  const money = (v: bigint) => (postgres ? v.toString() : v);
  const values = [
    a.personId,
    a.year,
    money(a.outpatientCovered),
    money(a.outpatientFundPaid),
    a.inpatientAdmissions,
    money(a.inpatientFundPaid),
    money(a.accountPaid),
  ];
  await manager.query(
    `INSERT INTO "accumulators" ("personId", "year", "outpatientCovered", "outpatientFundPaid", "inpatientAdmissions",
       "inpatientFundPaid", "accountPaid", "version")
     VALUES (${values.map((_, i) => p(i + 1)).join(', ')}, 1)
     ON CONFLICT ("personId", "year") DO UPDATE SET
       "outpatientCovered" = "accumulators"."outpatientCovered" + excluded."outpatientCovered",
       "outpatientFundPaid" = "accumulators"."outpatientFundPaid" + excluded."outpatientFundPaid",
       "inpatientAdmissions" = "accumulators"."inpatientAdmissions" + excluded."inpatientAdmissions",
       "inpatientFundPaid" = "accumulators"."inpatientFundPaid" + excluded."inpatientFundPaid",
       "accountPaid" = "accumulators"."accountPaid" + excluded."accountPaid",
       "version" = "accumulators"."version" + 1`,
    values,
  );
}

/**
 * Adds a signed amount to the account spend of a person, day and institution in one upsert; money returned by a
 * cancellation or refund is taken off the day of the service, never below zero.
 */
async function addToDailySpend(
  manager: EntityManager,
  d: NonNullable<TransactionPlan['dailySpend']>,
): Promise<void> {
  const postgres = ENTITY_DIALECT === 'postgres';
  const max = postgres ? 'GREATEST' : 'MAX';
  const amount = postgres ? d.amount.toString() : d.amount;
  const p = postgres ? ['$1', '$2', '$3', '$4::bigint', '$4::bigint'] : ['?', '?', '?', '?', '?'];
  await manager.query(
    `INSERT INTO "account_daily_spend" ("personId", "day", "institutionId", "amount")
     VALUES (${p[0]}, ${p[1]}, ${p[2]}, ${max}(0, ${p[3]}))
     ON CONFLICT ("personId", "day", "institutionId") DO UPDATE SET
       "amount" = ${max}(0, "account_daily_spend"."amount" + ${p[4]})`,
    postgres
      ? [d.personId, d.day, d.institutionId, amount]
      : [d.personId, d.day, d.institutionId, amount, amount],
  );
}

/** SHA-256 of the operation and its canonical input (keys sorted; bigint as text). */
export function hashRequest(operation: string, request: unknown): string {
  return createHash('sha256').update(operation).update('\0').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(toJsonSafe(value, true));
}

/** bigint → `{ $bigint: "…" }` so payloads survive JSON; optionally sorts object keys (for hashing). */
function toJsonSafe(value: unknown, sortKeys = false): unknown {
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map((v) => toJsonSafe(v, sortKeys));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, toJsonSafe(v, sortKeys)]));
  }
  return value;
}

export function stringifyPayload(payload: unknown): string {
  return JSON.stringify(toJsonSafe(payload));
}

export function parsePayload<P>(text: string): P {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && typeof o['$bigint'] === 'string') return BigInt(o['$bigint']);
      if (keys.length === 1 && typeof o['$date'] === 'string') return new Date(o['$date']);
    }
    return value;
  }) as P;
}
