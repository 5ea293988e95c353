/**
 * `npm run credit` — credits one month of collected contributions from a CSV file (issue #11, R-ACC-4), on PostgreSQL.
 *
 *   npm run credit -- --month 2026-11 --file contributions.csv [--report rejected.csv] [--batch 5000] [--parallel 2]
 *                     [--database-url postgres://…] [--today YYYY-MM-DD]
 *
 * Exactly once per person and month: rerun it after a crash (or on the same file) and it credits only what is
 * missing. Rejected rows go to the report (default `<file>.rejected.csv`) with the reason in Chinese and English.
 * `--today` (default: today in China, UTC+8) is the business date: a month after its month is refused before the
 * database or the file is touched (MONTH_IN_FUTURE, R-ACC-4: nothing was collected for it yet), as is a month not
 * `YYYY-MM` (INVALID_MONTH).
 * Prints a table; exits 0 when the file was processed (rejections included), 2 when the month is refused (nothing
 * read or written), 1 on a fault.
 */
import '../generate/database-url-env';
import 'reflect-metadata';
import { Client } from 'pg';
import { databaseUrlOf, intArg, parseArgs, todayArg } from '../generate/cli-support';
import { MonthRefusedError, formatCreditResult, monthRefusalOf, runCredit } from './credit-run';

/** Exit code of a refused month: the run did nothing. */
const REFUSED = 2;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = databaseUrlOf(args);
  const month = args.get('month');
  const file = args.get('file');
  if (!month || !file) throw new Error('usage: npm run credit -- --month YYYY-MM --file contributions.csv');
  const today = todayArg(args);
  // R-ACC-4: refused up front, before any connection: no collection (a month not yet come), no credit.
  const refusal = monthRefusalOf(month, today);
  if (refusal) throw new MonthRefusedError(refusal);
  const parallel = Math.max(1, intArg(args, 'parallel', 2));
  const clients = Array.from(
    { length: parallel },
    () => new Client({ connectionString: url, application_name: 'gongji-credit' }),
  );
  try {
    for (const client of clients) await client.connect();
    const reportFile = args.get('report') ?? `${file}.rejected.csv`;
    const result = await runCredit(clients, {
      month,
      file,
      reportFile,
      batchSize: Math.max(1, intArg(args, 'batch', 5_000)),
      today,
      pauseMs: intArg(args, 'pause-ms', 0),
    });
    console.log(`\nCredited ${month} from ${file}; rejected rows in ${reportFile}\n`);
    console.log(formatCreditResult(result));
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  if (err instanceof MonthRefusedError) {
    const { code, rule, zh, en } = err.refusal;
    console.error(
      `npm run credit: refused, nothing credited — ${code}${rule ? ` (${rule})` : ''}\n  ${zh}\n  ${en}`,
    );
    process.exit(REFUSED);
  }
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
