import type { DataSource } from 'typeorm';
import { UserEntity } from '../entities';

/** The user who signs in by this name (R-AUTH session creation), or null. */
export function userByUsername(dataSource: DataSource, username: string): Promise<UserEntity | null> {
  return dataSource.getRepository(UserEntity).findOneBy({ username });
}

export function userById(dataSource: DataSource, id: string): Promise<UserEntity | null> {
  return dataSource.getRepository(UserEntity).findOneBy({ id });
}

/** Signing out (`sessionEnd`): every session token of the user signed before `at` is refused from now on. */
export async function endSessions(dataSource: DataSource, id: string, at: Date): Promise<void> {
  await dataSource.getRepository(UserEntity).update({ id }, { sessionsEndedAt: at });
}
