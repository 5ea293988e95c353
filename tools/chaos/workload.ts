import { type ApiSlot, attempt } from './client';
import { fromFen, toFen } from './money';
import type { Population } from './population';
import type { Rng } from './rng';

export const OP_KINDS = [
  'settlementConfirm',
  'settlementCancel',
  'refundIssue',
  'premiumPay',
  'walletTransfer',
  'contributionsCredit',
] as const;
export type OpKind = (typeof OP_KINDS)[number];

export interface PostingView {
  readonly personId: string | null;
  readonly pocket: string | null;
  readonly systemAccount: string | null;
  readonly amount: string;
  readonly balanceAfter: string | null;
}

export interface TransactionView {
  readonly id: string;
  readonly kind: string;
  readonly postings: readonly PostingView[];
}

export interface CreditRow {
  readonly personId: string;
  readonly amount: string;
  readonly outcome: string;
}

/** One logical request: its key and input never change across retries. */
export interface Op {
  readonly seq: number;
  readonly kind: OpKind;
  readonly client: number;
  /** Idempotency key (null for contributionsCredit on a server without its key: the person-month is the key, R-ACC-4). */
  readonly key: string | null;
  readonly input: Record<string, unknown>;
  attempts: number;
  /** Why each non-definitive attempt was not an answer. */
  readonly unknownReasons: string[];
  state: 'pending' | 'applied' | 'refused' | 'rejected' | 'unknown';
  refusal?: string;
  transaction?: TransactionView | null;
  creditRows?: readonly CreditRow[];
}

const TX = 'transaction { id kind postings { personId pocket systemAccount amount balanceAfter } }';
const ERR = 'userErrors { code rule message }';
export const DOCUMENTS: Record<OpKind, string> = {
  settlementConfirm: `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) { ${TX} ${ERR} } }`,
  settlementCancel: `mutation($input: SettlementCancelInput!) { settlementCancel(input: $input) { ${TX} ${ERR} } }`,
  refundIssue: `mutation($input: RefundIssueInput!) { refundIssue(input: $input) { ${TX} ${ERR} } }`,
  premiumPay: `mutation($input: PremiumPayInput!) { premiumPay(input: $input) { ${TX} ${ERR} } }`,
  walletTransfer: `mutation($input: WalletTransferInput!) { walletTransfer(input: $input) { ${TX} ${ERR} } }`,
  contributionsCredit: `mutation($input: ContributionsCreditInput!) { contributionsCredit(input: $input) { ${TX} rows { personId amount outcome } ${ERR} } }`,
};

/**
 * Per 100 operations. Cancels and refunds fall back to a settlement while no settlement is acknowledged yet; a credit
 * for a group that has used every month falls back to another kind, drawn from the mix without credits.
 */
const MIX: readonly [OpKind, number][] = [
  ['settlementConfirm', 40],
  ['settlementCancel', 7],
  ['refundIssue', 12],
  ['premiumPay', 12],
  ['walletTransfer', 16],
  ['contributionsCredit', 13],
];

export interface WorkloadOptions {
  readonly clientTimeoutMs: number;
  /** Attempts before an op is parked as unknown until the faults are healed. */
  readonly inlineAttempts: number;
  readonly runId: string;
  /** The server's contributionsCredit takes an idempotency key (optional in the schema, issue #11): send one. */
  readonly creditKeys: boolean;
  /**
   * The month of today in China when the run starts (`YYYY-MM`): month 0 of the contribution calendar. The seed and
   * this month fix the requests (a run in another month credits other month names, in the same pattern).
   */
  readonly currentMonth: string;
}

/** The earliest month credited: the calendar goes back from the current month to here, then credits stop. */
export const FIRST_MONTH = '2002-01';

/**
 * Months before this one are credited to LEGACY, later ones to EARMARKED (R-ACC-3/4): the chaos regions' earmarkedFrom
 * is 2022-09-01 (Beijing's own date; Hebei and Shandong have none, so the domain default, the same date).
 */
export const EARMARKED_FROM_MONTH = '2022-09';

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * Month k (0, 1, …) of the contribution calendar, counted back from `currentMonth`: month 0 (the opening credit) is
 * the current month, month k the k-th before it — never a month that has not come (R-ACC-4: no collection, no credit).
 */
