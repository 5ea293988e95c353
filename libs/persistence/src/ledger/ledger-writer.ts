import { createHash, randomUUID } from 'node:crypto';
import { DomainError, type Explanation, type Posting, assertBalanceWithinLimitOrThrow } from '@gongji/domain';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AuditLogEntity,
  ENTITY_DIALECT,
  IdempotencyRecordEntity,
  PersonEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '../entities';
import type { FactQuery } from '../queries/fact-query';
import { pipelined } from '../queries/pipeline';
import { inTransaction, withRetries } from '../transactions';
import {
  type AccumulatorChange,
  type ClaimAndLockResult,
  type DailySpendChange,
  type LockRequest,
  type AuditRowWrite,
  type PasswordStateWrite,
  type WriteAll,
  claimAndLockStatement,
  claimAndLockResult,
  writeAllStatement,
} from './ledger-sql';

export type { AuditRowWrite, PasswordStateWrite } from './ledger-sql';

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
  readonly accumulators?: AccumulatorChange;
  /** Signed account spend of a person at an institution on a day (R-USE-6 caps); never below zero. */
  readonly dailySpend?: DailySpendChange;
  /** New status of the transaction this one cancels or refunds. */
  readonly originalStatus?: { readonly transactionId: string; readonly status: string };
}

export interface DecideContext<F = undefined> {
  readonly manager: EntityManager;
  /** What the command's {@link MoneyCommand.facts} query read after the locks (undefined without one). */
  readonly facts: F;
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
  /** The payment-password attempt state to store (R-ACC-7), written with the money in the same statement. */
  readonly passwordState?: PasswordStateWrite;
  /** Extra writes in the same database transaction (relation rows, crediting markers…), after the postings. */
  readonly after?: (manager: EntityManager, transactionId: string) => Promise<void>;
  /**
   * Puts the rows the writer posted (with each pocket's balance after) into the payload before it is returned and
   * stored, so a client's reply is built from what the transaction wrote — never from a read after the commit.
   */
  readonly withPostings?: (payload: P, postings: readonly PostingEntity[]) => P;
  /**
   * What the audit row of a staff caller's change says (API.md: every ADMIN/COUNTER change lands in the audit log).
   * Written only when the command has an {@link MoneyCommand.auditActor}; without this, a posted transaction is
   * audited as `operation` on the Transaction with its kind, amount and persons.
   */
  readonly audit?: Partial<Omit<AuditRowWrite, 'id' | 'at' | 'actorType' | 'actorId' | 'actorName'>>;
}

/** The staff member a change is audited under (ADMIN/COUNTER callers; portals' changes are not audit rows). */
export interface AuditActor {
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

export interface MoneyCommand<P, F = undefined> {
  /** Idempotency scope: the API client or user. */
  readonly clientId: string;
  /** Mutation name. */
  readonly operation: string;
  readonly idempotencyKey: string;
  /** The canonical input; its hash decides "same input" for a replay. */
  readonly request: unknown;
  /** Persons whose pockets are locked (in a fixed order) before deciding. */
  readonly personIds: readonly string[];
  /** Also lock the pockets of this beneficiary's money-sharing relatives (a superset of those used, R-KIN-4). */
  readonly lockProvidersOf?: string;
  /** A person row locked FOR UPDATE after the pockets (payment-password state, R-ACC-7). */
  readonly lockPersonRow?: string;
  /** Also lock the pockets of every person this transaction posted to (cancels and refunds of a settlement). */
  readonly lockPostingsOf?: string;
  /**
   * The decision's reads, run after the locks in a fresh snapshot — on PostgreSQL in the same round trip as the claim
   * and lock statement (issue #7). Without it, `decide` reads through `ctx.manager` itself.
   */
  readonly facts?: FactQuery<F>;
  /**
   * Staff caller: each posted transaction (or decision with an `audit`) writes an audit row in the same statement as
   * the money, so the change and its audit commit together or not at all.
   */
  readonly auditActor?: AuditActor;
  decide(ctx: DecideContext<F>): Promise<Decision<P>>;
  /**
   * The payload of a plan the writer refuses for a rule it owns (no pocket above the ledger's largest balance,
   * BALANCE_TOO_LARGE): the refusal is stored as the key's reply and nothing moves. Without it, such a plan throws.
   */
  refuse?(error: DomainError): P;
}

export type CommandResult<P> =
  | { readonly outcome: 'EXECUTED' | 'REPLAYED'; readonly payload: P }
  | { readonly outcome: 'KEY_REUSED'; readonly operation: string };

export class LedgerInvariantError extends Error {}

/**
 * Runs a money mutation exactly once (issue #4) and owns every money write (issue #7). In ONE database transaction:
 * 1. claims the idempotency key and locks the involved pockets (by id: one lock order) and person row — ONE statement
 *    on PostgreSQL (`INSERT … ON CONFLICT DO NOTHING`, so a concurrent duplicate waits on the first one's key and then
 *    replays its stored payload; see ledger-sql.ts); SQLite: writers are serialised;
 * 2. lets the caller read its facts (a query object of libs/persistence, one statement) and decide with the pure
 *    domain rules;
 * 3. checks the postings balance (R-SET-6), that every pocket posted to was locked and none goes negative, then writes
 *    the transaction, its postings with balance after, the new balances, accumulators, daily spend, the original's
 *    status, the password state and the stored payload — ONE statement on PostgreSQL; all or nothing.
 */
export class LedgerWriter {
  constructor(
    private readonly dataSource: DataSource,
    /** Told of each committed transaction's kind (metrics); never called for refusals or replays. */
    private readonly onCommitted?: (kind: string) => void,
  ) {}

