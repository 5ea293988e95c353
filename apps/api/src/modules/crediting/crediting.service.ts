import { randomUUID } from 'node:crypto';
import {
  type BasisPoints,
  type ContributionCreditResult,
  CreditingError,
  CreditingErrorCode,
  type ExistingCredit,
  Feature,
  type Fen,
  type InsuranceType,
  type LedgerDecision,
  PocketKind,
  SystemAccount,
  TransactionKind,
  creditContributionsOrThrow,
  hasPersonalAccount,
  postInterestOrThrow,
  posting,
  sumFen,
  systemAccount,
} from '@gongji/domain';
import { ContributionCreditEntity, InterestRunEntity, PocketEntity } from '@gongji/persistence';
import { GraphQLError } from 'graphql';
import { type EntityManager, In } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { type UserError, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { runMoneyMutation } from '../ledger/money-mutation';
import {
  effectivePolicyOn,
  personNotFound,
  personsOn,
  planOf,
  postedTransaction,
} from '../wallet/in-transaction.reads';
import {
  ContributionCreditOutcome,
  type ContributionCreditRow,
  type ContributionsCreditPayload,
} from './dtos/contributions-credit.payload';
import type { ContributionsCreditInput } from './dtos/contributions-credit.input';
import type { InterestPostInput, InterestPostPayload } from './dtos/interest-post.dtos';

const MAX_ROWS = 1000;

const refusedCredit =
  (month: string) =>
  (userErrors: UserError[]): ContributionsCreditPayload => ({
    month,
    transaction: null,
    credited: 0,
    creditedTotal: 0n as Fen,
    alreadyCredited: 0,
    alreadyCreditedTotal: 0n as Fen,
    notCollected: 0,
    rows: [],
    userErrors,
  });

const refusedInterest = (userErrors: UserError[]): InterestPostPayload => ({
  interestRun: null,
  transaction: null,
  userErrors,
});

/** One transaction for the credits of several regions (each with its own earmarkedFrom). */
function mergeCredits(results: readonly ContributionCreditResult[]): LedgerDecision | null {
  const decisions = results.flatMap((r) => (r.decision ? [r.decision] : []));
  if (decisions.length === 0) return null;
  const credits = decisions.flatMap((d) => d.postings.filter((p) => p.account.type === 'POCKET'));
  return {
    kind: TransactionKind.CONTRIBUTION_CREDIT,
    postings: [
      posting(systemAccount(SystemAccount.CONTRIBUTION_SOURCE), -sumFen(credits.map((p) => p.amount))),
      ...credits,
    ],
    explanation: decisions.flatMap((d) => d.explanation),
  };
}

/**
 * Monthly contribution credits and the yearly interest run (R-ACC-4). Stateless: one per request.
 *
 * Neither mutation has an idempotency key in API.md. Exactly-once comes from the data instead: each call runs
 * through the ledger writer under a fresh internal key, with every involved pocket locked, and decides from the
 * `contribution_credits` / `interest_runs` rows read under those locks (primary keys person+month and year back
 * it up). So a resent batch reports its rows as ALREADY_CREDITED instead of replaying an old payload that would
 * claim a second credit.
 */
export class CreditingService {
  constructor(private readonly ctx: GraphQLContext) {}

  credit(principal: Principal, input: ContributionsCreditInput): Promise<ContributionsCreditPayload> {
    if (input.rows.length > MAX_ROWS)
      throw new GraphQLError(`At most ${MAX_ROWS} rows per batch`, {
        extensions: { code: 'BAD_USER_INPUT', field: ['rows'] },
      });
    const refused = refusedCredit(input.month);
    const personIds = [...new Set(input.rows.map((r) => r.personId))];
    return runMoneyMutation<ContributionsCreditPayload>(this.ctx.services.ledger, principal, {
      operation: 'contributionsCredit',
      idempotencyKey: `contributionsCredit:${randomUUID()}`,
      input: { month: input.month, rows: input.rows.map((r) => ({ ...r })) },
      personIds,
      refused,
      decide: async (ctx) => {
        const persons = await personsOn(ctx.manager, personIds);
        const byEarmarkedFrom = new Map<string, typeof input.rows>();
        for (const [i, row] of input.rows.entries()) {
          const person = persons.get(row.personId);
          if (!person) return { payload: refused([personNotFound(`rows.${i}.personId`)]) };
          if (row.amount > 0n && !hasPersonalAccount(person.insuranceType as InsuranceType))
            return {
              payload: refused([
                userError(
                  'NO_PERSONAL_ACCOUNT',
                  'Only employee participants have a personal account to credit (R-ACC-1)',
                  ['rows', String(i), 'personId'],
                  'R-ACC-1',
                ),
              ]),
            };
          // Rollout dates do not depend on the day asked; `from` is the region's (or province's) setting.
          const policy = await effectivePolicyOn(
            this.ctx.services.policy,
            ctx.manager,
            person.regionCode,
            todayInChina(),
          );
          const from = policy?.features[Feature.EARMARKED_ACCOUNT].from ?? '';
          byEarmarkedFrom.set(from, [...(byEarmarkedFrom.get(from) ?? []), row]);
        }
        const existing = personIds.length
          ? await ctx.manager
              .getRepository(ContributionCreditEntity)
              .findBy({ month: input.month, personId: In(personIds) })
          : [];
        const results = [...byEarmarkedFrom.entries()].map(([from, rows]) =>
          creditContributionsOrThrow(
            input.month,
            rows,
            existing.map((e): ExistingCredit => ({ personId: e.personId, amount: e.amount as Fen })),
            // A region without its own date uses the domain default (2022-09-01).
            from ? { earmarkedFrom: from } : {},
          ),
        );
        if (results.length === 0) creditContributionsOrThrow(input.month, [], []); // validates the month
        const credited = results.flatMap((r) => r.credited);
        const same = results.flatMap((r) => r.alreadyCredited);
        const notCollected = results.flatMap((r) => r.notCollected);
        const outcomes = new Map<string, ContributionCreditRow>([
          ...credited.map(
            (c) => [c.personId, { ...c, outcome: ContributionCreditOutcome.CREDITED }] as const,
          ),
          ...same.map(
            (c) => [c.personId, { ...c, outcome: ContributionCreditOutcome.ALREADY_CREDITED }] as const,
          ),
          ...notCollected.map(
            (id) =>
              [
                id,
                { personId: id, amount: 0n as Fen, outcome: ContributionCreditOutcome.NOT_COLLECTED },
              ] as const,
          ),
        ]);
        const decision = mergeCredits(results);
        const creditedTotal = sumFen(credited.map((c) => c.amount));
        const plan = decision
          ? planOf(decision, { amount: creditedTotal, details: { month: input.month } })
          : undefined;
        // In the batch's order; every person of a batch that was not refused has exactly one outcome.
        const rows = personIds.flatMap((id) => {
          const row = outcomes.get(id);
          return row ? [row] : [];
        });
        return {
          payload: {
            month: input.month,
            transaction: plan ? postedTransaction(ctx, plan) : null,
            credited: credited.length,
            creditedTotal,
            alreadyCredited: same.length,
            alreadyCreditedTotal: sumFen(same.map((c) => c.amount)),
            notCollected: notCollected.length,
            rows,
            userErrors: [],
          },
          transaction: plan,
          after: async (manager, transactionId) => {
            if (credited.length === 0) return;
            await manager.getRepository(ContributionCreditEntity).insert(
              credited.map((c) => ({
                personId: c.personId,
                month: input.month,
                amount: c.amount,
                transactionId,
              })),
            );
            await this.ctx.services.audit.record(manager, principal, {
              action: 'contributionsCredit',
              entityType: 'Transaction',
              entityId: transactionId,
              before: null,
              after: { month: input.month, credited: credited.length, total: creditedTotal.toString() },
            });
          },
        };
      },
    });
  }

  async postInterest(principal: Principal, input: InterestPostInput): Promise<InterestPostPayload> {
    // Every holder of an EARMARKED pocket is locked; read before the writer takes its connection.
    const holders = await this.earmarkedHolders(this.ctx.dataSource.manager);
    return runMoneyMutation<InterestPostPayload>(this.ctx.services.ledger, principal, {
      operation: 'interestPost',
      idempotencyKey: `interestPost:${randomUUID()}`,
      input: { year: input.year, annualRate: input.annualRate },
      personIds: holders,
      refused: refusedInterest,
      decide: async (ctx) => {
        if (input.year > Number(todayInChina().slice(0, 4)))
          throw new CreditingError(
            CreditingErrorCode.INVALID_YEAR,
            `Interest for ${input.year} cannot be posted before the year ends`,
            ['year'],
          );
        const alreadyPosted = await ctx.manager
          .getRepository(InterestRunEntity)
          .existsBy({ year: input.year });
        // Year-end balance = the EARMARKED balance when the run is made (the run closes the year; see README).
        const balances = [...ctx.pockets.values()]
          .filter((p) => p.kind === PocketKind.EARMARKED)
          .map((p) => ({ personId: p.personId, balance: p.balance as Fen }));
        const result = postInterestOrThrow(
          input.year,
          input.annualRate as BasisPoints,
          balances,
          alreadyPosted,
        );
        const plan = result.decision
          ? planOf(result.decision, { amount: result.total, details: { year: input.year } })
          : undefined;
        const run = {
          year: input.year,
          annualRate: input.annualRate,
          accounts: result.interest.length,
          total: result.total,
          postedAt: ctx.now,
        };
        return {
          payload: {
            interestRun: run,
            transaction: plan ? postedTransaction(ctx, plan) : null,
            userErrors: [],
          },
          transaction: plan,
          after: async (manager) => {
            await manager.getRepository(InterestRunEntity).insert(run);
            await this.ctx.services.audit.record(manager, principal, {
              action: 'interestPost',
              entityType: 'InterestRun',
              entityId: String(input.year),
              before: null,
              after: { annualRate: input.annualRate, accounts: run.accounts, total: run.total.toString() },
            });
          },
        };
      },
    });
  }

  private async earmarkedHolders(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .getRepository(PocketEntity)
      .find({ select: { personId: true }, where: { kind: PocketKind.EARMARKED } });
    return rows.map((r) => r.personId);
  }
}