export function monthOf(k: number, currentMonth: string): string {
  const index = monthIndex(currentMonth) - k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months the calendar has: from `currentMonth` back to FIRST_MONTH, both included. */
export function monthsAvailable(currentMonth: string): number {
  return monthIndex(currentMonth) - monthIndex(FIRST_MONTH) + 1;
}

/** The pocket a month's credit lands in (R-ACC-3/4). */
export function pocketOfMonth(month: string): 'LEGACY' | 'EARMARKED' {
  return month < EARMARKED_FROM_MONTH ? 'LEGACY' : 'EARMARKED';
}

function drawKind(rng: Rng, mix: readonly [OpKind, number][]): OpKind {
  let roll = rng.int(0, mix.reduce((n, [, weight]) => n + weight, 0) - 1);
  for (const [k, weight] of mix) {
    if (roll < weight) return k;
    roll -= weight;
  }
  return 'settlementConfirm';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The bank test's clients: each draws its requests from its own seeded stream, sends them to its API process (and
 * to the other one after a lost connection), and retries an unknown outcome with the same key and input.
 */
export class Workload {
  readonly ops: Op[] = [];
  /** Acknowledged settlements that may still be cancelled or refunded. */
  private readonly settlements: string[] = [];
  /** Next contribution month per credit group (families and wallet pairs); month 0 is the opening credit. */
  private readonly nextMonth: number[];
  private readonly creditGroups: { personId: string }[][];
  /** Months per group, month 0 included (see monthsAvailable). */
  private readonly months: number;

  constructor(
    private readonly pop: Population,
    private readonly slots: readonly ApiSlot[],
    private readonly options: WorkloadOptions,
  ) {
    this.creditGroups = [
      ...pop.families.map((f) => f.providers.map((p) => ({ personId: p.id }))),
      ...pop.pairs.map((p) => [{ personId: p.hebei.id }, { personId: p.shandong.id }]),
    ];
    this.nextMonth = this.creditGroups.map(() => 1);
    this.months = monthsAvailable(options.currentMonth);
  }

  /** The opening credit: every provider and wallet holder gets month 0, through the API like every other op. */
  async openingCredit(): Promise<Op> {
    const rows = this.creditGroups.flat().map((r) => ({ ...r, amount: '3000.00' }));
    const op = this.newOp('contributionsCredit', -1, { month: monthOf(0, this.options.currentMonth), rows });
    await this.execute(op, 0, 50);
    return op;
  }

  /** One client: requests until the deadline. */
  async client(n: number, rng: Rng, deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      const op = this.generate(n, rng);
      await this.execute(op, n % this.slots.length, this.options.inlineAttempts);
    }
  }

  /** After healing: every op whose outcome is still unknown is retried with its key until it has an answer. */
  async resolveUnknown(budgetMs: number): Promise<void> {
    const deadline = Date.now() + budgetMs;
    const open = () => this.ops.filter((o) => o.state === 'unknown');
    while (open().length && Date.now() < deadline) {
      await Promise.all(open().map((op, i) => this.execute(op, i % this.slots.length, 3)));
    }
  }

  private newOp(kind: OpKind, client: number, input: Record<string, unknown>): Op {
    const seq = this.ops.length;
    const keyed = kind !== 'contributionsCredit' || this.options.creditKeys;
    const key = keyed ? `chaos-${this.options.runId}-${client}-${seq}` : null;
    const op: Op = {
      seq,
      kind,
      client,
      key,
      input: key ? { ...input, idempotencyKey: key } : input,
      attempts: 0,
      unknownReasons: [],
      state: 'pending',
    };
    this.ops.push(op);
    return op;
  }

  private generate(client: number, rng: Rng): Op {
    let kind = drawKind(rng, MIX);
    // The credit group is drawn with the kind: a group that has credited every month back to FIRST_MONTH gets no
    // more credits (a month after the current one would be refused, R-ACC-4), another kind is drawn instead.
    const group = kind === 'contributionsCredit' ? rng.int(0, this.creditGroups.length - 1) : -1;
    if (kind === 'contributionsCredit' && this.nextMonth[group] >= this.months)
      kind = drawKind(
        rng,
        MIX.filter(([k]) => k !== 'contributionsCredit'),
      );
    if ((kind === 'settlementCancel' || kind === 'refundIssue') && this.settlements.length === 0)
      kind = 'settlementConfirm';
    const { families, pairs, hospitals } = this.pop;
    const family = rng.pick(families);
    switch (kind) {
      case 'settlementConfirm': {
        const r = rng.next();
        const [patient, institutionId] =
          r < 0.6
            ? [family.beneficiary.id, hospitals.beijing]
            : r < 0.8 || pairs.length === 0
              ? [rng.pick(family.providers).id, hospitals.beijing]
              : (() => {
                  const pair = rng.pick(pairs);
                  return rng.next() < 0.5
                    ? [pair.hebei.id, hospitals.hebei]
                    : [pair.shandong.id, hospitals.shandong];
                })();
        return this.newOp(kind, client, {
          patientId: patient,
          institutionId,
          visitType: 'OUTPATIENT',
          serviceDate: `2026-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          covered: fromFen(BigInt(rng.int(2_000, 40_000))),
          outOfCatalogue: fromFen(BigInt(rng.next() < 0.3 ? rng.int(100, 5_000) : 0)),
          excluded: '0.00',
          channel: 'E_VOUCHER',
        });
      }
      case 'settlementCancel': {
        // Taken out of the pool: a settlement is cancelled at most once by the clients.
        const i = rng.int(0, this.settlements.length - 1);
        const [transactionId] = this.settlements.splice(i, 1);
        return this.newOp(kind, client, { transactionId });
      }
      case 'refundIssue':
        return this.newOp(kind, client, {
          transactionId: rng.pick(this.settlements),
          amount: fromFen(BigInt(rng.int(100, 3_000))),
        });
      case 'premiumPay': {
        const payer = rng.pick(family.providers);
        const insured = rng.next() < 0.5 ? payer : family.beneficiary;
        return this.newOp(kind, client, {
          payerId: payer.id,
          insuredId: insured.id,
          insuredIdNumber: insured.idNumber,
          product: 'BJ-PUHUI',
          amount: fromFen(BigInt(rng.int(1_000, 8_000))),
        });
      }
      case 'walletTransfer': {
        if (pairs.length === 0) return this.generate(client, rng);
        const pair = rng.pick(pairs);
        const up = rng.next() < 0.5;
        return this.newOp(kind, client, {
          fromPersonId: up ? pair.hebei.id : pair.shandong.id,
          toPersonId: up ? pair.shandong.id : pair.hebei.id,
          // The recipient's relation to the sender, as attested at the counter (R-WAL-4).
          relation: up ? 'PARENT' : 'CHILD',
          amount: fromFen(BigInt(rng.int(500, 5_000))),
          source: rng.next() < 0.7 ? 'EARMARKED' : 'WALLET',
          verification: 'FACE',
        });
      }
      case 'contributionsCredit': {
        const month = monthOf(this.nextMonth[group]++, this.options.currentMonth);
        return this.newOp(kind, client, {
          month,
          rows: this.creditGroups[group].map((r) => ({
            ...r,
            // 200–1,000 yuan: the calendar holds ~300 months per group (R-ACC-4: none in the future), so each credit
            // carries enough to keep the hot families' settlements, premiums and transfers funded for a whole run.
            amount: fromFen(BigInt(rng.int(20_000, 100_000))),
          })),
        });
      }
    }
  }

  /** Sends `op` until it has an answer or `attempts` are spent (then it stays `unknown`). */
  private async execute(op: Op, home: number, attempts: number): Promise<void> {
    // Like a load balancer's passive health check: a process that just failed gets no new requests for a while.
    let slot = (this.slots[home].avoidUntil ?? 0) > Date.now() ? (home + 1) % this.slots.length : home;
    for (let n = 0; n < attempts; n++) {
      op.attempts++;
      const answer = await attempt(
        this.slots[slot],
        this.pop.token,
        DOCUMENTS[op.kind],
        { input: op.input },
        op.kind,
        this.options.clientTimeoutMs,
      );
      if (answer.kind === 'payload') return this.settle(op, answer.payload);
      if (answer.kind === 'rejected') {
        op.state = 'rejected';
        op.refusal = `${answer.code}: ${answer.message}`;
        return;
      }
      op.unknownReasons.push(answer.reason);
      op.state = 'unknown';
      // A process that does not answer may be down or frozen: the same key goes to the other one.
      if (answer.reason.startsWith('network') || answer.reason === 'client timeout') {
        this.slots[slot].avoidUntil = Date.now() + 2_000;
        slot = (slot + 1) % this.slots.length;
      }
      const backoff = Math.min(2_000, 50 * 2 ** n);
      await sleep(Math.max(answer.retryAfterMs, backoff / 2 + Math.random() * (backoff / 2)));
    }
  }

  private settle(op: Op, payload: Record<string, unknown>): void {
    const errors = payload['userErrors'] as { code: string }[];
    op.transaction = (payload['transaction'] as TransactionView | null) ?? null;
    if (op.kind === 'contributionsCredit') op.creditRows = payload['rows'] as CreditRow[];
    if (errors.length) {
      op.state = 'refused';
      op.refusal = errors[0].code;
      return;
    }
    op.state = 'applied';
    if (op.kind === 'settlementConfirm' && op.transaction) this.settlements.push(op.transaction.id);
  }
}

/** Signed money per pocket that the acknowledged operations say they moved (the clients' model of the ledger). */
export function expectedBalances(ops: readonly Op[]): Map<string, bigint> {
  const expected = new Map<string, bigint>();
  const add = (key: string, fen: bigint) => expected.set(key, (expected.get(key) ?? 0n) + fen);
  for (const op of ops) {
    if (op.state !== 'applied') continue;
    if (op.kind === 'contributionsCredit') {
      // A row credited by an attempt whose answer was lost comes back ALREADY_CREDITED: counted once either way.
      // Months before 2022-09 land in LEGACY (the passbook of those days), later ones in EARMARKED (R-ACC-3/4).
      const pocket = pocketOfMonth(String(op.input['month']));
      for (const row of op.creditRows ?? [])
        if (row.outcome !== 'NOT_COLLECTED') add(`${row.personId}:${pocket}`, toFen(row.amount));
      continue;
    }
    for (const p of op.transaction?.postings ?? [])
      if (p.personId && p.pocket) add(`${p.personId}:${p.pocket}`, toFen(p.amount));
  }
  return expected;
}