  async execute<P, F = undefined>(command: MoneyCommand<P, F>): Promise<CommandResult<P>> {
    let postedKind: string | null = null;
    const posted = (kind: string) => (postedKind = kind);
    const result =
      ENTITY_DIALECT === 'postgres'
        ? await withRetries(() => this.runPostgres(command, posted))
        : await inTransaction(this.dataSource, (manager) => this.runSqlite(command, manager, posted));
    if (postedKind && this.onCommitted) this.onCommitted(postedKind);
    return result;
  }

  /**
   * PostgreSQL, in TWO round trips (issue #7): [BEGIN, claim + lock, facts] in one pipeline — the facts statement runs
   * after the locks, in its own snapshot — then the decision in memory, then [write everything + reply, COMMIT] in one
   * pipeline. A statement that fails aborts the transaction (the rest of its pipeline is skipped); it is rolled back
   * and the error surfaces as a QueryFailedError (deadlocks retried by `withRetries`, outages mapped by the API).
   */
  private async runPostgres<P, F>(
    command: MoneyCommand<P, F>,
    posted: (kind: string) => void,
  ): Promise<CommandResult<P>> {
    const runner = this.dataSource.createQueryRunner();
    let open = false;
    try {
      const now = new Date();
      const record = idempotencyRecord(command, hashRequest(command.operation, command.request), now);
      const claimStatement = claimAndLockStatement(record, lockOf(command));
      open = true;
      const [, claimRows, factRows] = await pipelined(runner, [
        BEGIN,
        claimStatement,
        ...(command.facts ? [command.facts] : []),
      ]);
      // TypeORM must see the transaction we opened: a nested `save()` in a decision then joins it rather than
      // committing it with a transaction of its own.
      markTransaction(runner, true);
      const manager = runner.manager;
      const claim = claimAndLockResult(manager, claimRows);
      if (!claim.claimed) {
        const replay = await this.replay<P>(manager, command, record.requestHash);
        await pipelined(runner, [COMMIT]);
        open = false;
        return replay;
      }
      const facts = (command.facts ? command.facts.fromRows(manager, factRows) : undefined) as F;
      const decided = await this.decideAndPlan(command, manager, claim, facts, now);
      const write = writeAllStatement(decided.write);
      if (decided.after) {
        await pipelined(runner, [write]);
        await decided.after(manager, decided.transactionId);
        await pipelined(runner, [COMMIT]);
      } else {
        await pipelined(runner, [write, COMMIT]);
      }
      open = false;
      if (decided.kind) posted(decided.kind);
      return { outcome: 'EXECUTED', payload: decided.payload };
    } catch (err) {
      if (open) await pipelined(runner, [ROLLBACK]).catch(() => undefined);
      throw err;
    } finally {
      markTransaction(runner, false);
      await runner.release();
    }
  }

