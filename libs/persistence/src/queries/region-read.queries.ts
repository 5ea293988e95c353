import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ENTITY_DIALECT, RegionEntity } from '../entities';
import { bool, isoDateOrNull, json, readRows, timestamp, timestampOrNull } from './read-sql';

export interface RegionListFilter {
  /** Part of the name or code. */
  readonly q?: string | null;
  readonly provinceCode?: string | null;
  readonly level?: string | null;
  readonly isPool?: boolean | null;
  /** At most 100 codes. */
  readonly ids?: readonly string[] | null;
  readonly active?: boolean | null;
  /** No wallet date applies at all (R-WAL-2): neither own nor inherited from a 全域 province. */
  readonly walletNever?: boolean | null;
  /** Wallet open on this date: own date, or the 全域 province's (R-WAL-2). */
  readonly walletOpenOn?: string | null;
}

export interface RegionListOrder {
  readonly field?: 'CODE' | 'NAME' | 'LEVEL' | 'WALLET_FROM' | null;
  readonly direction?: 'ASC' | 'DESC' | null;
}

const ORDER_COLUMNS = {
  CODE: 'r.code',
  NAME: 'r.name',
  LEVEL: 'r.level',
  WALLET_FROM: 'r.walletFrom',
} as const;

const REGION_FIELDS = [
  'code',
  'name',
  'sourceName',
  'level',
  'provinceCode',
  'isPool',
  'synthetic',
  'walletFullCoverage',
  'walletRegionsEnumerated',
  'walletFromBasis',
  'earmarkedFrom',
  'mutualAidRegistrationFrom',
  'mutualAidUseFrom',
  'walletFrom',
  'usageLocationChangeFrom',
  'supplementaryPremiumSelfFrom',
  'supplementaryPremiumKinFrom',
  'active',
  'withdrawnAt',
  'staffOwnedFields',
  'createdAt',
  'updatedAt',
  'version',
] as const;

/** The select list of a region row of table alias `alias`, each column named `<prefix><field>`. */
export function regionColumns(alias: string, prefix = ''): string {
  return REGION_FIELDS.map((f) => `${alias}."${f}" AS "${prefix}${f}"`).join(', ');
}

/** The columns of a region an edge shows when the query asks for nothing else (see {@link regionSummaryColumns}). */
export const REGION_SUMMARY_FIELDS = ['code', 'name', 'level', 'provinceCode', 'isPool'] as const;

/** A region as a page reads it when the query asks only for {@link REGION_SUMMARY_FIELDS}. */
export type RegionSummary = Pick<RegionEntity, (typeof REGION_SUMMARY_FIELDS)[number]> & {
  readonly summary: true;
};

export function regionSummaryColumns(alias: string, prefix = ''): string {
  return REGION_SUMMARY_FIELDS.map((f) => `${alias}."${f}" AS "${prefix}${f}"`).join(', ');
}

export function regionSummaryFromRow(r: Record<string, unknown>, prefix = ''): RegionSummary {
  return {
    code: r[`${prefix}code`] as string,
    name: r[`${prefix}name`] as string,
    level: r[`${prefix}level`] as string,
    provinceCode: r[`${prefix}provinceCode`] as string,
    isPool: bool(r[`${prefix}isPool`]),
    summary: true,
  };
}

/** A region row (columns named `<prefix><field>`, see {@link regionColumns}) as the entity. */
export function regionFromRow(r: Record<string, unknown>, prefix = ''): RegionEntity {
  const v = (f: (typeof REGION_FIELDS)[number]) => r[`${prefix}${f}`];
  return Object.assign(new RegionEntity(), {
    code: v('code') as string,
    name: v('name') as string,
    sourceName: (v('sourceName') as string | null) ?? null,
    level: v('level') as string,
    provinceCode: v('provinceCode') as string,
    isPool: bool(v('isPool')),
    synthetic: bool(v('synthetic')),
    walletFullCoverage: bool(v('walletFullCoverage')),
    walletRegionsEnumerated: bool(v('walletRegionsEnumerated')),
    walletFromBasis: (v('walletFromBasis') as string | null) ?? null,
    earmarkedFrom: isoDateOrNull(v('earmarkedFrom')),
    mutualAidRegistrationFrom: isoDateOrNull(v('mutualAidRegistrationFrom')),
    mutualAidUseFrom: isoDateOrNull(v('mutualAidUseFrom')),
    walletFrom: isoDateOrNull(v('walletFrom')),
    usageLocationChangeFrom: isoDateOrNull(v('usageLocationChangeFrom')),
    supplementaryPremiumSelfFrom: isoDateOrNull(v('supplementaryPremiumSelfFrom')),
    supplementaryPremiumKinFrom: isoDateOrNull(v('supplementaryPremiumKinFrom')),
    active: bool(v('active')),
    withdrawnAt: timestampOrNull(v('withdrawnAt')),
    staffOwnedFields: v('staffOwnedFields') == null ? null : json<string[]>(v('staffOwnedFields')),
    createdAt: timestamp(v('createdAt')),
    updatedAt: timestamp(v('updatedAt')),
    version: Number(v('version')),
  });
}

