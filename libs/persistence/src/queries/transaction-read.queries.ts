import { type DataSource, In } from 'typeorm';
import type { ExplanationParams } from '@gongji/domain';
import { InstitutionEntity, type RegionEntity } from '../entities';
import { type PersonSummary, personSummaryColumns, personSummaryFromRow } from './person-read.queries';
import { type TransactionJsonShape, jsonPage, transactionJson, transactionJsonColumns } from './page-json';
import {
  dialectOf,
  fen,
  fenOrNull,
  isoDateOrNull,
  json,
  jsonArray,
  readRows,
  readRowsPrepared,
  timestamp,
} from './read-sql';
import {
  type RegionSummary,
  regionColumns,
  regionFromRow,
  regionSummaryColumns,
  regionSummaryFromRow,
} from './region-read.queries';

/** A transaction as lists and edges read it: no decision details, the explanation only when asked for. */
export interface TransactionRow {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly amount: bigint;
  readonly personId: string | null;
  readonly counterpartyPersonId: string | null;
  readonly institutionId: string | null;
  readonly serviceDate: string | null;
  readonly originalTransactionId: string | null;
  readonly createdAt: Date;
  readonly actor: string;
}

export interface ExplanationRow {
  readonly rule: string;
  /** English as written by the rule; rows written since explanation codes also carry `code` + `params`. */
  readonly message: string;
  readonly code?: string | null;
  readonly params?: ExplanationParams | null;
}

/** One posting line as reads show it. */
export interface PostingRow {
  readonly transactionId: string;
  readonly seq: number;
  readonly accountType: string;
  readonly personId: string | null;
  readonly pocket: string | null;
  readonly systemAccount: string | null;
  readonly ref: string | null;
  readonly amount: bigint;
  readonly balanceAfter: bigint | null;
}

/** What a page brings along in the same statement (what the query asks for). */
export interface TransactionPageIncludes {
  /** The postings of each transaction. */
  readonly postings?: boolean;
  /** The person each transaction is about, with the person's insured region. */
  readonly person?: boolean;
  /** Only the region's summary columns (the query asks for nothing else of the region). */
  readonly regionSummary?: boolean;
}

export interface TransactionPageRow extends TransactionRow {
  readonly postings?: PostingRow[];
  /** The person's summary (what an edge shows; not the payment-password state). */
  readonly person?: PersonSummary | null;
  readonly region?: RegionEntity | RegionSummary | null;
}

