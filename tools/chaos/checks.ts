import type { DataSource } from 'typeorm';
import { auditLedger } from './chaos-support';
import type { Population } from './population';
import { type Op, expectedBalances } from './workload';

export interface CheckResult {
  readonly name: string;
  /** What was checked (counts), for the report. */
  readonly checked: string;
  readonly violations: string[];
}

interface TxRow {
  id: string;
  kind: string;
  status: string;
  amount: string;
  personId: string | null;
  counterpartyPersonId: string | null;
  originalTransactionId: string | null;
  actor: string;
}

interface PostingRow {
  transactionId: string;
  seq: number;
  personId: string | null;
  pocket: string | null;
  systemAccount: string | null;
  amount: string;
  balanceAfter: string | null;
}

const MAX_LISTED = 20;

function check(name: string): { result: CheckResult; fail: (v: string) => void; set: (s: string) => void } {
  const result = { name, checked: '', violations: [] as string[] };
  return {
    result,
    fail: (v) => {
      if (result.violations.length < MAX_LISTED) result.violations.push(v);
      else if (result.violations.length === MAX_LISTED) result.violations.push('… (more)');
    },
    set: (s) => (result.checked = s),
  };
}

/**
 * The bank test's end checks, from the database alone plus what the clients were told (issue #11): the ledger
 * audit (balanced transactions, balances = postings, no negative pocket, accumulators = settlements), conservation
 * against the clients' model, exactly-once per acknowledged key, registered order of mutual aid, whole
 * cross-province transfers, cancels and refunds within what was paid.
 */
