import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { SessionCreateInput, SessionCreatePayload, SessionEndPayload, User } from './session.types';

@Resolver()
export class SessionResolver {
  @Mutation(() => SessionCreatePayload, { description: 'Signs a console user in; returns a bearer token.' })
  sessionCreate(
    @Arg('input', () => SessionCreateInput) input: SessionCreateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SessionCreatePayload> {
    return ctx.services.sessions.create(input.username, input.password);
  }

  @Authorized('ADMIN', 'COUNTER', 'ANALYST')
  @Mutation(() => SessionEndPayload, {
    description:
      'Signs the console user out everywhere: the token sent and every other session token of the user signed until now are refused from now on (at once in this API process, within 5 s in every other). API keys are revoked with apiClientRevoke instead.',
  })
  async sessionEnd(@Ctx() ctx: GraphQLContext): Promise<SessionEndPayload> {
    const principal = requirePrincipal(ctx);
    const endedAt = await ctx.services.sessions.end(principal.id, (id) =>
      ctx.services.authenticator.forgetUser(id),
    );
    return { endedAt, userErrors: [] };
  }

  @Query(() => User, {
    nullable: true,
    description: 'The signed-in console user (null for API clients and anonymous calls).',
  })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<User | null> {
    if (ctx.principal?.kind !== 'USER') return null;
    return ctx.services.sessions.findUser(ctx.principal.id);
  }
}
