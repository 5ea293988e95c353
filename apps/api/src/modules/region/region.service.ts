import {
  FEATURE_FIELDS,
  type Feature,
  type RegionRollout,
  type RolloutDates,
  dateParam,
  detailParam,
  effectiveRolloutDate,
  rolloutCorrectionDay,
  termParam,
  validateFullCoverage,
  validateRolloutDates,
} from '@gongji/domain';
import {
  type DataSource,
  RegionEntity,
  RegionReadQueries,
  inTransaction,
  referenceRegionOf,
  regionByCode,
  regionForUpdate,
  saveRegion,
} from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import type { PageRequest } from '../../common/connection';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import { type AuditService, diff } from '../audit/audit.service';
import type { RegionFilter, RegionOrder } from './region.args';
import type { RegionUpdateInput } from './dtos/region-update.input';

const DATE_FIELDS = Object.values(FEATURE_FIELDS) as (keyof RegionEntity & keyof RegionUpdateInput)[];
const EDITABLE = ['name', ...DATE_FIELDS, 'walletFullCoverage'] as const;

export class RegionService {
  private readonly queries: RegionReadQueries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.queries = new RegionReadQueries(dataSource);
  }

  findByCodes(codes: readonly string[]): Promise<RegionEntity[]> {
    return this.queries.byCodes(codes);
  }

  all(): Promise<RegionEntity[]> {
    return this.queries.all();
  }

  list(filter: RegionFilter | null | undefined, page: PageRequest, order: RegionOrder | null | undefined) {
    return this.queries.list(filter, page.offset, page.limit, order);
  }

  /** Counts non-province regions per province code (for Region.regionCount). */
  countByProvince(provinceCodes: readonly string[]): Promise<Map<string, number>> {
    return this.queries.countByProvince(provinceCodes);
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
        return userError(
          ApiErrorCode.INVALID_INPUT,
          `"${key}" is not a field staff can edit`,
          field,
          undefined,
          { detail: detailParam('REGION_FIELD_NOT_EDITABLE', { key }) },
        );
      }
      if ((input as unknown as Record<string, unknown>)[key] !== undefined) {
        return userError(
          ApiErrorCode.INVALID_INPUT,
          `"${key}" cannot get a new value and return to the reference data at once`,
          field,
          undefined,
          { detail: detailParam('REGION_FIELD_CONFLICT', { key }) },
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
      const current = await regionForUpdate(manager, input.code);
      if (!current) {
        return {
          region: null,
          userErrors: [
            userError(ApiErrorCode.NOT_FOUND, `No region with code "${input.code}"`, ['code'], undefined, {
              detail: detailParam('NOT_FOUND_REGION_CODE', { code: input.code }),
            }),
          ],
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
              userErrors: [
                userError(ApiErrorCode.INVALID_INPUT, 'Name must be 1–100 characters', ['name'], undefined, {
                  detail: detailParam('NAME_LENGTH', { max: 100 }),
                }),
              ],
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
        current.level === 'PROVINCE' ? null : await regionByCode(manager, current.provinceCode);
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
      // A rollout date in force already (today or earlier) that moves, or a new date before today, rewrites what
      // applied then: like a policy setting with a past effectiveFrom, a correction that needs its reason in the audit
      // log (black-box testers, issue #10). Compared on the dates in force — own, else inherited —, so a region that
      // inherits 2022-09-01 cannot move its book-entry account to 2027 without one (audit B).
      const today = todayInChina();
      const chainOf = (region: RegionEntity): RegionRollout[] => [
        toRollout(region),
        ...(province ? [toRollout(province)] : []),
      ];
      const corrections = (Object.entries(FEATURE_FIELDS) as [Feature, string][])
        .filter(([, field]) => field in changes.after || field in changes.before)
        .map(([feature, field]) => ({
          field,
          date: rolloutCorrectionDay(
            effectiveRolloutDate(chainOf(current), feature),
            effectiveRolloutDate(chainOf(next), feature),
            today,
            input.reason,
          ),
        }));
      const { field: past, date } = corrections.find((c) => c.date !== null) ?? { field: null, date: null };
      if (past && date) {
        const inForceToday = date === today;
        return {
          region: null,
          userErrors: [
            userError(
              ApiErrorCode.REASON_REQUIRED,
              inForceToday
                ? `${past} moves a date in force since today (${date}): what was done today under it changes, a correction needs a reason`
                : `${past} changes what applied on ${date}, a date already past: a correction needs a reason`,
              ['reason'],
              undefined,
              {
                detail: detailParam(inForceToday ? 'ROLLOUT_DATE_IN_FORCE_TODAY' : 'PAST_ROLLOUT_DATE', {
                  field: past,
                  date: dateParam(date),
                  // The feature in words (家庭共济使用), not the field's identifier, for a Chinese reader.
                  ...featureParam(past),
                }),
              },
            ),
          ],
        };
      }
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
      const saved = await saveRegion(manager, next);
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

/** The region as a link of libs/domain's policy chain (own dates, 全域). */
export function toRollout(region: RegionEntity): RegionRollout {
  return { code: region.code, dates: rolloutDatesOf(region), walletFullCoverage: region.walletFullCoverage };
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

/** The rollout feature a region's date field opens (`mutualAidUseFrom` → KIN_USE) as a term, if any. */
function featureParam(field: string): { feature?: ReturnType<typeof termParam> } {
  const feature = (Object.entries(FEATURE_FIELDS) as [Feature, string][]).find(([, f]) => f === field)?.[0];
  return feature ? { feature: termParam('feature', feature) } : {};
}
