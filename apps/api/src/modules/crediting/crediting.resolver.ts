import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { CreditingService } from './crediting.service';
import { ContributionsCreditInput } from './dtos/contributions-credit.input';
import { ContributionsCreditPayload } from './dtos/contributions-credit.payload';
import { InterestPostInput, InterestPostPayload } from './dtos/interest-post.dtos';
import { LegacyWithdrawInput, LegacyWithdrawPayload } from './dtos/legacy-withdraw.dtos';
import { WithdrawalService } from './withdrawal.service';

/** Money into and out of personal accounts: monthly credits, yearly interest (R-ACC-4), legacy cash (R-ACC-5). */
@Resolver()
export class CreditingResolver {
  @Authorized('ADMIN')
  @Mutation(() => ContributionsCreditPayload, {
    description:
      'Credits a month of collected contributions, exactly once per person and month (R-ACC-4): a repeated row is reported ALREADY_CREDITED and moves nothing; a different amount for a credited person-month refuses the whole batch (CONFLICTING_CREDIT). ADMIN; audited.',
  })
  async contributionsCredit(
    @Arg('input', () => ContributionsCreditInput) input: ContributionsCreditInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContributionsCreditPayload> {
    return new CreditingService(ctx).credit(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => InterestPostPayload, {
    description:
      'Posts a year’s interest (结息) to EARMARKED, once per year, after the year has ended (R-ACC-4): each EARMARKED balance at the end of that year (Beijing time) × rate, half-up to the fen, in batches of holders (each batch one transaction locking only its holders). With an idempotencyKey a retry replays, or finishes a run that stopped half-way; nobody is paid twice. ADMIN; audited.',
  })
  async interestPost(
    @Arg('input', () => InterestPostInput) input: InterestPostInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InterestPostPayload> {
    return new CreditingService(ctx).postInterest(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => LegacyWithdrawPayload, {
    description:
      'Pays out LEGACY passbook money in cash through the bank (R-ACC-5); EARMARKED and WALLET are refused. Exactly once per idempotency key; audited.',
  })
  async legacyWithdraw(
    @Arg('input', () => LegacyWithdrawInput) input: LegacyWithdrawInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LegacyWithdrawPayload> {
    return new WithdrawalService(ctx).withdraw(requirePrincipal(ctx), input);
  }
}
