import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Monthly partitions of `postings` on PostgreSQL (issue #11). The table is `PARTITION BY RANGE ("bookedAt")`, one
 * partition per calendar month in China Standard Time (the bureaus' booking calendar, as in the analytics), named
 * `postings_yYYYYmMM`, plus `postings_default` that catches a posting of a month nobody created a partition for — a
 * write never fails because maintenance was late. The primary key is `(id, "bookedAt")`: PostgreSQL requires the
 * partition key in every unique constraint. No foreign key references `postings`.
 *
 * Maintenance (`npm run partitions`): {@link ensurePostingPartitions} creates the coming months ahead (moving any rows
 * the default partition caught for such a month into it); {@link detachPostingPartitionsBefore} detaches closed months:
 * they leave `postings` (and every query, index scan and vacuum of it) but stay in the database as plain tables of
 * the same name, to be archived (`pg_dump -t`) and dropped by an operator. Before detaching, the per-account totals of
 * each month are stored in `posting_archive_totals`, so balances = archived totals + live postings stays checkable.
 *
 * SQLite is not partitioned: everything here refuses other dialects.
 */
export const POSTINGS_DEFAULT_PARTITION = 'postings_default';

/** A month `YYYY-MM`. */
export type Month = string;

export interface PostingPartition {
  readonly name: string;
  /** First month (inclusive) and month after the last (exclusive); null for the default partition. */
  readonly from: Month | null;
  readonly to: Month | null;
}

type Runner = DataSource | EntityManager | QueryRunner;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function assertMonth(month: string): Month {
  if (!MONTH.test(month)) throw new Error(`A month is YYYY-MM, got "${month}"`);
  return month;
}

/** `YYYY-MM` plus n months (n may be negative). */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = assertMonth(month).split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The month of an instant in China Standard Time (UTC+8). */
export function monthOf(instant: Date): Month {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

export function partitionName(month: Month): string {
  const [y, m] = assertMonth(month).split('-');
  return `postings_y${y}m${m}`;
}

/** Start of a month in CST as a timestamptz literal. */
function startOf(month: Month): string {
  return `${assertMonth(month)}-01 00:00:00+08`;
}

async function isPostgres(runner: Runner): Promise<boolean> {
  const ds = 'connection' in runner ? runner.connection : runner;
  return (ds as DataSource).options.type === 'postgres';
}

async function assertPartitioned(runner: Runner): Promise<void> {
  if (!(await isPostgres(runner))) throw new Error('Postings are partitioned on PostgreSQL only');
  const rows = (await runner.query(
    `SELECT 1 FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid
      WHERE c.relname = 'postings' AND c.relnamespace = current_schema()::regnamespace`,
  )) as unknown[];
  if (rows.length === 0)
    throw new Error('postings is not a partitioned table (migration PartitionedPostings missing?)');
}

/** The partitions of `postings`, oldest first, the default last. */
export async function listPostingPartitions(runner: Runner): Promise<PostingPartition[]> {
  await assertPartitioned(runner);
  const rows = (await runner.query(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = 'postings' AND p.relnamespace = current_schema()::regnamespace`,
  )) as { name: string; bound: string }[];
  const partitions = rows.map((r) => {
    if (r.bound === 'DEFAULT') return { name: r.name, from: null, to: null };
    // FOR VALUES FROM ('2026-11-30 16:00:00+00') TO ('2026-12-31 16:00:00+00'), in the session's time zone.
    const [from, to] = [...r.bound.matchAll(/'([^']+)'/g)].map((m) => monthOf(new Date(toIso(m[1]))));
    return { name: r.name, from, to };
  });
  return partitions.sort((a, b) =>
    a.from === null ? 1 : b.from === null ? -1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  );
}

/** `2026-11-30 16:00:00+00` → an ISO string Date understands. */
function toIso(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) throw new Error(`Unexpected partition bound ${text}`);
  return `${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`;
}

/**
 * Creates the monthly partition of every month from `from` to `to` (inclusive) that does not exist yet. Rows the
 * default partition holds for such a month move into it (PostgreSQL refuses to create a partition whose range the
 * default partition has rows of). Returns the names created.
 */
export async function createPostingPartitions(runner: Runner, from: Month, to: Month): Promise<string[]> {
  const existing = new Set((await listPostingPartitions(runner)).map((p) => p.name));
  const created: string[] = [];
  for (let month = assertMonth(from); month <= assertMonth(to); month = addMonths(month, 1)) {
    const name = partitionName(month);
    if (existing.has(name)) continue;
    const lo = startOf(month);
    const hi = startOf(addMonths(month, 1));
    const caught = (await runner.query(
      `SELECT 1 FROM "${POSTINGS_DEFAULT_PARTITION}" WHERE "bookedAt" >= $1 AND "bookedAt" < $2 LIMIT 1`,
      [lo, hi],
    )) as unknown[];
    if (caught.length === 0) {
      await runner.query(
        `CREATE TABLE "${name}" PARTITION OF "postings" FOR VALUES FROM ('${lo}') TO ('${hi}')`,
      );
    } else {
      // Lift the month's rows out of the default partition into a new table, then attach it as the month.
      await runner.query(`ALTER TABLE "postings" DETACH PARTITION "${POSTINGS_DEFAULT_PARTITION}"`);
      await runner.query(`CREATE TABLE "${name}" (LIKE "postings" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await runner.query(
        `WITH moved AS (DELETE FROM "${POSTINGS_DEFAULT_PARTITION}" WHERE "bookedAt" >= $1 AND "bookedAt" < $2 RETURNING *)
         INSERT INTO "${name}" SELECT * FROM moved`,
        [lo, hi],
      );
      await runner.query(
        `ALTER TABLE "postings" ATTACH PARTITION "${name}" FOR VALUES FROM ('${lo}') TO ('${hi}')`,
      );
      await runner.query(`ALTER TABLE "postings" ATTACH PARTITION "${POSTINGS_DEFAULT_PARTITION}" DEFAULT`);
    }
    created.push(name);
  }
  return created;
}

/** The current month (CST) and the next `ahead` months exist afterwards. Returns the names created. */
export async function ensurePostingPartitions(
  dataSource: DataSource,
  options: { ahead: number; now?: Date },
): Promise<string[]> {
  if (!Number.isInteger(options.ahead) || options.ahead < 0) throw new Error('ahead must be an integer ≥ 0');
  const current = monthOf(options.now ?? new Date());
  return dataSource.transaction((m) =>
    createPostingPartitions(m, current, addMonths(current, options.ahead)),
  );
}

export interface DetachedPartition {
  readonly name: string;
  readonly month: Month;
  readonly postings: number;
}

/**
 * Detaches every monthly partition that ends on or before the start of `month` (i.e. months before it). Each stays a
 * plain table of the same name; its per-account totals are recorded in `posting_archive_totals` first, in the same
 * transaction. The default partition is never detached; a month the default partition still holds rows of is
 * refused (create its partition first: `--ensure-from`).
 */
export async function detachPostingPartitionsBefore(
  dataSource: DataSource,
  month: Month,
): Promise<DetachedPartition[]> {
  assertMonth(month);
  return dataSource.transaction(async (m) => {
    const caught = (await m.query(
      `SELECT count(*)::int AS n FROM "${POSTINGS_DEFAULT_PARTITION}" WHERE "bookedAt" < $1`,
      [startOf(month)],
    )) as { n: number }[];
    if (caught[0].n > 0)
      throw new Error(
        `${caught[0].n} postings before ${month} are in ${POSTINGS_DEFAULT_PARTITION}: create their months' partitions first`,
      );
    const detached: DetachedPartition[] = [];
    for (const p of await listPostingPartitions(m)) {
      if (p.from === null || p.to === null || p.to > month) continue;
      await m.query(
        `INSERT INTO "posting_archive_totals" ("partition", "month", "accountType", "personId", "pocket",
                "systemAccount", "ref", "amount", "postings")
         SELECT $1, $2, "accountType", COALESCE("personId", ''), COALESCE("pocket", ''), COALESCE("systemAccount", ''),
                COALESCE("ref", ''), SUM("amount"), COUNT(*)
           FROM "${p.name}" GROUP BY 3, 4, 5, 6, 7`,
        [p.name, p.from],
      );
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM "${p.name}"`)) as { n: number }[];
      await m.query(`ALTER TABLE "postings" DETACH PARTITION "${p.name}"`);
      detached.push({ name: p.name, month: p.from, postings: n });
    }
    return detached;
  });
}

/**
 * Per-pocket totals of detached months (`personId:pocket` → fen): what a ledger audit adds to the live postings'
 * sums once months are detached (balance = archived totals + live postings). Empty on SQLite and before any detach.
 */
export async function archivedPocketTotals(dataSource: DataSource): Promise<Map<string, bigint>> {
  if (dataSource.options.type !== 'postgres') return new Map();
  const rows = (await dataSource.query(
    `SELECT "personId", "pocket", SUM("amount")::text AS amount FROM "posting_archive_totals"
      WHERE "accountType" = 'POCKET' GROUP BY 1, 2`,
  )) as { personId: string; pocket: string; amount: string }[];
  return new Map(rows.map((r) => [`${r.personId}:${r.pocket}`, BigInt(r.amount)]));
}
