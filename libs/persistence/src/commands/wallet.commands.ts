import { randomUUID } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import { PersonEntity, PocketEntity, WalletEntity } from '../entities';

/** Persons by id through the caller's manager (missing ids are absent). */
export function personsOfIds(manager: EntityManager, ids: readonly string[]): Promise<PersonEntity[]> {
  return manager.getRepository(PersonEntity).findBy({ id: In([...new Set(ids)]) });
}

export function walletOfPerson(manager: EntityManager, personId: string): Promise<WalletEntity | null> {
  return manager.getRepository(WalletEntity).findOneBy({ personId });
}

export async function saveWallet(manager: EntityManager, wallet: WalletEntity): Promise<void> {
  await manager.getRepository(WalletEntity).save(wallet);
}

/** Opens an empty pocket of `kind` for the person unless one exists (R-WAL-5: the WALLET pocket). No money moves. */
export async function openPocketIfMissing(
  manager: EntityManager,
  personId: string,
  kind: string,
  now: Date,
): Promise<void> {
  const pockets = manager.getRepository(PocketEntity);
  if (await pockets.existsBy({ personId, kind })) return;
  await pockets.insert({ id: randomUUID(), personId, kind, balance: 0n, updatedAt: now });
}
