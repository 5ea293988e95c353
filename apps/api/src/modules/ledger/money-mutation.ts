import { DomainError, detailParam, termParam } from '@gongji/domain';
import {
  type Decision,
  type DecideContext,
  type FactQuery,
  LedgerWriter,
  type PostingEntity,
  type TransactionPlan,
} from '@gongji/persistence';
import { toPostingLine, toTransaction } from '../transaction/transaction.service';
import type { Transaction } from '../transaction/transaction.types';
import { type Principal, actorOf, isStaff } from '../../auth/principal';
import { badUserInput } from '../../common/error-detail';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import { userErrorsOf } from '../../common/refusals';

/** Every money mutation's payload has `userErrors` (API.md). */
export interface MoneyPayload {
  userErrors: UserError[];
}

export interface MoneyMutation<P extends MoneyPayload, F = undefined> {
  readonly operation: string;
  readonly idempotencyKey: string;
  /** Canonical input (without the key) — same key + different input is IDEMPOTENCY_KEY_REUSED. */
  readonly input: unknown;
  readonly personIds: readonly string[];
  /** Also lock the pockets of this beneficiary's money-sharing relatives (R-KIN-4), in the writer's lock statement. */
  readonly lockProvidersOf?: string;
  /** A person row to lock after the pockets (payment-password state, R-ACC-7). */
  readonly lockPersonRow?: string;
  /** Also lock the pockets of every person this transaction posted to (cancels and refunds). */
  readonly lockPostingsOf?: string;
  /** The decision's reads (a libs/persistence fact query), sent with the locks in one round trip on PostgreSQL. */
  readonly facts?: FactQuery<F>;
  /** The payload to return for a refusal (fields empty, userErrors filled). */
  readonly refused: (errors: UserError[]) => P;
  readonly decide: (ctx: DecideContext<F>) => Promise<Decision<P>>;
}

/** Idempotency keys: 1–255 printable characters (API.md). Validation failures are not stored (issue #4). */
export function assertIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > 255 || [...key].some((c) => c.charCodeAt(0) < 0x20)) {
    throw badUserInput(
      'idempotencyKey must be 1–255 printable characters',
      detailParam('IDEMPOTENCY_KEY_MALFORMED'),
      { field: ['idempotencyKey'] },
    );
  }
}

/**
 * Runs a money mutation through the ledger writer: exactly once per client and key, refusals stored and replayed,
 * a domain refusal thrown by `decide` turned into a userError that moves nothing.
 */
export async function runMoneyMutation<P extends MoneyPayload, F = undefined>(
  writer: LedgerWriter,
  principal: Principal,
  mutation: MoneyMutation<P, F>,
): Promise<P> {
  assertIdempotencyKey(mutation.idempotencyKey);
  const result = await writer.execute<P, F>({
    clientId: actorOf(principal),
    operation: mutation.operation,
    idempotencyKey: mutation.idempotencyKey,
    request: mutation.input,
    personIds: mutation.personIds,
    lockProvidersOf: mutation.lockProvidersOf,
    lockPersonRow: mutation.lockPersonRow,
    lockPostingsOf: mutation.lockPostingsOf,
    facts: mutation.facts,
    // API.md: every ADMIN/COUNTER change lands in the audit log — written by the ledger writer with the money.
    auditActor: isStaff(principal)
      ? { type: principal.kind, id: principal.id, name: principal.name }
      : undefined,
    decide: async (ctx) => {
      try {
        const decision = await mutation.decide(ctx);
        return {
          ...decision,
          withPostings: (payload, rows) => withPostedLines(payload, ctx.transactionId, rows),
        };
      } catch (err) {
        if (err instanceof DomainError) return { payload: mutation.refused(userErrorsOf(err)) };
        throw err;
      }
    },
    // The writer's own rule (no pocket above the ledger's largest balance, BALANCE_TOO_LARGE): a stored refusal.
    refuse: (err) => mutation.refused(userErrorsOf(err)),
  });
  if (result.outcome === 'KEY_REUSED') {
    return mutation.refused([
      userError(
        ApiErrorCode.IDEMPOTENCY_KEY_REUSED,
        `This idempotency key was already used for a different ${result.operation} request; use a new key for a new request`,
        ['idempotencyKey'],
        undefined,
        // API.md: the operation in words (保费支付); English keeps the operation name.
        { operation: termParam('operation', result.operation) },
      ),
    ]);
  }
  return result.payload;
}

/**
 * The payload's `transaction` with the postings exactly as written (balance after included): replies never read
 * the ledger after the commit (issue #11: a commit followed by a failed read must not look like a failure).
 */
function withPostedLines<P>(payload: P, transactionId: string, rows: readonly PostingEntity[]): P {
  const transaction = (payload as { transaction?: { id?: string } | null }).transaction;
  if (!transaction || transaction.id !== transactionId) return payload;
  return { ...payload, transaction: { ...transaction, postings: rows.map(toPostingLine) } };
}

export { LedgerWriter };

/**
 * The Transaction a money payload returns, built from the plan the writer is about to post through the one mapping
 * of stored transactions (`toTransaction`), so the stored payload is plain JSON; its postings are the rows the writer
 * wrote (`withPostedLines`).
 */
export function postedTransaction(
  ctx: Pick<DecideContext<unknown>, 'transactionId' | 'now'>,
  plan: TransactionPlan,
): Transaction {
  return toTransaction({
    id: ctx.transactionId,
    kind: plan.kind,
    status: plan.status ?? 'POSTED',
    amount: plan.amount,
    personId: plan.personId ?? null,
    counterpartyPersonId: plan.counterpartyPersonId ?? null,
    institutionId: plan.institutionId ?? null,
    serviceDate: plan.serviceDate ?? null,
    originalTransactionId: plan.originalTransactionId ?? null,
    createdAt: ctx.now,
    explanation: [...plan.explanation],
  }) as Transaction;
}
