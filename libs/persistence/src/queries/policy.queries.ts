import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import {
  ENTITY_DIALECT,
  KinRelationEntity,
  PersonEntity,
  PolicySettingEntity,
  RegionEntity,
} from '../entities';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** What a region's effective policy is made of: its row, its province's row (none for a province), the settings. */
export interface PolicyChainRows {
  readonly region: RegionEntity;
  readonly province: RegionEntity | null;
  /** Unretired settings of the region, its province and the nation, oldest first. */
  readonly settings: PolicySettingEntity[];
}

/** The rows of {@link PolicyChainRows} for a region; null when the region is unknown. */
export async function policyChainRows(
  manager: EntityManager,
  regionCode: string,
): Promise<PolicyChainRows | null> {
  const regions = manager.getRepository(RegionEntity);
  const region = await regions.findOneBy({ code: regionCode });
  if (!region) return null;
  const province =
    region.level === 'PROVINCE' ? null : await regions.findOneBy({ code: region.provinceCode });
  const chainCodes = [region.code, ...(province ? [province.code] : [])];
  const settings = await manager.getRepository(PolicySettingEntity).find({
    where: [
      { scopeRegionCode: In(chainCodes), retiredAt: IsNull() },
      { scopeRegionCode: IsNull(), retiredAt: IsNull() },
    ],
    order: { createdAt: 'ASC' },
  });
  return { region, province, settings };
}

/** The unretired national settings (no region scope), oldest first. */
export function nationalPolicySettings(manager: EntityManager): Promise<PolicySettingEntity[]> {
  return manager
    .getRepository(PolicySettingEntity)
    .find({ where: { scopeRegionCode: IsNull(), retiredAt: IsNull() }, order: { createdAt: 'ASC' } });
}

/** Filters of the `policySettings` connection. */
export interface PolicySettingQuery {
  /** Region or province; null for the national rows. */
  readonly regionCode: string | null;
  /** Only this kind (KINSHIP_SCOPE, BENEFIT_SCHEDULE…); null for every kind. */
  readonly kind?: string | null;
  /** Only this purpose (kinship scopes); null for any. */
  readonly purpose?: string | null;
}

/**
 * One page of the unretired settings of one scope (a region, or the nation for a null region code), optionally of one
 * kind and purpose, oldest first (by first day, then by when saved, ties by id so cursors stay stable), and the
 * number matching.
 */
export async function policySettingsPage(
  dataSource: DataSource,
  f: PolicySettingQuery,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ rows: PolicySettingEntity[]; total: number }> {
  const repo = dataSource.getRepository(PolicySettingEntity);
  const where = {
    scopeRegionCode: f.regionCode ? f.regionCode : IsNull(),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.purpose ? { purpose: f.purpose } : {}),
    retiredAt: IsNull(),
  };
  const total = await repo.count({ where });
  // `first: 0` asks for the count only: no row query.
  const rows =
    page.limit === 0
      ? []
      : await repo.find({
          where,
          order: { effectiveFrom: 'ASC', createdAt: 'ASC', id: 'ASC' },
          skip: page.offset,
          take: page.limit,
        });
  return { rows, total };
}

export function regionCodeExists(manager: EntityManager, code: string): Promise<boolean> {
  return manager.getRepository(RegionEntity).existsBy({ code });
}

/** The unretired setting of this scope, kind, purpose and first day, or null (issue #10: one per key). */
export function unretiredSettingAt(
  manager: EntityManager,
  key: { regionCode: string | null; kind: string; purpose: string | null; effectiveFrom: string },
): Promise<PolicySettingEntity | null> {
  return manager.getRepository(PolicySettingEntity).findOne({
    where: {
      scopeRegionCode: key.regionCode ? key.regionCode : IsNull(),
      kind: key.kind,
      purpose: key.purpose ?? IsNull(),
      effectiveFrom: key.effectiveFrom,
      retiredAt: IsNull(),
    },
  });
}

/** A correction: the old row is retired (kept for history). */
export async function retirePolicySetting(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.getRepository(PolicySettingEntity).update({ id }, { retiredAt: at });
}

export async function insertPolicySetting(manager: EntityManager, row: PolicySettingEntity): Promise<void> {
  // JSON columns trip TypeORM's deep-partial insert typing; the row is a complete entity.
  await manager.getRepository(PolicySettingEntity).insert(row as QueryDeepPartialEntity<PolicySettingEntity>);
}

/** An unrevoked money-sharing registration and its provider (id, name, insured region only). */
export interface ProviderRegistration {
  readonly relation: string;
  /** First day the registration is in force (R-KIN-3). */
  readonly registeredOn: string;
  readonly person: PersonEntity;
}

/**
 * Unrevoked money-sharing registrations with their provider, of providers insured in `region` (every region of a
 * province for a province; everywhere for null), optionally only of the `removed` relations (kinshipScopeImpact).
 */
export async function providerRegistrations(
  manager: EntityManager,
  region: Pick<RegionEntity, 'code' | 'level'> | null,
  removed: readonly string[] | null,
): Promise<ProviderRegistration[]> {
  const qb = manager
    .getRepository(KinRelationEntity)
    .createQueryBuilder('k')
    .innerJoin(PersonEntity, 'p', 'p.id = k.providerId')
    .innerJoin(RegionEntity, 'r', 'r.code = p.regionCode')
    .select([
      'k.relation AS relation',
      // As text on both databases (node-postgres would make a local-midnight Date of a DATE).
      'CAST(k.registeredOn AS varchar) AS "registeredOn"',
      'p.id AS id',
      'p.name AS name',
      'p.regionCode AS "regionCode"',
    ])
    .where('k.revokedAt IS NULL')
    .andWhere('k.proxyOnly = :no', { no: ENTITY_DIALECT === 'postgres' ? false : 0 });
  if (removed) qb.andWhere(removed.length ? 'k.relation IN (:...removed)' : '1 = 0', { removed });
  if (region?.level === 'PROVINCE')
    qb.andWhere('(r.provinceCode = :code OR r.code = :code)', { code: region.code });
  else if (region) qb.andWhere('p.regionCode = :code', { code: region.code });
  const raw: { relation: string; registeredOn: string; id: string; name: string; regionCode: string }[] =
    await qb.getRawMany();
  return raw.map((r) => ({
    relation: r.relation,
    registeredOn: String(r.registeredOn).slice(0, 10),
    person: Object.assign(new PersonEntity(), { id: r.id, name: r.name, regionCode: r.regionCode }),
  }));
}
