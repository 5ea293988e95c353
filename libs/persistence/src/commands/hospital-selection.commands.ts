import { type EntityManager, In } from 'typeorm';
import { HospitalSelectionEntity, InstitutionEntity } from '../entities';

/** The chosen hospitals of a person, in position order (R-USE-1). */
export async function chosenHospitalsOf(
  manager: EntityManager,
  personId: string,
): Promise<InstitutionEntity[]> {
  const rows = await manager
    .getRepository(HospitalSelectionEntity)
    .find({ where: { personId }, order: { position: 'ASC' } });
  if (rows.length === 0) return [];
  const institutions = await manager
    .getRepository(InstitutionEntity)
    .findBy({ id: In(rows.map((r) => r.institutionId)) });
  return rows.flatMap((r) => institutions.filter((i) => i.id === r.institutionId));
}

/** An institution by id, else by code; null if neither matches. */
export async function institutionByIdOrCode(
  manager: EntityManager,
  idOrCode: string,
): Promise<InstitutionEntity | null> {
  const repo = manager.getRepository(InstitutionEntity);
  return (await repo.findOneBy({ id: idOrCode })) ?? (await repo.findOneBy({ code: idOrCode }));
}

/** Replaces a person's chosen hospitals by `institutionIds`, positions 1..n in the order given. */
export async function replaceChosenHospitals(
  manager: EntityManager,
  personId: string,
  institutionIds: readonly string[],
): Promise<void> {
  const selections = manager.getRepository(HospitalSelectionEntity);
  await selections.delete({ personId });
  if (institutionIds.length > 0) {
    await selections.insert(
      institutionIds.map((institutionId, n) => ({ personId, institutionId, position: n + 1 })),
    );
  }
}