  /** SQLite: the same steps as simple statements inside the serialised transaction of `inTransaction`. */
  private async runSqlite<P, F>(
    command: MoneyCommand<P, F>,
    manager: EntityManager,
    posted: (kind: string) => void,
  ): Promise<CommandResult<P>> {
    const now = new Date();
    const record = idempotencyRecord(command, hashRequest(command.operation, command.request), now);
    const claim = await this.claimAndLockSqlite(manager, record, lockOf(command));
    if (!claim.claimed) return this.replay<P>(manager, command, record.requestHash);
    const facts = (command.facts ? await command.facts.sqlite(manager) : undefined) as F;
    const decided = await this.decideAndPlan(command, manager, claim, facts, now);
    await writeAllSqlite(manager, decided.write);
    if (decided.after) await decided.after(manager, decided.transactionId);
    if (decided.kind) posted(decided.kind);
    return { outcome: 'EXECUTED', payload: decided.payload };
  }

  /** The key was claimed before: the stored reply of the same request, or KEY_REUSED for a different one. */
  private async replay<P>(
    manager: EntityManager,
    command: Pick<MoneyCommand<P, unknown>, 'clientId' | 'idempotencyKey'>,
    requestHash: string,
  ): Promise<CommandResult<P>> {
    const existing = await manager.getRepository(IdempotencyRecordEntity).findOneByOrFail({
      clientId: command.clientId,
      key: command.idempotencyKey,
    });
    if (existing.requestHash !== requestHash) return { outcome: 'KEY_REUSED', operation: existing.operation };
    return { outcome: 'REPLAYED', payload: parsePayload<P>(existing.response) };
  }

  /** Lets the command decide on the locked pockets and its facts, checks the plan, and builds every write. */
  private async decideAndPlan<P, F>(
    command: MoneyCommand<P, F>,
    manager: EntityManager,
    claim: ClaimAndLockResult,
    facts: F,
    now: Date,
  ): Promise<{
    payload: P;
    write: WriteAll;
    transactionId: string;
    kind: string | null;
    after?: Decision<P>['after'];
  }> {
    const pockets = new Map(claim.pockets.map((k) => [`${k.personId}:${k.kind}`, k]));
    const transactionId = randomUUID();
    let decision = await command.decide({ manager, pockets, transactionId, now, facts });
    let payload = decision.payload;
    let planned: Planned | null = null;
    if (decision.transaction) {
      try {
        planned = plan(transactionId, decision.transaction, pockets, command.clientId, now);
      } catch (err) {
        // A rule of the ledger itself (the balance limit): a stored refusal that moves nothing, when the caller
        // says how to answer one.
        if (!(err instanceof DomainError) || !command.refuse) throw err;
        payload = command.refuse(err);
        decision = { payload };
      }
      if (planned && decision.withPostings) payload = decision.withPostings(payload, planned.postings);
    }
    const write: WriteAll = {
      ...(planned && decision.transaction
        ? {
            transaction: {
              ...planned,
              accumulators: decision.transaction.accumulators,
              dailySpend: decision.transaction.dailySpend,
              originalStatus: decision.transaction.originalStatus,
            },
          }
        : {}),
      passwordState: decision.passwordState,
      audit: auditRow(command, decision, transactionId, now),
      reply: {
        clientId: command.clientId,
        key: command.idempotencyKey,
        response: stringifyPayload(payload),
      },
      now,
    };
    return {
      payload,
      write,
      transactionId,
      kind: decision.transaction?.kind ?? null,
      after: decision.after,
    };
  }

