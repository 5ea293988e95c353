import { detailParam } from '@gongji/domain';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../common/error-detail';
import { KinPurpose, Relation } from '../../common/domain-enums';
import { DateScalar } from '../../common/scalars';
import type { GraphQLContext } from '../../context';
import { KinshipScopeImpactService } from './kinship-scope-impact.service';
import { KinshipScopeImpact } from './kinship-scope-impact.types';
import { UnknownRegionError } from './policy.service';

@Resolver()
export class KinshipScopeImpactResolver {
  @Authorized('ADMIN')
  @Query(() => KinshipScopeImpact, {
    description:
      'Before saving a kinship scope: how many registrations and which providers would lose effect (ADMIN; issue #10).',
  })
  async kinshipScopeImpact(
    @Arg('purpose', () => KinPurpose, { description: 'Purpose.' }) purpose: KinPurpose,
    @Arg('relations', () => [Relation], { description: 'The proposed scope.' }) relations: Relation[],
    @Arg('effectiveFrom', () => DateScalar, { description: 'Date the scope would apply from.' })
    effectiveFrom: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('regionCode', () => ID, { nullable: true, description: 'Region; omit for the national default.' })
    regionCode?: string | null,
  ): Promise<KinshipScopeImpact> {
    try {
      return await new KinshipScopeImpactService(ctx).impact(
        regionCode ?? null,
        purpose,
        relations,
        effectiveFrom,
      );
    } catch (err) {
      if (err instanceof UnknownRegionError)
        throw badUserInput(err.message, detailParam('REGION_CODE_UNKNOWN', { code: err.regionCode }), {
          field: ['regionCode'],
        });
      throw err;
    }
  }
}
