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

/** The attestations recorded for a person, oldest check first. */
export function attestationsOfPerson(
  dataSource: DataSource,
  personId: string,
): Promise<RelationshipAttestationEntity[]> {
  return dataSource
    .getRepository(RelationshipAttestationEntity)
    .find({ where: { personId }, order: { checkedAt: 'ASC' } });
}
