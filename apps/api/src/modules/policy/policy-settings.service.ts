import { randomUUID } from 'node:crypto';
import {
  type BenefitSchedule,
  type CardRules,
  DomainError,
  type EffectivePolicy,
  type KinPurpose,
  type SettingSource,
  InstitutionLevel,
  type PasswordPolicy,
  PolicyError,
  PolicyErrorCode,
  type SettingKind,
  type SpendingCaps,
  dateParam,
  effectivePolicy,
  normalizeKinshipScope,
  pastDayNeedingReason,
  regionParam,
  termParam,
  validateBenefitScheduleOrThrow,
  validateCardRulesOrThrow,
  validateHolidayCalendarYearOrThrow,
  validateHospitalSelectionRulesOrThrow,
  validatePasswordPolicyOrThrow,
  validateSpendingCapsOrThrow,
  detailParam,
} from '@gongji/domain';
import {
  type Manager,
  type PolicySettingEntity,
  inTransaction,
  insertPolicySetting,
  nationalPolicySettings,
  policySettingsPage,
  regionCodeExists,
  retirePolicySetting,
  unretiredSettingAt,
} from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import type { PageRequest } from '../../common/connection';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import {
  BenefitScheme,
  type BenefitScheduleSetInput,
  type CardRulesSetInput,
  type HolidayCalendarSetInput,
  type HospitalSelectionRulesSetInput,
  type KinshipScopeSetInput,
  type PasswordPolicySetInput,
  type PolicySettingPayload,
  type PolicySettingView,
  type PolicySettingsArgs,
  type SpendingCapsSetInput,
} from './policy-settings.types';
import { toView } from './policy.resolver';
import { loadEffectivePolicy, settingValueToJson, toSetting } from './policy.service';
import { userErrorsOf } from '../../common/refusals';

type Kind = SettingKind;

