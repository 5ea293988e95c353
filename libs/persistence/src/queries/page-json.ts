/**
 * Pages read as JSON already shaped as the API shows them (issue #11): the statement builds one JSON array of
 * objects whose keys are the GraphQL field names the query selected, with only the columns those fields need, nested
 * objects included; the server parses one JSON value per page instead of hydrating every column of every row, and
 * GraphQL's default resolvers answer from the objects. Money comes as the decimal text of integer fen (the API turns it
 * into its Money scalar), timestamps and dates as PostgreSQL's JSON text (ISO 8601).
 *
 * PostgreSQL only: on SQLite the builders are not used and pages keep the row-by-row read.
 */

/** Person fields answered by a column of the same name. */
export const PERSON_JSON_FIELDS = [
  'id',
  'name',
  'idNumber',
  'phone',
  'birthDate',
  'insuranceType',
  'employmentStatus',
  'regionCode',
  'realNameVerified',
  'outOfRegionUsePermission',
] as const;
export type PersonJsonField = (typeof PERSON_JSON_FIELDS)[number];

/** Region fields of the summary: `id` is the code. */
export const REGION_JSON_FIELDS = ['id', 'code', 'name', 'level', 'provinceCode', 'isPool'] as const;
export type RegionJsonField = (typeof REGION_JSON_FIELDS)[number];

/** Kin relation fields answered by a column of the same name (active relations: `revokedAt` is null). */
export const KIN_JSON_FIELDS = [
  'id',
  'providerId',
  'beneficiaryId',
  'relation',
  'channel',
  'position',
  'registeredOn',
  'revokedAt',
] as const;
export type KinJsonField = (typeof KIN_JSON_FIELDS)[number];

/** Transaction fields answered by a column (`amount` as the text of integer fen). */
export const TRANSACTION_JSON_FIELDS = [
  'id',
  'kind',
  'status',
  'amount',
  'personId',
  'counterpartyPersonId',
  'institutionId',
  'serviceDate',
  'originalTransactionId',
  'createdAt',
] as const;
export type TransactionJsonField = (typeof TRANSACTION_JSON_FIELDS)[number];

/** Posting line fields (`account` is derived as the API shows it; amounts as the text of integer fen). */
export const POSTING_JSON_FIELDS = [
  'account',
  'personId',
  'pocket',
  'systemAccount',
  'amount',
  'balanceAfter',
] as const;
export type PostingJsonField = (typeof POSTING_JSON_FIELDS)[number];

export interface PersonJsonShape {
  readonly fields: readonly PersonJsonField[];
  /** The insured region's summary fields, when asked for. */
  readonly region?: readonly RegionJsonField[] | null;
  /** `account { pockets { kind balance } total }` (null when the person has no pocket). */
  readonly account?: boolean;
  /** Active relations as beneficiary, in registered order (R-KIN-4), with their provider's fields. */
  readonly fundingSources?: {
    readonly fields: readonly KinJsonField[];
    readonly provider?: PersonJsonShape | null;
  } | null;
}

export interface TransactionJsonShape {
  readonly fields: readonly TransactionJsonField[];
  readonly postings?: readonly PostingJsonField[] | null;
  readonly person?: PersonJsonShape | null;
}

const q = (column: string) => `"${column}"`;

function object(pairs: readonly (readonly [string, string])[]): string {
  return `json_build_object(${pairs.map(([key, sql]) => `'${key}', ${sql}`).join(', ')})`;
}

function regionJson(fields: readonly RegionJsonField[], codeSql: string): string {
  const pairs = fields.map((f) => [f, `re.${q(f === 'id' ? 'code' : f)}`] as const);
  return `(SELECT ${object(pairs)} FROM regions re WHERE re.code = ${codeSql})`;
}

