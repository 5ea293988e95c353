/**
 * `npm run partitions -- [--ensure-ahead N] [--detach-before YYYY-MM] [--list]` — maintenance of the monthly
 * partitions of `postings` on PostgreSQL (issue #11) in the database named by DATABASE_URL.
 *   --ensure-ahead N     create the current month's (China Standard Time) and the next N months' partitions that are
 *                        missing (run it monthly, e.g. from cron, with N = 3)
 *   --detach-before M    detach every monthly partition of months before M; each stays as a plain table of the same
 *                        name (archive it with `pg_dump -t <name>`, then DROP it); its per-account totals are kept in
 *                        posting_archive_totals
 *   --list               print the partitions and their row counts (also printed after any change)
 * Exits 2 on a usage error or a database that is not PostgreSQL or not migrated.
 */
import 'reflect-metadata';
import {
  assertMonth,
  createDataSource,
  describeDatabase,
  detachPostingPartitionsBefore,
  ensurePostingPartitions,
  listPostingPartitions,
} from '@gongji/persistence';

interface Args {
  ensureAhead?: number;
  detachBefore?: string;
  list: boolean;
}

function parse(argv: string[]): Args {
  const args: Args = { list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--ensure-ahead') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 120) throw new Error('--ensure-ahead takes 0–120 months');
      args.ensureAhead = n;
    } else if (a === '--detach-before') args.detachBefore = assertMonth(value());
    else if (a === '--list') args.list = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (args.ensureAhead === undefined && args.detachBefore === undefined) args.list = true;
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    console.error(
      `partitions: ${(err as Error).message}\nusage: npm run partitions -- [--ensure-ahead N] [--detach-before YYYY-MM] [--list]`,
    );
    return 2;
  }
  const url = process.env['DATABASE_URL'] || undefined;
  if (!url?.startsWith('postgres')) {
    console.error('partitions: postings are partitioned on PostgreSQL only; set DATABASE_URL=postgres://…');
    return 2;
  }
  const dataSource = createDataSource({ url, migrationsRun: false, poolSize: 2 });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      console.error(`partitions: ${describeDatabase(url)} has pending migrations: start the API once first.`);
      return 2;
    }
    console.log(`Postings partitions of ${describeDatabase(url)}`);
    if (args.ensureAhead !== undefined) {
      const created = await ensurePostingPartitions(dataSource, { ahead: args.ensureAhead });
      console.log(`created ${created.length}: ${created.join(', ') || '(all present)'}`);
    }
    if (args.detachBefore !== undefined) {
      const detached = await detachPostingPartitionsBefore(dataSource, args.detachBefore);
      console.log(
        `detached ${detached.length}: ${detached.map((d) => `${d.name} (${d.postings} postings)`).join(', ') || '(none)'}`,
      );
    }
    const partitions = await listPostingPartitions(dataSource);
    console.log('| partition | from | to (excl.) | postings |\n|---|---|---|---|');
    for (const p of partitions) {
      const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${p.name}"`)) as {
        n: number;
      }[];
      console.log(`| ${p.name} | ${p.from ?? 'DEFAULT'} | ${p.to ?? ''} | ${n} |`);
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`partitions: ${(err as Error).message}`);
    process.exit(1);
  },
);
