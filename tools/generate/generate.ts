/**
 * `npm run generate` — test data at national scale (issue #11), on PostgreSQL.
 *
 *   npm run generate -- --persons 1000000 [--seed 1] [--database-url postgres://…] [--batch 10000]
 *                       [--last-month 2026-10] [--months 12] [--purchases 25] [--today 2026-12-01] [--append]
 *   npm run generate -- --contributions-csv contributions.csv --month 2026-11 [--bad-rows 0.001] [--limit N]
 *
 * The first form migrates the database and loads the reference data if needed, then loads persons in batches (one
 * database transaction each) with a progress bar, and prints a table. The second writes a month's contribution file
 * for `npm run credit`. The database defaults to DATABASE_URL, else postgres://postgres@127.0.0.1:5432/gongji_scale
 * (created when missing). `--today` defaults to today in China (UTC+8); no credited month is after its month (a later
 * `--last-month` is refused, MONTH_IN_FUTURE, R-ACC-4) and no purchase after it.
 */
import './database-url-env';
import 'reflect-metadata';
import { Client } from 'pg';
import { createDataSource, ensureReferenceData } from '@gongji/persistence';
import { databaseUrlOf, intArg, parseArgs, todayArg } from './cli-support';
import { formatCsvResult, writeContributionsCsv } from './contributions-csv';
import { type PersonsOptions, creditMonthsOf, formatPersonsResult, loadPersons } from './persons-loader';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = databaseUrlOf(args);
  const csv = args.get('contributions-csv');
  const persons: PersonsOptions | null = csv
    ? null
    : {
        persons: intArg(args, 'persons', 10_000),
        seed: intArg(args, 'seed', 1),
        batch: Math.max(100, intArg(args, 'batch', 10_000)),
        today: todayArg(args),
        lastMonth: args.get('last-month') ?? '2026-10',
        months: intArg(args, 'months', 12),
        purchasePercent: intArg(args, 'purchases', 25),
        append: args.has('append'),
      };
  if (persons) creditMonthsOf(persons); // a month after today's (MONTH_IN_FUTURE) is refused before any write
  await createDatabaseIfMissing(url);
  if (!csv) await prepareSchema(url);
  const client = new Client({ connectionString: url, application_name: 'gongji-generate' });
  await client.connect();
  try {
    if (csv) {
      const month = args.get('month') ?? '2026-11';
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error('--month is YYYY-MM');
      const result = await writeContributionsCsv(client, {
        file: csv,
        month,
        seed: intArg(args, 'seed', 1),
        badRows: Number(args.get('bad-rows') ?? '0.001'),
        limit: args.has('limit') ? intArg(args, 'limit', 0) : null,
      });
      console.log(`\nContribution file ${csv} for ${month}\n`);
      console.log(formatCsvResult(result));
      return;
    }
    const result = await loadPersons(client, persons as PersonsOptions);
    console.log(`\nGenerated into ${redact(url)}\n`);
    console.log(formatPersonsResult(result));
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) return;
  u.pathname = '/postgres';
  const admin = new Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Migrations and reference data (regions) exactly as the API does at start. */
async function prepareSchema(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await ensureReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function redact(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
