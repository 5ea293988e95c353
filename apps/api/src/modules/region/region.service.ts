import {
  FEATURE_FIELDS,
  type RolloutDates,
  validateFullCoverage,
  validateRolloutDates,
} from '@gongji/domain';
import { ENTITY_DIALECT, RegionEntity, inTransaction, referenceRegionOf } from '@gongji/persistence';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../../auth/principal';
import type { PageRequest } from '../../common/connection';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import { type AuditService, diff } from '../audit/audit.service';
import type { RegionFilter, RegionOrder } from './region.args';
import type { RegionUpdateInput } from './dtos/region-update.input';

const DATE_FIELDS = Object.values(FEATURE_FIELDS) as (keyof RegionEntity & keyof RegionUpdateInput)[];
const EDITABLE = ['name', ...DATE_FIELDS, 'walletFullCoverage'] as const;
const ORDER_COLUMNS = {
  CODE: 'r.code',
  NAME: 'r.name',
  LEVEL: 'r.level',
  WALLET_FROM: 'r.walletFrom',
} as const;

export class RegionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  findByCodes(codes: readonly string[]): Promise<RegionEntity[]> {
    return this.dataSource
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .where('r.code IN (:...codes)', { codes })
      .getMany();
  }

  all(): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  }

  async list(
    filter: RegionFilter | null | undefined,
    page: PageRequest,
    order: RegionOrder | null | undefined,
  ) {
    const qb = this.filtered(filter);
    const total = await qb.clone().getCount();
    const column = ORDER_COLUMNS[order?.field ?? 'CODE'];
    const direction = order?.direction ?? 'ASC';
    qb.orderBy(column, direction, 'NULLS LAST');
    if (column !== 'r.code') qb.addOrderBy('r.code', 'ASC');
    const nodes = await qb.offset(page.offset).limit(page.limit).getMany();
    return { nodes, total };
  }

  /** Counts non-province regions per province code (for Region.regionCount). */
  async countByProvince(provinceCodes: readonly string[]): Promise<Map<string, number>> {
    const rows: { provinceCode: string; n: string | number }[] = await this.dataSource
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .select('r.provinceCode', 'provinceCode')
      .addSelect('COUNT(*)', 'n')
      .where('r.provinceCode IN (:...codes)', { codes: provinceCodes })
      .andWhere("r.level <> 'PROVINCE'")
      .groupBy('r.provinceCode')
      .getRawMany();
    return new Map(rows.map((row) => [row.provinceCode, Number(row.n)]));
  }

  private filtered(filter: RegionFilter | null | undefined): SelectQueryBuilder<RegionEntity> {
    const qb = this.dataSource
      .getRepository(RegionEntity)
      .createQueryBuilder('r')
      .leftJoin(RegionEntity, 'p', 'p.code = r.provinceCode');
    if (!filter) return qb;
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere("(r.name LIKE :like ESCAPE '\\' OR r.code LIKE :like ESCAPE '\\')", { like });
    }
    if (filter.provinceCode)
      qb.andWhere('r.provinceCode = :provinceCode', { provinceCode: filter.provinceCode });
    if (filter.level) qb.andWhere('r.level = :level', { level: filter.level });
    if (filter.isPool != null) qb.andWhere('r.isPool = :isPool', { isPool: this.bool(filter.isPool) });
    if (filter.ids)
      qb.andWhere(filter.ids.length ? 'r.code IN (:...ids)' : '1 = 0', { ids: filter.ids.slice(0, 100) });
    if (filter.active != null) qb.andWhere('r.active = :active', { active: this.bool(filter.active) });
    if (filter.walletNever != null) {
      // No wallet date applies at all (R-WAL-2): neither own nor inherited from a 全域 province that has one.
      const never =
        "(r.walletFrom IS NULL AND NOT (r.level <> 'PROVINCE' AND p.walletFullCoverage = :yes AND p.walletFrom IS NOT NULL))";
      qb.andWhere(filter.walletNever ? never : `NOT ${never}`, { yes: this.bool(true) });
    }
    if (filter.walletOpenOn) {
      // Own date, or the province's when it opened province-wide (全域) — R-WAL-2; see region.mapper effectiveWalletFrom.
      qb.andWhere(
        "(r.walletFrom <= :on OR (r.walletFrom IS NULL AND r.level <> 'PROVINCE' AND p.walletFullCoverage = :yes AND p.walletFrom <= :on))",
        { on: filter.walletOpenOn, yes: this.bool(true) },
      );
    }
    return qb;
  }

  /** Puts the reference value back into `next` for each returned field, or says why it cannot. */
  private releaseOrError(
    current: RegionEntity,
    next: RegionEntity,
    input: RegionUpdateInput,
    released: readonly string[],
  ): UserError | null {
    const field = ['returnToReferenceData'];
    for (const key of released) {
      if (!(EDITABLE as readonly string[]).includes(key)) {
        return userError(ApiErrorCode.INVALID_INPUT, `"${key}" is not a field staff can edit`, field);
      }
      if ((input as unknown as Record<string, unknown>)[key] !== undefined) {
        return userError(
          ApiErrorCode.INVALID_INPUT,
          `"${key}" cannot get a new value and return to the reference data at once`,
          field,
        );
      }
    }
    const reference = referenceRegionOf(current.code);
    if (!reference) return null; // withdrawn: the value stays, only the ownership ends
    for (const key of released) {
      Object.assign(next, { [key]: reference[key as keyof RegionEntity] });
      if (key === 'walletFrom') next.walletFromBasis = reference.walletFromBasis;
    }
    return null;
  }

  private bool(value: boolean): boolean | number {
    return ENTITY_DIALECT === 'postgres' ? value : value ? 1 : 0;
  }

  /**
   * regionUpdate: validates the resulting dates with the same domain function the console previews with
   * (libs/domain region rules), then saves and audits in one transaction. A refusal changes nothing.
   */
  async update(
    principal: Principal,
    input: RegionUpdateInput,
    action = 'regionUpdate',
  ): Promise<{ region: RegionEntity | null; userErrors: UserError[] }> {
    return inTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(RegionEntity);
      const current = await repo.findOne({
        where: { code: input.code },
        lock: ENTITY_DIALECT === 'postgres' ? { mode: 'pessimistic_write' } : undefined,
      });
      if (!current) {
        return {
          region: null,
          userErrors: [userError(ApiErrorCode.NOT_FOUND, `No region with code "${input.code}"`, ['code'])],
        };
      }
      const next: RegionEntity = Object.assign(
        Object.create(RegionEntity.prototype) as RegionEntity,
        current,
      );
      for (const key of EDITABLE) {
        const value = (input as unknown as Record<string, unknown>)[key];
        if (value === undefined) continue;
        if (key === 'name') {
          if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
            return {
              region: null,
              userErrors: [userError(ApiErrorCode.INVALID_INPUT, 'Name must be 1–100 characters', ['name'])],
            };
          }
          next.name = value.trim();
        } else if (key === 'walletFullCoverage') {
          if (value === null) continue;
          next.walletFullCoverage = Boolean(value);
        } else {
          (next as unknown as Record<string, unknown>)[key] = value;
        }
      }
      const released = input.returnToReferenceData ?? [];
      const releaseError = this.releaseOrError(current, next, input, released);
      if (releaseError) return { region: null, userErrors: [releaseError] };
      // R-WAL-2, issue #10: 全域 only on a province with a wallet date (libs/domain, as the console's preview).
      const coverage = validateFullCoverage({ ...next, level: current.level });
      if (coverage.length > 0) {
        return {
          region: null,
          userErrors: coverage.map((e) => userError(e.code, e.message, [e.field], e.rule, e.params)),
        };
      }
      const province =
        current.level === 'PROVINCE' ? null : await repo.findOneBy({ code: current.provinceCode });
      const errors = validateRolloutDates(
        rolloutDatesOf(next),
        province ? rolloutDatesOf(province) : undefined,
      );
      if (errors.length > 0) {
        return {
          region: null,
          userErrors: errors.map((e) =>
            userError(e.code, `${e.message} (${e.rule})`, [e.field], e.rule, e.params),
          ),
        };
      }
      const changes = diff(current, next, EDITABLE);
      // Issue #9: a field staff have set is theirs; the reference-data loader never overwrites it again, until
      // staff return it to the reference data.
      const owned = [...new Set([...(current.staffOwnedFields ?? []), ...Object.keys(changes.after)])]
        .filter((field) => !released.includes(field))
        .sort();
      const ownershipChanged = owned.join() !== (current.staffOwnedFields ?? []).join();
      if (Object.keys(changes.after).length === 0 && !ownershipChanged) {
        return { region: current, userErrors: [] };
      }
      if (ownershipChanged) {
        changes.before['staffOwnedFields'] = current.staffOwnedFields ?? [];
        changes.after['staffOwnedFields'] = owned;
      }
      next.staffOwnedFields = owned.length > 0 ? owned : null;
      next.updatedAt = new Date();
      const saved = await repo.save(next);
      await this.audit.record(manager, principal, {
        action,
        entityType: 'Region',
        entityId: current.code,
        before: changes.before,
        after: changes.after,
        reason: input.reason ?? null,
      });
      return { region: saved, userErrors: [] };
    });
  }
}

/** The region's own rollout dates keyed by Feature, as libs/domain expects them. */
export function rolloutDatesOf(region: RegionEntity): RolloutDates {
  return Object.fromEntries(
    Object.entries(FEATURE_FIELDS).map(([feature, field]) => [
      feature,
      (region as unknown as Record<string, string | null>)[field],
    ]),
  ) as RolloutDates;
}
