import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import type { GraphQLContext } from '../../context';
import { RolloutPoint, RolloutSummary } from './rollout.types';

@Resolver()
export class RolloutResolver {
  @Authorized()
  @Query(() => RolloutSummary, {
    description: 'Regions and provinces with the wallet open on a date, with the published figure (R-WAL-2).',
  })
  rolloutSummary(
    @Arg('on', () => DateScalar, { description: 'Date.' }) on: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RolloutSummary> {
    return ctx.services.rollout.summary(on);
  }

  @Authorized()
  @Query(() => [RolloutPoint], {
    description: 'Open regions and provinces over time, for the rollout chart (at most ten years).',
  })
  rolloutTimeline(
    @Arg('from', () => DateScalar, { description: 'First date.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last date.' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RolloutPoint[]> {
    return ctx.services.rollout.timeline(from, to);
  }
}