  /** SQLite: writers are serialised (inTransaction), so look-then-insert cannot race and there are no row locks. */
  private async claimAndLockSqlite(
    manager: EntityManager,
    record: IdempotencyRecordEntity,
    lock: LockRequest,
  ): Promise<ClaimAndLockResult> {
    const repo = manager.getRepository(IdempotencyRecordEntity);
    if (await repo.existsBy({ clientId: record.clientId, key: record.key }))
      return { claimed: false, pockets: [] };
    await repo.insert(record);
    const ids = [...new Set(lock.personIds)];
    const qb = manager.getRepository(PocketEntity).createQueryBuilder('p').orderBy('p.id', 'ASC');
    qb.where(ids.length ? 'p.personId IN (:...ids)' : '1 = 0', { ids });
    if (lock.postingsOf) {
      qb.orWhere(
        'p.personId IN (SELECT o."personId" FROM "postings" o WHERE o."transactionId" = :t UNION SELECT t."personId" FROM "transactions" t WHERE t."id" = :t)',
        { t: lock.postingsOf },
      );
    }
    if (lock.providersOf) {
      qb.orWhere(
        'p.personId IN (SELECT r."providerId" FROM "kin_relations" r WHERE r."beneficiaryId" = :b AND r."proxyOnly" = 0 AND r."revokedAt" IS NULL)',
        { b: lock.providersOf },
      );
    }
    return { claimed: true, pockets: await qb.getMany() };
  }
}

/** The audit row of a staff caller's change, or none (portals, refusals without an explicit audit). */
function auditRow<P, F>(
  command: MoneyCommand<P, F>,
  decision: Decision<P>,
  transactionId: string,
  now: Date,
): AuditRowWrite | undefined {
  const actor = command.auditActor;
  const t = decision.transaction;
  if (!actor || (!t && !decision.audit)) return undefined;
  const a = decision.audit ?? {};
  return {
    id: randomUUID(),
    at: now,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action: a.action ?? command.operation,
    entityType: a.entityType ?? 'Transaction',
    entityId: a.entityId ?? transactionId,
    before: a.before ?? null,
    after:
      a.after ??
      (t
        ? {
            transactionId,
            kind: t.kind,
            amount: t.amount.toString(),
            personId: t.personId ?? null,
            counterpartyPersonId: t.counterpartyPersonId ?? null,
            institutionId: t.institutionId ?? null,
            originalTransactionId: t.originalTransactionId ?? null,
            idempotencyKey: command.idempotencyKey,
          }
        : null),
    reason: a.reason ?? null,
  };
}

const BEGIN = { text: 'BEGIN', prepared: false };
const COMMIT = { text: 'COMMIT', prepared: false };
const ROLLBACK = { text: 'ROLLBACK', prepared: false };

function lockOf(
  command: Pick<
    MoneyCommand<unknown, unknown>,
    'personIds' | 'lockProvidersOf' | 'lockPersonRow' | 'lockPostingsOf'
  >,
): LockRequest {
  return {
    personIds: command.personIds,
    providersOf: command.lockProvidersOf,
    personRow: command.lockPersonRow,
    postingsOf: command.lockPostingsOf,
  };
}

/** Tells TypeORM's query runner that a transaction is open on its connection (we sent BEGIN in a pipeline). */
function markTransaction(runner: QueryRunner, active: boolean): void {
  const r = runner as { isTransactionActive: boolean; transactionDepth?: number };
  r.isTransactionActive = active;
  if (r.transactionDepth !== undefined) r.transactionDepth = active ? 1 : 0;
}

function idempotencyRecord(
  command: Pick<MoneyCommand<unknown, unknown>, 'clientId' | 'idempotencyKey' | 'operation'>,
  requestHash: string,
  now: Date,
): IdempotencyRecordEntity {
  return {
    clientId: command.clientId,
    key: command.idempotencyKey,
    operation: command.operation,
    requestHash,
    response: '',
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_RETENTION_DAYS * 86_400_000),
  };
}

interface Planned {
  readonly row: TransactionEntity;
  readonly postings: PostingEntity[];
  readonly pockets: PocketEntity[];
}

/**
 * The rows a plan writes, checked before anything is written: postings sum to zero (R-SET-6), every pocket posted to
 * was locked, no pocket goes negative; each pocket posting carries the balance after it.
 */
