import { randomUUID } from 'node:crypto';
import {
  type BasisPoints,
  type ContributionCreditResult,
  CreditingError,
  type ExistingCredit,
  Feature,
  type Fen,
  type InsuranceType,
  type LedgerDecision,
  PocketKind,
  SystemAccount,
  TransactionKind,
  checkContributionRowOrThrow,
  creditContributionsOrThrow,
  hasPersonalAccount,
  postInterestOrThrow,
  posting,
  sumFen,
  systemAccount,
  detailParam,
} from '@gongji/domain';
import {
  creditsOfMonth,
  earmarkedHoldersAfter,
  idempotencyKeyUsed,
  insertCredits,
  insertInterestRun,
  interestDateOf,
  interestRunExists,
  interestTotals,
  personsWithInterest,
  earmarkedPostedSince,
} from '@gongji/persistence';
import { type Principal, actorOf } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { badUserInput } from '../../common/error-detail';
import { type UserError, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { assertIdempotencyKey, postedTransaction, runMoneyMutation } from '../ledger/money-mutation';
import { effectivePolicyOn, personNotFound, personsOn, planOf } from '../wallet/in-transaction.reads';
import {
  ContributionCreditOutcome,
  type ContributionCreditRow,
  type ContributionsCreditPayload,
} from './dtos/contributions-credit.payload';
import type { ContributionsCreditInput } from './dtos/contributions-credit.input';
import type { InterestPostInput, InterestPostPayload } from './dtos/interest-post.dtos';

const MAX_ROWS = 1000;

/**
 * Holders per interest batch: each batch is one database transaction locking only its own pockets (issue #11: the
 * run used to lock every holder at once). Tests lower it through INTEREST_BATCH_SIZE.
 */
export const INTEREST_BATCH_SIZE = 1000;

function interestBatchSize(): number {
  const env = Number(process.env['INTEREST_BATCH_SIZE']);
  return Number.isInteger(env) && env > 0 ? env : INTEREST_BATCH_SIZE;
}

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
  transactionIds: [],
  userErrors,
});

/** What one interest batch posted (stored under the batch's internal key). */
interface InterestBatchPayload {
  transaction: InterestPostPayload['transaction'];
  accounts: number;
  userErrors: UserError[];
}

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
 * Both take the client's idempotency key (API.md: every money mutation does): same key and input replay the first
 * payload. The key is optional for clients written before it existed; without it a call runs under a fresh internal
 * key. Exactly-once per person-month and person-year comes from the data either way: decisions read the
 * `contribution_credits` rows (primary key person + month) and the year's INTEREST postings under the pocket locks,
 * so a resent batch without a key reports its rows ALREADY_CREDITED instead of crediting twice.
 */
export class CreditingService {
  constructor(private readonly ctx: GraphQLContext) {}

