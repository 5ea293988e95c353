import { type BasisPoints, type Fen, applyRateHalfUp, formatMoney, sumFen } from '../money/money';
import { PocketKind, SystemAccount, TransactionKind, systemAccount } from '../ledger/ledger';
import { explain, formatRate } from '../ledger/explain';
import { creditPocket, posting } from '../ledger/ledger.rules';
import {
  type MessageParam,
  type MessageParams,
  dateParam,
  detailParam,
  moneyParam,
  termParam,
} from '../messages/params';
import { EARMARKED_NATIONAL_FROM } from '../policy/policy';
import type { IsoDate } from '../shared/dates';
import type {
  ContributionCreditOptions,
  ContributionCreditResult,
  ContributionRow,
  ExistingCredit,
  InterestBase,
  InterestResult,
} from './crediting';
import { CreditingError, CreditingErrorCode } from './crediting.errors';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * First year with interest to post: the year the book-entry account (EARMARKED) started nationally (R-ACC-3,
 * 2022-09-01). Interest goes to EARMARKED (R-ACC-4); before that year there was no EARMARKED balance to pay it on.
 */
export const FIRST_INTEREST_YEAR = Number(EARMARKED_NATIONAL_FROM.slice(0, 4));

/**
 * R-ACC-4: checks one row of a monthly batch, `index` being its position in the caller's input (the refusal's field
 * is `["rows", index, …]`): a negative amount is refused (INVALID_AMOUNT); a positive amount for a month before the
 * person's birth month is refused (MONTH_BEFORE_BIRTH: nothing can have been collected for a person not yet born —
 * no collection, no credit). An amount of 0 (not collected) is never refused for its month.
 */
export function checkContributionRowOrThrow(month: string, row: ContributionRow, index: number): void {
  if (row.amount < 0n) {
    throw new CreditingError(
      CreditingErrorCode.INVALID_AMOUNT,
      `Contribution of ${row.personId} for ${month} is negative (${formatMoney(row.amount)})`,
      ['rows', String(index), 'amount'],
      [],
      { person: row.personId, month, value: formatMoney(row.amount) },
    );
  }
  const birthMonth = row.birthDate?.slice(0, 7);
  if (row.amount > 0n && birthMonth && month < birthMonth) {
    throw new CreditingError(
      CreditingErrorCode.MONTH_BEFORE_BIRTH,
      `R-ACC-4: ${month} is before the birth month of ${row.personId} (${birthMonth}): nothing was collected for it, so nothing is credited`,
      ['rows', String(index), 'personId'],
      [],
      { month, birthMonth },
    );
  }
}

/**
 * R-ACC-4: credits one month of collected contributions, exactly once per person and month.
 *
 * - amount 0 → not collected, no credit (根据医保费征收情况); a negative amount is refused;
 * - a person-month already credited with the same amount → reported in `alreadyCredited`, nothing moves (so a
 *   re-run of the same batch is harmless);
 * - a person-month already credited (or listed twice in the batch) with a different amount → the whole batch is
 *   refused with CONFLICTING_CREDIT: a correction is a staff decision, not a silent second credit;
 * - credits go from CONTRIBUTION_SOURCE to EARMARKED, or to LEGACY for months before `earmarkedFrom` (those funds
 *   went to the bank passbook, R-ACC-4 relocated insured); without a region date, the national
 *   {@link EARMARKED_NATIONAL_FROM} (R-ACC-3) — the fallback `effectivePolicy` reports too;
 * - a row for a month before the person's birth month is refused (MONTH_BEFORE_BIRTH, {@link
 *   checkContributionRowOrThrow}), and the whole batch with it, like every row refusal;
 *
 * - a month after the current month (`options.today`, Beijing time) is refused with MONTH_IN_FUTURE: nothing can have
 *   been collected for it (no collection, no credit); the current month is allowed.
 *
 * The credit day (1st–5th) is an operating schedule, not a refusal: a late batch is still credited once.
 */
/**
 * R-ACC-4: the conflicts of a refused batch as one detail sentence: each conflict carries the ones after it as its
 * `rest` (English: joined by `; `, the text it always was; Chinese: `；`).
 */
function conflictList(details: readonly [code: string, params: MessageParams][]): MessageParam {
  const [[code, params], ...rest] = details;
  return detailParam(code, rest.length === 0 ? params : { ...params, rest: conflictList(rest) });
}

