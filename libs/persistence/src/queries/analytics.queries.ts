import type { DataSource } from 'typeorm';
import { analystQuery } from './replica-read';

/**
 * Aggregate queries for analysts (issue #8): ledger statistics, wallet flows between provinces and the
 * reconciliation statement of an institution (national 3201). Each is ONE SQL statement per call (CTEs + GROUP BY);
 * nothing is summed in JavaScript. Everything dialect-specific (parameter placeholders, local dates) lives here.
 *
 * Dates: every query buckets and filters by the *booking date* of a transaction — its `createdAt` in China Standard
 * Time (UTC+8, no daylight saving) — because that is when money moved (a cancellation is booked on the day it
 * happens, not on the bill's service date). Money is integer fen throughout.
 *
 * Each runs on a streaming replica when `DATABASE_REPLICA_URLS` configures one (issue #11, {@link analystQuery}).
 */

/** Dimensions of {@link ledgerStatsQuery}, in the public enum's spelling. */
export const LEDGER_STATS_DIMENSIONS = [
  'PROVINCE',
  'REGION',
  'MONTH',
  'TRANSACTION_KIND',
  'POCKET_KIND',
  'RELATION',
  'PRODUCT',
  'CHANNEL',
] as const;
export type LedgerStatsDimension = (typeof LEDGER_STATS_DIMENSIONS)[number];

/** Transaction kinds whose personal-pocket postings to *other* persons are mutual-aid money (R-KIN-4, R-USE-5). */
const SETTLEMENT_FAMILY = ['SETTLEMENT', 'SETTLEMENT_CANCEL', 'REFUND'] as const;

/** China Standard Time: the calendar the bureaus and hospitals book in. */
const CST_OFFSET = '+08:00';

export interface LedgerStatsQuery {
  readonly groupBy: readonly LedgerStatsDimension[];
  /** First booking date (inclusive), `YYYY-MM-DD` in China Standard Time. */
  readonly from?: string | null;
  /** Last booking date (inclusive). */
  readonly to?: string | null;
  /** Only units whose person is insured in this region. */
  readonly regionCode?: string | null;
  /** Only units whose person is insured in this province. */
  readonly provinceCode?: string | null;
  /** Only these transaction kinds. */
  readonly kinds?: readonly string[] | null;
  /** Cells with fewer distinct persons are suppressed (numbers null). */
  readonly minPersons: number;
}

export interface LedgerStatsValue {
  /** Code of the dimension value (null: the unit has none, e.g. no product). */
  readonly code: string | null;
  /** Human label (region and province names; the code itself otherwise). */
  readonly label: string | null;
}

export interface LedgerStatsCell {
  /** The one extra row that aggregates every suppressed cell (its values are all null). */
  readonly remainder: boolean;
  /** One value per dimension of `groupBy`, in that order. */
  readonly values: readonly LedgerStatsValue[];
  readonly suppressed: boolean;
  /** null when suppressed. */
  readonly transactionCount: number | null;
  readonly personCount: number | null;
  /** Fen; null when suppressed. */
  readonly amount: bigint | null;
  /** Cells aggregated in this row: 1, or the number of suppressed cells for the remainder row. */
  readonly cells: number;
}

export interface ProvinceFlowCell {
  readonly fromProvinceCode: string;
  readonly fromProvinceName: string | null;
  readonly toProvinceCode: string;
  readonly toProvinceName: string | null;
  readonly suppressed: boolean;
  readonly transferCount: number | null;
  readonly senderCount: number | null;
  readonly recipientCount: number | null;
  /** Fen; null when suppressed. */
  readonly amount: bigint | null;
}

/** Figures of one day (or of the whole range when `date` is null); fen. */
export interface ReconciliationFigures {
  readonly date: string | null;
  readonly settlementCount: number;
  readonly billTotal: bigint;
  readonly fundPaid: bigint;
  readonly accountPaid: bigint;
  readonly mutualAidPaid: bigint;
  readonly cashPaid: bigint;
  readonly cancellationCount: number;
  readonly cancellationAmount: bigint;
  readonly refundCount: number;
  readonly refundAmount: bigint;
  readonly netBillTotal: bigint;
  readonly netFundPaid: bigint;
  readonly netAccountPaid: bigint;
  readonly netMutualAidPaid: bigint;
  readonly netCashPaid: bigint;
}

