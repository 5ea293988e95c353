import { type Fen, formatMoney, minFen, sumFen } from '../money/money';
import {
  type LedgerAccount,
  type Posting,
  SystemAccount,
  TransactionKind,
  systemAccount,
} from '../ledger/ledger';
import { explain } from '../ledger/explain';
import { describeAccount, posting, reversePostings } from '../ledger/ledger.rules';
import type { AccumulatorDelta } from '../settlement/settlement';
import { moneyParam, termParam } from '../messages/params';
import type { ExplanationParams } from '../messages/explanations';
import type { Explanation } from '../shared/domain-error';
import { negateAccumulatorDelta } from '../settlement/settlement.rules';
import {
  type CancellationResult,
  type PriorRefund,
  type RefundLine,
  type RefundResult,
  type SettledTransaction,
  SettlementStatus,
} from './refund';
import { RefundError, RefundErrorCode } from './refund.errors';

const ZERO = 0n as Fen;

function refuseClosed(original: SettledTransaction): void {
  if (original.status === SettlementStatus.CANCELLED) {
    throw new RefundError(
      RefundErrorCode.ALREADY_CANCELLED,
      `Settlement ${original.transactionId} was already cancelled`,
      ['transactionId'],
      { transaction: original.transactionId },
    );
  }
  if (original.status === SettlementStatus.REFUNDED) {
    throw new RefundError(
      RefundErrorCode.ALREADY_REFUNDED,
      `Settlement ${original.transactionId} was already refunded in full`,
      ['transactionId'],
      { transaction: original.transactionId },
    );
  }
}

/**
 * R-USE-5 / R-SET-5: cancels a confirmed settlement. The postings exactly reverse every posting of the settlement
 * (same accounts, negated amounts, same order), so every pocket, the fund and the institution are back where they
 * were, and the accumulator delta is negated so deductible progress, admissions and caps are restored.
 *
 * Refused when already cancelled or fully refunded, and (decision) when partly refunded: the exact reversal no
 * longer holds then, so the remainder is refunded with {@link partialRefundOrThrow}, whose last refund restores the
 * accumulators exactly like a cancellation.
 */
export function cancelSettlementOrThrow(original: SettledTransaction): CancellationResult {
  refuseClosed(original);
  if (original.status === SettlementStatus.PARTIALLY_REFUNDED) {
    throw new RefundError(
      RefundErrorCode.PARTIALLY_REFUNDED,
      `Settlement ${original.transactionId} was partly refunded; refund the remainder instead of cancelling`,
      ['transactionId'],
      { transaction: original.transactionId },
    );
  }
  return {
    kind: TransactionKind.SETTLEMENT_CANCEL,
    postings: reversePostings(original.postings),
    explanation: [
      explain(
        'R-USE-5',
        `cancellation of settlement ${original.transactionId}: every posting reversed, accumulators restored`,
        'SETTLEMENT_CANCELLED',
        { transaction: original.transactionId },
      ),
    ],
    accumulatorDelta: negateAccumulatorDelta(original.accumulatorDelta),
    status: SettlementStatus.CANCELLED,
  };
}

interface Source {
  readonly account: LedgerAccount;
  readonly left: Fen;
}

function isFund(account: LedgerAccount): boolean {
  return account.type === 'SYSTEM' && account.account === SystemAccount.FUND_POOL;
}

function isCash(account: LedgerAccount): boolean {
  return account.type === 'SYSTEM' && account.account === SystemAccount.CASH;
}

function sumDeltas(deltas: readonly AccumulatorDelta[], year: number): AccumulatorDelta {
  return {
    year,
    outpatientCovered: sumFen(deltas.map((d) => d.outpatientCovered)),
    outpatientFundPaid: sumFen(deltas.map((d) => d.outpatientFundPaid)),
    inpatientAdmissions: deltas.reduce((n, d) => n + d.inpatientAdmissions, 0),
    inpatientFundPaid: sumFen(deltas.map((d) => d.inpatientFundPaid)),
    accountPaid: sumFen(deltas.map((d) => d.accountPaid)),
  };
}

