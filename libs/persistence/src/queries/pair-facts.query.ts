import { type EntityManager, In } from 'typeorm';
import {
  KinRelationEntity,
  PersonEntity,
  RegionEntity,
  RelationshipAttestationEntity,
  WalletEntity,
} from '../entities';
import { type FactQuery, runFactQuery } from './fact-query';
import { hydrateRows } from './hydrate';
import { POLICY_VERSION_COLUMNS, policyDataVersion, policyVersionOf } from './policy-version';

/** What a money decision between two persons reads (wallet transfers R-WAL-3..6, premiums R-USE-2/3, R-ACC-6). */
export interface PairFactRows {
  /** The persons found (a missing id is absent). */
  readonly persons: readonly PersonEntity[];
  /** Province code of each found person's region (the region itself for a province-level region). */
  readonly provinceOf: ReadonlyMap<string, string>;
  readonly wallets: readonly WalletEntity[];
  /** Kin relations between the two, either direction, proxy bindings and revoked ones included (newest first). */
  readonly relations: readonly KinRelationEntity[];
  /** Staff attestations between the two, either direction. */
  readonly attestations: readonly RelationshipAttestationEntity[];
  readonly policyVersion: string;
}

/**
 * The facts about persons `a` and `b` (may be the same person) in ONE statement on PostgreSQL (issue #7), sent by the
 * ledger writer in the round trip of its lock statement.
 */
export function pairFactsQuery(a: string, b: string): FactQuery<PairFactRows> {
  return {
    text: `SELECT
       (SELECT json_agg(json_build_object('person', row_to_json(p), 'province',
          COALESCE(NULLIF(g."provinceCode", ''), g."code"))) FROM "persons" p
          LEFT JOIN "regions" g ON g."code" = p."regionCode" WHERE p."id" IN ($1, $2)) AS "persons",
       (SELECT json_agg(row_to_json(w)) FROM "wallets" w WHERE w."personId" IN ($1, $2)) AS "wallets",
       (SELECT json_agg(row_to_json(r) ORDER BY r."createdAt" DESC) FROM "kin_relations" r
          WHERE (r."providerId" = $1 AND r."beneficiaryId" = $2) OR (r."providerId" = $2 AND r."beneficiaryId" = $1))
          AS "relations",
       (SELECT json_agg(row_to_json(t)) FROM "relationship_attestations" t
          WHERE (t."personId" = $1 AND t."relativePersonId" = $2) OR (t."personId" = $2 AND t."relativePersonId" = $1))
          AS "attestations",
       ${POLICY_VERSION_COLUMNS}`,
    values: [a, b],
    fromRows: (manager, [row]) => {
      const found = (row['persons'] as { person: unknown; province: string | null }[] | null) ?? [];
      const persons = hydrateRows(
        manager,
        PersonEntity,
        found.map((f) => f.person),
      ) as PersonEntity[];
      return {
        persons,
        provinceOf: new Map(persons.map((p, i) => [p.id, found[i].province ?? p.regionCode])),
        wallets: hydrateRows(manager, WalletEntity, (row['wallets'] as unknown[]) ?? []) as WalletEntity[],
        relations: hydrateRows(
          manager,
          KinRelationEntity,
          (row['relations'] as unknown[]) ?? [],
        ) as KinRelationEntity[],
        attestations: hydrateRows(
          manager,
          RelationshipAttestationEntity,
          (row['attestations'] as unknown[]) ?? [],
        ) as RelationshipAttestationEntity[],
        policyVersion: policyVersionOf(row),
      };
    },
    sqlite: (manager) => pairFactRowsSqlite(manager, a, b),
  };
}

/** {@link pairFactsQuery} on its own. */
export function pairFactRows(manager: EntityManager, a: string, b: string): Promise<PairFactRows> {
  return runFactQuery(manager, pairFactsQuery(a, b));
}

async function pairFactRowsSqlite(manager: EntityManager, a: string, b: string): Promise<PairFactRows> {
  const ids = [...new Set([a, b])];
  const persons = await manager.getRepository(PersonEntity).findBy({ id: In(ids) });
  const regions = persons.length
    ? await manager.getRepository(RegionEntity).findBy({ code: In(persons.map((p) => p.regionCode)) })
    : [];
  const province = new Map(regions.map((r) => [r.code, r.provinceCode || r.code]));
  return {
    persons,
    provinceOf: new Map(persons.map((p) => [p.id, province.get(p.regionCode) ?? p.regionCode])),
    wallets: await manager.getRepository(WalletEntity).findBy({ personId: In(ids) }),
    relations: await manager.getRepository(KinRelationEntity).find({
      where: [
        { providerId: a, beneficiaryId: b },
        { providerId: b, beneficiaryId: a },
      ],
      order: { createdAt: 'DESC' },
    }),
    attestations: await manager.getRepository(RelationshipAttestationEntity).find({
      where: [
        { personId: a, relativePersonId: b },
        { personId: b, relativePersonId: a },
      ],
    }),
    policyVersion: await policyDataVersion(manager),
  };
}
