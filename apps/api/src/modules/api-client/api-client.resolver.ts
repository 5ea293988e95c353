import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toApiClient } from './api-client.service';
import {
  ApiClient,
  ApiClientConnection,
  ApiClientCreateInput,
  ApiClientCreatePayload,
  ApiClientIdInput,
  ApiClientPayload,
  ApiClientUpdateInput,
  ApiClientsArgs,
  PersistedOperationRegisterInput,
  PersistedOperationRegisterPayload,
} from './api-client.types';

@Resolver()
export class ApiClientResolver {
  @Authorized('ADMIN')
  @Query(() => ApiClientConnection, {
    description:
      'API clients matching a filter, newest first, as a Relay connection (ADMIN). Keys are never shown again.',
  })
  async apiClients(@Args() args: ApiClientsArgs, @Ctx() ctx: GraphQLContext): Promise<ApiClientConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const { rows, total } = await ctx.services.apiClients.list(args.filter, page);
    return toConnection(rows.map(toApiClient), page, total);
  }

  @Authorized('ADMIN')
  @Query(() => ApiClient, { nullable: true, description: 'One API client by id, or null (ADMIN).' })
  async apiClient(
    @Arg('id', () => ID, { description: 'API client id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiClient | null> {
    const row = await ctx.services.apiClients.byId(id);
    return row ? toApiClient(row) : null;
  }

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

  @Authorized('ADMIN')
  @Mutation(() => ApiClientCreatePayload, {
    description:
      "Replaces the client's key and returns the new one once; the old key stops working at once in this process and within seconds in every other (ADMIN; audited with the reason).",
  })
  apiClientRotate(
    @Arg('input', () => ApiClientIdInput) input: ApiClientIdInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiClientCreatePayload> {
    return ctx.services.apiClients.rotate(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiClientPayload, {
    description:
      'Revokes a client for good: its key is refused (UNAUTHENTICATED) at once in this process and within seconds in every other (ADMIN; audited with the reason).',
  })
  apiClientRevoke(
    @Arg('input', () => ApiClientIdInput) input: ApiClientIdInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiClientPayload> {
    return ctx.services.apiClients.revoke(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiClientPayload, {
    description:
      'Changes scopes, allow-list mode or the rate limit of a client (ADMIN; audited with the reason).',
  })
  apiClientUpdate(
    @Arg('input', () => ApiClientUpdateInput) input: ApiClientUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ApiClientPayload> {
    return ctx.services.apiClients.update(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PersistedOperationRegisterPayload, {
    description:
      'Puts a GraphQL document on the allow-list (persisted operations, by sha256); clients in allow-list mode run only these (ADMIN; audited).',
  })
  persistedOperationRegister(
    @Arg('input', () => PersistedOperationRegisterInput) input: PersistedOperationRegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersistedOperationRegisterPayload> {
    return ctx.services.apiClients.registerPersistedOperation(requirePrincipal(ctx), input);
  }
}