/** Audit action of each kind: the mutation that saves it. */
const AUDIT_ACTION: Readonly<Record<Kind, string>> = {
  KINSHIP_SCOPE: 'kinshipScopeSet',
  BENEFIT_SCHEDULE: 'benefitScheduleSet',
  RESIDENT_BENEFIT_SCHEDULE: 'benefitScheduleSet',
  SPENDING_CAPS: 'spendingCapsSet',
  PASSWORD_POLICY: 'passwordPolicySet',
  CARD_RULES: 'cardRulesSet',
  HOSPITAL_SELECTION: 'hospitalSelectionRulesSet',
  HOLIDAY_CALENDAR: 'holidayCalendarSet',
};

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
 * Policy staff set kinship scopes, benefit schedules, spending caps, password policy, card rules, hospital selection
 * and the holiday calendar (API.md `kinshipScopeSet`, `benefitScheduleSet`; issue #9). Rows are append-only and effective-dated, so what applied on a past date stays computable;
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
      kind: input.scheme === BenefitScheme.RESIDENT ? 'RESIDENT_BENEFIT_SCHEDULE' : 'BENEFIT_SCHEDULE',
      value: (current) => {
        // A schedule that sets nothing would only add a row (and an audit entry) equal to what applies.
        if (!input.outpatient && !input.inpatient && input.pharmacyFundRate == null)
          throw new PolicyError(
            PolicyErrorCode.INVALID_SETTING,
            'Nothing to set: give outpatient or inpatient terms, or the pharmacy fund rate',
            'R-SET-1',
            ['outpatient'],
            { detail: detailParam('SETTING_NOTHING_TO_SET') },
          );
        const levels = input.levels?.length ? input.levels : Object.values(InstitutionLevel);
        const resident = input.scheme === BenefitScheme.RESIDENT;
        // A first resident schedule borrows nothing from the employee one (issue #9): it must be complete.
        if (resident && !current.residentBenefitSchedule) {
          if (
            !input.outpatient ||
            !input.inpatient ||
            (input.levels?.length ?? 0) > 0 ||
            input.pharmacyFundRate == null
          )
            throw new PolicyError(
              PolicyErrorCode.INVALID_SETTING,
              'A first resident benefit schedule must give outpatient and inpatient terms for every level and the pharmacy fund rate: no employee figure is borrowed',
              'R-SET-1',
              ['outpatient'],
              { detail: detailParam('SETTING_RESIDENT_SCHEDULE_INCOMPLETE') },
            );
        }
        const base = (resident ? current.residentBenefitSchedule : null) ?? current.benefitSchedule;
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

  /** R-ACC-7: lockout count and password-free limits; parts left out keep what applies on `effectiveFrom`. */
  passwordPolicy(principal: Principal, input: PasswordPolicySetInput): Promise<PolicySettingPayload> {
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'PASSWORD_POLICY',
      value: (current) => {
        const base = current.passwordPolicy;
        const policy: PasswordPolicy = {
          lockoutAfterFailures: input.lockoutAfterFailures ?? base.lockoutAfterFailures,
          defaultPasswordFreeLimit: input.defaultPasswordFreeLimit ?? base.defaultPasswordFreeLimit,
          ...((input.maxPasswordFreeLimit ?? base.maxPasswordFreeLimit) !== undefined
            ? { maxPasswordFreeLimit: input.maxPasswordFreeLimit ?? base.maxPasswordFreeLimit }
            : {}),
          ...((input.maxRegistrationFee ?? base.maxRegistrationFee) !== undefined
            ? { maxRegistrationFee: input.maxRegistrationFee ?? base.maxRegistrationFee }
            : {}),
          ...((input.eVoucherCodeRequired ?? base.eVoucherCodeRequired) !== undefined
            ? { eVoucherCodeRequired: input.eVoucherCodeRequired ?? base.eVoucherCodeRequired }
            : {}),
        };
        validatePasswordPolicyOrThrow(policy);
        return policy;
      },
    });
  }

  /** R-CARD-1: pre-report validity, reissue fee, counter working days; parts left out keep what applies. */
  cardRules(principal: Principal, input: CardRulesSetInput): Promise<PolicySettingPayload> {
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'CARD_RULES',
      value: (current) => {
        const base = current.cardRules;
        const rules: CardRules = {
          preReportValidDays: input.preReportValidDays ?? base.preReportValidDays,
          reissueFee: input.reissueFee ?? base.reissueFee,
          counterReissueWorkingDays: input.counterReissueWorkingDays ?? base.counterReissueWorkingDays,
        };
        validateCardRulesOrThrow(rules);
        return rules;
      },
    });
  }

  /** R-USE-1: how many hospitals a person may choose. */
  hospitalSelection(
    principal: Principal,
    input: HospitalSelectionRulesSetInput,
  ): Promise<PolicySettingPayload> {
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'HOSPITAL_SELECTION',
      value: () => {
        const rules = { maxChosenHospitals: input.maxChosenHospitals };
        validateHospitalSelectionRulesOrThrow(rules);
        return rules;
      },
    });
  }

  /** One year of the holiday calendar (节假日, 调休), kept per year in `purpose`. */
  holidayCalendar(principal: Principal, input: HolidayCalendarSetInput): Promise<PolicySettingPayload> {
    const year = String(input.year);
    return this.save(principal, {
      regionCode: input.regionCode ?? null,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      kind: 'HOLIDAY_CALENDAR',
      purpose: year,
      value: () =>
        validateHolidayCalendarYearOrThrow(year, {
          holidays: input.holidays,
          makeUpWorkdays: input.makeUpWorkdays,
        }),
    });
  }

  /** One page of a scope's settings history, oldest first, and the number matching. */
  async history(
    f: Pick<PolicySettingsArgs, 'regionCode' | 'kind' | 'purpose'>,
    page: PageRequest,
  ): Promise<{ rows: PolicySettingView[]; total: number }> {
    const { rows, total } = await policySettingsPage(
      this.ctx.dataSource,
      { regionCode: f.regionCode ?? null, kind: f.kind ?? null, purpose: f.purpose ?? null },
      page,
    );
    return { rows: rows.map(toSettingView), total };
  }

  private async save(principal: Principal, change: Change): Promise<PolicySettingPayload> {
    const refuse = (errors: UserError[]): PolicySettingPayload => ({
      setting: null,
      effectivePolicy: null,
      userErrors: errors,
    });
    if (pastDayNeedingReason([change.effectiveFrom], todayInChina(), change.reason)) {
      return refuse([
        userError(
          ApiErrorCode.REASON_REQUIRED,
          `effectiveFrom ${change.effectiveFrom} is in the past: changing what applied then is a correction and needs a reason`,
          ['reason'],
          undefined,
          { detail: detailParam('PAST_EFFECTIVE_FROM', { effectiveFrom: change.effectiveFrom }) },
        ),
      ]);
    }
    try {
      return await inTransaction(this.ctx.dataSource, async (manager) => {
        if (change.regionCode && !(await regionCodeExists(manager, change.regionCode))) {
          return refuse([
            userError(
              ApiErrorCode.NOT_FOUND,
              `No region with code "${change.regionCode}"`,
              ['regionCode'],
              undefined,
              {
                detail: detailParam('NOT_FOUND_REGION_CODE', { code: change.regionCode }),
              },
            ),
          ]);
        }
        const replaced = await this.duplicateOf(manager, change);
        if (replaced && !change.reason?.trim()) {
          return refuse([
            userError(
              ApiErrorCode.DUPLICATE_SETTING,
              `A ${change.purpose} kinship scope for ${change.regionCode ?? 'the nation'} from ${change.effectiveFrom} already exists: give a reason to correct it`,
              ['effectiveFrom'],
              'R-KIN-1',
              {
                ...(change.regionCode ? { region: regionParam(change.regionCode) } : {}),
                purpose: termParam('purpose', change.purpose ?? ''),
                on: dateParam(change.effectiveFrom),
              },
            ),
          ]);
        }
        if (replaced) {
          // A correction: the old row is retired (kept for history), the new one takes its place.
          await retirePolicySetting(manager, replaced.id, new Date());
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
        await insertPolicySetting(manager, row);
        await this.ctx.services.audit.record(manager, principal, {
          action: AUDIT_ACTION[change.kind],
          entityType: 'PolicySetting',
          entityId: row.id,
          // What applied on that day before: the row replaced by a correction, or else the value in force
          // (inherited from the province, the nation or a built-in default), so the audit trail always shows
          // what changed, not only what was set.
          before: replaced
            ? {
                replacedId: replaced.id,
                regionCode: replaced.scopeRegionCode,
                kind: replaced.kind,
                purpose: replaced.purpose,
                effectiveFrom: replaced.effectiveFrom,
                value: replaced.value,
              }
            : inForceBefore(change, current),
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
      if (err instanceof DomainError) return refuse(userErrorsOf(err));
      throw err;
    }
  }

  /**
   * Issue #10: one kinship scope per region, purpose and date — a second one is a correction of the first (reason
   * required), never a row listed beside it.
   */
  private async duplicateOf(manager: Manager, change: Change): Promise<PolicySettingEntity | null> {
    if (change.kind !== 'KINSHIP_SCOPE') return null;
    return unretiredSettingAt(manager, {
      regionCode: change.regionCode,
      kind: change.kind,
      purpose: change.purpose ?? null,
      effectiveFrom: change.effectiveFrom,
    });
  }

  /** What applies on the date: for a region its effective policy; for the nation, national rows and defaults. */
  private async current(manager: Manager, regionCode: string | null, on: string): Promise<EffectivePolicy> {
    if (regionCode) return loadEffectivePolicy(manager, regionCode, on);
    const national = await nationalPolicySettings(manager);
    return effectivePolicy({ chain: [{ code: '000000', dates: {} }], settings: national.map(toSetting), on });
  }
}

/**
 * The value of `change`'s kind in force on its `effectiveFrom` before it was saved, with the row it came from (its
 * region, null = national, and its first day; both null for a built-in default), in the shape settings are stored.
 */
function inForceBefore(change: Change, current: EffectivePolicy): Record<string, unknown> | null {
  const slice = ((): { value: unknown; source: SettingSource } | null => {
    switch (change.kind) {
      case 'KINSHIP_SCOPE': {
        const scope = current.kinshipScope[change.purpose as KinPurpose];
        return scope ? { value: scope.relations, source: scope } : null;
      }
      case 'HOLIDAY_CALENDAR': {
        const year = current.holidayCalendar[change.purpose ?? ''];
        const source = current.holidayCalendarSources[change.purpose ?? ''];
        return year && source ? { value: year, source } : null;
      }
      case 'BENEFIT_SCHEDULE':
        return { value: current.benefitSchedule, source: current.settingSources.BENEFIT_SCHEDULE };
      case 'RESIDENT_BENEFIT_SCHEDULE':
        return current.residentBenefitSchedule
          ? {
              value: current.residentBenefitSchedule,
              source: current.settingSources.RESIDENT_BENEFIT_SCHEDULE,
            }
          : null;
      case 'SPENDING_CAPS':
        return { value: current.spendingCaps, source: current.settingSources.SPENDING_CAPS };
      case 'PASSWORD_POLICY':
        return { value: current.passwordPolicy, source: current.settingSources.PASSWORD_POLICY };
      case 'CARD_RULES':
        return { value: current.cardRules, source: current.settingSources.CARD_RULES };
      case 'HOSPITAL_SELECTION':
        return { value: current.hospitalSelection, source: current.settingSources.HOSPITAL_SELECTION };
      default:
        return null;
    }
  })();
  if (!slice) return null;
  return {
    regionCode: slice.source.sourceRegionCode,
    kind: change.kind,
    purpose: change.purpose ?? null,
    effectiveFrom: slice.source.effectiveFrom,
    value: settingValueToJson(slice.value),
  };
}

function toSettingView(row: PolicySettingEntity): PolicySettingView {
  return {
    id: row.id,
    regionCode: row.scopeRegionCode,
    kind: row.kind,
    purpose: row.kind === 'KINSHIP_SCOPE' ? (row.purpose as PolicySettingView['purpose']) : null,
    year: row.kind === 'HOLIDAY_CALENDAR' && row.purpose ? Number(row.purpose) : null,
    effectiveFrom: row.effectiveFrom,
    value: JSON.stringify(row.value),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