function plan(
  transactionId: string,
  plan: TransactionPlan,
  pockets: ReadonlyMap<string, PocketEntity>,
  actor: string,
  now: Date,
): Planned {
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
    // No pocket above the largest balance the ledger holds exactly (BALANCE_TOO_LARGE, a refusal: see refuse).
    assertBalanceWithinLimitOrThrow(pocket.balance);
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
  const postings: PostingEntity[] = plan.postings.map((p, seq) => ({
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
  return { row, postings, pockets: [...touched.values()] };
}

/** SQLite: the same writes as {@link writeAll}, as separate (in-process, cheap) statements. */
async function writeAllSqlite(manager: EntityManager, w: WriteAll): Promise<void> {
  const t = w.transaction;
  if (t) {
    // JSON columns trip TypeORM's deep-partial insert typing; the row is a complete entity.
    await manager.getRepository(TransactionEntity).insert(t.row as QueryDeepPartialEntity<TransactionEntity>);
    if (t.postings.length) await manager.getRepository(PostingEntity).insert([...t.postings]);
    await writeBalances(manager, [...t.pockets], w.now);
    if (t.accumulators) await addToAccumulators(manager, t.accumulators);
    if (t.dailySpend && t.dailySpend.amount !== 0n) await addToDailySpend(manager, t.dailySpend);
    if (t.originalStatus) {
      await manager
        .getRepository(TransactionEntity)
        .update({ id: t.originalStatus.transactionId }, { status: t.originalStatus.status });
    }
  }
  if (w.passwordState) {
    await manager.getRepository(PersonEntity).update(
      { id: w.passwordState.personId },
      {
        paymentPasswordFailures: w.passwordState.failures,
        paymentLockedAt: w.passwordState.lockedAt,
        updatedAt: w.now,
      },
    );
  }
  // JSON columns trip TypeORM's deep-partial insert typing; the row is a complete entity.
  if (w.audit)
    await manager
      .getRepository(AuditLogEntity)
      .insert({ ...w.audit } as QueryDeepPartialEntity<AuditLogEntity>);
  await manager
    .getRepository(IdempotencyRecordEntity)
    .update({ clientId: w.reply.clientId, key: w.reply.key }, { response: w.reply.response });
}

/**
 * The new balances of every touched pocket in ONE statement (issue #7: one round trip, not one per pocket). The
 * version is bumped in SQL; the CHECK constraint still forbids a negative pocket.
 */
async function writeBalances(manager: EntityManager, pockets: PocketEntity[], now: Date): Promise<void> {
  if (pockets.length === 0) return;
  const ordered = [...pockets].sort((a, b) => (a.id < b.id ? -1 : 1));
  const cases = ordered.map(() => 'WHEN ? THEN ?').join(' ');
  await manager.query(
    `UPDATE "pockets" SET "balance" = CASE "id" ${cases} END, "updatedAt" = ?, "version" = "version" + 1
     WHERE "id" IN (${ordered.map(() => '?').join(', ')})`,
    [...ordered.flatMap((p) => [p.id, p.balance]), sqliteTimestamp(now), ...ordered.map((p) => p.id)],
  );
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
  const values = [
    a.personId,
    a.year,
    a.outpatientCovered,
    a.outpatientFundPaid,
    a.inpatientAdmissions,
    a.inpatientFundPaid,
    a.accountPaid,
  ];
  await manager.query(
    `INSERT INTO "accumulators" ("personId", "year", "outpatientCovered", "outpatientFundPaid", "inpatientAdmissions",
       "inpatientFundPaid", "accountPaid", "version")
     VALUES (${values.map(() => '?').join(', ')}, 1)
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
  await manager.query(
    `INSERT INTO "account_daily_spend" ("personId", "day", "institutionId", "amount")
     VALUES (?, ?, ?, MAX(0, ?))
     ON CONFLICT ("personId", "day", "institutionId") DO UPDATE SET
       "amount" = MAX(0, "account_daily_spend"."amount" + ?)`,
    [d.personId, d.day, d.institutionId, d.amount, d.amount],
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

/**
 * The stored reply's JSON: `toJsonSafe`'s encoding (bigint, Date) as a replacer, without copying the payload first
 * (the copy was ~2 % of the server's CPU per settlement, issue #7). `this[key]` is the value before `Date#toJSON`.
 */
export function stringifyPayload(payload: unknown): string {
  return JSON.stringify(payload, jsonSafeReplacer);
}

function jsonSafeReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: raw.toISOString() };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  return value;
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
