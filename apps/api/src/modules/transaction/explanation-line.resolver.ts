import { type ExplanationLike, explanationRegionCodes, renderExplanation } from '@gongji/domain';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context';
import { ExplanationLine } from './transaction.types';

/**
 * Explanation lines in the reader's language (API.md: messages follow `Accept-Language`, Chinese by default):
 * `ExplanationLine.message` is rendered from the explanation catalogue of libs/domain by `code`, falling back to the
 * stored English `message` for lines without a code (rows and replies written before codes). Works on every source
 * of lines alike — a mutation's payload, a stored reply replayed, a transaction read back — since it reads only the
 * line. Synchronous and free of SQL unless a Chinese line names a region (then the request's region loader, batched).
 */
@Resolver(() => ExplanationLine)
export class ExplanationLineResolver {
  @FieldResolver(() => String)
  message(@Root() line: ExplanationLine, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return renderExplanationFor(line, ctx);
  }
}

/** One explanation line (or a skipped relative's reason) as text for the request's language. */
export function renderExplanationFor(
  line: ExplanationLike,
  ctx: Pick<GraphQLContext, 'language' | 'loaders'>,
): string | Promise<string> {
  if (!line.code) return line.message;
  // English lines show region codes as they always have: names are looked up only for Chinese.
  const codes = ctx.language === 'en' ? [] : explanationRegionCodes(line.params);
  if (codes.length === 0) return renderExplanation(line, ctx.language);
  return ctx.loaders.regionByCode.loadMany(codes).then((regions) => {
    const names = new Map<string, string>();
    regions.forEach((region, i) => {
      if (region && !(region instanceof Error)) names.set(codes[i], region.name);
    });
    return renderExplanation(line, ctx.language, (code) => names.get(code));
  });
}
