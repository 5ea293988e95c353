import {
  type AccumulatorDelta,
  type Fen,
  type LedgerAccount,
  type PocketKind,
  type Posting,
  type SystemAccount,
  pocketAccount,
  systemAccount,
} from '@gongji/domain';
import {
  AccountDailySpendEntity,
  type AccumulatorDelta as StoredAccumulatorDelta,
  AccumulatorEntity,
  ENTITY_DIALECT,
  type PostingEntity,
  type TransactionEntity,
  type TransactionPlan,
} from '@gongji/persistence';
import type { EntityManager } from 'typeorm';
import type { Transaction } from '../transaction/transaction.types';
import { toTransaction } from '../transaction/transaction.service';

/** The delta in the stored format of libs/persistence ledger-audit (fen as strings). */
export function toStoredDelta(delta: AccumulatorDelta): StoredAccumulatorDelta {
  return {
    year: delta.year,
    outpatientCovered: delta.outpatientCovered.toString(),
    outpatientFundPaid: delta.outpatientFundPaid.toString(),
    inpatientAdmissions: delta.inpatientAdmissions,
    inpatientFundPaid: delta.inpatientFundPaid.toString(),
    accountPaid: delta.accountPaid.toString(),
  };
}

export function fromStoredDelta(stored: StoredAccumulatorDelta): AccumulatorDelta {
  return {
    year: stored.year,
    outpatientCovered: BigInt(stored.outpatientCovered) as Fen,
    outpatientFundPaid: BigInt(stored.outpatientFundPaid) as Fen,
    inpatientAdmissions: stored.inpatientAdmissions,
    inpatientFundPaid: BigInt(stored.inpatientFundPaid) as Fen,
    accountPaid: BigInt(stored.accountPaid) as Fen,
  };
}

/** A stored posting row as the domain's posting (same account, same signed amount). */
export function toDomainPosting(p: PostingEntity): Posting {
  const account: LedgerAccount =
    p.accountType === 'POCKET'
      ? pocketAccount(p.personId as string, p.pocket as PocketKind)
      : systemAccount(p.systemAccount as SystemAccount, p.ref ?? undefined);
  return { account, amount: p.amount as Fen };
}

/** Adds a signed delta to a person's accumulators of the delta's year (row created at zero when absent). */
export async function addToAccumulators(
  manager: EntityManager,
  personId: string,
  delta: AccumulatorDelta,
): Promise<void> {
  const repo = manager.getRepository(AccumulatorEntity);
  const qb = repo
    .createQueryBuilder('a')
    .where('a.personId = :personId AND a.year = :year', { personId, year: delta.year });
  if (ENTITY_DIALECT === 'postgres') qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  if (!row) {
    await repo.insert({
      personId,
      year: delta.year,
      outpatientCovered: delta.outpatientCovered,
      outpatientFundPaid: delta.outpatientFundPaid,
      inpatientAdmissions: delta.inpatientAdmissions,
      inpatientFundPaid: delta.inpatientFundPaid,
      accountPaid: delta.accountPaid,
      version: 1,
    });
    return;
  }
  await repo.update(
    { personId, year: delta.year },
    {
      outpatientCovered: row.outpatientCovered + delta.outpatientCovered,
      outpatientFundPaid: row.outpatientFundPaid + delta.outpatientFundPaid,
      inpatientAdmissions: row.inpatientAdmissions + delta.inpatientAdmissions,
      inpatientFundPaid: row.inpatientFundPaid + delta.inpatientFundPaid,
      accountPaid: row.accountPaid + delta.accountPaid,
      version: row.version + 1,
    },
  );
}

/**
 * Adds a signed amount to the account spend of a person, day and institution (R-USE-6 daily caps). Money returned
 * by a cancellation or refund is taken off the day of the service, never below zero.
 */
export async function addToDailySpend(
  manager: EntityManager,
  key: { personId: string; day: string; institutionId: string },
  amount: bigint,
): Promise<void> {
  if (amount === 0n) return;
  const repo = manager.getRepository(AccountDailySpendEntity);
  const row = await repo.findOneBy(key);
  if (!row) {
    if (amount > 0n) await repo.insert({ ...key, amount });
    return;
  }
  const next = row.amount + amount;
  await repo.update(key, { amount: next > 0n ? next : 0n });
}

/** The GraphQL Transaction of a plan the ledger writer is about to post (returned and stored as the payload). */
export function plannedTransaction(
  id: string,
  plan: TransactionPlan,
  actor: string,
  createdAt: Date,
): Transaction {
  const entity: TransactionEntity = {
    id,
    kind: plan.kind,
    status: plan.status ?? 'POSTED',
    amount: plan.amount,
    personId: plan.personId ?? null,
    counterpartyPersonId: plan.counterpartyPersonId ?? null,
    institutionId: plan.institutionId ?? null,
    serviceDate: plan.serviceDate ?? null,
    originalTransactionId: plan.originalTransactionId ?? null,
    actor,
    explanation: [...plan.explanation],
    details: {},
    createdAt,
  };
  return toTransaction(entity) as Transaction;
}
