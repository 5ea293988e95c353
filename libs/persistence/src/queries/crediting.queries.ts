import { type EntityManager, In, MoreThan } from 'typeorm';
import {
  ContributionCreditEntity,
  ENTITY_DIALECT,
  IdempotencyRecordEntity,
  InterestRunEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '../entities';

/**
 * Reads and writes of the monthly credits and the yearly interest run (R-ACC-4), so `apps/api`'s crediting module
 * needs no TypeORM of its own (issue #7). Every function takes the manager of the caller's database transaction.
 */

/** The credits already booked for `month` of these persons (the exactly-once marker, primary key person + month). */
export async function creditsOfMonth(
  manager: EntityManager,
  month: string,
  personIds: readonly string[],
): Promise<{ personId: string; amount: bigint }[]> {
  if (personIds.length === 0) return [];
  const rows = await manager
    .getRepository(ContributionCreditEntity)
    .findBy({ month, personId: In([...personIds]) });
  return rows.map((r) => ({ personId: r.personId, amount: r.amount }));
}

/** Books the credited marker of each person-month, in the transaction that moved the money. */
export async function insertCredits(
  manager: EntityManager,
  month: string,
  transactionId: string,
  credits: readonly { personId: string; amount: bigint }[],
): Promise<void> {
  if (credits.length === 0) return;
  await manager
    .getRepository(ContributionCreditEntity)
    .insert(credits.map((c) => ({ personId: c.personId, month, amount: c.amount, transactionId })));
}

export async function interestRunExists(manager: EntityManager, year: number): Promise<boolean> {
  return manager.getRepository(InterestRunEntity).existsBy({ year });
}

export async function insertInterestRun(
  manager: EntityManager,
  run: { year: number; annualRate: number; accounts: number; total: bigint; postedAt: Date },
): Promise<void> {
  await manager.getRepository(InterestRunEntity).insert(run);
}

/** The next `limit` holders of an EARMARKED pocket after `afterPersonId`, by person id (the interest run's batches). */
export async function earmarkedHoldersAfter(
  manager: EntityManager,
  afterPersonId: string,
  limit: number,
): Promise<string[]> {
  const rows = await manager.getRepository(PocketEntity).find({
    select: { personId: true },
    where: { kind: 'EARMARKED', personId: MoreThan(afterPersonId) },
    order: { personId: 'ASC' },
    take: limit,
  });
  return rows.map((r) => r.personId);
}

/** The `serviceDate` an INTEREST transaction carries: the last day of the year it pays (its marker). */
export function interestDateOf(year: number): string {
  return `${year}-12-31`;
}

/**
 * Which of these persons already received interest for `year` (an EARMARKED posting of an INTEREST transaction
 * dated the year's last day). Read after their pockets are locked, so two runs never pay a person twice.
 */
export async function personsWithInterest(
  manager: EntityManager,
  year: number,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows: { personId: string }[] = await manager
    .getRepository(PostingEntity)
    .createQueryBuilder('p')
    .select('p.personId', 'personId')
    .innerJoin(TransactionEntity, 't', 't.id = p.transactionId')
    .where('p.personId IN (:...ids)', { ids: [...personIds] })
    .andWhere('p.pocket = :pocket', { pocket: 'EARMARKED' })
    .andWhere('t.kind = :kind', { kind: 'INTEREST' })
    .andWhere('t.serviceDate = :day', { day: interestDateOf(year) })
    .getRawMany();
  return new Set(rows.map((r) => r.personId));
}

/**
 * The net amount each person's EARMARKED pocket was posted from `since` on (transactions booked at or after it):
 * the pocket's balance now minus this is its balance at `since` — the year-end basis of the interest run (R-ACC-4).
 * Persons with nothing posted since are absent.
 */
export async function earmarkedPostedSince(
  manager: EntityManager,
  personIds: readonly string[],
  since: Date,
): Promise<Map<string, bigint>> {
  if (personIds.length === 0) return new Map();
  const rows: { personId: string; total: string | number | null }[] = await manager
    .getRepository(PostingEntity)
    .createQueryBuilder('p')
    .select('p.personId', 'personId')
    .addSelect('SUM(p.amount)', 'total')
    .innerJoin(TransactionEntity, 't', 't.id = p.transactionId')
    .where('p.personId IN (:...ids)', { ids: [...personIds] })
    .andWhere('p.pocket = :pocket', { pocket: 'EARMARKED' })
    .andWhere("p.accountType = 'POCKET'")
    .andWhere('t.createdAt >= :since', { since })
    .groupBy('p.personId')
    .getRawMany();
  return new Map(rows.map((r) => [r.personId, BigInt(r.total ?? 0)]));
}

/** Accounts credited and total interest of `year` over every batch (what the run record states). */
export async function interestTotals(
  manager: EntityManager,
  year: number,
): Promise<{ accounts: number; total: bigint }> {
  const q = (name: string) => (ENTITY_DIALECT === 'postgres' ? `"${name}"` : name);
  const rows: { accounts: string | number; total: string | number | null }[] = await manager.query(
    `SELECT COUNT(DISTINCT p.${q('personId')}) AS accounts, COALESCE(SUM(p.amount), 0) AS total
       FROM postings p JOIN transactions t ON t.id = p.${q('transactionId')}
      WHERE t.kind = 'INTEREST' AND t.${q('serviceDate')} = ${ENTITY_DIALECT === 'postgres' ? '$1' : '?'}
        AND p.${q('accountType')} = 'POCKET'`,
    [interestDateOf(year)],
  );
  return { accounts: Number(rows[0]?.accounts ?? 0), total: BigInt(rows[0]?.total ?? 0) };
}

/** Whether this client already used this idempotency key (for any request): a multi-step run then only replays. */
export async function idempotencyKeyUsed(
  manager: EntityManager,
  clientId: string,
  key: string,
): Promise<boolean> {
  return manager.getRepository(IdempotencyRecordEntity).existsBy({ clientId, key });
}
