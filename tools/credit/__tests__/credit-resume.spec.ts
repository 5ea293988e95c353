/**
 * `npm run credit` killed with SIGKILL mid-way and rerun ends exactly where an uninterrupted run ends (issue #11,
 * R-ACC-4: exactly once per person and month). PostgreSQL only (the bulk tools are): run it with
 * `node tools/scripts/with-postgres.mjs npx jest -c tools/jest.config.js tools/credit`; without a PostgreSQL
 * DATABASE_URL the suite is skipped.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

const BASE_URL = process.env['DATABASE_URL'] ?? '';
const POSTGRES = /^postgres(ql)?:\/\//.test(BASE_URL);
const ROOT = path.resolve(__dirname, '../../..');
const MONTH = '2026-11';

function urlOf(name: string): string {
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: urlOf('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

function credit(url: string, file: string, report: string, extra: string[] = []): ChildProcess {
  return spawn(
    process.execPath,
    [
      'tools/swc-run.js',
      'tools/credit/credit.ts',
      '--month',
      MONTH,
      '--file',
      file,
      '--report',
      report,
      '--database-url',
      url,
      '--today',
      '2026-12-01',
      ...extra,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

/** Everything money-related a credit run leaves behind, in a stable order. */
async function endState(url: string) {
  const credits = await query(
    url,
    `SELECT "personId", month, amount::text FROM contribution_credits WHERE month = $1 ORDER BY "personId"`,
    [MONTH],
  );
  const pockets = await query(
    url,
    `SELECT "personId", kind, balance::text FROM pockets ORDER BY "personId", kind`,
  );
  const [sums] = await query<{ postings: string; total: string }>(
    url,
    `SELECT COUNT(*)::text AS postings, COALESCE(SUM(p.amount), 0)::text AS total
       FROM postings p JOIN transactions t ON t.id = p."transactionId"
      WHERE t.kind = 'CONTRIBUTION_CREDIT' AND t.actor = 'credit-cli' AND p."accountType" = 'POCKET'`,
  );
  return { credits, pockets, sums };
}

