import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { detailParam } from '@gongji/domain';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import { badUserInput } from '../../common/error-detail';
import { DateScalar } from '../../common/scalars';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { RegionUpdateInput } from './dtos/region-update.input';
import { RegionUpdatePayload } from './dtos/region-update.payload';
import { MAX_REGION_IDS, RegionsArgs } from './region.args';
import { RegionConnection } from './region.connection';
import { effectiveWalletFrom, toRegion } from './region.mapper';
import { Region } from './region.type';
import { todayInChina } from '../../common/clock';

@Resolver(() => Region)
export class RegionResolver {
  @Authorized()
  @Query(() => Region, { nullable: true, description: 'One region by code.' })
  async region(
    @Arg('code', () => ID, { description: 'Region code.' }) code: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Region | null> {
    const row = await ctx.loaders.regionByCode.load(code);
    return row ? toRegion(row) : null;
  }

  @Authorized()
  @Query(() => RegionConnection, { description: 'Regions matching a filter, as a Relay connection.' })
  async regions(@Args() args: RegionsArgs, @Ctx() ctx: GraphQLContext): Promise<RegionConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const ids = args.filter?.ids;
    if (ids && ids.length > MAX_REGION_IDS) {
      // Refused, never truncated: a silent cut would answer a different question (a black-box tester's 101 codes).
      throw badUserInput(
        `filter.ids lists ${ids.length} codes; at most ${MAX_REGION_IDS} at a time`,
        detailParam('TOO_MANY_IDS', { count: ids.length, max: MAX_REGION_IDS }),
        { field: ['filter', 'ids'] },
      );
    }
    const { nodes, total } = await ctx.services.regions.list(args.filter, page, args.orderBy);
    for (const n of nodes) ctx.loaders.regionByCode.prime(n.code, n);
    return toConnection(nodes.map(toRegion), page, total);
  }

  @Authorized('ADMIN')
  @Mutation(() => RegionUpdatePayload, {
    description:
      'Changes a region’s name and rollout dates (ADMIN; audited with before and after). The fields changed ' +
      'become staff-owned (`Region.staffOwnedFields`): reference-data upgrades keep them.',
  })
  async regionUpdate(
    @Arg('input', () => RegionUpdateInput) input: RegionUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegionUpdatePayload> {
    const result = await ctx.services.regions.update(requirePrincipal(ctx), input);
    if (result.region)
      ctx.loaders.regionByCode.clear(result.region.code).prime(result.region.code, result.region);
    return { region: result.region ? toRegion(result.region) : null, userErrors: result.userErrors };
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The province-level unit (null for a province).',
  })
  async province(@Root() region: Region, @Ctx() ctx: GraphQLContext): Promise<Region | null> {
    if (region.level === 'PROVINCE') return null;
    const row = await ctx.loaders.regionByCode.load(region.provinceCode);
    return row ? toRegion(row) : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: 'Wallet-open date that applies: own, or the 全域 province’s.',
  })
  async effectiveWalletFrom(@Root() region: Region, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return effectiveWalletFrom(region, await this.province(region, ctx));
  }

  @FieldResolver(() => Boolean, {
    description: 'Wallet open on the date (default today, Beijing time) (R-WAL-3).',
  })
  async walletOpen(
    @Root() region: Region,
    @Ctx() ctx: GraphQLContext,
    @Arg('on', () => DateScalar, { nullable: true, description: 'Date; default today.' }) on?: string | null,
  ): Promise<boolean> {
    const from = await this.effectiveWalletFrom(region, ctx);
    return from !== null && from <= (on ?? todayInChina());
  }

  @FieldResolver(() => Int, { description: 'Number of regions under a province (0 for other levels).' })
  async regionCount(@Root() region: Region, @Ctx() ctx: GraphQLContext): Promise<number> {
    return region.level === 'PROVINCE' ? ctx.loaders.regionCountByProvince.load(region.code) : 0;
  }
}