export interface TransactionListFilter {
  /** About this person (as patient/payer/sender or as recipient). */
  readonly personId?: string | null;
  readonly kinds?: readonly string[] | null;
  /** Cancellations and refunds of this transaction. */
  readonly originalTransactionId?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/** A portal's window on the ledger: what it asked for (`actor`) and what happened at its institution. */
export interface TransactionVisibility {
  readonly actor: string;
  readonly institutionId: string | null;
}

const COLUMNS = `t.id, t.kind, t.status, t.amount, t."personId", t."counterpartyPersonId", t."institutionId",
  t."serviceDate", t."originalTransactionId", t."createdAt", t.actor`;

function toRow(r: Record<string, unknown>): TransactionRow {
  return {
    id: r['id'] as string,
    kind: r['kind'] as string,
    status: r['status'] as string,
    amount: fen(r['amount']),
    personId: (r['personId'] as string | null) ?? null,
    counterpartyPersonId: (r['counterpartyPersonId'] as string | null) ?? null,
    institutionId: (r['institutionId'] as string | null) ?? null,
    serviceDate: isoDateOrNull(r['serviceDate']),
    originalTransactionId: (r['originalTransactionId'] as string | null) ?? null,
    createdAt: timestamp(r['createdAt']),
    actor: r['actor'] as string,
  };
}

function toPosting(r: Record<string, unknown>): PostingRow {
  return {
    transactionId: r['transactionId'] as string,
    seq: Number(r['seq']),
    accountType: r['accountType'] as string,
    personId: (r['personId'] as string | null) ?? null,
    pocket: (r['pocket'] as string | null) ?? null,
    systemAccount: (r['systemAccount'] as string | null) ?? null,
    ref: (r['ref'] as string | null) ?? null,
    amount: fen(r['amount']),
    balanceAfter: fenOrNull(r['balanceAfter']),
  };
}

function where(
  filter: TransactionListFilter | null | undefined,
  visibility: TransactionVisibility | null,
): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (visibility) {
    params['actor'] = visibility.actor;
    if (visibility.institutionId) {
      parts.push('(t.actor = :actor OR t."institutionId" = :institutionId)');
      params['institutionId'] = visibility.institutionId;
    } else parts.push('t.actor = :actor');
  }
  if (filter?.personId) {
    // About the person (patient, payer, sender, recipient) or moving money of their pockets: a relative whose
    // account paid a settlement (R-KIN-4) sees it in their own statement. The person's postings come by their index.
    parts.push(
      '(t."personId" = :pid OR t."counterpartyPersonId" = :pid OR t.id IN (SELECT pp."transactionId" FROM postings pp WHERE pp."personId" = :pid))',
    );
    params['pid'] = filter.personId;
  }
  if (filter?.originalTransactionId) {
    parts.push('t."originalTransactionId" = :original');
    params['original'] = filter.originalTransactionId;
  }
  if (filter?.kinds?.length) {
    parts.push('t.kind IN (:...kinds)');
    params['kinds'] = [...filter.kinds];
  }
  if (filter?.from) {
    parts.push('t."createdAt" >= :from');
    params['from'] = filter.from;
  }
  if (filter?.to) {
    parts.push('t."createdAt" < :to');
    params['to'] = filter.to;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The read side of the ledger: pages, one transaction, postings and explanations of many (one statement each). */
export class TransactionReadQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The institutions of these ids (a page's `institution` edges, batched per request). */
  institutionsOf(ids: readonly string[]): Promise<InstitutionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(InstitutionEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Newest first (ties by id), `limit` rows from `offset`, with what `includes` asks for in the same statement: the
   * page is one statement whatever its size.
   */
  async page(
    filter: TransactionListFilter | null | undefined,
    visibility: TransactionVisibility | null,
    offset: number,
    limit: number,
    includes: TransactionPageIncludes = {},
  ): Promise<TransactionPageRow[]> {
    const w = where(filter, visibility);
    const select = [COLUMNS];
    let joins = '';
    if (includes.postings) {
      select.push(
        `${jsonArray(
          dialectOf(this.dataSource),
          {
            seq: 'p.seq',
            accountType: 'p."accountType"',
            personId: 'p."personId"',
            pocket: 'p.pocket',
            systemAccount: 'p."systemAccount"',
            ref: 'p.ref',
            amount: 'CAST(p.amount AS TEXT)',
            balanceAfter: 'CAST(p."balanceAfter" AS TEXT)',
          },
          'FROM postings p WHERE p."transactionId" = t.id',
          'p.seq',
        )} AS "postings"`,
      );
    }
    if (includes.person) {
      select.push(
        personSummaryColumns('pe', 'pe_'),
        includes.regionSummary ? regionSummaryColumns('re', 're_') : regionColumns('re', 're_'),
      );
      joins =
        'LEFT JOIN persons pe ON pe.id = t."personId" LEFT JOIN regions re ON re.code = pe."regionCode"';
    }
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${select.join(', ')} FROM transactions t ${joins} ${w.sql}
       ORDER BY t."createdAt" DESC, t.id ASC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
      w.params,
    );
    return rows.map((r) => {
      const row: TransactionPageRow = toRow(r);
      if (!includes.postings && !includes.person) return row;
      const postings = includes.postings
        ? json<Record<string, unknown>[]>(r['postings']).map((p) =>
            toPosting({ ...p, transactionId: row.id }),
          )
        : undefined;
      const person = includes.person && r['pe_id'] != null ? personSummaryFromRow(r, 'pe_') : null;
      const region =
        person && r['re_code'] != null
          ? includes.regionSummary
            ? regionSummaryFromRow(r, 're_')
            : regionFromRow(r, 're_')
          : null;
      return { ...row, postings, person: includes.person ? person : undefined, region };
    });
  }

  /**
   * The same page as {@link page} (same filter, visibility, order and window), as JSON objects of the shape's fields
   * (page-json.ts), in one statement and one JSON value. Null on SQLite: the caller reads the rows instead.
   */
  async pageJson(
    filter: TransactionListFilter | null | undefined,
    visibility: TransactionVisibility | null,
    offset: number,
    limit: number,
    shape: TransactionJsonShape,
  ): Promise<Record<string, unknown>[] | null> {
    if (dialectOf(this.dataSource) !== 'postgres') return null;
    const w = where(filter, visibility);
    const [row] = await readRowsPrepared<{ page: unknown }>(
      this.dataSource,
      jsonPage(
        transactionJson('t', shape),
        't',
        `SELECT ${transactionJsonColumns('t', shape)} FROM transactions t ${w.sql}
         ORDER BY t."createdAt" DESC, t.id ASC LIMIT ${Math.trunc(limit)}${offset > 0 ? ' OFFSET :offset' : ''}`,
        't."createdAt" DESC, t.id ASC',
      ),
      { ...w.params, offset: Math.trunc(offset) },
    );
    return json<Record<string, unknown>[]>(row?.page ?? []);
  }

  async count(
    filter: TransactionListFilter | null | undefined,
    visibility: TransactionVisibility | null,
  ): Promise<number> {
    const w = where(filter, visibility);
    const [row] = await readRows<{ n: number | string }>(
      this.dataSource,
      `SELECT COUNT(*) AS n FROM transactions t ${w.sql}`,
      w.params,
    );
    return Number(row?.n ?? 0);
  }

  async byId(id: string): Promise<TransactionRow | null> {
    const [row] = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM transactions t WHERE t.id = :id`,
      { id },
    );
    return row ? toRow(row) : null;
  }

  /** The postings of these transactions, in posting order. */
  async postingsOf(transactionIds: readonly string[]): Promise<PostingRow[]> {
    if (transactionIds.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT p."transactionId", p.seq, p."accountType", p."personId", p.pocket, p."systemAccount", p.ref, p.amount,
         p."balanceAfter"
       FROM postings p WHERE p."transactionId" IN (:...ids) ORDER BY p."transactionId", p.seq`,
      { ids: [...transactionIds] },
    );
    return rows.map(toPosting);
  }

  /** What has been refunded of these settlements so far (R-USE-5): the sum of their REFUND transactions, in fen. */
  async refundedOf(transactionIds: readonly string[]): Promise<Map<string, bigint>> {
    if (transactionIds.length === 0) return new Map();
    const rows = await readRows<{ original: string; total: string | number | bigint }>(
      this.dataSource,
      `SELECT t."originalTransactionId" AS original, SUM(t.amount) AS total FROM transactions t
        WHERE t.kind = 'REFUND' AND t."originalTransactionId" IN (:...ids) GROUP BY t."originalTransactionId"`,
      { ids: [...transactionIds] },
    );
    return new Map(rows.map((r) => [r.original, BigInt(r.total)]));
  }

  /** Explanations of these transactions (only when a query asks for them: it is JSON to parse). */
  async explanationsOf(transactionIds: readonly string[]): Promise<Map<string, ExplanationRow[]>> {
    if (transactionIds.length === 0) return new Map();
    const rows = await readRows<{ id: string; explanation: unknown }>(
      this.dataSource,
      `SELECT t.id, t.explanation FROM transactions t WHERE t.id IN (:...ids)`,
      { ids: [...transactionIds] },
    );
    return new Map(rows.map((r) => [r.id, json<ExplanationRow[]>(r.explanation)]));
  }
}