  credit(principal: Principal, input: ContributionsCreditInput): Promise<ContributionsCreditPayload> {
    if (input.rows.length > MAX_ROWS)
      throw badUserInput(
        `At most ${MAX_ROWS} rows per batch`,
        detailParam('ROWS_PER_BATCH', { max: MAX_ROWS }),
        {
          field: ['rows'],
        },
      );
    const refused = refusedCredit(input.month);
    const personIds = [...new Set(input.rows.map((r) => r.personId))];
    return runMoneyMutation<ContributionsCreditPayload>(this.ctx.services.ledger, principal, {
      operation: 'contributionsCredit',
      idempotencyKey: input.idempotencyKey ?? `contributionsCredit:${randomUUID()}`,
      input: { month: input.month, rows: input.rows.map((r) => ({ ...r })) },
      personIds,
      refused,
      decide: async (ctx) => {
        // R-ACC-4: a month after the current one (Beijing time) has nothing collected — refused before any read.
        const today = todayInChina(ctx.now);
        creditContributionsOrThrow(input.month, [], [], { today });
        const persons = await personsOn(ctx.manager, personIds);
        const byEarmarkedFrom = new Map<string, typeof input.rows>();
        for (const [i, row] of input.rows.entries()) {
          const person = persons.get(row.personId);
          // Field paths are segmented like every other userError (`["rows", "0", "personId"]`, audit finding 10).
          const rowField = ['rows', String(i), 'personId'];
          if (!person)
            return { payload: refused([Object.assign(personNotFound('personId'), { field: rowField })]) };
          if (row.amount > 0n && !hasPersonalAccount(person.insuranceType as InsuranceType))
            return {
              payload: refused([
                userError(
                  'NO_PERSONAL_ACCOUNT',
                  'Only employee participants have a personal account to credit (R-ACC-1)',
                  rowField,
                  'R-ACC-1',
                ),
              ]),
            };
          // R-ACC-4: nothing is collected for a month before the person's birth month (MONTH_BEFORE_BIRTH); the
          // refusal names this row by its index in the input and refuses the whole batch, like the checks above.
          checkContributionRowOrThrow(
            input.month,
            { personId: row.personId, amount: row.amount, birthDate: person.birthDate },
            i,
          );
          // Rollout dates do not depend on the day asked; `from` is the region's setting, else the province's, else
          // the national EARMARKED_NATIONAL_FROM (R-ACC-3) — what effectivePolicy reports for the region too.
          const policy = await effectivePolicyOn(
            this.ctx.services.policy,
            ctx.manager,
            person.regionCode,
            today,
          );
          const from = policy?.features[Feature.EARMARKED_ACCOUNT].from ?? '';
          byEarmarkedFrom.set(from, [...(byEarmarkedFrom.get(from) ?? []), row]);
        }
        const existing = await creditsOfMonth(ctx.manager, input.month, personIds);
        const names = Object.fromEntries([...persons.values()].map((p) => [p.id, p.name]));
        const results = [...byEarmarkedFrom.entries()].map(([from, rows]) =>
          creditContributionsOrThrow(
            input.month,
            rows,
            existing.map((e): ExistingCredit => ({ personId: e.personId, amount: e.amount as Fen })),
            // Without a policy (unknown region) the domain applies the same national default (2022-09-01). The
            // names let a Chinese CONFLICTING_CREDIT name the person, not the id (R-ACC-4).
            { today, ...(from ? { earmarkedFrom: from } : {}), names },
          ),
        );
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
          audit: {
            after: { month: input.month, credited: credited.length, total: creditedTotal.toString() },
          },
          after: async (manager, transactionId) => {
            if (credited.length === 0) return;
            await insertCredits(manager, input.month, transactionId, credited);
          },
        };
      },
    });
  }

  /**
   * The yearly interest run (R-ACC-4) in bounded batches: holders of an EARMARKED pocket are taken by person id, a
   * batch at a time, each batch one ledger transaction locking only its holders and paying those not yet paid for
   * the year (their INTEREST posting dated the year's last day is the marker, read under the locks). The run record
   * (`interest_runs`, once per year) and the client's key are written last, so a call that stopped half-way is
   * finished by a retry with the same key, and nobody is paid twice.
   */
  async postInterest(principal: Principal, input: InterestPostInput): Promise<InterestPostPayload> {
    if (input.idempotencyKey != null) assertIdempotencyKey(input.idempotencyKey);
    // One business date for the whole run (its batches and its final step), Beijing time.
    const today = todayInChina();
    const request = { year: input.year, annualRate: input.annualRate };
    const transactions: NonNullable<InterestPostPayload['transaction']>[] = [];
    const manager = this.ctx.dataSource.manager;
    // A used key only replays (or is refused as reused for another input): no batch runs for it.
    const keyUsed =
      input.idempotencyKey != null &&
      (await idempotencyKeyUsed(manager, actorOf(principal), input.idempotencyKey));
    if (!keyUsed && interestInputValid(input, today) && !(await interestRunExists(manager, input.year))) {
      const size = interestBatchSize();
      for (let after = ''; ;) {
        const holders = await earmarkedHoldersAfter(manager, after, size);
        if (holders.length === 0) break;
        after = holders[holders.length - 1];
        const batch = await this.interestBatch(principal, input, holders, today);
        if (batch.userErrors.length > 0) break; // the final step refuses with the same reason
        if (batch.transaction) transactions.push(batch.transaction);
        if (holders.length < size) break;
      }
    }
    return runMoneyMutation<InterestPostPayload>(this.ctx.services.ledger, principal, {
      operation: 'interestPost',
      idempotencyKey: input.idempotencyKey ?? `interestPost:${randomUUID()}`,
      input: request,
      personIds: [],
      refused: refusedInterest,
      decide: async (ctx) => {
        const alreadyPosted = await interestRunExists(ctx.manager, input.year);
        postInterestOrThrow(input.year, input.annualRate as BasisPoints, [], alreadyPosted, today);
        const totals = await interestTotals(ctx.manager, input.year);
        const run = {
          year: input.year,
          annualRate: input.annualRate,
          accounts: totals.accounts,
          total: totals.total as Fen,
          postedAt: ctx.now,
        };
        return {
          payload: {
            interestRun: run,
            transaction: transactions.length === 1 ? transactions[0] : null,
            transactionIds: transactions.map((t) => t.id),
            userErrors: [],
          },
          audit: {
            entityType: 'InterestRun',
            entityId: String(input.year),
            after: {
              annualRate: input.annualRate,
              accounts: run.accounts,
              total: run.total.toString(),
              transactions: transactions.length,
            },
          },
          after: async (m) => {
            await insertInterestRun(m, run);
          },
        };
      },
    });
  }

  /** One batch of the interest run: pays the holders not yet paid for the year, under their locks. */
  private interestBatch(
    principal: Principal,
    input: InterestPostInput,
    holders: readonly string[],
    today: string,
  ): Promise<InterestBatchPayload> {
    return runMoneyMutation<InterestBatchPayload>(this.ctx.services.ledger, principal, {
      operation: 'interestPost.batch',
      idempotencyKey: `interestPost:${input.year}:batch:${randomUUID()}`,
      input: {
        year: input.year,
        annualRate: input.annualRate,
        from: holders[0],
        to: holders[holders.length - 1],
      },
      personIds: holders,
      refused: (userErrors) => ({ transaction: null, accounts: 0, userErrors }),
      decide: async (ctx) => {
        const paid = await personsWithInterest(ctx.manager, input.year, holders);
        // Interest is on the EARMARKED balance at the end of the year (R-ACC-4): the balance now (under the lock)
        // minus what was posted since 1 January of the next year, Beijing time.
        const since = await earmarkedPostedSince(ctx.manager, holders, yearEndInstant(input.year));
        const balances = [...ctx.pockets.values()]
          .filter((p) => p.kind === PocketKind.EARMARKED && !paid.has(p.personId))
          .map((p) => ({
            personId: p.personId,
            balance: (p.balance - (since.get(p.personId) ?? 0n)) as Fen,
          }));
        const result = postInterestOrThrow(
          input.year,
          input.annualRate as BasisPoints,
          balances,
          false,
          today,
        );
        const plan = result.decision
          ? planOf(result.decision, {
              amount: result.total,
              serviceDate: interestDateOf(input.year),
              details: { year: input.year, annualRate: input.annualRate },
            })
          : undefined;
        return {
          payload: {
            transaction: plan ? postedTransaction(ctx, plan) : null,
            accounts: result.interest.length,
            userErrors: [],
          },
          transaction: plan,
        };
      },
    });
  }
}

/** The end of `year` in Beijing time (1 January of the next year, 00:00 +08:00): the interest run's balance date. */
function yearEndInstant(year: number): Date {
  return new Date(`${year + 1}-01-01T00:00:00+08:00`);
}

/**
 * The checks the final step repeats (so its refusal is stored under the client's key): year (INVALID_YEAR,
 * YEAR_BEFORE_EARMARKED, YEAR_IN_FUTURE, YEAR_NOT_ENDED) and rate.
 */
function interestInputValid(input: InterestPostInput, today: string): boolean {
  try {
    postInterestOrThrow(input.year, input.annualRate as BasisPoints, [], false, today);
    return true;
  } catch (err) {
    if (err instanceof CreditingError) return false;
    throw err;
  }
}
