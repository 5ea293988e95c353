import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { PremiumPayInput } from './dtos/premium-pay.input';
import { PremiumPayPayload } from './dtos/premium-pay.payload';
import { ResidentContributionPayInput } from './dtos/resident-contribution-pay.input';
import { ResidentContributionPayPayload } from './dtos/resident-contribution-pay.payload';
import { PremiumService } from './premium.service';

/** Premiums and contributions paid from personal accounts (R-USE-2, R-USE-3, R-ACC-6). */
@Resolver()
export class PremiumResolver {
  @Authorized('ADMIN', 'COUNTER', 'PORTAL:premium:write')
  @Mutation(() => PremiumPayPayload, {
    description:
      'Charges a supplementary premium to the payer’s account, in full or not at all (足额支付, R-USE-3): for self, or a registered relative in scope. A portal charges only its own product. Exactly once per idempotency key.',
  })
  async premiumPay(
    @Arg('input', () => PremiumPayInput) input: PremiumPayInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PremiumPayPayload> {
    return new PremiumService(ctx).pay(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN', 'COUNTER', 'PORTAL:premium:write')
  @Mutation(() => ResidentContributionPayPayload, {
    description:
      'Pays a resident basic medical insurance (居民医保) or long-term care insurance (长期护理保险) contribution from the payer’s account, in full or not at all (R-USE-2): for self, or a registered relative in the scheme’s kinship scope and the same province (R-KIN-1, R-KIN-2), once mutual-aid use is open (R-KIN-3). Own WALLET money pays only the payer’s own resident basic contribution (R-WAL-7). A portal may not set `on`. Exactly once per idempotency key.',
  })
  async residentContributionPay(
    @Arg('input', () => ResidentContributionPayInput) input: ResidentContributionPayInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResidentContributionPayPayload> {
    return new PremiumService(ctx).payResidentContribution(requirePrincipal(ctx), input);
  }
}
