import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import type { GraphQLContext } from '../../context';
import { AnalyticsService } from './analytics.service';
import { ProvinceFlow, Reconciliation, StatsDimension, StatsFilter, StatsRow } from './analytics.types';

/** Aggregates for analysts and the reconciliation statement (issue #8); one SQL statement per query. */
@Resolver()
export class AnalyticsResolver {
  @Authorized('ADMIN', 'ANALYST')
  @Query(() => [StatsRow], {
    description:
      'Counts and sums of the ledger grouped by 1–4 dimensions (booking dates, UTC+8). Groups with fewer distinct ' +
      'persons than the minimum (GONGJI_STATS_MIN_CELL, default 5) are suppressed; one SUPPRESSED_REMAINDER row ' +
      'adds them up. ADMIN and ANALYST.',
  })
  ledgerStats(
    @Arg('groupBy', () => [StatsDimension], { description: '1 to 4 distinct dimensions, in output order.' })
    groupBy: StatsDimension[],
    @Arg('filter', () => StatsFilter, {
      nullable: true,
      description: 'Conditions; without dates, the year up to today (UTC+8).',
    })
    filter: StatsFilter | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StatsRow[]> {
    return new AnalyticsService(ctx).ledgerStats(groupBy, filter);
  }

  @Authorized('ADMIN', 'ANALYST')
  @Query(() => [ProvinceFlow], {
    description:
      "Wallet transfers booked in the range, by sender's × recipient's province, with small-cell suppression. ADMIN and ANALYST.",
  })
  crossProvinceFlows(
    @Arg('from', () => DateScalar, { description: 'First booking date (inclusive, UTC+8).' }) from: string,
    @Arg('to', () => DateScalar, {
      description: 'Last booking date (inclusive); at most 3 years after `from`.',
    })
    to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProvinceFlow[]> {
    return new AnalyticsService(ctx).crossProvinceFlows(from, to);
  }

  @Authorized('ADMIN', 'ANALYST', 'PORTAL')
  @Query(() => Reconciliation, {
    description:
      "An institution's reconciliation statement (national 3201) per booking day and in total. ADMIN, ANALYST, or the institution's own PORTAL.",
  })
  reconciliation(
    @Arg('institutionId', () => ID, { description: 'Institution id (or national institution code).' })
    institutionId: string,
    @Arg('from', () => DateScalar, { description: 'First booking date (inclusive, UTC+8).' }) from: string,
    @Arg('to', () => DateScalar, {
      description: 'Last booking date (inclusive); at most 3 years after `from`.',
    })
    to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Reconciliation> {
    return new AnalyticsService(ctx).reconciliation(institutionId, from, to);
  }
}