export function creditContributionsOrThrow(
  month: string,
  rows: readonly ContributionRow[],
  alreadyCredited: readonly ExistingCredit[],
  options: ContributionCreditOptions,
): ContributionCreditResult {
  if (!MONTH_RE.test(month)) {
    throw new CreditingError(
      CreditingErrorCode.INVALID_MONTH,
      `"${month}" is not a month (YYYY-MM)`,
      ['month'],
      [],
      { value: month },
    );
  }
  const currentMonth = options.today.slice(0, 7);
  if (month > currentMonth) {
    throw new CreditingError(
      CreditingErrorCode.MONTH_IN_FUTURE,
      `R-ACC-4: ${month} is after the current month (${currentMonth}, Beijing time): nothing was collected for it, so nothing is credited`,
      ['month'],
      [],
      { month, currentMonth },
    );
  }
  const pocket =
    `${month}-01` < (options.earmarkedFrom ?? EARMARKED_NATIONAL_FROM)
      ? PocketKind.LEGACY
      : PocketKind.EARMARKED;
  const previous = new Map(alreadyCredited.map((c) => [c.personId, c.amount]));
  const batch = new Map<string, Fen>();
  const conflicts: string[] = [];
  // R-ACC-4: each conflict also as a detail sentence, so the Chinese names the person and month in Chinese.
  const conflictDetails: [code: string, params: MessageParams][] = [];
  const who = (personId: string) => {
    const name = options.names?.[personId];
    return {
      person: personId,
      ...(name ? { name } : {}),
      month,
      year: Number(month.slice(0, 4)),
      monthNumber: Number(month.slice(5, 7)),
    };
  };
  rows.forEach((row, i) => {
    checkContributionRowOrThrow(month, row, i);
    const seen = batch.get(row.personId);
    if (seen !== undefined && seen !== row.amount) {
      conflicts.push(`${row.personId} ${month} (listed twice)`);
      conflictDetails.push(['CREDIT_CONFLICT_LISTED_TWICE', who(row.personId)]);
    }
    batch.set(row.personId, row.amount);
  });
  const credited: ExistingCredit[] = [];
  const same: ExistingCredit[] = [];
  const notCollected: string[] = [];
  for (const [personId, amount] of batch) {
    const before = previous.get(personId);
    if (before !== undefined) {
      if (before === amount) same.push({ personId, amount });
      else {
        conflicts.push(`${personId} ${month} (credited ${formatMoney(before)}, now ${formatMoney(amount)})`);
        conflictDetails.push([
          'CREDIT_CONFLICT_CREDITED',
          { ...who(personId), before: formatMoney(before), now: formatMoney(amount) },
        ]);
      }
    } else if (amount === 0n) {
      notCollected.push(personId);
    } else {
      credited.push({ personId, amount });
    }
  }
  if (conflicts.length) {
    throw new CreditingError(
      CreditingErrorCode.CONFLICTING_CREDIT,
      `R-ACC-4: a person-month is credited exactly once; conflicting: ${conflicts.join('; ')}`,
      ['rows'],
      conflicts,
      { conflicts: conflictList(conflictDetails) },
    );
  }
  const total = sumFen(credited.map((c) => c.amount));
  const explanation = [
    explain(
      'R-ACC-4',
      `${month}: credit ${credited.length} collected contributions totalling ${formatMoney(total)} to ${pocket}; ` +
        `${same.length} already credited (no-op); ${notCollected.length} not collected (no credit)`,
      'CONTRIBUTION_CREDIT',
      {
        month,
        year: Number(month.slice(0, 4)),
        monthNumber: Number(month.slice(5, 7)),
        credited: credited.length,
        total: moneyParam(total),
        pocket: termParam('pocket', pocket),
        same: same.length,
        notCollected: notCollected.length,
      },
    ),
  ];
  return {
    month,
    decision: credited.length
      ? {
          kind: TransactionKind.CONTRIBUTION_CREDIT,
          postings: [
            posting(systemAccount(SystemAccount.CONTRIBUTION_SOURCE), -total),
            ...credited.map((c) => creditPocket(c.personId, pocket, c.amount)),
          ],
          explanation,
        }
      : null,
    credited,
    alreadyCredited: same,
    notCollected,
  };
}

