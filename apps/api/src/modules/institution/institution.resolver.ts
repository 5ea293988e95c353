import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toInstitution } from '../hospital-selection/hospital-selection.service';
import { Institution } from '../hospital-selection/hospital-selection.types';
import { InstitutionService } from './institution.service';
import {
  InstitutionConnection,
  InstitutionCreateInput,
  InstitutionPayload,
  InstitutionUpdateInput,
  InstitutionsArgs,
} from './institution.types';

function service(ctx: GraphQLContext): InstitutionService {
  return new InstitutionService(ctx.dataSource, ctx.services.audit);
}

/** Designated medical institutions and retail pharmacies (定点医药机构): reads for staff and portals, ADMIN changes. */
@Resolver()
export class InstitutionResolver {
  @Authorized('ADMIN', 'COUNTER', 'ANALYST', 'PORTAL')
  @Query(() => InstitutionConnection, {
    description:
      'Institutions matching a filter, by national code, as a Relay connection (ADMIN, COUNTER, ANALYST; a portal sees only its own institution).',
  })
  async institutions(
    @Args() args: InstitutionsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstitutionConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const { rows, total } = await service(ctx).list(requirePrincipal(ctx), args.filter, page);
    return toConnection(rows.map(toInstitution), page, total);
  }

  @Authorized('ADMIN', 'COUNTER', 'ANALYST', 'PORTAL')
  @Query(() => Institution, {
    nullable: true,
    description:
      'One institution by id or national code, or null (ADMIN, COUNTER, ANALYST; a portal sees only its own institution).',
  })
  async institution(
    @Arg('id', () => ID, { description: 'Institution id or national code (e.g. H11010100001).' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Institution | null> {
    const row = await service(ctx).byIdOrCode(requirePrincipal(ctx), id);
    return row ? toInstitution(row) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => InstitutionPayload, {
    description:
      'Creates a designated institution or pharmacy (ADMIN; audited): national code unique (CONFLICT otherwise), region must exist (NOT_FOUND on regionCode).',
  })
  async institutionCreate(
    @Arg('input', () => InstitutionCreateInput) input: InstitutionCreateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstitutionPayload> {
    const result = await service(ctx).create(requirePrincipal(ctx), input);
    return {
      institution: result.institution ? toInstitution(result.institution) : null,
      userErrors: result.userErrors,
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => InstitutionPayload, {
    description:
      'Changes an institution (ADMIN; audited with before and after): same checks as institutionCreate. Settlements from then on see the change.',
  })
  async institutionUpdate(
    @Arg('input', () => InstitutionUpdateInput) input: InstitutionUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstitutionPayload> {
    const result = await service(ctx).update(requirePrincipal(ctx), input);
    return {
      institution: result.institution ? toInstitution(result.institution) : null,
      userErrors: result.userErrors,
    };
  }
}
