import type { GraphQLResolveInfo } from 'graphql';
import { TransactionKind, detailParam } from '@gongji/domain';
import { badUserInput } from '../../common/error-detail';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import {
  pageRequestOrThrow,
  selectedFieldsAt,
  selectsField,
  selectionTreeAt,
  selectsPath,
  toPageConnection,
} from '../../common/connection';
import { asksOnlyRegionSummary } from '../region/region.mapper';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { MoneyScalar } from '../../common/scalars';
import { masksPersonalData, toPerson } from '../person/person.mapper';
import { Person } from '../person/person.types';
import { toInstitution } from '../hospital-selection/hospital-selection.service';
import { Institution } from '../hospital-selection/hospital-selection.types';
import { Role } from '../../auth/principal';
import { toPostingLine, toTransaction } from './transaction.service';
import { finishTransactionJson, transactionShapeOf } from './transaction.shape';
import {
  ExplanationLine,
  PostingLine,
  Transaction,
  TransactionConnection,
  TransactionsArgs,
} from './transaction.types';

const KINDS = new Set<string>(Object.values(TransactionKind));

/** `filter.kinds` names transaction kinds: an unknown one is refused (as `ledgerStats` does), never "0 rows". */
function assertKnownKinds(kinds: readonly string[] | null | undefined): void {
  const unknown = kinds?.find((k) => !KINDS.has(k));
  if (unknown === undefined) return;
  const valid = [...KINDS].join(', ');
  throw badUserInput(
    `Unknown transaction kind ${unknown}; use one of ${valid}`,
    detailParam('UNKNOWN_TRANSACTION_KIND', { kind: unknown, kinds: valid }),
    { field: ['filter', 'kinds'] },
  );
}

