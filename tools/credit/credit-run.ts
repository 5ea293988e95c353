import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Client } from 'pg';
import {
  type ContributionRow,
  DomainError,
  type ExistingCredit,
  type Fen,
  type InsuranceType,
  type Language,
  creditContributionsOrThrow,
  hasPersonalAccount,
  normalizeIdNumber,
  parseMoneyOrThrow,
  renderRefusal,
  validateIdNumberOrThrow,
} from '@gongji/domain';
import {
  BulkLedgerError,
  type BulkClient,
  STAGE_LINE,
  STAGE_LINE_COLUMNS,
  STAGE_TX,
  STAGE_TX_COLUMNS,
  copyInto,
  createLedgerStaging,
  postStaged,
  stagedLine,
  stagedTransactionLine,
} from '@gongji/persistence';
import { Progress, fmt, markdownTable, peakRssMiB } from '../generate/cli-support';

export interface CreditRunOptions {
  /** `YYYY-MM`. */
  readonly month: string;
  /** CSV: a header naming `idNumber` (or `personId`) and `amount`; amount in yuan, at most two decimals. */
  readonly file: string;
  /** Where the rejected rows go (CSV with reasons in Chinese and English). */
  readonly reportFile: string;
  /** Rows per database transaction (default 5,000). */
  readonly batchSize: number;
  /**
   * The business date (YYYY-MM-DD, China): ID numbers' birth dates are checked against it, and a `month` after its
   * month is refused (MONTH_IN_FUTURE, R-ACC-4).
   */
  readonly today: string;
  /** Sleep after each committed batch (tests use it to kill the process mid-way); default 0. */
  readonly pauseMs?: number;
  readonly quiet?: boolean;
}

