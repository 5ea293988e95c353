import type { EntityManager } from 'typeorm';
import { UserEntity } from '../entities';
import type { DataSource } from '../orm-types';

/** Every console user, by sign-in name (`npm run users -- list`). */
export function usersByUsername(dataSource: DataSource): Promise<UserEntity[]> {
  return dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
}

/** A console user by sign-in name, inside the caller's transaction (the users CLI changes it and audits it there). */
export function userOfUsername(manager: EntityManager, username: string): Promise<UserEntity | null> {
  return manager.getRepository(UserEntity).findOneBy({ username });
}

/** Inserts or updates a console user row and returns it as stored. */
export function saveUser(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
  return manager.getRepository(UserEntity).save(user);
}
