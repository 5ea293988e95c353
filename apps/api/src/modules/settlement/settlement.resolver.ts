import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import {
  RefundIssueInput,
  SettlementCancelInput,
  SettlementConfirmInput,
  SettlementInput,
} from './dtos/settlement.input';
import {
  RefundIssuePayload,
  SettlementCancelPayload,
  SettlementConfirmPayload,
} from './dtos/settlement.payload';
import { SettlementService } from './settlement.service';
import { SettlementProviderSkip, SettlementQuote } from './settlement.types';

/** Who may settle: staff anywhere, a hospital/pharmacy portal with `settlement:write` at its own institution. */
const SETTLERS = ['ADMIN', 'COUNTER', 'PORTAL:settlement:write'];

@Resolver(() => SettlementQuote)
export class SettlementResolver {
  @Authorized(...SETTLERS)
  @Query(() => SettlementQuote, {
    description:
      'The split of a bill between fund, accounts and cash with current balances; no money moves (R-SET-5).',
  })
  settlementQuote(
    @Arg('input', () => SettlementInput) input: SettlementInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SettlementQuote> {
    return new SettlementService(ctx).quote(input);
  }

  @Authorized(...SETTLERS)
  @Mutation(() => SettlementConfirmPayload, {
    description:
      'Pays a bill exactly once per idempotency key: fund, own account, own wallet, relatives in registered order, cash (R-SET-4/5).',
  })
  settlementConfirm(
    @Arg('input', () => SettlementConfirmInput) input: SettlementConfirmInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SettlementConfirmPayload> {
    return new SettlementService(ctx).confirm(input);
  }

  @Authorized(...SETTLERS)
  @Mutation(() => SettlementCancelPayload, {
    description: 'Cancels a whole settlement: every posting reversed, accumulators restored (R-USE-5).',
  })
  settlementCancel(
    @Arg('input', () => SettlementCancelInput) input: SettlementCancelInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SettlementCancelPayload> {
    return new SettlementService(ctx).cancel(input);
  }

  @Authorized(...SETTLERS)
  @Mutation(() => RefundIssuePayload, {
    description:
      'Refunds part of a settlement to the pockets that paid, in reverse order of payment (R-USE-5).',
  })
  refundIssue(
    @Arg('input', () => RefundIssueInput) input: RefundIssueInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RefundIssuePayload> {
    return new SettlementService(ctx).refund(input);
  }

  @FieldResolver(() => [SettlementProviderSkip], {
    description:
      'Relatives registered for the patient whose accounts were not used for this bill, and why: not in force on the service date (one answer per date, R-KIN-5), or refused by a rule (R-KIN-2/3/6). Empty when refused.',
  })
  skippedProviders(@Root() quote: SettlementQuote): SettlementProviderSkip[] {
    return quote.skippedProviders ?? [];
  }

  @FieldResolver(() => [UserError], {
    description: 'Refusals of the bill (API.md: business refusals are userErrors); empty for a valid split.',
  })
  userErrors(@Root() quote: SettlementQuote): UserError[] {
    // Replies stored for replay before this field existed have none: they were successful splits.
    return (quote.userErrors as UserError[] | undefined) ?? [];
  }
}
