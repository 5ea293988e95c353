import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toPostingLine, toTransaction } from './transaction.service';
import { PostingLine, Transaction, TransactionConnection, TransactionsArgs } from './transaction.types';

@Resolver(() => Transaction)
export class TransactionResolver {
  @Authorized()
  @Query(() => TransactionConnection, {
    description: 'Transactions, newest first (a portal sees its own and its institution’s).',
  })
  async transactions(
    @Args() args: TransactionsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const { rows, total } = await ctx.services.transactions.list(requirePrincipal(ctx), args.filter, page);
    return toConnection(
      rows.map((r) => toTransaction(r) as Transaction),
      page,
      total,
    );
  }

  @Authorized()
  @Query(() => Transaction, {
    nullable: true,
    description: 'One transaction with its postings and explanation.',
  })
  async transaction(
    @Arg('id', () => ID, { description: 'Transaction id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Transaction | null> {
    const row = await ctx.services.transactions.findVisible(requirePrincipal(ctx), id);
    return row ? (toTransaction(row) as Transaction) : null;
  }

  @FieldResolver(() => [PostingLine], { description: 'Double-entry postings (sum zero, R-SET-6).' })
  async postings(@Root() transaction: Transaction, @Ctx() ctx: GraphQLContext): Promise<PostingLine[]> {
    // A money mutation's payload carries the postings it wrote (and replays them); only reads go to the ledger.
    if (Array.isArray(transaction.postings)) return transaction.postings;
    return (await ctx.loaders.postingsByTransaction.load(transaction.id)).map(toPostingLine);
  }
}
