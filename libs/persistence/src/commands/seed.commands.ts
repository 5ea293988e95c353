import type { DataSource, EntityManager } from 'typeorm';
import { InstitutionEntity, UserEntity } from '../entities';

/** How many console users exist (the demo seed loads only into a database without any). */
export function userCount(dataSource: DataSource): Promise<number> {
  return dataSource.getRepository(UserEntity).count();
}

export async function insertUsers(manager: EntityManager, rows: UserEntity[]): Promise<void> {
  await manager.getRepository(UserEntity).insert(rows);
}

export async function insertInstitutions(manager: EntityManager, rows: InstitutionEntity[]): Promise<void> {
  await manager.getRepository(InstitutionEntity).insert(rows);
}