/**
 * R-USE-5: refunds part of a settlement (退费) to the accounts that paid, in reverse order of payment: cash first,
 * then relatives' accounts from last-used to first, then the own wallet, then the own account.
 *
 * Decisions (DOMAIN.md is silent):
 * - outpatient (R-SET-1): the fund first takes back what it would not have paid on the bill as it stands after the
 *   refund — its payment × the share of its base (the covered cost above the deductible) that the refund returns,
 *   half-up, the base returned first — so a refund cannot leave the fund paying for covered cost that no longer
 *   counts toward the deductible (a black-box audit: 2000.00 covered, fund 100.00, 500.00 refunded all to the
 *   account; the deductible then counted 1500.00 and the next 1000.00 got 350.00 from the fund: 100.00 paid twice);
 *   the rest returns personal money in reverse order; fund money beyond that share comes back last (FUND_POOL).
 *   Inpatient (R-SET-2) keeps the fund's payment until the whole personal share has been returned. The bill's items
 *   are not re-priced.
 * - accumulators: `accountPaid` falls by the money returned to personal pockets and the fund-paid accumulator by the
 *   fund money returned; the outpatient covered spend (the deductible's progress, R-SET-1) falls by the covered part
 *   of what has been refunded — the excluded items, paid in cash, count as refunded first (cash is returned first),
 *   every yuan beyond them is covered cost returned — so a bill refunded but for 0.01 no longer counts as spent in
 *   full; an admission stays counted until the refund that completes the settlement, which restores every
 *   accumulator exactly as a cancellation would (the refunds' deltas then sum to minus the settlement's delta).
 * - no account ever gets back more than it paid: `alreadyRefunded` (the earlier refunds of this settlement) is
 *   subtracted per account, and an amount above what is left is refused.
 */
export function partialRefundOrThrow(
  original: SettledTransaction,
  alreadyRefunded: readonly PriorRefund[],
  amount: Fen,
): RefundResult {
  refuseClosed(original);
  if (amount <= 0n) {
    throw new RefundError(RefundErrorCode.INVALID_AMOUNT, 'The refund amount must be positive', ['amount']);
  }
  const back = new Map<string, bigint>();
  for (const refund of alreadyRefunded) {
    for (const p of refund.postings) {
      if (p.amount > 0n)
        back.set(describeAccount(p.account), (back.get(describeAccount(p.account)) ?? 0n) + p.amount);
    }
  }
  const payers: Source[] = original.postings
    .filter((p) => p.amount < 0n)
    .map((p) => ({
      account: p.account,
      left: (-p.amount - (back.get(describeAccount(p.account)) ?? 0n)) as Fen,
    }));
  const institution =
    original.postings.find((p) => p.amount > 0n)?.account ?? systemAccount(SystemAccount.INSTITUTION);
  const personal = payers.filter((s) => !isFund(s.account)).reverse();
  const order = [...personal, ...payers.filter((s) => isFund(s.account))];
  const refundable = sumFen(order.map((s) => s.left));
  if (amount > refundable) {
    throw new RefundError(
      RefundErrorCode.REFUND_EXCEEDS_REMAINING,
      `Only ${formatMoney(refundable)} of settlement ${original.transactionId} is left to refund, not ${formatMoney(amount)}`,
      ['amount'],
      { refundable: moneyParam(refundable), amount: moneyParam(amount) },
    );
  }
  const settled = original.accumulatorDelta;
  const inpatient = settled.inpatientAdmissions > 0;
  // The covered part of the money returned so far, before and after this refund: the bill's total less its
  // excluded items (paid in cash, returned first), at most the covered spend the settlement counted.
  const total = sumFen(original.postings.filter((p) => p.amount < 0n).map((p) => -p.amount as Fen));
  const excluded = total - settled.outpatientCovered;
  const coveredBack = (refunded: bigint): bigint =>
    refunded <= excluded ? 0n : minFen((refunded - excluded) as Fen, settled.outpatientCovered);
  const refundedBefore = total - refundable;
  const coveredReturned = coveredBack(refundedBefore + amount) - coveredBack(refundedBefore);
  // R-SET-1: the fund first takes back what it would not have paid on the outpatient bill as it stands after the
  // refund (its share of the covered cost above the deductible that is returned); the rest goes back in reverse order.
  const fund = payers.find((s) => isFund(s.account));
  const fundBase = inpatient ? null : outpatientFundBaseOf(original.explanation ?? []);
  let fundFirst = ZERO;
  if (fund && fundBase !== null && fundBase > 0n && amount < refundable) {
    const fundPaid = sumFen(original.postings.filter((p) => isFund(p.account)).map((p) => -p.amount as Fen));
    const baseLeft = fundBase - minFen(coveredBack(refundedBefore + amount) as Fen, fundBase);
    const fundKept = (fundPaid * baseLeft * 2n + fundBase) / (fundBase * 2n); // fundPaid × baseLeft / base, half-up
    const owed = fund.left - fundKept; // what it paid, less what it keeps and what earlier refunds gave back
    fundFirst = owed > 0n ? minFen(minFen(owed as Fen, fund.left), amount) : ZERO;
  }
  let toReturn = (amount - fundFirst) as Fen;
  const returned: RefundLine[] = [];
  for (const source of order) {
    const first = source === fund ? fundFirst : ZERO;
    const part = minFen(toReturn, (source.left - first) as Fen);
    toReturn = (toReturn - part) as Fen;
    if (part + first > 0n) returned.push({ account: source.account, amount: (part + first) as Fen });
  }
  const positions = providerPositionsOf(original.explanation ?? []);
  const fundReturned = sumFen(returned.filter((r) => isFund(r.account)).map((r) => r.amount));
  const cashReturned = sumFen(returned.filter((r) => isCash(r.account)).map((r) => r.amount));
  const accountReturned = sumFen(returned.filter((r) => r.account.type === 'POCKET').map((r) => r.amount));
  const remaining = (refundable - amount) as Fen;
  const accumulatorDelta: AccumulatorDelta =
    remaining === 0n
      ? negateAccumulatorDelta(
          sumDeltas([settled, ...alreadyRefunded.map((r) => r.accumulatorDelta)], settled.year),
        )
      : {
          year: settled.year,
          outpatientCovered: -coveredReturned as Fen,
          outpatientFundPaid: (inpatient || settled.outpatientFundPaid === 0n ? ZERO : -fundReturned) as Fen,
          inpatientAdmissions: 0,
          inpatientFundPaid: (inpatient ? -fundReturned : ZERO) as Fen,
          accountPaid: -accountReturned as Fen,
        };
  const postings: Posting[] = [
    posting(institution, -amount),
    ...returned.map((r) => posting(r.account, r.amount)),
  ];
  return {
    kind: TransactionKind.REFUND,
    postings,
    explanation: [
      explain(
        'R-USE-5',
        `refund ${formatMoney(amount)} of settlement ${original.transactionId} in reverse order of payment: ` +
          returned.map((r) => describeReturned(r, original, positions)).join(', ') +
          `; ${formatMoney(remaining)} left to refund`,
        'REFUND',
        {
          amount: moneyParam(amount),
          transaction: original.transactionId,
          returned: {
            kind: 'list',
            item: 'REFUND_RETURNED',
            items: returned.map((r) => returnedParams(r, original, positions)),
          },
          remaining: moneyParam(remaining),
        },
      ),
    ],
    amount,
    returned,
    cashReturned,
    accountReturned,
    fundReturned,
    remaining,
    accumulatorDelta,
    status: remaining === 0n ? SettlementStatus.REFUNDED : SettlementStatus.PARTIALLY_REFUNDED,
  };
}

