import {
  type DataSource,
  type EntityManager,
  In,
  IsNull,
  LessThan,
  LessThanOrEqual,
  MoreThanOrEqual,
  Not,
  Like,
} from 'typeorm';
import { NotificationEntity } from '../entities';

/** Writes one outbox row through the caller's transaction manager (R-ACC-7). */
export async function insertNotification(
  manager: EntityManager,
  row: Omit<NotificationEntity, 'status' | 'nextAttemptAt'> &
    Partial<Pick<NotificationEntity, 'status' | 'nextAttemptAt'>>,
): Promise<void> {
  await manager
    .getRepository(NotificationEntity)
    .insert({ status: 'PENDING', nextAttemptAt: null, ...row } as NotificationEntity);
}

/**
 * Pending outbox rows with a body that are due at `now` (no retry time, or one reached) and not older than
 * `createdSince` (older ones are for the expiry, never sent), oldest first (only `ids` when given), at most `take`.
 */
export function pendingNotifications(
  dataSource: DataSource,
  options: { ids?: readonly string[]; take: number; now: Date; createdSince: Date },
): Promise<NotificationEntity[]> {
  const { ids, take, now, createdSince } = options;
  const base = {
    status: 'PENDING' as const,
    deliveredAt: IsNull(),
    body: Not(IsNull()),
    createdAt: MoreThanOrEqual(createdSince),
    ...(ids ? { id: In([...ids]) } : {}),
  };
  return dataSource.getRepository(NotificationEntity).find({
    where: [
      { ...base, nextAttemptAt: IsNull() },
      { ...base, nextAttemptAt: LessThanOrEqual(now) },
    ],
    order: { createdAt: 'ASC' },
    take,
  });
}

/** Claims a pending row by bumping `attempts` from the value read; false when another dispatcher got it first. */
export async function claimNotification(dataSource: DataSource, row: NotificationEntity): Promise<boolean> {
  const claim = await dataSource
    .getRepository(NotificationEntity)
    .update(
      { id: row.id, attempts: row.attempts, deliveredAt: IsNull(), status: 'PENDING' },
      { attempts: row.attempts + 1 },
    );
  return !!claim.affected;
}

/** Marks a row delivered and clears its body, so a plain initial password does not stay in the database. */
export async function markNotificationDelivered(dataSource: DataSource, id: string, at: Date): Promise<void> {
  await dataSource
    .getRepository(NotificationEntity)
    .update({ id }, { body: null, deliveredAt: at, status: 'DELIVERED', nextAttemptAt: null });
}

/** A failed delivery: the row stays pending and is not tried again before `nextAttemptAt` (backoff). */
export async function deferNotification(
  dataSource: DataSource,
  id: string,
  nextAttemptAt: Date,
): Promise<void> {
  await dataSource
    .getRepository(NotificationEntity)
    .update({ id, status: 'PENDING', deliveredAt: IsNull() }, { nextAttemptAt });
}

/** A row that can never be delivered (e.g. sealed under another key): body erased, never retried. */
export async function markNotificationFailed(dataSource: DataSource, id: string): Promise<void> {
  await dataSource
    .getRepository(NotificationEntity)
    .update(
      { id, status: 'PENDING', deliveredAt: IsNull() },
      { body: null, status: 'FAILED', nextAttemptAt: null },
    );
}

/** What an expiry log line may say about a row: no body, and the caller masks the phone. */
export type ExpiredNotification = Pick<
  NotificationEntity,
  'id' | 'personId' | 'recipient' | 'kind' | 'createdAt' | 'attempts'
>;

/**
 * Pending rows created before `cutoff` lose their body and become EXPIRED (an undelivered initial or reset password
 * is useless after a while and dangerous to keep). Returns the rows expired by this call (without their body).
 */
export async function expireNotifications(
  dataSource: DataSource,
  cutoff: Date,
  take = 500,
): Promise<ExpiredNotification[]> {
  const repo = dataSource.getRepository(NotificationEntity);
  const due = await repo.find({
    select: { id: true, personId: true, recipient: true, kind: true, createdAt: true, attempts: true },
    where: { status: 'PENDING', deliveredAt: IsNull(), createdAt: LessThan(cutoff) },
    order: { createdAt: 'ASC' },
    take,
  });
  const expired: ExpiredNotification[] = [];
  for (const row of due) {
    const done = await repo.update(
      { id: row.id, status: 'PENDING', deliveredAt: IsNull() },
      { body: null, status: 'EXPIRED', nextAttemptAt: null },
    );
    if (done.affected) expired.push(row);
  }
  return expired;
}

/** Pending rows whose body does not start with `sealedPrefix` (written before bodies were sealed), at most `take`. */
export function unsealedNotifications(
  dataSource: DataSource,
  sealedPrefix: string,
  take: number,
): Promise<NotificationEntity[]> {
  return dataSource.getRepository(NotificationEntity).find({
    where: { status: 'PENDING', deliveredAt: IsNull(), body: Not(Like(`${sealedPrefix}%`)) },
    order: { createdAt: 'ASC' },
    take,
  });
}

/** Replaces a body by its sealed form, only if it is still the one read (a concurrent delivery wins). */
export async function replaceNotificationBody(
  dataSource: DataSource,
  row: Pick<NotificationEntity, 'id' | 'body'>,
  body: string,
): Promise<boolean> {
  const done = await dataSource
    .getRepository(NotificationEntity)
    .update({ id: row.id, body: row.body ?? IsNull(), status: 'PENDING', deliveredAt: IsNull() }, { body });
  return !!done.affected;
}
