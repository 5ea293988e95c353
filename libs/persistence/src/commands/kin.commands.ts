import { type EntityManager, In, IsNull } from 'typeorm';
import { KinRelationEntity, PersonEntity, PocketEntity, RegionEntity } from '../entities';

/** A person by id, unlocked; null if absent. */
export function personOfId(manager: EntityManager, id: string): Promise<PersonEntity | null> {
  return manager.getRepository(PersonEntity).findOneBy({ id });
}

/** A kin relation by id (proxy bindings included), or null. */
export function kinRelationOfId(manager: EntityManager, id: string): Promise<KinRelationEntity | null> {
  return manager.getRepository(KinRelationEntity).findOneBy({ id });
}

/** Every money-sharing relation of a beneficiary, revoked ones included, by position (R-KIN-1..4). */
export function moneyRelationsOfBeneficiary(
  manager: EntityManager,
  beneficiaryId: string,
): Promise<KinRelationEntity[]> {
  return manager.getRepository(KinRelationEntity).find({
    where: { beneficiaryId, proxyOnly: false },
    order: { position: 'ASC' },
  });
}

/** The unrevoked money-sharing relations of a beneficiary (unordered: callers sort by position). */
export function activeMoneyRelationsOfBeneficiary(
  manager: EntityManager,
  beneficiaryId: string,
): Promise<KinRelationEntity[]> {
  return manager
    .getRepository(KinRelationEntity)
    .find({ where: { beneficiaryId, revokedAt: IsNull(), proxyOnly: false } });
}

export async function insertKinRelation(manager: EntityManager, row: KinRelationEntity): Promise<void> {
  await manager.getRepository(KinRelationEntity).insert(row);
}

/** Writes changed relation rows (positions, revocation). */
export async function saveKinRelations(manager: EntityManager, rows: KinRelationEntity[]): Promise<void> {
  await manager.getRepository(KinRelationEntity).save(rows);
}

/** Province code of each region among `regionCodes` (absent when the region is unknown). */
export async function provincesOfRegions(
  manager: EntityManager,
  regionCodes: readonly string[],
): Promise<Map<string, string>> {
  const regions = await manager.getRepository(RegionEntity).findBy({ code: In([...new Set(regionCodes)]) });
  return new Map(regions.map((r) => [r.code, r.provinceCode]));
}

/** Which of `personIds` hold a pocket of `kind` (e.g. EARMARKED, R-KIN-1). */
export async function holdersOfPocketKind(
  manager: EntityManager,
  personIds: readonly string[],
  kind: string,
): Promise<Set<string>> {
  const pockets = await manager.getRepository(PocketEntity).findBy({ personId: In([...personIds]), kind });
  return new Set(pockets.map((e) => e.personId));
}
