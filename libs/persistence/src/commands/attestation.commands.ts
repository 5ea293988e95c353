import type { DataSource, EntityManager } from 'typeorm';
import { PersonEntity, RelationshipAttestationEntity } from '../entities';

export function personExists(manager: EntityManager, id: string): Promise<boolean> {
  return manager.getRepository(PersonEntity).existsBy({ id });
}

export async function insertAttestation(
  manager: EntityManager,
  row: RelationshipAttestationEntity,
): Promise<void> {
  await manager.getRepository(RelationshipAttestationEntity).insert(row);
}

export function attestationOfId(
  manager: EntityManager,
  id: string,
): Promise<RelationshipAttestationEntity | null> {
  return manager.getRepository(RelationshipAttestationEntity).findOneBy({ id });
}

/** Revokes an attestation; the row stays for history (R-WAL-4). */
export async function revokeAttestation(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.getRepository(RelationshipAttestationEntity).update({ id }, { revokedAt: at });
}

/**
 * One page of the attestations recorded for a person, revoked ones included, oldest check first (ties by id so
 * cursors stay stable), and how many the person has.
 */
export async function attestationsOfPersonPage(
  dataSource: DataSource,
  personId: string,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ rows: RelationshipAttestationEntity[]; total: number }> {
  const repo = dataSource.getRepository(RelationshipAttestationEntity);
  const total = await repo.count({ where: { personId } });
  // `first: 0` asks for the count only: no row query.
  const rows =
    page.limit === 0
      ? []
      : await repo.find({
          where: { personId },
          order: { checkedAt: 'ASC', id: 'ASC' },
          skip: page.offset,
          take: page.limit,
        });
  return { rows, total };
}
