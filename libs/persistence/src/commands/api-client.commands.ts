import type { DataSource, EntityManager } from 'typeorm';
import { ApiClientEntity, InstitutionEntity, PersistedOperationEntity } from '../entities';

/** Every API client, newest first. */
export function apiClientsNewestFirst(dataSource: DataSource): Promise<ApiClientEntity[]> {
  return dataSource.getRepository(ApiClientEntity).find({ order: { createdAt: 'DESC' } });
}

export function apiClientOfId(manager: EntityManager, id: string): Promise<ApiClientEntity | null> {
  return manager.getRepository(ApiClientEntity).findOneBy({ id });
}

/** Inserts or updates an API client row and returns it as stored. */
export function saveApiClient(manager: EntityManager, client: ApiClientEntity): Promise<ApiClientEntity> {
  return manager.getRepository(ApiClientEntity).save(client);
}

export function institutionExists(dataSource: DataSource, id: string): Promise<boolean> {
  return dataSource.getRepository(InstitutionEntity).existsBy({ id });
}

/** Registers a persisted operation by its hash; registering the same document again refreshes the row. */
export async function upsertPersistedOperation(
  manager: EntityManager,
  row: PersistedOperationEntity,
): Promise<void> {
  await manager.getRepository(PersistedOperationEntity).upsert(row, ['id']);
}
