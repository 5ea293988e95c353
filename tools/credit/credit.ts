/**
 * `npm run credit` — credits one month of collected contributions from a CSV file (issue #11, R-ACC-4), on PostgreSQL.
 *
 *   npm run credit -- --month 2026-11 --file contributions.csv [--report rejected.csv] [--batch 5000] [--parallel 2]
 *                     [--database-url postgres://…] [--today YYYY-MM-DD]
 *
 * Exactly once per person and month: rerun it after a crash (or on the same file) and it credits only what is
 * missing. Rejected rows go to the report (default `<file>.rejected.csv`) with the reason in Chinese and English.
 * Prints a table; exits 0 when the file was processed (rejections included), 1 on a fault.
 */
import '../generate/database-url-env';
import 'reflect-metadata';
import { Client } from 'pg';
import { databaseUrlOf, intArg, parseArgs } from '../generate/cli-support';
import { formatCreditResult, runCredit } from './credit-run';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const url = databaseUrlOf(args);
  const month = args.get('month');
  const file = args.get('file');
  if (!month || !file) throw new Error('usage: npm run credit -- --month YYYY-MM --file contributions.csv');
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
      today: args.get('today') ?? new Date().toISOString().slice(0, 10),
      pauseMs: intArg(args, 'pause-ms', 0),
    });
    console.log(`\nCredited ${month} from ${file}; rejected rows in ${reportFile}\n`);
    console.log(formatCreditResult(result));
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