/** A person of table alias `alias` as a JSON object of the shape's fields. */
export function personJson(alias: string, shape: PersonJsonShape): string {
  const pairs: (readonly [string, string])[] = shape.fields.map((f) => [f, `${alias}.${q(f)}`] as const);
  if (shape.region) pairs.push(['region', regionJson(shape.region, `${alias}."regionCode"`)]);
  if (shape.account) {
    pairs.push([
      'account',
      `(SELECT CASE WHEN COUNT(*) = 0 THEN NULL ELSE json_build_object('pockets',
         json_agg(json_build_object('kind', k.kind, 'balance', CAST(k.balance AS TEXT)) ORDER BY k.kind),
         'total', CAST(SUM(k.balance) AS TEXT)) END
       FROM pockets k WHERE k."personId" = ${alias}.id)`,
    ]);
  }
  const sources = shape.fundingSources;
  if (sources) {
    const kin: (readonly [string, string])[] = sources.fields.map((f) => [f, `kr.${q(f)}`] as const);
    if (sources.provider) kin.push(['provider', personJson('pv', sources.provider)]);
    pairs.push([
      'fundingSources',
      `COALESCE((SELECT json_agg(${object(kin)} ORDER BY kr.position)
       FROM kin_relations kr ${sources.provider ? 'JOIN persons pv ON pv.id = kr."providerId"' : ''}
       WHERE kr."beneficiaryId" = ${alias}.id AND kr."revokedAt" IS NULL), '[]')`,
    ]);
  }
  return object(pairs);
}

const POSTING_SQL: Readonly<Record<PostingJsonField, string>> = {
  account: `CASE WHEN ps."accountType" = 'POCKET' THEN ps."personId"
    WHEN ps.ref IS NOT NULL AND ps.ref <> '' THEN ps."systemAccount" || ':' || ps.ref ELSE ps."systemAccount" END`,
  personId: 'ps."personId"',
  pocket: 'ps.pocket',
  systemAccount: 'ps."systemAccount"',
  amount: 'CAST(ps.amount AS TEXT)',
  balanceAfter: 'CAST(ps."balanceAfter" AS TEXT)',
};

/** A transaction of table alias `alias` as a JSON object of the shape's fields. */
export function transactionJson(alias: string, shape: TransactionJsonShape): string {
  const pairs: (readonly [string, string])[] = shape.fields.map(
    (f) => [f, f === 'amount' ? `CAST(${alias}.amount AS TEXT)` : `${alias}.${q(f)}`] as const,
  );
  if (shape.postings) {
    const line = object(shape.postings.map((f) => [f, POSTING_SQL[f]] as const));
    pairs.push([
      'postings',
      `COALESCE((SELECT json_agg(${line} ORDER BY ps.seq) FROM postings ps
        WHERE ps."transactionId" = ${alias}.id), '[]')`,
    ]);
  }
  if (shape.person) {
    pairs.push([
      'person',
      `(SELECT ${personJson('pe', shape.person)} FROM persons pe WHERE pe.id = ${alias}."personId")`,
    ]);
  }
  return object(pairs);
}

/** The columns of `alias` the page's person objects need (and the page's order): a narrow row to sort. */
export function personJsonColumns(alias: string, shape: PersonJsonShape): string {
  const columns = new Set<string>(['id', 'name', 'idNumber', ...shape.fields]);
  if (shape.region) columns.add('regionCode');
  return [...columns].map((c) => `${alias}.${q(c)}`).join(', ');
}

/** The columns of `alias` the page's transaction objects need (and the page's order): a narrow row to sort. */
export function transactionJsonColumns(alias: string, shape: TransactionJsonShape): string {
  const columns = new Set<string>(['id', 'createdAt', ...shape.fields]);
  if (shape.person) columns.add('personId');
  return [...columns].map((c) => `${alias}.${q(c)}`).join(', ');
}

/**
 * The page's statement: one row, one JSON array of the objects of `inner`'s rows (table alias `alias`), in `orderBy`
 * (the inner statement's own order, on `alias`).
 */
export function jsonPage(objectSql: string, alias: string, inner: string, orderBy: string): string {
  return `SELECT COALESCE(json_agg(${objectSql} ORDER BY ${orderBy}), '[]') AS page FROM (${inner}) ${alias}`;
}