export interface CreditRunResult {
  readonly rows: number;
  /** Credited now (money moved). */
  readonly credited: number;
  /** Already credited with the same amount (by an earlier run or an earlier batch): nothing moved. */
  readonly alreadyCredited: number;
  /** 0.00: nothing collected, no credit (R-ACC-4). */
  readonly notCollected: number;
  readonly rejected: number;
  readonly creditedTotal: bigint;
  readonly transactions: number;
  readonly batches: number;
  readonly retries: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

/** One rejected row, as written to the report. */
export interface Rejection {
  readonly line: number;
  readonly input: string;
  readonly code: string;
  readonly rule: string | null;
  readonly zh: string;
  readonly en: string;
}

interface ParsedRow {
  readonly line: number;
  readonly input: string;
  readonly idNumber: string | null;
  readonly personId: string | null;
  readonly amount: Fen;
}

interface PendingRow {
  readonly line: number;
  readonly input: string;
  readonly fields: string[];
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTOR = 'credit-cli';
const MAX_RETRIES = 5;
const UNIQUE_VIOLATION = '23505';

/** Refusals the CLI adds to the domain's (the file's own faults); the others come from the domain catalogue. */
const CLI_MESSAGES: Record<string, { zh: string; en: string; rule: string | null }> = {
  MALFORMED_ROW: {
    zh: '行格式无效：应为“身份证号或人员编号,金额”',
    en: 'Malformed row: expected "ID number or person id,amount"',
    rule: null,
  },
  UNKNOWN_PERSON: {
    zh: '未找到该参保人',
    en: 'No insured person with this ID number or id',
    rule: 'R-ACC-2',
  },
  DUPLICATE_ROW: {
    zh: '同一人员同一月份在文件中重复出现，只划入一次',
    en: 'The same person and month appears again in the file; it is credited once',
    rule: 'R-ACC-4',
  },
};

function cliRejection(line: number, input: string, code: keyof typeof CLI_MESSAGES): Rejection {
  const m = CLI_MESSAGES[code];
  const suffix = (lang: Language) => (m.rule ? (lang === 'zh' ? `（${m.rule}）` : ` (${m.rule})`) : '');
  return { line, input, code, rule: m.rule, zh: m.zh + suffix('zh'), en: m.en + suffix('en') };
}

function domainRejection(line: number, input: string, err: DomainError): Rejection {
  const refusal = {
    code: err.code,
    message: err.message,
    rule: err.rule,
    field: err.field,
    params: err.params,
  };
  return {
    line,
    input,
    code: err.code,
    rule: err.rule ?? null,
    zh: renderRefusal(refusal, 'zh'),
    en: renderRefusal(refusal, 'en'),
  };
}

/** Why a whole run is refused before anything is read (the month itself), in Chinese and English. */
export interface MonthRefusal {
  readonly code: string;
  readonly rule: string | null;
  readonly zh: string;
  readonly en: string;
}

/**
 * The month checks of `creditContributionsOrThrow`, asked before the file or the database is touched: not `YYYY-MM`
 * (INVALID_MONTH), or after the month of `today` (MONTH_IN_FUTURE, R-ACC-4: nothing was collected for it). Null
 * when the month may be credited (the current month included).
 */
export function monthRefusalOf(month: string, today: string): MonthRefusal | null {
  try {
    creditContributionsOrThrow(month, [], [], { today });
    return null;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const { code, rule, zh, en } = domainRejection(0, month, err);
    return { code, rule, zh, en };
  }
}

/** Thrown by {@link runCredit} for a month it refuses before reading anything (the CLI exits 2). */
export class MonthRefusedError extends Error {
  constructor(readonly refusal: MonthRefusal) {
    super(`${refusal.code}: ${refusal.en}`);
  }
}

/** Connections whose staging tables have statistics already (see PostStagedOptions.analyze). */
const analyzed = new WeakSet<Client>();

/** Thrown inside a batch when another process credited one of its person-months meanwhile: the batch is retried. */
class ConcurrentCreditError extends Error {}

/**
 * Credits one month of collected contributions from a CSV file (issue #11), with `contributionsCredit`'s semantics
 * (R-ACC-4, API.md): exactly once per person and month — `contribution_credits` (primary key person + month) is the
 * credited marker, written in the same database transaction as the money, so a rerun after a crash (even
 * `kill -9`) credits only what is missing and reports the rest ALREADY_CREDITED; 0.00 is "not collected" (no
 * credit); a person without a personal account is refused (R-ACC-1); a person-month already credited with another
 * amount is refused (CONFLICTING_CREDIT). The decision (pocket by `earmarkedFrom`, postings, explanation) is
 * libs/domain's `creditContributionsOrThrow`; the writes are set-based per batch (`postStaged`).
 */
export async function runCredit(
  clients: readonly Client[],
  options: CreditRunOptions,
): Promise<CreditRunResult> {
  const started = Date.now();
  if (clients.length === 0) throw new Error('runCredit needs at least one database connection');
  // INVALID_MONTH or MONTH_IN_FUTURE before anything is read or written.
  const refusal = monthRefusalOf(options.month, options.today);
  if (refusal) throw new MonthRefusedError(refusal);
  for (const client of clients) await createLedgerStaging(client as unknown as BulkClient);
  const earmarkedFrom = await earmarkedFromByRegion(clients[0]);
  const reads: CreditReads = { all: false };
  const report = fs.createWriteStream(options.reportFile, { encoding: 'utf8' });
  const writeReport = async (text: string) => {
    if (!report.write(text)) await once(report, 'drain');
  };
  await writeReport('line,input,code,rule,message_zh,message_en\n');
  const totalLines = options.quiet ? null : await countLines(options.file);
  const progress = options.quiet ? null : new Progress('rows', totalLines);
  const totals = {
    rows: 0,
    credited: 0,
    alreadyCredited: 0,
    notCollected: 0,
    rejected: 0,
    creditedTotal: 0n,
    transactions: 0,
    batches: 0,
    retries: 0,
  };

  // Batches run on the connections side by side (each its own database transaction); outcomes are taken in file
  // order, so the report is the same whatever finished first.
  const idle = [...clients];
  const running = new Map<number, Promise<void>>();
  const finished = new Map<number, { rows: number; outcome: BatchOutcome }>();
  let nextToReport = 0;
  let nextBatch = 0;
  let failure: unknown = null;
  const account = async () => {
    for (let entry = finished.get(nextToReport); entry; entry = finished.get(nextToReport)) {
      finished.delete(nextToReport++);
      const { rows, outcome } = entry;
      totals.rows += rows;
      totals.credited += outcome.credited;
      totals.alreadyCredited += outcome.alreadyCredited;
      totals.notCollected += outcome.notCollected;
      totals.rejected += outcome.rejections.length;
      totals.creditedTotal += outcome.creditedTotal;
      totals.transactions += outcome.transactions;
      totals.retries += outcome.retries;
      totals.batches++;
      if (outcome.rejections.length > 0) await writeReport(outcome.rejections.map(reportLine).join(''));
      progress?.update(totals.rows, `rejected ${fmt(totals.rejected)}`);
    }
  };
  const start = async (rows: PendingRow[]) => {
    while (idle.length === 0) await Promise.race(running.values());
    if (failure) throw failure;
    const client = idle.pop() as Client;
    const index = nextBatch++;
    running.set(
      index,
      creditBatch(client, rows, options, earmarkedFrom, reads)
        .then(
          async (outcome) => {
            if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
            finished.set(index, { rows: rows.length, outcome });
          },
          (err: unknown) => {
            failure ??= err;
          },
        )
        .finally(() => {
          running.delete(index);
          idle.push(client);
        }),
    );
  };

  const input = readline.createInterface({
    input: fs.createReadStream(options.file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  let columns: { person: number; amount: number } | null = null;
  let lineNo = 0;
  let batch: PendingRow[] = [];
  for await (const raw of input) {
    lineNo++;
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (text === '') continue;
    const fields = text.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    if (columns === null) {
      columns = headerOf(fields);
      if (columns) continue; // a header line
      columns = { person: 0, amount: 1 };
    }
    batch.push({
      line: lineNo,
      input: text,
      fields:
        fields.length < 2 ? [fields[0] ?? ''] : [fields[columns.person] ?? '', fields[columns.amount] ?? ''],
    });
    if (batch.length >= options.batchSize) {
      await start(batch);
      batch = [];
      await account();
    }
  }
  if (batch.length > 0) await start(batch);
  while (running.size > 0) await Promise.race(running.values());
  if (failure) throw failure;
  await account();
  report.end();
  await once(report, 'finish');
  progress?.done();
  return { ...totals, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB() };
}

export function formatCreditResult(r: CreditRunResult): string {
  return markdownTable(
    [
      'rows',
      'accepted',
      'credited now',
      'already credited',
      'not collected (0.00)',
      'rejected',
      'credited total (yuan)',
      'transactions',
      'seconds',
      'rows/s',
      'peak RSS MiB',
    ],
    [
      [
        r.rows,
        r.rows - r.rejected,
        r.credited,
        r.alreadyCredited,
        r.notCollected,
        r.rejected,
        (Number(r.creditedTotal) / 100).toFixed(2),
        r.transactions,
        r.seconds.toFixed(1),
        Math.round(r.rows / Math.max(r.seconds, 0.001)),
        Math.round(r.peakRssMiB),
      ],
    ],
  );
}

function headerOf(fields: readonly string[]): { person: number; amount: number } | null {
  const lower = fields.map((f) => f.toLowerCase().replace(/[_\s]/g, ''));
  const amount = lower.indexOf('amount');
  const person = lower.findIndex((f) => ['idnumber', 'personid', 'person', 'id'].includes(f));
  return amount >= 0 && person >= 0 ? { person, amount } : null;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function reportLine(r: Rejection): string {
  return [String(r.line), r.input, r.code, r.rule ?? '', r.zh, r.en].map(csvField).join(',') + '\n';
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) count++;
  }
  return Math.max(0, count - 1);
}

/** A region's earmarkedFrom (R-ACC-3/4), else its province's; null = the domain default. */
async function earmarkedFromByRegion(client: Client): Promise<Map<string, string | null>> {
  const { rows } = await client.query(
    `SELECT r.code, to_char(COALESCE(r."earmarkedFrom", p."earmarkedFrom"), 'YYYY-MM-DD') AS from
       FROM regions r LEFT JOIN regions p ON p.code = r."provinceCode" AND p.code <> r.code`,
  );
  return new Map(rows.map((r) => [r.code as string, (r.from as string | null) ?? null]));
}

/** Row checks that need no database: the person's key (GB 11643 ID number or person id) and the money. */
function parseRow(row: PendingRow, today: string): ParsedRow | Rejection {
  if (row.fields.length < 2 || row.fields[0] === '')
    return cliRejection(row.line, row.input, 'MALFORMED_ROW');
  const [key, amountText] = row.fields;
  let idNumber: string | null = null;
  let personId: string | null = null;
  try {
    if (UUID_RE.test(key)) personId = key.toLowerCase();
    else idNumber = validateIdNumberOrThrow(normalizeIdNumber(key), today).idNumber;
    const amount = parseMoneyOrThrow(amountText, { field: ['amount'] });
    return { line: row.line, input: row.input, idNumber, personId, amount };
  } catch (err) {
    if (err instanceof DomainError) return domainRejection(row.line, row.input, err);
    throw err;
  }
}

/**
 * Whether batches read every row's existing credit for the month (shared by a run's batches). Off on a fresh month:
 * the marker's primary key is what guarantees exactly once (R-ACC-4), the read only sorts rows into already credited
 * or conflicting before anything is written. A batch that meets a credited person-month without having read it
 * fails on the primary key, is redone reading every credit, and turns this on; a batch that reads every credit and
 * finds none of its positive rows credited turns it off again.
 */
interface CreditReads {
  all: boolean;
}

interface BatchOutcome {
  /** This batch read every row's credit and found a positive row already credited (see CreditReads). */
  alreadyCreditedRead: boolean;
  credited: number;
  alreadyCredited: number;
  notCollected: number;
  creditedTotal: bigint;
  transactions: number;
  retries: number;
  rejections: Rejection[];
}

async function creditBatch(
  client: Client,
  pending: readonly PendingRow[],
  options: CreditRunOptions,
  earmarkedFrom: ReadonlyMap<string, string | null>,
  reads: CreditReads,
): Promise<BatchOutcome> {
  const parsed: ParsedRow[] = [];
  const early: Rejection[] = [];
  for (const row of pending) {
    const r = parseRow(row, options.today);
    if ('code' in r) early.push(r);
    else parsed.push(r);
  }
  let createMissingPockets = false;
  for (let attempt = 0; ; attempt++) {
    // synchronous_commit = off for the batch's transaction only: COMMIT returns before its WAL reaches the disk, so
    // a crash of the database server may lose the last batches reported as committed. That is safe here because
    // the credited markers commit atomically with the money (both or neither survive) and a rerun credits exactly
    // what is not committed (R-ACC-4: exactly once); nothing outside the database (the report, the progress bar)
    // is trusted on resume. It never applies to the API's money path, which keeps the server's setting.
    await client.query('BEGIN; SET LOCAL synchronous_commit = off');
    try {
      const readAll = reads.all || attempt > 0;
      const outcome = await decideAndWrite(
        client,
        parsed,
        options,
        earmarkedFrom,
        createMissingPockets,
        readAll,
      );
      // Keep reading every row's credit while batches meet credited person-months (a rerun, a resume), stop after
      // a batch that met none (a fresh month).
      if (readAll) reads.all = outcome.alreadyCreditedRead;
      await client.query('COMMIT');
      outcome.retries = attempt;
      outcome.rejections = [...early, ...outcome.rejections].sort((a, b) => a.line - b.line);
      return outcome;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (err as { code?: string }).code;
      const missingPocket = err instanceof BulkLedgerError && /does not exist/.test(err.message);
      if (missingPocket && !createMissingPockets) {
        createMissingPockets = true;
        continue;
      }
      if (err instanceof ConcurrentCreditError) reads.all = true;
      const retryable = err instanceof ConcurrentCreditError || code === '40P01' || code === '40001';
      if (!retryable || attempt >= MAX_RETRIES) throw err;
    }
  }
}

async function decideAndWrite(
  client: Client,
  parsed: readonly ParsedRow[],
  options: CreditRunOptions,
  earmarkedFrom: ReadonlyMap<string, string | null>,
  createMissingPockets: boolean,
  readAllCredits: boolean,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = {
    credited: 0,
    alreadyCredited: 0,
    notCollected: 0,
    creditedTotal: 0n,
    transactions: 0,
    retries: 0,
    rejections: [],
    alreadyCreditedRead: false,
  };
  if (parsed.length === 0) return outcome;
  // Who each row is, and what is already credited for the month — read inside the batch's transaction. The credit
  // is read for every row only when asked (a rerun, a resume, a retry: see CreditReads); otherwise only for 0.00 rows
  // (a 0.00 row of a credited person-month is a CONFLICTING_CREDIT to report), and a positive row credited meanwhile
  // fails the marker's primary key below, which redoes the batch reading every credit. Reading none on a fresh
  // month saves one search of the contribution_credits primary key per row.
  const { rows } = await client.query(
    // Index look-ups per row whatever the statistics say (a month being credited has none yet).
    `SELECT s.i, p.id, p."insuranceType" AS type, p."regionCode" AS region,
            CASE WHEN $5 OR s.zero THEN (SELECT c.amount::text FROM contribution_credits c
                                          WHERE c."personId" = p.id AND c.month = $4) END AS credited
       FROM unnest($1::int[], $2::text[], $3::text[], $6::boolean[]) AS s(i, id_number, person_id, zero)
       LEFT JOIN LATERAL (
         SELECT id, "insuranceType", "regionCode" FROM persons WHERE "idNumber" = s.id_number
         UNION ALL
         SELECT id, "insuranceType", "regionCode" FROM persons WHERE id = s.person_id
         LIMIT 1) p ON true`,
    [
      parsed.map((_, i) => i),
      parsed.map((r) => r.idNumber),
      parsed.map((r) => r.personId),
      options.month,
      readAllCredits,
      parsed.map((r) => r.amount === 0n),
    ],
  );
  type Found = { id: string | null; type: string; region: string; credited: string | null };
  const found = new Map<number, Found>(rows.map((r) => [Number(r.i), r as Found]));
  const firstAmount = new Map<string, Fen>();
  const groups = new Map<
    string,
    { rows: ContributionRow[]; existing: ExistingCredit[]; parsed: ParsedRow[] }
  >();
  for (const [i, row] of parsed.entries()) {
    const person = found.get(i);
    if (!person?.id) {
      outcome.rejections.push(cliRejection(row.line, row.input, 'UNKNOWN_PERSON'));
      continue;
    }
    if (row.amount > 0n && !hasPersonalAccount(person.type as InsuranceType)) {
      outcome.rejections.push(
        domainRejection(
          row.line,
          row.input,
          new DomainError(
            'NO_PERSONAL_ACCOUNT',
            'Only employee participants have a personal account to credit (R-ACC-1)',
            'R-ACC-1',
            ['amount'],
          ),
        ),
      );
      continue;
    }
    const seen = firstAmount.get(person.id);
    const credited = person.credited === null ? null : (BigInt(person.credited) as Fen);
    if (credited !== null && row.amount > 0n) outcome.alreadyCreditedRead = true;
    const previous = seen ?? credited;
    if (previous !== undefined && previous !== null && previous !== row.amount) {
      // R-ACC-4: a correction is a staff decision, never a silent second credit.
      const conflict = `${person.id} ${options.month} (${seen !== undefined ? 'listed twice' : 'credited'} ${formatFen(previous)}, now ${formatFen(row.amount)})`;
      outcome.rejections.push(
        domainRejection(
          row.line,
          row.input,
          new DomainError(
            'CONFLICTING_CREDIT',
            `R-ACC-4: a person-month is credited exactly once; conflicting: ${conflict}`,
            'R-ACC-4',
            ['amount'],
            { conflicts: conflict },
          ),
        ),
      );
      continue;
    }
    if (seen !== undefined) {
      outcome.rejections.push(cliRejection(row.line, row.input, 'DUPLICATE_ROW'));
      continue;
    }
    firstAmount.set(person.id, row.amount);
    const from = earmarkedFrom.get(person.region) ?? '';
    const group = groups.get(from) ?? { rows: [], existing: [], parsed: [] };
    group.rows.push({ personId: person.id, amount: row.amount });
    group.parsed.push(row);
    if (credited !== null) group.existing.push({ personId: person.id, amount: credited });
    groups.set(from, group);
  }

  const transactions: string[] = [];
  const lines: string[] = [];
  let key = 0;
  let expectedCredits = 0;
  const now = new Date();
  for (const [from, group] of groups) {
    // The domain decides: credited / already credited / not collected, the pocket (LEGACY before earmarkedFrom,
    // else EARMARKED) and the balanced postings with their explanation (R-ACC-4).
    let result: ReturnType<typeof creditContributionsOrThrow>;
    try {
      result = creditContributionsOrThrow(
        options.month,
        group.rows,
        group.existing,
        from ? { today: options.today, earmarkedFrom: from } : { today: options.today },
      );
    } catch (err) {
      // The rows were checked above (and the month before the run), so a refusal here is not expected; if the
      // domain refuses anyway, the group's rows are reported with its reason instead of failing the whole run.
      if (!(err instanceof DomainError)) throw err;
      for (const row of group.parsed) outcome.rejections.push(domainRejection(row.line, row.input, err));
      continue;
    }
    outcome.alreadyCredited += result.alreadyCredited.length;
    outcome.notCollected += result.notCollected.length;
    if (!result.decision) continue;
    key++;
    const total = result.credited.reduce((s, c) => s + c.amount, 0n);
    outcome.credited += result.credited.length;
    outcome.creditedTotal += total;
    expectedCredits += result.credited.length;
    transactions.push(
      stagedTransactionLine({
        key,
        id: randomUUID(),
        kind: result.decision.kind,
        amount: total,
        actor: ACTOR,
        explanation: result.decision.explanation,
        details: {
          month: options.month,
          file: path.basename(options.file),
          lines: [parsed[0].line, parsed[parsed.length - 1].line],
        },
        createdAt: now,
      }),
    );
    for (const [seq, p] of result.decision.postings.entries()) {
      lines.push(
        stagedLine(
          p.account.type === 'POCKET'
            ? {
                key,
                seq,
                accountType: 'POCKET',
                personId: p.account.personId,
                pocket: p.account.pocket,
                amount: p.amount,
              }
            : {
                key,
                seq,
                accountType: 'SYSTEM',
                systemAccount: p.account.account,
                ref: p.account.ref ?? null,
                amount: p.amount,
              },
        ),
      );
    }
  }
  if (key === 0) return outcome;
  const bulk = client as unknown as BulkClient;
  await copyInto(bulk, STAGE_TX, STAGE_TX_COLUMNS, transactions);
  await copyInto(bulk, STAGE_LINE, STAGE_LINE_COLUMNS, lines);
  // The credited marker first. A plain INSERT (no ON CONFLICT: that would search the primary key twice per row): a
  // person-month credited before this batch that the read did not see (not read, or committed since), or being
  // credited now (the insert waits for that transaction), fails the batch with a unique violation; the batch is
  // redone reading every row's credit (CreditReads), and reports the row already credited or conflicting.
  let marked: { rowCount: number | null };
  try {
    marked = await client.query(
      `INSERT INTO contribution_credits ("personId", month, amount, "transactionId")
       SELECT l.person_id, $1, l.amount, t.id FROM ${STAGE_LINE} l JOIN ${STAGE_TX} t ON t.key = l.key
        WHERE l.account_type = 'POCKET'`,
      [options.month],
    );
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION)
      throw new ConcurrentCreditError('credited meanwhile');
    throw err;
  }
  if ((marked.rowCount ?? 0) !== expectedCredits) throw new ConcurrentCreditError('credited meanwhile');
  // Persons registered through the API have their pockets; a batch with an odd one without is redone creating it.
  const posted = await postStaged(bulk, { now, createMissingPockets, analyze: !analyzed.has(client) });
  analyzed.add(client);
  outcome.transactions = posted.transactions;
  await client.query(
    `INSERT INTO audit_log (id, at, "actorType", "actorId", "actorName", action, "entityType", "entityId", before,
       after, reason)
     SELECT $1, $2, 'SYSTEM', $3, 'npm run credit', 'contributionsCredit', 'Transaction', MIN(id), NULL, $4, $5
       FROM ${STAGE_TX}`,
    [
      randomUUID(),
      now,
      ACTOR,
      JSON.stringify({
        month: options.month,
        credited: outcome.credited,
        total: outcome.creditedTotal.toString(),
      }),
      `${path.basename(options.file)} lines ${parsed[0].line}–${parsed[parsed.length - 1].line}`,
    ],
  );
  return outcome;
}

function formatFen(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
