/**
 * `npm run ledger:verify` — audits the ledger in the database named by DATABASE_URL (default: the embedded SQLite
 * file of `npm start`). Prints a summary table and every violation; exits 1 on any violation, 2 when the database
 * cannot be opened.
 */
import 'reflect-metadata';
import { auditLedger, createDataSource, describeDatabase, formatFen } from './verify-support';

async function main(): Promise<number> {
  const url = process.env['DATABASE_URL'] || undefined;
  const dataSource = createDataSource({ url, migrationsRun: false });
  try {
    await dataSource.initialize();
  } catch (err) {
    console.error(`ledger:verify: cannot open ${describeDatabase(url)}: ${(err as Error).message}`);
    return 2;
  }
  try {
    if (await dataSource.showMigrations()) {
      console.error(
        `ledger:verify: ${describeDatabase(url)} has pending migrations or no schema yet: start the API once (npm start).`,
      );
      return 2;
    }
    const started = Date.now();
    const report = await auditLedger(dataSource);
    console.log(`Ledger audit of ${describeDatabase(url)} (${Date.now() - started} ms)`);
    console.log('| item | count |\n|---|---|');
    console.log(`| transactions | ${report.transactions} |`);
    console.log(`| postings | ${report.postings} |`);
    console.log(`| pockets | ${report.pockets} |`);
    console.log(`| accumulator rows | ${report.accumulators} |`);
    console.log(`| money in pockets | ${formatFen(report.pocketTotal)} yuan |`);
    console.log(`| violations | ${report.violations.length} |`);
    for (const v of report.violations) console.log(`VIOLATION [${v.check}] ${v.subject}: ${v.detail}`);
    console.log(report.violations.length === 0 ? 'ledger OK' : 'ledger BROKEN');
    return report.violations.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
