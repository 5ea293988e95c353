import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { PremiumPayInput } from './dtos/premium-pay.input';
import { PremiumPayPayload } from './dtos/premium-pay.payload';
import { PremiumService } from './premium.service';

/** Supplementary medical-insurance premiums paid from personal accounts (R-USE-3, R-ACC-6). */
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
}