export async function runChecks(ds: DataSource, ops: readonly Op[], pop: Population): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const txs: TxRow[] = await ds.query(
    `SELECT id, kind, status, amount::text AS amount, "personId", "counterpartyPersonId", "originalTransactionId", actor FROM transactions`,
  );
  const postings: PostingRow[] = await ds.query(
    `SELECT "transactionId", seq, "personId", pocket, "systemAccount", amount::text AS amount, "balanceAfter"::text AS "balanceAfter"
       FROM postings ORDER BY "transactionId", seq`,
  );
  const byTx = new Map<string, PostingRow[]>();
  for (const p of postings) byTx.set(p.transactionId, [...(byTx.get(p.transactionId) ?? []), p]);
  const txById = new Map(txs.map((t) => [t.id, t]));

  // 1. The ledger audit of `npm run ledger:verify`.
  {
    const c = check(
      'ledger audit (R-SET-6 balanced, balance = postings, no negative pocket, accumulators = settlements)',
    );
    const report = await auditLedger(ds);
    c.set(
      `${report.transactions} transactions, ${report.postings} postings, ${report.pockets} pockets, ${report.accumulators} accumulator rows`,
    );
    for (const v of report.violations) c.fail(`[${v.check}] ${v.subject}: ${v.detail}`);
    results.push(c.result);
  }

  // 2. Conservation: pockets + system accounts sum to zero, and every pocket holds what the acknowledged ops moved.
  {
    const c = check(
      'conservation of money (double entry sums to zero; pockets = what acknowledged operations moved)',
    );
    const total = postings.reduce((s, p) => s + BigInt(p.amount), 0n);
    if (total !== 0n) c.fail(`all postings sum to ${total} fen, not 0`);
    const pockets: { personId: string; kind: string; balance: string }[] = await ds.query(
      `SELECT "personId", kind, balance::text AS balance FROM pockets`,
    );
    const inPockets = pockets.reduce((s, p) => s + BigInt(p.balance), 0n);
    const system = postings.filter((p) => p.systemAccount).reduce((s, p) => s + BigInt(p.amount), 0n);
    if (inPockets + system !== 0n)
      c.fail(`pockets hold ${inPockets} fen but system accounts account for ${-system}`);
    const expected = expectedBalances(ops);
    const seen = new Set<string>();
    for (const p of pockets) {
      const key = `${p.personId}:${p.kind}`;
      seen.add(key);
      const want = expected.get(key) ?? 0n;
      if (BigInt(p.balance) !== want)
        c.fail(`pocket ${key}: database ${p.balance} fen, acknowledged operations ${want} fen`);
    }
    for (const [key, want] of expected)
      if (!seen.has(key) && want !== 0n) c.fail(`pocket ${key} missing (${want} fen expected)`);
    c.set(`${pockets.length} pockets, ${inPockets} fen in pockets, ${postings.length} postings`);
    results.push(c.result);
  }

  // 3. Every acknowledged key → exactly one transaction; nothing applied that no client was told about.
  {
    const c = check('every acknowledged operation applied exactly once');
    const keyed = ops.filter((o) => o.key);
    const records: { key: string; response: string }[] = await ds.query(
      `SELECT key, response FROM idempotency_records WHERE key LIKE 'chaos-%'`,
    );
    const stored = new Map(records.map((r) => [r.key, r.response]));
    const acknowledged = new Set<string>();
    for (const op of keyed) {
      if (op.state === 'unknown' || op.state === 'pending') {
        c.fail(`${op.kind} ${op.key}: outcome still unknown after healing`);
        continue;
      }
      if (op.state === 'rejected') {
        c.fail(`${op.kind} ${op.key}: rejected at top level (${op.refusal})`);
        continue;
      }
      if (op.refusal === 'IDEMPOTENCY_KEY_REUSED')
        c.fail(`${op.kind} ${op.key}: the same key and input was called a reuse`);
      const response = stored.get(op.key as string);
      if (response === undefined) {
        c.fail(`${op.kind} ${op.key}: answered ${op.state} but no idempotency record`);
        continue;
      }
      const storedTx =
        (JSON.parse(response || '{}') as { transaction?: { id: string } | null }).transaction?.id ?? null;
      const told = op.transaction?.id ?? null;
      if (storedTx !== told) c.fail(`${op.kind} ${op.key}: told ${told}, stored ${storedTx}`);
      if (!told) continue;
      acknowledged.add(told);
      const row = txById.get(told);
      if (!row) c.fail(`${op.kind} ${op.key}: acknowledged transaction ${told} is not in the ledger`);
    }
    const notCredits = txs.filter((t) => t.kind !== 'CONTRIBUTION_CREDIT');
    for (const t of notCredits)
      if (!acknowledged.has(t.id))
        c.fail(`${t.kind} ${t.id} is in the ledger but no client was answered with it`);
    // Credits: exactly once per person-month (R-ACC-4), and no credit transaction without its rows.
    const credits: { personId: string; month: string; amount: string; transactionId: string }[] =
      await ds.query(
        `SELECT "personId", month, amount::text AS amount, "transactionId" FROM contribution_credits`,
      );
    const creditRows = new Map(credits.map((r) => [`${r.personId}:${r.month}`, r]));
    let ackedRows = 0;
    for (const op of ops.filter((o) => o.kind === 'contributionsCredit')) {
      if (op.state !== 'applied') {
        c.fail(`contributionsCredit ${String(op.input['month'])}: ${op.state} ${op.refusal ?? ''}`);
        continue;
      }
      const everUnknown = op.unknownReasons.length > 0;
      for (const row of op.creditRows ?? []) {
        if (row.outcome === 'NOT_COLLECTED') continue;
        ackedRows++;
        if (row.outcome === 'ALREADY_CREDITED' && !everUnknown)
          c.fail(
            `credit ${row.personId} ${String(op.input['month'])} reported ALREADY_CREDITED on its first answer`,
          );
        const stored = creditRows.get(`${row.personId}:${String(op.input['month'])}`);
        if (!stored)
          c.fail(`credit ${row.personId} ${String(op.input['month'])} acknowledged but not recorded`);
        else if (stored.amount !== String(toFenString(row.amount)))
          c.fail(
            `credit ${row.personId} ${String(op.input['month'])}: ${stored.amount} fen recorded, ${row.amount} told`,
          );
      }
    }
    if (credits.length !== ackedRows)
      c.fail(`${credits.length} person-months credited, ${ackedRows} acknowledged`);
    const rowsByTx = new Map<string, bigint>();
    for (const r of credits)
      rowsByTx.set(r.transactionId, (rowsByTx.get(r.transactionId) ?? 0n) + BigInt(r.amount));
    for (const t of txs.filter((x) => x.kind === 'CONTRIBUTION_CREDIT')) {
      const credited = (byTx.get(t.id) ?? [])
        .filter((p) => p.pocket)
        .reduce((s, p) => s + BigInt(p.amount), 0n);
      if (rowsByTx.get(t.id) !== credited)
        c.fail(
          `CONTRIBUTION_CREDIT ${t.id} moved ${credited} fen, its person-month rows say ${rowsByTx.get(t.id) ?? 0n}`,
        );
    }
    c.set(
      `${keyed.length} keyed operations, ${acknowledged.size} acknowledged transactions, ${ackedRows} credited person-months`,
    );
    results.push(c.result);
  }

  // 4. Registered order of mutual aid (R-KIN-4): own account first, then providers in order, each drained before the next.
  {
    const c = check('registered order of mutual aid respected (R-KIN-4)');
    const order = new Map<string, string[]>(); // beneficiary → [own, provider1, provider2]
    for (const f of pop.families)
      order.set(f.beneficiary.id, [f.beneficiary.id, ...f.providers.map((p) => p.id)]);
    let settlements = 0;
    let multi = 0;
    for (const t of txs) {
      if (t.kind !== 'SETTLEMENT' || !t.personId || !order.has(t.personId)) continue;
      settlements++;
      const ranked = order.get(t.personId) as string[];
      const debits = (byTx.get(t.id) ?? []).filter((p) => p.personId && BigInt(p.amount) < 0n);
      const rankOf = (p: PostingRow) =>
        2 * ranked.indexOf(p.personId as string) + (p.pocket === 'WALLET' ? 1 : 0);
      for (const p of debits) {
        if (ranked.indexOf(p.personId as string) < 0)
          c.fail(`settlement ${t.id} took money from ${p.personId}, not registered for the patient`);
        else if (p.personId !== t.personId && p.pocket !== 'EARMARKED')
          c.fail(`settlement ${t.id} took a relative's ${p.pocket}`);
      }
      const last = Math.max(...debits.map(rankOf));
      if (debits.filter((p) => p.personId !== t.personId).length > 1) multi++;
      for (const p of debits)
        if (rankOf(p) < last && p.balanceAfter !== '0')
          c.fail(
            `settlement ${t.id}: ${p.personId}:${p.pocket} left at ${p.balanceAfter} fen while a later one in the registered order paid`,
          );
    }
    c.set(`${settlements} settlements of beneficiaries, ${multi} paid by two relatives`);
    results.push(c.result);
  }

  // 5. Cross-province wallet transfers are whole: the sender's debit and the recipient's WALLET credit, or nothing.
  {
    const c = check('cross-province wallet transfers whole (both legs or neither)');
    const region = new Map(pop.pairs.flatMap((p) => [p.hebei, p.shandong]).map((p) => [p.id, p.regionCode]));
    let cross = 0;
    for (const t of txs.filter((x) => x.kind === 'WALLET_TRANSFER')) {
      const ps = byTx.get(t.id) ?? [];
      const out = ps.filter((p) => p.personId === t.personId && BigInt(p.amount) < 0n);
      const into = ps.filter(
        (p) => p.personId === t.counterpartyPersonId && p.pocket === 'WALLET' && BigInt(p.amount) > 0n,
      );
      const sum = ps.reduce((s, p) => s + BigInt(p.amount), 0n);
      if (
        out.length !== 1 ||
        into.length !== 1 ||
        sum !== 0n ||
        BigInt(out[0].amount) !== -BigInt(into[0].amount) ||
        BigInt(into[0].amount) !== BigInt(t.amount)
      )
        c.fail(
          `WALLET_TRANSFER ${t.id} is not whole: ${JSON.stringify(ps.map((p) => [p.personId, p.pocket, p.amount]))}`,
        );
      const from = region.get(t.personId ?? '');
      const to = region.get(t.counterpartyPersonId ?? '');
      if (from && to && from.slice(0, 2) !== to.slice(0, 2)) cross++;
    }
    for (const op of ops.filter((o) => o.kind === 'walletTransfer' && o.state === 'applied')) {
      const legs = op.transaction?.postings.filter((p) => p.personId) ?? [];
      if (legs.length !== 2) c.fail(`walletTransfer ${op.key} answered with ${legs.length} pocket legs`);
    }
    c.set(`${cross} cross-province transfers`);
    results.push(c.result);
  }

  // 6. Cancels and refunds: at most one cancel per settlement, never more back into a pocket than it paid.
  {
    const c = check('cancels and refunds within what the settlement paid (R-USE-5)');
    const reversals = new Map<string, TxRow[]>();
    for (const t of txs)
      if ((t.kind === 'SETTLEMENT_CANCEL' || t.kind === 'REFUND') && t.originalTransactionId)
        reversals.set(t.originalTransactionId, [...(reversals.get(t.originalTransactionId) ?? []), t]);
    for (const [original, list] of reversals) {
      const settlement = txById.get(original);
      if (!settlement) {
        c.fail(`${list[0].kind} ${list[0].id} reverses a missing transaction ${original}`);
        continue;
      }
      if (list.filter((t) => t.kind === 'SETTLEMENT_CANCEL').length > 1)
        c.fail(`settlement ${original} cancelled more than once`);
      const paid = new Map<string, bigint>();
      for (const p of byTx.get(original) ?? [])
        if (p.pocket) paid.set(`${p.personId}:${p.pocket}`, -BigInt(p.amount));
      const back = new Map<string, bigint>();
      for (const t of list)
        for (const p of byTx.get(t.id) ?? [])
          if (p.pocket)
            back.set(
              `${p.personId}:${p.pocket}`,
              (back.get(`${p.personId}:${p.pocket}`) ?? 0n) + BigInt(p.amount),
            );
      for (const [k, v] of back)
        if (v > (paid.get(k) ?? 0n))
          c.fail(`settlement ${original}: ${v} fen returned to ${k}, which paid ${paid.get(k) ?? 0n}`);
      if (list.some((t) => t.kind === 'SETTLEMENT_CANCEL') && settlement.status !== 'CANCELLED')
        c.fail(`settlement ${original} has a cancel but status ${settlement.status}`);
    }
    c.set(`${reversals.size} settlements cancelled or refunded`);
    results.push(c.result);
  }
  return results;
}

/** "12.34" → "1234" (fen as the database prints it). */
function toFenString(money: string): string {
  const [y, f] = money.split('.');
  return (BigInt(y) * 100n + BigInt(f)).toString();
}