/**
 * R-ACC-4: yearly interest (结息) posted to EARMARKED, once per year.
 *
 * Formula (documented decision): interest = the EARMARKED balance at the end of `year` (31 December, 24:00 Beijing
 * time: the API passes the balance then, reconstructed from the postings booked since) × annual rate, rounded
 * half-up to the fen, per person. Intra-year balance movements are not weighted (the seeds give no day-count rule);
 * money credited after the year earns nothing for it, so a run for an earlier year pays only what was there then;
 * LEGACY earns the bank's own interest outside this ledger. Accounts earning 0.00 get no posting.
 *
 * A year after the current year (`today`, Beijing time) is refused with YEAR_IN_FUTURE, the current year with
 * YEAR_NOT_ENDED: its year-end balance is not known before 1 January.
 * A year before {@link FIRST_INTEREST_YEAR} (2022) is refused with YEAR_BEFORE_EARMARKED (R-ACC-3): no EARMARKED
 * account existed to earn it.
 */
export function postInterestOrThrow(
  year: number,
  annualRate: BasisPoints,
  balances: readonly InterestBase[],
  alreadyPosted: boolean,
  today: IsoDate,
): InterestResult {
  if (!Number.isInteger(year) || year < 1998 || year > 9999) {
    throw new CreditingError(
      CreditingErrorCode.INVALID_YEAR,
      `${year} is not a calendar year`,
      ['year'],
      [],
      {
        value: year,
      },
    );
  }
  if (year < FIRST_INTEREST_YEAR) {
    throw new CreditingError(
      CreditingErrorCode.YEAR_BEFORE_EARMARKED,
      `R-ACC-4: interest is posted to EARMARKED, which exists since ${EARMARKED_NATIONAL_FROM}: there is no interest to post for ${year}`,
      ['year'],
      [],
      { year, from: dateParam(EARMARKED_NATIONAL_FROM) },
      'R-ACC-3',
    );
  }
  const currentYear = Number(today.slice(0, 4));
  if (year > currentYear) {
    throw new CreditingError(
      CreditingErrorCode.YEAR_IN_FUTURE,
      `R-ACC-4: interest for ${year} cannot be posted before the year has begun (this year is ${currentYear}, Beijing time)`,
      ['year'],
      [],
      { year, currentYear },
    );
  }
  if (year === currentYear) {
    throw new CreditingError(
      CreditingErrorCode.YEAR_NOT_ENDED,
      `R-ACC-4: interest for ${year} is on the balance at the end of the year: it can be posted from ${year + 1}-01-01 (Beijing time)`,
      ['year'],
      [],
      { year, from: dateParam(`${year + 1}-01-01`) },
    );
  }
  if (!Number.isInteger(annualRate) || annualRate < 0 || annualRate > 10_000) {
    throw new CreditingError(
      CreditingErrorCode.INVALID_RATE,
      `annual rate must be integer basis points 0..10000, got ${annualRate}`,
      ['annualRate'],
      [],
      { rate: String(annualRate) },
    );
  }
  if (alreadyPosted) {
    throw new CreditingError(
      CreditingErrorCode.INTEREST_ALREADY_POSTED,
      `R-ACC-4: interest for ${year} was already posted`,
      ['year'],
      [],
      { year },
    );
  }
  const interest = balances
    .filter((b) => b.balance > 0n)
    .map((b) => ({ personId: b.personId, amount: applyRateHalfUp(b.balance, annualRate) }))
    .filter((i) => i.amount > 0n);
  const total = sumFen(interest.map((i) => i.amount));
  return {
    year,
    annualRate,
    interest,
    total,
    decision: interest.length
      ? {
          kind: TransactionKind.INTEREST,
          postings: [
            posting(systemAccount(SystemAccount.INTEREST), -total),
            ...interest.map((i) => creditPocket(i.personId, PocketKind.EARMARKED, i.amount)),
          ],
          explanation: [
            explain(
              'R-ACC-4',
              `${year} interest: EARMARKED balance at the end of ${year} × ${formatRate(annualRate)}, half-up to the fen; ` +
                `${interest.length} accounts, total ${formatMoney(total)}`,
              'INTEREST',
              { year, rate: formatRate(annualRate), accounts: interest.length, total: moneyParam(total) },
            ),
          ],
        }
      : null,
  };
}