@Resolver(() => Transaction)
export class TransactionResolver {
  @Authorized()
  @Query(() => TransactionConnection, {
    description:
      'Transactions, newest first (a portal sees its own and its institution’s). Cursors are positions in the list as it is when read: transactions posted between two pages shift it, so a reconciliation or export that walks every page fixes `filter.to` at the instant it starts (what is posted later falls outside, and no transaction is seen twice or missed).',
  })
  async transactions(
    @Args() args: TransactionsArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TransactionConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    assertKnownKinds(args.filter?.kinds);
    const principal = requirePrincipal(ctx);
    const count = () =>
      selectsField(info, 'totalCount') ? ctx.services.transactions.count(principal, args.filter) : null;
    // The page as JSON of exactly the fields the query selects, already shaped as the API shows them: GraphQL's
    // default resolvers answer from it (issue #11). Null when the selection needs more, or on SQLite.
    const tree = selectionTreeAt(info, ['edges', 'node']);
    // A portal's page goes through the resolvers, which hide other persons' balances (Transaction.postings).
    const shape = principal.role !== Role.PORTAL && tree ? transactionShapeOf(tree) : null;
    if (shape) {
      const [json, total] = await Promise.all([
        ctx.services.transactions.pageJson(principal, args.filter, page, shape),
        count(),
      ]);
      if (json) {
        const masked = masksPersonalData(principal);
        for (const t of json) finishTransactionJson(t, masked);
        return toPageConnection(json as unknown as Transaction[], page, total);
      }
    }
    // What the page will be asked for comes in the same statement: one statement per page, whatever its size.
    const includes = {
      postings: selectsPath(info, ['edges', 'node', 'postings']),
      person: selectsPath(info, ['edges', 'node', 'person']),
      regionSummary: asksOnlyRegionSummary(selectedFieldsAt(info, ['edges', 'node', 'person', 'region'])),
    };
    const [rows, total] = await Promise.all([
      ctx.services.transactions.page(principal, args.filter, page, includes),
      count(),
    ]);
    const nodes = rows.map((r) => {
      const node = toTransaction(r) as Transaction;
      if (r.postings) node.postings = r.postings.map(toPostingLine);
      if (r.person !== undefined) {
        // A summary, not the full row: it is not primed into personById (other edges load the full row).
        node.personRow = r.person ? { person: r.person, region: r.region ?? null } : null;
      }
      return node;
    });
    return toPageConnection(nodes, page, total);
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
  postings(
    @Root() transaction: Transaction,
    @Ctx() ctx: GraphQLContext,
  ): PostingLine[] | Promise<PostingLine[]> {
    // A money mutation's payload carries the postings it wrote (and replays them), and so does a page that was asked
    // for them; otherwise they are loaded, batched per request.
    const portal = ctx.principal?.role === Role.PORTAL;
    if (Array.isArray(transaction.postings))
      return portal ? withoutOthersBalances(transaction, transaction.postings) : transaction.postings;
    return ctx.loaders.postingsByTransaction.load(transaction.id).then((rows) => {
      const lines = rows.map(toPostingLine);
      return portal ? withoutOthersBalances(transaction, lines) : lines;
    });
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      'Settlements: the amount refunded so far (its REFUND transactions, R-USE-5); null for other kinds.',
  })
  refunded(@Root() transaction: Transaction, @Ctx() ctx: GraphQLContext): Promise<bigint> | null {
    if (transaction.kind !== 'SETTLEMENT') return null;
    return ctx.loaders.refundedBySettlement.load(transaction.id);
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      'Settlements: what can still be refunded (amount − refunded; 0.00 once cancelled), what refundIssue accepts at most (R-USE-5); null for other kinds.',
  })
  async refundable(@Root() transaction: Transaction, @Ctx() ctx: GraphQLContext): Promise<bigint | null> {
    if (transaction.kind !== 'SETTLEMENT') return null;
    if (transaction.status === 'CANCELLED') return 0n;
    const refunded = await ctx.loaders.refundedBySettlement.load(transaction.id);
    const left = BigInt(transaction.amount) - refunded;
    return left > 0n ? left : 0n;
  }

  @FieldResolver(() => [ExplanationLine], { description: 'Rule ids and messages of the decision.' })
  explanation(
    @Root() transaction: Transaction,
    @Ctx() ctx: GraphQLContext,
  ): ExplanationLine[] | Promise<ExplanationLine[]> {
    // Written transactions carry it; lists read it (JSON) only when a query asks, batched per request.
    if (Array.isArray(transaction.explanation)) return transaction.explanation;
    return ctx.loaders.explanationByTransaction.load(transaction.id);
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description:
      'The institution that billed (settlements, their cancels and refunds); null for other kinds, and for a portal any institution but its own.',
  })
  async institution(
    @Root() transaction: Transaction,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Institution | null> {
    if (!transaction.institutionId) return null;
    const principal = ctx.principal;
    if (principal?.role === Role.PORTAL && principal.institutionId !== transaction.institutionId) return null;
    const row = await ctx.loaders.institutionById.load(transaction.institutionId);
    return row ? toInstitution(row) : null;
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description:
      'The person the transaction is about (patient, payer, sender), under the person read policy: a portal reads only the persons it serves; analysts see masked data.',
  })
  person(
    @Root() transaction: Transaction,
    @Ctx() ctx: GraphQLContext,
  ): Person | null | Promise<Person | null> {
    if (!transaction.personId) return null;
    const masked = masksPersonalData(ctx.principal);
    if (transaction.personRow !== undefined) {
      // Read with the page: no loader, no promise.
      const row = transaction.personRow;
      if (!row) return null;
      const person = toPerson(row.person, masked);
      person.pageRows = { region: row.region };
      return person;
    }
    return ctx.loaders.personById
      .load(transaction.personId)
      .then((row) => (row ? toPerson(row, masked) : null));
  }
}

/**
 * A portal sees the balance after a posting only on the pockets of the person the transaction is about (the patient,
 * payer or sender it served): a relative's pocket that paid a share, or a transfer's recipient, is another person's
 * account (API.md: a portal sees only the people it is serving). Their amounts stay — they are the split itself.
 */
function withoutOthersBalances(transaction: Transaction, lines: PostingLine[]): PostingLine[] {
  return lines.map((line) =>
    line.personId && line.personId !== transaction.personId && line.balanceAfter !== null
      ? { ...line, balanceAfter: null }
      : line,
  );
}
