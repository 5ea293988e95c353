import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { PolicySettingsService } from './policy-settings.service';
import {
  BenefitScheduleSetInput,
  KinshipScopeSetInput,
  PolicySettingPayload,
  PolicySettingView,
  SpendingCapsSetInput,
} from './policy-settings.types';

@Resolver()
export class PolicySettingsResolver {
  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description: 'Sets the kinship scope of a purpose from a date (R-KIN-1; ADMIN; audited).',
  })
  kinshipScopeSet(
    @Arg('input', () => KinshipScopeSetInput) input: KinshipScopeSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).kinshipScope(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description: 'Sets a benefit schedule from a date (R-SET-1/2/3; ADMIN; audited).',
  })
  benefitScheduleSet(
    @Arg('input', () => BenefitScheduleSetInput) input: BenefitScheduleSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).benefitSchedule(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description: 'Sets or clears spending caps from a date (R-USE-6; ADMIN; audited).',
  })
  spendingCapsSet(
    @Arg('input', () => SpendingCapsSetInput) input: SpendingCapsSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).spendingCaps(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN', 'ANALYST')
  @Query(() => [PolicySettingView], {
    description: 'History of the settings of a region (or national ones), oldest first.',
  })
  policySettings(
    @Ctx() ctx: GraphQLContext,
    @Arg('regionCode', () => ID, {
      nullable: true,
      description: 'Region or province; omit for national rows.',
    })
    regionCode?: string | null,
    @Arg('kind', () => String, {
      nullable: true,
      description: 'KINSHIP_SCOPE, BENEFIT_SCHEDULE or SPENDING_CAPS.',
    })
    kind?: string | null,
  ): Promise<PolicySettingView[]> {
    return new PolicySettingsService(ctx).history(regionCode, kind);
  }
}
