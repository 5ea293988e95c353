import { randomUUID } from 'node:crypto';
import {
  type BenefitSchedule,
  DomainError,
  type EffectivePolicy,
  InstitutionLevel,
  type SpendingCaps,
  effectivePolicy,
  normalizeKinshipScope,
  validateBenefitScheduleOrThrow,
  validateSpendingCapsOrThrow,
} from '@gongji/domain';
import { PolicySettingEntity, RegionEntity, inTransaction } from '@gongji/persistence';
import { type EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError, fromDomainError, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import type {
  BenefitScheduleSetInput,
  KinshipScopeSetInput,
  PolicySettingPayload,
  PolicySettingView,
  SpendingCapsSetInput,
} from './policy-settings.types';
import { toView } from './policy.resolver';
import { loadEffectivePolicy, settingValueToJson, toSetting } from './policy.service';

type Kind = 'KINSHIP_SCOPE' | 'BENEFIT_SCHEDULE' | 'SPENDING_CAPS';

interface Change {
  readonly regionCode: string | null;
  readonly effectiveFrom: string;
  readonly reason: string | null | undefined;
  readonly kind: Kind;
  readonly purpose?: string;
  /** Builds the value from what applies on `effectiveFrom` (so partial inputs keep the rest). */
  readonly value: (current: EffectivePolicy) => unknown;
}

/**
 * Policy staff set kinship scopes, benefit schedules and spending caps (API.md `kinshipScopeSet`,
 * `benefitScheduleSet`). Rows are append-only and effective-dated, so what applied on a past date stays computable;
 * a past `effectiveFrom` is a correction and needs a reason. Every change is audited.
 */
export class PolicySettingsService {
  constructor(private readonly ctx: GraphQLContext) {}

  kinshipScope(principal: Principal, input: KinshipScopeSetInput): Promise<PolicySettingPayload> {
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'KINSHIP_SCOPE',
      purpose: input.purpose,
      value: () => normalizeKinshipScope(input.relations),
    });
  }

  benefitSchedule(principal: Principal, input: BenefitScheduleSetInput): Promise<PolicySettingPayload> {
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'BENEFIT_SCHEDULE',
      value: (current) => {
        const levels = input.levels?.length ? input.levels : Object.values(InstitutionLevel);
        const base = current.benefitSchedule;
        const outpatient = { ...base.outpatient };
        const inpatient = { ...base.inpatient };
        for (const level of levels) {
          if (input.outpatient)
            outpatient[level] = {
              ...input.outpatient,
              annualFundCap: input.outpatient.annualFundCap ?? null,
            };
          if (input.inpatient) {
            inpatient[level] = {
              ...input.inpatient,
              bands: input.inpatient.bands.map((b) => ({ upTo: b.upTo ?? null, fundRate: b.fundRate })),
              annualFundMax: input.inpatient.annualFundMax ?? null,
            };
          }
        }
        const schedule: BenefitSchedule = {
          outpatient,
          inpatient,
          pharmacyFundRate: input.pharmacyFundRate ?? base.pharmacyFundRate,
        };
        validateBenefitScheduleOrThrow(schedule);
        return schedule;
      },
    });
  }

  spendingCaps(principal: Principal, input: SpendingCapsSetInput): Promise<PolicySettingPayload> {
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'SPENDING_CAPS',
      value: () => {
        const caps: SpendingCaps = {
          perInstitutionPerDay: input.perInstitutionPerDay ?? null,
          perDayAcrossInstitutions: input.perDayAcrossInstitutions ?? null,
          perYear: input.perYear ?? null,
        };
        validateSpendingCapsOrThrow(caps);
        return caps;
      },
    });
  }

  async history(
    regionCode: string | null | undefined,
    kind: string | null | undefined,
  ): Promise<PolicySettingView[]> {
    const rows = await this.ctx.dataSource.getRepository(PolicySettingEntity).find({
      where: {
        scopeRegionCode: regionCode ? regionCode : IsNull(),
        ...(kind ? { kind } : {}),
        retiredAt: IsNull(),
      },
      order: { effectiveFrom: 'ASC', createdAt: 'ASC' },
    });
    return rows.map(toSettingView);
  }

  private async save(principal: Principal, change: Change): Promise<PolicySettingPayload> {
    const refuse = (errors: UserError[]): PolicySettingPayload => ({
      setting: null,
      effectivePolicy: null,
      userErrors: errors,
    });
    if (change.effectiveFrom < todayInChina() && !change.reason?.trim()) {
      return refuse([
        userError(
          ApiErrorCode.REASON_REQUIRED,
          `effectiveFrom ${change.effectiveFrom} is in the past: changing what applied then is a correction and needs a reason`,
          ['reason'],
        ),
      ]);
    }
    try {
      return await inTransaction(this.ctx.dataSource, async (manager) => {
        if (
          change.regionCode &&
          !(await manager.getRepository(RegionEntity).existsBy({ code: change.regionCode }))
        ) {
          return refuse([
            userError(ApiErrorCode.NOT_FOUND, `No region with code "${change.regionCode}"`, ['regionCode']),
          ]);
        }
        const current = await this.current(manager, change.regionCode, change.effectiveFrom);
        const row: PolicySettingEntity = {
          id: randomUUID(),
          scopeRegionCode: change.regionCode,
          kind: change.kind,
          purpose: change.purpose ?? null,
          effectiveFrom: change.effectiveFrom,
          value: settingValueToJson(change.value(current)),
          createdBy: principal.name,
          createdAt: new Date(),
          retiredAt: null,
        };
        // JSON columns trip TypeORM's deep-partial insert typing; the row is a complete entity.
        await manager
          .getRepository(PolicySettingEntity)
          .insert(row as QueryDeepPartialEntity<PolicySettingEntity>);
        await this.ctx.services.audit.record(manager, principal, {
          action:
            change.kind === 'KINSHIP_SCOPE'
              ? 'kinshipScopeSet'
              : change.kind === 'BENEFIT_SCHEDULE'
                ? 'benefitScheduleSet'
                : 'spendingCapsSet',
          entityType: 'PolicySetting',
          entityId: row.id,
          before: null,
          after: {
            regionCode: row.scopeRegionCode,
            kind: row.kind,
            purpose: row.purpose,
            effectiveFrom: row.effectiveFrom,
            value: row.value,
          },
          reason: change.reason ?? null,
        });
        const after = change.regionCode
          ? toView(await loadEffectivePolicy(manager, change.regionCode, change.effectiveFrom))
          : null;
        return { setting: toSettingView(row), effectivePolicy: after, userErrors: [] };
      });
    } catch (err) {
      if (err instanceof DomainError) return refuse([fromDomainError(err)]);
      throw err;
    }
  }

  /** What applies on the date: for a region its effective policy; for the nation, national rows and defaults. */
  private async current(
    manager: EntityManager,
    regionCode: string | null,
    on: string,
  ): Promise<EffectivePolicy> {
    if (regionCode) return loadEffectivePolicy(manager, regionCode, on);
    const national = await manager
      .getRepository(PolicySettingEntity)
      .find({ where: { scopeRegionCode: IsNull(), retiredAt: IsNull() }, order: { createdAt: 'ASC' } });
    return effectivePolicy({ chain: [{ code: '000000', dates: {} }], settings: national.map(toSetting), on });
  }
}

function toSettingView(row: PolicySettingEntity): PolicySettingView {
  return {
    id: row.id,
    regionCode: row.scopeRegionCode,
    kind: row.kind,
    purpose: row.purpose as PolicySettingView['purpose'],
    effectiveFrom: row.effectiveFrom,
    value: JSON.stringify(row.value),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
