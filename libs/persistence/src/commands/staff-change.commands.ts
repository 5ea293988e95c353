import { type EntityManager, QueryFailedError } from 'typeorm';
import { CardEntity, ENTITY_DIALECT, PersonEntity } from '../entities';

/** Row lock for read-modify-write on PostgreSQL; SQLite writers are already serialised by `inTransaction`. */
export const ROW_LOCK = ENTITY_DIALECT === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;

/** A unique index refused the insert: a concurrent request won the race (PostgreSQL 23505, SQLite UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string } | undefined;
  return driver?.code === '23505' || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The person row, locked FOR UPDATE on PostgreSQL, for a read-modify-write in a staff change; null if absent. */
export function personForUpdate(manager: EntityManager, id: string): Promise<PersonEntity | null> {
  return manager.getRepository(PersonEntity).findOne({ where: { id }, lock: ROW_LOCK });
}

/** A person's card row, locked FOR UPDATE on PostgreSQL; null if the person has none. */
export function cardForUpdate(manager: EntityManager, personId: string): Promise<CardEntity | null> {
  return manager.getRepository(CardEntity).findOne({ where: { personId }, lock: ROW_LOCK });
}

/** Writes a changed person row (all columns) and returns it. */
export function savePerson(manager: EntityManager, person: PersonEntity): Promise<PersonEntity> {
  return manager.getRepository(PersonEntity).save(person);
}

/** Writes a card row (insert or update by person). */
export async function saveCard(manager: EntityManager, card: CardEntity): Promise<void> {
  await manager.getRepository(CardEntity).save(card);
}

/** Updates some columns of a person row. */
export async function updatePersonColumns(
  manager: EntityManager,
  id: string,
  columns: Partial<Omit<PersonEntity, 'id'>>,
): Promise<void> {
  await manager.getRepository(PersonEntity).update({ id }, columns);
}

/** A person by id that must exist (e.g. re-read after an update in the same transaction). */
export function personOfIdOrFail(manager: EntityManager, id: string): Promise<PersonEntity> {
  return manager.getRepository(PersonEntity).findOneByOrFail({ id });
}

/** The password columns of a person (id, hash, password-free limit) for a check before any lock (R-ACC-7). */
export function passwordColumnsOf(
  manager: EntityManager,
  id: string,
): Promise<Pick<PersonEntity, 'id' | 'paymentPasswordHash' | 'passwordFreeLimit'> | null> {
  return manager.getRepository(PersonEntity).findOne({
    where: { id },
    select: { id: true, paymentPasswordHash: true, passwordFreeLimit: true },
  });
}
