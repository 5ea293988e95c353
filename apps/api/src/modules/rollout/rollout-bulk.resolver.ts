import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { RolloutBulkService } from './rollout-bulk.service';
import { RegionsRolloutSetInput, RegionsRolloutSetPayload } from './rollout-bulk.types';

@Resolver()
export class RolloutBulkResolver {
  @Authorized('ADMIN')
  @Mutation(() => RegionsRolloutSetPayload, {
    description:
      'Sets one rollout feature’s date for up to 100 regions in one operation (ADMIN; issue #10): each region is ' +
      'checked like regionUpdate and refused on its own (userErrors per region); every change is audited.',
  })
  regionsRolloutSet(
    @Arg('input', () => RegionsRolloutSetInput) input: RegionsRolloutSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegionsRolloutSetPayload> {
    return new RolloutBulkService(ctx).set(requirePrincipal(ctx), input);
  }
}
