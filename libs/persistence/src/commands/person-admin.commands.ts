import { randomUUID } from 'node:crypto';
import { type EntityManager, In, IsNull } from 'typeorm';
import { CardEntity, KinRelationEntity, PersonEntity, PocketEntity, RegionEntity } from '../entities';

/** A region by its code, or null. */
export function regionOfCode(manager: EntityManager, code: string): Promise<RegionEntity | null> {
  return manager.getRepository(RegionEntity).findOneBy({ code });
}

/** Whether a person with this ID number is registered (R-ACC-2). */
export function idNumberRegistered(manager: EntityManager, idNumber: string): Promise<boolean> {
  return manager.getRepository(PersonEntity).existsBy({ idNumber });
}

export interface PersonRegistration {
  /** Every column but the version, which the database sets. */
  readonly person: Omit<PersonEntity, 'version'>;
  /** Pockets to open at balance 0 (R-ACC-1/3). */
  readonly pocketKinds: readonly string[];
  readonly cardNumber: string;
  readonly now: Date;
}

/** personRegister: the person row, its empty pockets and an ACTIVE card; returns the person as stored. */
export async function insertRegisteredPerson(
  manager: EntityManager,
  r: PersonRegistration,
): Promise<PersonEntity> {
  const id = r.person.id;
  await manager.getRepository(PersonEntity).insert(r.person);
  if (r.pocketKinds.length > 0) {
    await manager.getRepository(PocketEntity).insert(
      r.pocketKinds.map((kind) => ({
        id: randomUUID(),
        personId: id,
        kind,
        balance: 0n,
        updatedAt: r.now,
      })),
    );
  }
  await manager.getRepository(CardEntity).insert({
    personId: id,
    cardNumber: r.cardNumber,
    state: 'ACTIVE',
    reportedOn: null,
    reissueReadyOn: null,
    reissueChannel: null,
    updatedAt: r.now,
  });
  return manager.getRepository(PersonEntity).findOneByOrFail({ id });
}

/**
 * A change of scheme (R-ACC-1: a participant who becomes an employee gets a personal account): the pockets of
 * `kinds` the person does not hold yet, empty. No money moves; existing pockets and balances are kept.
 */
export async function addMissingPockets(
  manager: EntityManager,
  personId: string,
  kinds: readonly string[],
  now: Date,
): Promise<string[]> {
  const held = new Set(
    (await manager.getRepository(PocketEntity).find({ select: { kind: true }, where: { personId } })).map(
      (p) => p.kind,
    ),
  );
  const missing = kinds.filter((k) => !held.has(k));
  if (missing.length > 0)
    await manager
      .getRepository(PocketEntity)
      .insert(missing.map((kind) => ({ id: randomUUID(), personId, kind, balance: 0n, updatedAt: now })));
  return missing;
}

/** How many unrevoked money-sharing registrations name the person as the provider (R-KIN-1). */
export function activeProviderRegistrations(manager: EntityManager, personId: string): Promise<number> {
  return manager
    .getRepository(KinRelationEntity)
    .count({ where: { providerId: personId, revokedAt: IsNull(), proxyOnly: false } });
}

/**
 * The persons on the other side of a person's unrevoked money-sharing relations (proxy bindings excluded), with
 * the province of each one's region (R-KIN-2 move check).
 */
export async function activeRelativesWithProvince(
  manager: EntityManager,
  personId: string,
): Promise<{ person: PersonEntity; provinceCode: string | undefined }[]> {
  const relations = await manager.getRepository(KinRelationEntity).find({
    where: [
      { providerId: personId, revokedAt: IsNull(), proxyOnly: false },
      { beneficiaryId: personId, revokedAt: IsNull(), proxyOnly: false },
    ],
  });
  if (relations.length === 0) return [];
  const others = [
    ...new Set(relations.map((r) => (r.providerId === personId ? r.beneficiaryId : r.providerId))),
  ];
  const otherPersons = await manager.getRepository(PersonEntity).findBy({ id: In(others) });
  const regions = await manager
    .getRepository(RegionEntity)
    .findBy({ code: In([...new Set(otherPersons.map((p) => p.regionCode))]) });
  const provinceOf = new Map(regions.map((r) => [r.code, r.provinceCode]));
  return otherPersons.map((person) => ({ person, provinceCode: provinceOf.get(person.regionCode) }));
}
