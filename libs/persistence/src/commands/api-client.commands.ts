import type { DataSource, EntityManager } from 'typeorm';
import { ApiClientEntity, InstitutionEntity, PersistedOperationEntity } from '../entities';

/** Filters of the `apiClients` connection. */
export interface ApiClientQuery {
  /** Part of the name (case-insensitive) or of the institution id. */
  readonly q?: string | null;
  /** ACTIVE = not revoked, REVOKED = revoked. */
  readonly status?: 'ACTIVE' | 'REVOKED' | null;
}

/**
 * One page of API clients, newest first (ties by id), and the number matching the filter. `LOWER(…) LIKE` folds case
 * the same way on SQLite and PostgreSQL (ASCII; Chinese names have no case).
 */
export async function apiClientsPage(
  dataSource: DataSource,
  f: ApiClientQuery,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ rows: ApiClientEntity[]; total: number }> {
  const qb = dataSource.getRepository(ApiClientEntity).createQueryBuilder('c');
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    qb.andWhere("(LOWER(c.name) LIKE :qLower ESCAPE '\\' OR c.institutionId LIKE :q ESCAPE '\\')", {
      qLower: like.toLowerCase(),
      q: like,
    });
  }
  if (f.status === 'ACTIVE') qb.andWhere('c.revokedAt IS NULL');
  if (f.status === 'REVOKED') qb.andWhere('c.revokedAt IS NOT NULL');
  const total = await qb.clone().getCount();
  const rows = await qb
    .orderBy('c.createdAt', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .offset(page.offset)
    .limit(page.limit)
    .getMany();
  return { rows, total };
}

export function apiClientOfId(manager: EntityManager, id: string): Promise<ApiClientEntity | null> {
  return manager.getRepository(ApiClientEntity).findOneBy({ id });
}

/** Inserts or updates an API client row and returns it as stored. */
export function saveApiClient(manager: EntityManager, client: ApiClientEntity): Promise<ApiClientEntity> {
  return manager.getRepository(ApiClientEntity).save(client);
}

/** The id of the institution with this id, else with this national code (H11010100001); null if none. */
export async function institutionIdOf(dataSource: DataSource, idOrCode: string): Promise<string | null> {
  const repo = dataSource.getRepository(InstitutionEntity);
  const row =
    (await repo.findOne({ where: { id: idOrCode }, select: { id: true } })) ??
    (await repo.findOne({ where: { code: idOrCode }, select: { id: true } }));
  return row?.id ?? null;
}

/** Registers a persisted operation by its hash; registering the same document again refreshes the row. */
export async function upsertPersistedOperation(
  manager: EntityManager,
  row: PersistedOperationEntity,
): Promise<void> {
  await manager.getRepository(PersistedOperationEntity).upsert(row, ['id']);
}
