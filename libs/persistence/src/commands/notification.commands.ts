import { type DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { NotificationEntity } from '../entities';

/** Writes one outbox row through the caller's transaction manager (R-ACC-7). */
export async function insertNotification(manager: EntityManager, row: NotificationEntity): Promise<void> {
  await manager.getRepository(NotificationEntity).insert(row);
}

/** Pending outbox rows with a body, oldest first (only `ids` when given), at most `take`. */
export function pendingNotifications(
  dataSource: DataSource,
  ids: readonly string[] | undefined,
  take: number,
): Promise<NotificationEntity[]> {
  return dataSource.getRepository(NotificationEntity).find({
    where: { deliveredAt: IsNull(), body: Not(IsNull()), ...(ids ? { id: In([...ids]) } : {}) },
    order: { createdAt: 'ASC' },
    take,
  });
}

/** Claims a pending row by bumping `attempts` from the value read; false when another dispatcher got it first. */
export async function claimNotification(dataSource: DataSource, row: NotificationEntity): Promise<boolean> {
  const claim = await dataSource
    .getRepository(NotificationEntity)
    .update({ id: row.id, attempts: row.attempts, deliveredAt: IsNull() }, { attempts: row.attempts + 1 });
  return !!claim.affected;
}

/** Marks a row delivered and clears its body, so a plain initial password does not stay in the database. */
export async function markNotificationDelivered(dataSource: DataSource, id: string, at: Date): Promise<void> {
  await dataSource.getRepository(NotificationEntity).update({ id }, { body: null, deliveredAt: at });
}
