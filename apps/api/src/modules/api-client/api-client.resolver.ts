import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { ApiClientCreateInput, ApiClientCreatePayload } from './api-client.types';

@Resolver()
export class ApiClientResolver {
  @Authorized('ADMIN')
  @Mutation(() => ApiClientCreatePayload, {
    description: 'Creates a portal API client; returns its key once (ADMIN; audited).',
  })
  apiClientCreate(
    @Arg('input', () => ApiClientCreateInput) input: ApiClientCreateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiClientCreatePayload> {
    return ctx.services.apiClients.create(requirePrincipal(ctx), input);
  }
}