/**
 * The covered cost of an outpatient settlement that the fund's rate applied to — the part above the deductible
 * (`above` of its R-SET-1 line, FUND_OUTPATIENT / FUND_OUTPATIENT_RETIRED) — or null when the stored explanation
 * does not say (a settlement stored without it keeps the fund's payment until the personal share is back).
 */
export function outpatientFundBaseOf(explanation: readonly Explanation[]): Fen | null {
  for (const line of explanation) {
    if (line.code !== 'FUND_OUTPATIENT' && line.code !== 'FUND_OUTPATIENT_RETIRED') continue;
    const above = line.params?.['above'];
    if (typeof above === 'object' && above !== null && 'kind' in above && above.kind === 'money')
      return BigInt(above.fen) as Fen;
  }
  return null;
}

/**
 * The position each relative paid at in the settlement (R-KIN-4), read from its stored explanation lines
 * (`KIN_PROVIDER_PAID` carries the provider and the position).
 */
export function providerPositionsOf(explanation: readonly Explanation[]): ReadonlyMap<string, number> {
  const positions = new Map<string, number>();
  for (const line of explanation) {
    const provider = line.params?.['provider'];
    const position = line.params?.['position'];
    if (line.code === 'KIN_PROVIDER_PAID' && typeof provider === 'string' && typeof position === 'number')
      positions.set(provider, position);
  }
  return positions;
}

/**
 * One account a refund pays back to, for the REFUND explanation: the patient's own pocket as 本人, a relative's as
 * 第N位共济人 (their position in the settlement), never a person's id; fund and cash by their names.
 */
function returnedParams(
  r: RefundLine,
  original: SettledTransaction,
  positions: ReadonlyMap<string, number>,
): ExplanationParams {
  const amount = moneyParam(r.amount);
  if (r.account.type === 'POCKET') {
    const pocket = termParam('pocket', r.account.pocket);
    if (r.account.personId === original.patientId) return { ownPocket: pocket, amount };
    const position = positions.get(r.account.personId);
    return position === undefined
      ? { person: r.account.personId, pocket, amount }
      : { position, pocket, amount };
  }
  const system = termParam('systemAccount', r.account.account);
  return r.account.ref == null ? { system, amount } : { system, ref: r.account.ref, amount };
}

/** The English of {@link returnedParams} for the line's `message`. */
function describeReturned(
  r: RefundLine,
  original: SettledTransaction,
  positions: ReadonlyMap<string, number>,
): string {
  const amount = formatMoney(r.amount);
  if (r.account.type === 'POCKET') {
    if (r.account.personId === original.patientId) return `own ${r.account.pocket} ${amount}`;
    const position = positions.get(r.account.personId);
    if (position !== undefined) return `relative no. ${position} ${r.account.pocket} ${amount}`;
  }
  return `${describeAccount(r.account)} ${amount}`;
}
