import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context';
import { renderExplanationFor } from '../transaction/explanation-line.resolver';
import { SettlementProviderSkip } from './settlement.types';

/** `SettlementProviderSkip.reason` in the reader's language, like explanation lines (stored English as fallback). */
@Resolver(() => SettlementProviderSkip)
export class SettlementProviderSkipResolver {
  @FieldResolver(() => String)
  reason(@Root() skip: SettlementProviderSkip, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return renderExplanationFor({ message: skip.reason, code: skip.code, params: skip.params }, ctx);
  }
}