(POSTGRES ? describe : describe.skip)(
  'npm run credit: SIGKILL mid-way, rerun, same end result (R-ACC-4)',
  () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const killed = `gongji_credit_killed_${suffix}`;
    const straight = `gongji_credit_straight_${suffix}`;
    const racing = `gongji_credit_racing_${suffix}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-credit-'));
    const csv = path.join(dir, 'contributions.csv');

    beforeAll(async () => {
      await admin((c) => c.query(`CREATE DATABASE ${killed}`));
      // Schema, regions and 3,000 generated persons with a year of ledger history, through the generator itself.
      const gen = spawn(
        process.execPath,
        [
          'tools/swc-run.js',
          'tools/generate/generate.ts',
          '--persons',
          '3000',
          '--seed',
          '7',
          '--batch',
          '1000',
          '--database-url',
          urlOf(killed),
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const generated = await exitOf(gen);
      expect(generated.code).toBe(0);
      const csvRun = spawn(
        process.execPath,
        [
          'tools/swc-run.js',
          'tools/generate/generate.ts',
          '--contributions-csv',
          csv,
          '--month',
          MONTH,
          '--bad-rows',
          '0.03',
          '--seed',
          '7',
          '--database-url',
          urlOf(killed),
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect((await exitOf(csvRun)).code).toBe(0);
      // The same database twice: one run is killed and resumed, the other runs straight through.
      await admin((c) => c.query(`CREATE DATABASE ${straight} TEMPLATE ${killed}`));
      await admin((c) => c.query(`CREATE DATABASE ${racing} TEMPLATE ${killed}`));
    }, 240_000);

    afterAll(async () => {
      await admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${killed} WITH (FORCE)`);
        await c.query(`DROP DATABASE IF EXISTS ${straight} WITH (FORCE)`);
        await c.query(`DROP DATABASE IF EXISTS ${racing} WITH (FORCE)`);
      });
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** The uninterrupted run on `straight` (the first test makes it; a test run alone makes it here). */
    async function creditedReference(): Promise<void> {
      const [reference] = await query<{ n: string }>(
        urlOf(straight),
        `SELECT COUNT(*)::text AS n FROM contribution_credits WHERE month = $1`,
        [MONTH],
      );
      if (reference.n !== '0') return;
      const run = await exitOf(
        credit(urlOf(straight), csv, path.join(dir, 'straight.rejected.csv'), ['--batch', '50']),
      );
      expect(run.code).toBe(0);
    }

    it('credits every person-month exactly once after a kill -9 and a rerun', async () => {
      const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').length - 1;
      expect(rows).toBeGreaterThan(1000);

      // Uninterrupted reference run.
      const reference = await exitOf(
        credit(urlOf(straight), csv, path.join(dir, 'straight.rejected.csv'), ['--batch', '50']),
      );
      expect(reference.code).toBe(0);
      const expected = await endState(urlOf(straight));
      expect(expected.credits.length).toBeGreaterThan(500);

      // Killed with SIGKILL once some batches are committed and before the end.
      const child = credit(urlOf(killed), csv, path.join(dir, 'killed.rejected.csv'), [
        '--batch',
        '50',
        '--pause-ms',
        '150',
      ]);
      const exited = exitOf(child);
      let committed = 0;
      for (let i = 0; i < 600 && committed === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        committed = Number(
          (
            await query<{ n: string }>(
              urlOf(killed),
              `SELECT COUNT(*)::text AS n FROM contribution_credits WHERE month = $1`,
              [MONTH],
            )
          )[0].n,
        );
      }
      child.kill('SIGKILL');
      const killedRun = await exited;
      expect(killedRun.signal).toBe('SIGKILL');
      const partial = await endState(urlOf(killed));
      expect(partial.credits.length).toBeGreaterThan(0);
      expect(partial.credits.length).toBeLessThan(expected.credits.length);

      // Rerun on the same file: only what was missing is credited.
      const resumed = await exitOf(
        credit(urlOf(killed), csv, path.join(dir, 'killed.rejected.csv'), ['--batch', '50']),
      );
      expect(resumed.code).toBe(0);
      expect(resumed.out).toMatch(/\| already credited \|/);
      const after = await endState(urlOf(killed));
      expect(after.credits).toEqual(expected.credits);
      expect(after.pockets).toEqual(expected.pockets);
      expect(after.sums).toEqual(expected.sums);
      // The same rejected rows with the same reasons.
      expect(fs.readFileSync(path.join(dir, 'killed.rejected.csv'), 'utf8')).toEqual(
        fs.readFileSync(path.join(dir, 'straight.rejected.csv'), 'utf8'),
      );
      expect(
        fs.readFileSync(path.join(dir, 'straight.rejected.csv'), 'utf8').split('\n').length,
      ).toBeGreaterThan(5);

      // A third run on the same file moves nothing.
      const again = await exitOf(credit(urlOf(killed), csv, path.join(dir, 'again.rejected.csv')));
      expect(again.code).toBe(0);
      expect(await endState(urlOf(killed))).toEqual(expected);

      // The ledger of the resumed database balances: every transaction sums to zero, balances = postings (R-SET-6).
      const verify = spawn(path.join(ROOT, 'tools/ts-run.sh'), ['tools/ledger/verify.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: urlOf(killed) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const audit = await exitOf(verify);
      expect(audit.out).toMatch(/\| violations \| 0 \|/);
      expect(audit.code).toBe(0);
    }, 300_000);
    it('two runs of the same file at once credit every person-month once (R-ACC-4)', async () => {
      // Both runs read the same persons and race to write the same markers: the loser of each race fails its batch
      // on the marker's primary key (a plain INSERT, no ON CONFLICT), rolls it back and redoes it, and then finds
      // the person-months already credited. The end state is the uninterrupted run's.
      await creditedReference();
      const runs = await Promise.all(
        ['a', 'b'].map((name) =>
          exitOf(
            credit(urlOf(racing), csv, path.join(dir, `racing-${name}.rejected.csv`), ['--batch', '50']),
          ),
        ),
      );
      for (const run of runs) expect(run.code).toBe(0);
      const state = await endState(urlOf(racing));
      expect(state).toEqual(await endState(urlOf(straight)));
      const [counts] = await query<{ credits: string; markers: string }>(
        urlOf(racing),
        `SELECT (SELECT COUNT(*) FROM postings p JOIN transactions t ON t.id = p."transactionId"
                  WHERE t.actor = 'credit-cli' AND p."accountType" = 'POCKET')::text AS credits,
                (SELECT COUNT(*) FROM contribution_credits WHERE month = $1)::text AS markers`,
        [MONTH],
      );
      expect(counts.credits).toBe(counts.markers);
    }, 300_000);
    it('a new file for a credited month: same amount already credited, another amount or 0.00 refused (R-ACC-4)', async () => {
      // A fresh run reads no credits for positive rows (the marker's primary key catches them and the batch is redone
      // reading them); 0.00 rows always read theirs. Every outcome must be what a full read gives.
      await creditedReference();
      const credited = await query<{ id: string; amount: string }>(
        urlOf(straight),
        `SELECT p."idNumber" AS id, c.amount::text AS amount FROM contribution_credits c
           JOIN persons p ON p.id = c."personId" WHERE c.month = $1 AND c.amount > 100 ORDER BY p."idNumber" LIMIT 3`,
        [MONTH],
      );
      expect(credited).toHaveLength(3);
      const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
      const file = path.join(dir, 'corrections.csv');
      fs.writeFileSync(
        file,
        [
          'idNumber,amount',
          `${credited[0].id},${yuan(BigInt(credited[0].amount))}`,
          `${credited[1].id},${yuan(BigInt(credited[1].amount) + 1n)}`,
          `${credited[2].id},0.00`,
        ].join('\n') + '\n',
      );
      const before = await endState(urlOf(straight));
      const report = path.join(dir, 'corrections.rejected.csv');
      const run = await exitOf(credit(urlOf(straight), file, report));
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/\| 3 \| 1 \| 0 \| 1 \| 0 \| 2 \|/);
      const lines = fs.readFileSync(report, 'utf8').trim().split('\n').slice(1);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(new RegExp(`^3,"${credited[1].id},[0-9.]+",CONFLICTING_CREDIT,R-ACC-4,`));
      expect(lines[1]).toMatch(new RegExp(`^4,"${credited[2].id},0\\.00",CONFLICTING_CREDIT,R-ACC-4,`));
      expect(await endState(urlOf(straight))).toEqual(before);
    }, 300_000);
  },
);
