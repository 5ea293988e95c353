import {
  DEFAULT_MAX_PASSWORD_FREE_LIMIT,
  DEFAULT_MAX_REGISTRATION_FEE,
  FEATURE_FIELDS,
  FEATURE_RULES,
  type EffectivePolicy,
  Feature,
  InstitutionLevel,
  KinPurpose,
  detailParam,
} from '@gongji/domain';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../common/error-detail';
import type { Relation } from '../../common/domain-enums';
import { DateScalar } from '../../common/scalars';
import type { GraphQLContext } from '../../context';
import { UnknownRegionError } from './policy.service';
import { EffectivePolicyView } from './policy.types';

@Resolver()
export class PolicyResolver {
  @Authorized()
  @Query(() => EffectivePolicyView, {
    description: 'What applies in a region on a date (rollout, kinship scope, benefits, caps).',
  })
  async effectivePolicy(
    @Arg('regionCode', () => ID, { description: 'Region code.' }) regionCode: string,
    @Arg('on', () => DateScalar, { description: 'Date.' }) on: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EffectivePolicyView> {
    try {
      return toView(await ctx.services.policy.effective(regionCode, on));
    } catch (err) {
      if (err instanceof UnknownRegionError) {
        throw badUserInput(err.message, detailParam('REGION_CODE_UNKNOWN', { code: err.regionCode }), {
          field: ['regionCode'],
        });
      }
      throw err;
    }
  }
}

export function toView(p: EffectivePolicy): EffectivePolicyView {
  const levels = Object.values(InstitutionLevel);
  return {
    regionCode: p.regionCode,
    on: p.on,
    features: Object.values(Feature).map((feature) => ({
      feature,
      field: FEATURE_FIELDS[feature],
      rule: FEATURE_RULES[feature],
      from: p.features[feature].from,
      open: p.features[feature].open,
      sourceRegionCode: p.features[feature].sourceRegionCode,
    })),
    kinshipScopes: Object.values(KinPurpose).map((purpose) => ({
      purpose,
      relations: [...p.kinshipScope[purpose].relations] as Relation[],
      effectiveFrom: p.kinshipScope[purpose].effectiveFrom,
      sourceRegionCode: p.kinshipScope[purpose].sourceRegionCode,
    })),
    outpatient: levels.map((level) => ({ level, ...p.benefitSchedule.outpatient[level] })),
    inpatient: levels.map((level) => ({
      level,
      ...p.benefitSchedule.inpatient[level],
      bands: p.benefitSchedule.inpatient[level].bands.map((b) => ({ ...b })),
    })),
    pharmacyFundRate: p.benefitSchedule.pharmacyFundRate,
    spendingCaps: { ...p.spendingCaps },
    passwordPolicy: {
      lockoutAfterFailures: p.passwordPolicy.lockoutAfterFailures,
      maxPasswordFreeLimit: p.passwordPolicy.maxPasswordFreeLimit ?? DEFAULT_MAX_PASSWORD_FREE_LIMIT,
      maxRegistrationFee: p.passwordPolicy.maxRegistrationFee ?? DEFAULT_MAX_REGISTRATION_FEE,
      eVoucherCodeRequired: p.passwordPolicy.eVoucherCodeRequired ?? false,
      defaultPasswordFreeLimit: p.passwordPolicy.defaultPasswordFreeLimit,
      ...p.settingSources.PASSWORD_POLICY,
    },
    cardRules: { ...p.cardRules, ...p.settingSources.CARD_RULES },
    hospitalSelection: { ...p.hospitalSelection, ...p.settingSources.HOSPITAL_SELECTION },
    holidayCalendar: Object.entries(p.holidayCalendar).map(([year, entry]) => ({
      year: Number(year),
      holidays: [...entry.holidays],
      makeUpWorkdays: [...entry.makeUpWorkdays],
      ...p.holidayCalendarSources[year],
    })),
    explanation: [...p.explanation],
  };
}
