import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { PolicySettingsService } from './policy-settings.service';
import {
  BenefitScheduleSetInput,
  CardRulesSetInput,
  HolidayCalendarSetInput,
  HospitalSelectionRulesSetInput,
  KinshipScopeSetInput,
  PasswordPolicySetInput,
  PolicySettingConnection,
  PolicySettingPayload,
  PolicySettingsArgs,
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

  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description:
      'Sets the password policy from a date: lockout count (3–10) and password-free limits (R-ACC-7; ADMIN; audited).',
  })
  passwordPolicySet(
    @Arg('input', () => PasswordPolicySetInput) input: PasswordPolicySetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).passwordPolicy(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description:
      'Sets the card rules from a date: pre-report validity, reissue fee, counter working days (R-CARD-1; ADMIN; audited).',
  })
  cardRulesSet(
    @Arg('input', () => CardRulesSetInput) input: CardRulesSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).cardRules(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description: 'Sets how many hospitals a person may choose, from a date (R-USE-1; ADMIN; audited).',
  })
  hospitalSelectionRulesSet(
    @Arg('input', () => HospitalSelectionRulesSetInput) input: HospitalSelectionRulesSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).hospitalSelection(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PolicySettingPayload, {
    description:
      'Sets one year of the holiday calendar (节假日 and 调休 working days) from a date; working days of R-CARD-1 ' +
      'follow it (ADMIN; audited).',
  })
  holidayCalendarSet(
    @Arg('input', () => HolidayCalendarSetInput) input: HolidayCalendarSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingPayload> {
    return new PolicySettingsService(ctx).holidayCalendar(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN', 'ANALYST')
  @Query(() => PolicySettingConnection, {
    description:
      'History of the settings of a region (or national ones), oldest first, as a Relay connection (ADMIN, ANALYST).',
  })
  async policySettings(
    @Args() args: PolicySettingsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PolicySettingConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const { rows, total } = await new PolicySettingsService(ctx).history(args, page);
    return toConnection(rows, page, total);
  }
}