/** The read side of regions: batched look-ups for DataLoaders, the filtered list, counts per province. */
export class RegionReadQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Regions by code, one statement, no query builder (an edge of every person page). */
  async byCodes(codes: readonly string[]): Promise<RegionEntity[]> {
    if (codes.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${regionColumns('r')} FROM regions r WHERE r.code IN (:...codes)`,
      { codes: [...codes] },
    );
    return rows.map((r) => regionFromRow(r));
  }

  all(): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  async list(
    filter: RegionListFilter | null | undefined,
    offset: number,
    limit: number,
    order: RegionListOrder | null | undefined,
  ): Promise<{ nodes: RegionEntity[]; total: number }> {
    const qb = this.filtered(filter);
    const total = await qb.clone().getCount();
    const column = ORDER_COLUMNS[order?.field ?? 'CODE'];
    const direction = order?.direction ?? 'ASC';
    qb.orderBy(column, direction, 'NULLS LAST');
    if (column !== 'r.code') qb.addOrderBy('r.code', 'ASC');
    const nodes = await qb.offset(offset).limit(limit).getMany();
    return { nodes, total };
  }

  /** Counts non-province regions per province code (for Region.regionCount). */
  async countByProvince(provinceCodes: readonly string[]): Promise<Map<string, number>> {
    if (provinceCodes.length === 0) return new Map();
    const rows = await readRows<{ provinceCode: string; n: string | number }>(
      this.dataSource,
      `SELECT r."provinceCode", COUNT(*) AS n FROM regions r
       WHERE r."provinceCode" IN (:...codes) AND r.level <> 'PROVINCE' GROUP BY r."provinceCode"`,
      { codes: [...provinceCodes] },
    );
    return new Map(rows.map((row) => [row.provinceCode, Number(row.n)]));
  }

  private filtered(filter: RegionListFilter | null | undefined): SelectQueryBuilder<RegionEntity> {
    const qb = this.dataSource
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .leftJoin(RegionEntity, 'p', 'p.code = r.provinceCode');
    if (!filter) return qb;
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere("(LOWER(r.name) LIKE LOWER(:like) ESCAPE '\\' OR r.code LIKE :like ESCAPE '\\')", { like });
    }
    if (filter.provinceCode)
      qb.andWhere('r.provinceCode = :provinceCode', { provinceCode: filter.provinceCode });
    if (filter.level) qb.andWhere('r.level = :level', { level: filter.level });
    if (filter.isPool != null) qb.andWhere('r.isPool = :isPool', { isPool: sqlBool(filter.isPool) });
    if (filter.ids)
      qb.andWhere(filter.ids.length ? 'r.code IN (:...ids)' : '1 = 0', { ids: filter.ids.slice(0, 100) });
    if (filter.active != null) qb.andWhere('r.active = :active', { active: sqlBool(filter.active) });
    if (filter.walletNever != null) {
      // No wallet date applies at all (R-WAL-2): neither own nor inherited from a 全域 province that has one.
      const never =
        "(r.walletFrom IS NULL AND NOT (r.level <> 'PROVINCE' AND p.walletFullCoverage = :yes AND p.walletFrom IS NOT NULL))";
      qb.andWhere(filter.walletNever ? never : `NOT ${never}`, { yes: sqlBool(true) });
    }
    if (filter.walletOpenOn) {
      // Own date, or the province's when it opened province-wide (全域) — R-WAL-2; see region.mapper effectiveWalletFrom.
      qb.andWhere(
        "(r.walletFrom <= :on OR (r.walletFrom IS NULL AND r.level <> 'PROVINCE' AND p.walletFullCoverage = :yes AND p.walletFrom <= :on))",
        { on: filter.walletOpenOn, yes: sqlBool(true) },
      );
    }
    return qb;
  }
}

function sqlBool(value: boolean): boolean | number {
  return ENTITY_DIALECT === 'postgres' ? value : value ? 1 : 0;
}
