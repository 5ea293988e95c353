import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context';
import { SessionCreateInput, SessionCreatePayload, User } from './session.types';

@Resolver()
export class SessionResolver {
  @Mutation(() => SessionCreatePayload, { description: 'Signs a console user in; returns a bearer token.' })
  sessionCreate(
    @Arg('input', () => SessionCreateInput) input: SessionCreateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SessionCreatePayload> {
    return ctx.services.sessions.create(input.username, input.password);
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