/** Positional parameters of the current dialect: `$1…` (PostgreSQL) or `?` (SQLite). */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly postgres: boolean) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.postgres ? `$${this.values.length}` : '?';
  }
}

function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === 'postgres';
}

/** Instant of local midnight starting `date` (CST), as the dialect compares it with a timestamp column. */
function cstMidnight(postgres: boolean, date: string, plusDays = 0): string {
  const instant = new Date(Date.parse(`${date}T00:00:00${CST_OFFSET}`) + plusDays * 86_400_000);
  // SQLite stores TypeORM datetimes as UTC text `YYYY-MM-DD HH:MM:SS.sss`; text order is time order.
  return postgres ? instant.toISOString() : instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** Booking date (`YYYY-MM-DD`) or month (`YYYY-MM`) of a timestamp column, in China Standard Time. */
function localDate(postgres: boolean, column: string, unit: 'day' | 'month'): string {
  if (postgres)
    return `to_char(${column} AT TIME ZONE 'Asia/Shanghai', '${unit === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`;
  return `strftime('${unit === 'day' ? '%Y-%m-%d' : '%Y-%m'}', ${column}, '+8 hours')`;
}

function rangeFilter(params: Params, postgres: boolean, from?: string | null, to?: string | null): string[] {
  const where: string[] = [];
  if (from) where.push(`t."createdAt" >= ${params.add(cstMidnight(postgres, from))}`);
  if (to) where.push(`t."createdAt" < ${params.add(cstMidnight(postgres, to, 1))}`);
  return where;
}

const toInt = (v: unknown): number | null => (v == null ? null : Number(v));
const toFen = (v: unknown): bigint | null => (v == null ? null : BigInt(String(v)));
/** Dimension codes travel as '' instead of NULL so cells join back to their rows with plain `=` in both dialects. */
const fromKey = (v: unknown): string | null => (v == null || v === '' ? null : String(v));

/**
 * Counts and sums of the ledger grouped by 1–4 dimensions, with small-cell suppression — one statement.
 *
 * Unit of counting ("grain"):
 * - without POCKET_KIND and RELATION: one unit per transaction; its person is the transaction's person (patient,
 *   payer, sender…) and its amount the headline amount (bill total, refund, premium, transfer…). A batch transaction
 *   without a person (monthly credit, interest) is split into one unit per credited pocket (person = pocket owner,
 *   amount = that credit), so it counts once in every cell it touches.
 * - with POCKET_KIND or RELATION: one unit per posting to a personal pocket; person = the pocket's owner, amount =
 *   the posting's signed amount (credits positive, debits negative). RELATION keeps only mutual-aid postings: those
 *   of a settlement, cancellation or refund to a pocket of someone other than the patient, i.e. a provider; the
 *   relation is the beneficiary's (patient's) relation to that provider from `kin_relations`, the latest one
 *   registered before the transaction.
 * PROVINCE and REGION are those of the unit's person's current insured region.
 *
 * Suppression: a cell with fewer than `minPersons` distinct persons has null numbers. One extra `remainder` row
 * aggregates the units of all suppressed cells; it is itself suppressed below `minPersons`. So when the remainder is
 * published, unsuppressed cells + remainder add up to the ledger's totals (transactions and amounts).
 */
export async function ledgerStatsQuery(
  dataSource: DataSource,
  query: LedgerStatsQuery,
): Promise<LedgerStatsCell[]> {
  const pg = isPostgres(dataSource);
  const params = new Params(pg);
  const dims = query.groupBy;
  const postingGrain = dims.includes('POCKET_KIND') || dims.includes('RELATION');
  const joins: string[] = [];
  const where: string[] = rangeFilter(params, pg, query.from, query.to);
  let person: string;
  let amount: string;
  if (postingGrain) {
    joins.push(`JOIN postings p ON p."transactionId" = t.id AND p."accountType" = 'POCKET'`);
    person = 'p."personId"';
    amount = 'p.amount';
    if (dims.includes('RELATION')) {
      where.push(`t.kind IN (${SETTLEMENT_FAMILY.map((k) => params.add(k)).join(', ')})`);
      where.push(`p."personId" <> t."personId"`);
    }
  } else {
    joins.push(
      `LEFT JOIN postings p ON p."transactionId" = t.id AND t."personId" IS NULL AND p."accountType" = 'POCKET'`,
    );
    person = 'COALESCE(t."personId", p."personId")';
    amount = 'CASE WHEN p.id IS NULL THEN t.amount ELSE p.amount END';
  }
  joins.push(`LEFT JOIN persons pe ON pe.id = ${person}`);
  joins.push(`LEFT JOIN regions rg ON rg.code = pe."regionCode"`);
  if (dims.includes('PROVINCE')) joins.push(`LEFT JOIN regions pv ON pv.code = rg."provinceCode"`);
  if (dims.includes('CHANNEL')) joins.push(`LEFT JOIN transactions o ON o.id = t."originalTransactionId"`);

  const relation =
    `(SELECT kr.relation FROM kin_relations kr WHERE kr."providerId" = p."personId"` +
    ` AND kr."beneficiaryId" = t."personId" AND kr."createdAt" <= t."createdAt"` +
    ` ORDER BY kr."createdAt" DESC LIMIT 1)`;
  const month = localDate(pg, 't."createdAt"', 'month');
  const expressions: Record<LedgerStatsDimension, { code: string; label: string }> = {
    PROVINCE: { code: 'rg."provinceCode"', label: 'pv.name' },
    REGION: { code: 'pe."regionCode"', label: 'rg.name' },
    MONTH: { code: month, label: month },
    TRANSACTION_KIND: { code: 't.kind', label: 't.kind' },
    POCKET_KIND: { code: 'p.pocket', label: 'p.pocket' },
    RELATION: { code: relation, label: relation },
    PRODUCT: { code: 't.product', label: 't.product' },
    CHANNEL: { code: 'COALESCE(t.channel, o.channel)', label: 'COALESCE(t.channel, o.channel)' },
  };
  if (query.regionCode) where.push(`pe."regionCode" = ${params.add(query.regionCode)}`);
  if (query.provinceCode) where.push(`rg."provinceCode" = ${params.add(query.provinceCode)}`);
  if (query.kinds && query.kinds.length > 0)
    where.push(`t.kind IN (${query.kinds.map((k) => params.add(k)).join(', ')})`);

  const keys = dims.map((_, i) => `d${i}`);
  const labels = dims.map((_, i) => `l${i}`);
  const baseColumns = dims.flatMap((d, i) => [
    `COALESCE(${expressions[d].code}, '') AS d${i}`,
    `${expressions[d].label} AS l${i}`,
  ]);
  const min = () => params.add(query.minPersons);
  const shown = (column: string, persons: string) => `CASE WHEN ${persons} >= ${min()} THEN ${column} END`;
  const sql = `
WITH base AS (
  SELECT ${baseColumns.join(', ')}, t.id AS tx, ${person} AS person, ${amount} AS amount
    FROM transactions t
    ${joins.join('\n    ')}
   ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
),
cells AS (
  SELECT ${[...keys, ...labels].join(', ')},
         COUNT(DISTINCT tx) AS txs, COUNT(DISTINCT person) AS persons, SUM(amount) AS amount
    FROM base GROUP BY ${[...keys, ...labels].join(', ')}
),
rest AS (
  SELECT COUNT(DISTINCT b.tx) AS txs, COUNT(DISTINCT b.person) AS persons, SUM(b.amount) AS amount,
         (SELECT COUNT(*) FROM cells WHERE persons < ${min()}) AS cells
    FROM base b JOIN cells c ON ${keys.map((k) => `b.${k} = c.${k}`).join(' AND ')}
   WHERE c.persons < ${min()}
)
SELECT 0 AS remainder, ${[...keys, ...labels].join(', ')},
       ${shown('txs', 'persons')} AS txs, ${shown('persons', 'persons')} AS persons,
       ${shown('amount', 'persons')} AS amount, CASE WHEN persons >= ${min()} THEN 0 ELSE 1 END AS suppressed,
       1 AS cells
  FROM cells
UNION ALL
SELECT 1 AS remainder, ${[...keys, ...labels].map((c) => `NULL AS ${c}`).join(', ')},
       ${shown('txs', 'persons')} AS txs, ${shown('persons', 'persons')} AS persons,
       ${shown('amount', 'persons')} AS amount, CASE WHEN persons >= ${min()} THEN 0 ELSE 1 END AS suppressed,
       cells
  FROM rest WHERE cells > 0
ORDER BY remainder, ${keys.join(', ')}`;
  const rows = await analystQuery(dataSource, 'ledgerStats', sql, params.values);
  return rows.map((r) => {
    const remainder = Number(r['remainder']) === 1;
    return {
      remainder,
      values: dims.map((_, i) => {
        const code = fromKey(r[`d${i}`]);
        return { code, label: code === null ? null : fromKey(r[`l${i}`]) };
      }),
      suppressed: Number(r['suppressed']) === 1,
      transactionCount: toInt(r['txs']),
      personCount: toInt(r['persons']),
      amount: toFen(r['amount']),
      cells: Number(r['cells']),
    };
  });
}

/**
 * Wallet transfers (R-WAL) booked from `from` to `to`, grouped by the sender's × the recipient's province (their
 * insured regions when the transfer was booked, kept in its details; the current ones for rows booked before),
 * including transfers within one province. A pair with fewer than `minPersons` distinct
 * senders or distinct recipients is suppressed (numbers null). One statement.
 */
export async function provinceFlowsQuery(
  dataSource: DataSource,
  query: { readonly from: string; readonly to: string; readonly minPersons: number },
): Promise<ProvinceFlowCell[]> {
  const pg = isPostgres(dataSource);
  const params = new Params(pg);
  const where = [
    `t.kind = ${params.add('WALLET_TRANSFER')}`,
    ...rangeFilter(params, pg, query.from, query.to),
  ];
  const ok = () =>
    `f.senders >= ${params.add(query.minPersons)} AND f.recipients >= ${params.add(query.minPersons)}`;
  // Each side's insured region as booked with the transfer (older rows: the person's current region).
  const detail = (key: string) =>
    pg ? `(t.details::jsonb ->> '${key}')` : `json_extract(t.details, '$.${key}')`;
  const sql = `
WITH f AS (
  SELECT sr."provinceCode" AS fp, rr."provinceCode" AS tp, COUNT(*) AS txs,
         COUNT(DISTINCT t."personId") AS senders, COUNT(DISTINCT t."counterpartyPersonId") AS recipients,
         SUM(t.amount) AS amount
    FROM transactions t
    JOIN persons s ON s.id = t."personId"
    JOIN regions sr ON sr.code = COALESCE(${detail('fromRegionCode')}, s."regionCode")
    JOIN persons r ON r.id = t."counterpartyPersonId"
    JOIN regions rr ON rr.code = COALESCE(${detail('toRegionCode')}, r."regionCode")
   WHERE ${where.join(' AND ')}
   GROUP BY sr."provinceCode", rr."provinceCode"
)
SELECT f.fp, fpv.name AS fpname, f.tp, tpv.name AS tpname,
       CASE WHEN ${ok()} THEN 0 ELSE 1 END AS suppressed,
       CASE WHEN ${ok()} THEN f.txs END AS txs,
       CASE WHEN ${ok()} THEN f.senders END AS senders,
       CASE WHEN ${ok()} THEN f.recipients END AS recipients,
       CASE WHEN ${ok()} THEN f.amount END AS amount
  FROM f
  LEFT JOIN regions fpv ON fpv.code = f.fp
  LEFT JOIN regions tpv ON tpv.code = f.tp
 ORDER BY f.fp, f.tp`;
  const rows = await analystQuery(dataSource, 'provinceFlows', sql, params.values);
  return rows.map((r) => ({
    fromProvinceCode: String(r['fp']),
    fromProvinceName: fromKey(r['fpname']),
    toProvinceCode: String(r['tp']),
    toProvinceName: fromKey(r['tpname']),
    suppressed: Number(r['suppressed']) === 1,
    transferCount: toInt(r['txs']),
    senderCount: toInt(r['senders']),
    recipientCount: toInt(r['recipients']),
    amount: toFen(r['amount']),
  }));
}

/**
 * The reconciliation statement of one institution (national 3201 对账): per booking day and in total, from the
 * postings of its settlements, cancellations and refunds. Gross figures are those of the settlements; each
 * component's net figure is the signed sum over all three kinds (a cancellation or refund posts back to the
 * accounts that paid), so net = settlements − cancellations − refunds component by component. Account paid = the
 * patient's own pockets (EARMARKED + WALLET); mutual aid = pockets of other persons (providers, R-KIN-4).
 * Returns the days with activity in date order, then the total (date null). One statement.
 */
export async function reconciliationQuery(
  dataSource: DataSource,
  query: { readonly institutionId: string; readonly from: string; readonly to: string },
): Promise<ReconciliationFigures[]> {
  const pg = isPostgres(dataSource);
  const params = new Params(pg);
  const where = [
    `t."institutionId" = ${params.add(query.institutionId)}`,
    `t.kind IN (${SETTLEMENT_FAMILY.map((k) => params.add(k)).join(', ')})`,
    ...rangeFilter(params, pg, query.from, query.to),
  ];
  const figures = `
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN 1 ELSE 0 END) AS settlements,
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN amount ELSE 0 END) AS bill,
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN fund ELSE 0 END) AS fund,
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN own ELSE 0 END) AS own,
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN mulaid ELSE 0 END) AS mulaid,
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN cash ELSE 0 END) AS cash,
         SUM(CASE WHEN kind = 'SETTLEMENT_CANCEL' THEN 1 ELSE 0 END) AS cancels,
         SUM(CASE WHEN kind = 'SETTLEMENT_CANCEL' THEN amount ELSE 0 END) AS cancelled,
         SUM(CASE WHEN kind = 'REFUND' THEN 1 ELSE 0 END) AS refunds,
         SUM(CASE WHEN kind = 'REFUND' THEN amount ELSE 0 END) AS refunded,
         SUM(CASE WHEN kind = 'SETTLEMENT' THEN amount ELSE -amount END) AS netbill,
         SUM(fund) AS netfund, SUM(own) AS netown, SUM(mulaid) AS netmulaid, SUM(cash) AS netcash`;
  const sql = `
WITH tx AS (
  SELECT t.id, t.kind AS kind, t.amount AS amount, ${localDate(pg, 't."createdAt"', 'day')} AS day,
         SUM(CASE WHEN p."systemAccount" = 'FUND_POOL' THEN -p.amount ELSE 0 END) AS fund,
         SUM(CASE WHEN p."accountType" = 'POCKET' AND p."personId" = t."personId" THEN -p.amount ELSE 0 END) AS own,
         SUM(CASE WHEN p."accountType" = 'POCKET' AND p."personId" <> t."personId" THEN -p.amount ELSE 0 END)
           AS mulaid,
         SUM(CASE WHEN p."systemAccount" = 'CASH' THEN -p.amount ELSE 0 END) AS cash
    FROM transactions t JOIN postings p ON p."transactionId" = t.id
   WHERE ${where.join(' AND ')}
   GROUP BY t.id, t.kind, t.amount, t."createdAt"
)
SELECT * FROM (
  SELECT 0 AS total, day, ${figures} FROM tx GROUP BY day
  UNION ALL
  SELECT 1 AS total, NULL AS day, ${figures} FROM tx
) r ORDER BY total, day`;
  const rows = await analystQuery(dataSource, 'reconciliation', sql, params.values);
  const fen = (v: unknown) => toFen(v) ?? 0n;
  return rows.map((r) => ({
    date: fromKey(r['day']),
    settlementCount: toInt(r['settlements']) ?? 0,
    billTotal: fen(r['bill']),
    fundPaid: fen(r['fund']),
    accountPaid: fen(r['own']),
    mutualAidPaid: fen(r['mulaid']),
    cashPaid: fen(r['cash']),
    cancellationCount: toInt(r['cancels']) ?? 0,
    cancellationAmount: fen(r['cancelled']),
    refundCount: toInt(r['refunds']) ?? 0,
    refundAmount: fen(r['refunded']),
    netBillTotal: fen(r['netbill']),
    netFundPaid: fen(r['netfund']),
    netAccountPaid: fen(r['netown']),
    netMutualAidPaid: fen(r['netmulaid']),
    netCashPaid: fen(r['netcash']),
  }));
}
