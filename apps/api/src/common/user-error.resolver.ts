import { type Language, type MessageParams, regionCodesOf, renderRefusal } from '@gongji/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { UserError } from './user-error';

/**
 * The one place where a refusal becomes text (issue #9): `UserError.message` is rendered from the catalogue of
 * libs/domain by `code`, in the language of the request's `Accept-Language` (Chinese by default), with money in
 * yuan, dates written out and region codes looked up by name through the request's region loader. Works on stored
 * replies too (plain objects), since it reads only `code`, `message`, `rule`, `field` and `params`.
 */
@Resolver(() => UserError)
export class UserErrorResolver {
  @FieldResolver(() => String)
  async message(@Root() error: UserError, @Ctx() ctx: GraphQLContext): Promise<string> {
    return renderUserError(error, ctx.language, ctx);
  }
}

/** Renders one refusal for a request: region names from the request's loader, then the catalogue. */
export async function renderUserError(
  error: Pick<UserError, 'code' | 'message' | 'rule' | 'field'> & { params?: MessageParams | null },
  language: Language,
  ctx: Pick<GraphQLContext, 'loaders'>,
): Promise<string> {
  const names = await regionNamesOf(error.params, ctx);
  return renderRefusal(error, language, (code) => names.get(code));
}

async function regionNamesOf(
  params: MessageParams | null | undefined,
  ctx: Pick<GraphQLContext, 'loaders'>,
): Promise<Map<string, string>> {
  const codes = regionCodesOf(params);
  const names = new Map<string, string>();
  if (codes.length === 0) return names;
  const regions = await ctx.loaders.regionByCode.loadMany(codes);
  regions.forEach((region, i) => {
    if (region && !(region instanceof Error)) names.set(codes[i], region.name);
  });
  return names;
}
