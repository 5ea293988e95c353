/**
 * `npm run bench:cpu-split` — CPU seconds per settlement of the API process and of PostgreSQL, measured apart
 * (issue #11, docs/scaling.md's capacity estimate). Starts a throwaway PostgreSQL cluster of its own (so no other
 * client's work is counted), runs `npm run bench:settlements` against it, and samples /proc every 200 ms: the API
 * server's CPU (all its threads, argon2 included) and the cluster's (postmaster, live backends and reaped ones). The
 * load phase is where the API burns CPU; its settlements are taken from the bench's table. Linux only.
 *   BENCH_CONCURRENCY (default 16), BENCH_REQUESTS (default 1500), BENCH_MIX, CPU_SPLIT_PORT (default: a free port).
 * CPU seconds do not depend on how busy the machine is, unlike requests per second; they are what capacity needs.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PgCluster, freePort } from '@gongji/persistence/testing';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');
let PORT = Number(process.env['CPU_SPLIT_PORT'] ?? 0);
const TICK = 100; // USER_HZ on Linux
const CONCURRENCY = process.env['BENCH_CONCURRENCY'] ?? '16';
const REQUESTS = process.env['BENCH_REQUESTS'] ?? '1500';

function stat(pid: number): { ppid: number; own: number; children: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields after comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    return {
      ppid: Number(f[1]),
      own: Number(f[11]) + Number(f[12]),
      children: Number(f[13]) + Number(f[14]),
    };
  } catch {
    return null;
  }
}

function pids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

/** The API server of this run: `main.js` with our cluster's port in its DATABASE_URL. */
function findServer(): number | null {
  for (const pid of pids()) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!/node$/.test(argv[0]) || !argv.some((a) => a.endsWith('main.js'))) continue;
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (env.some((e) => e.startsWith('DATABASE_URL=') && e.includes(`127.0.0.1:${PORT}/`))) return pid;
    } catch {
      // gone
    }
  }
  return null;
}

function clusterTicks(postmaster: number): number {
  const root = stat(postmaster);
  if (!root) return 0;
  let total = root.own + root.children;
  for (const pid of pids()) {
    const s = pid === postmaster ? null : stat(pid);
    if (s && s.ppid === postmaster) total += s.own;
  }
  return total;
}

/** The bench's fresh database on our cluster, once it exists and has its schema. */
async function benchDatabase(cluster: PgCluster): Promise<Client | null> {
  const rows = await cluster.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'gongji_bench_%' ORDER BY datname DESC LIMIT 1`,
  );
  if (rows.length === 0) return null;
  const client = new Client({ connectionString: cluster.url(rows[0].datname) });
  client.on('error', () => undefined); // the bench drops its database at the end (WITH FORCE)
  await client.connect();
  return client;
}

/** Settlements committed so far (an index-only count: its own CPU is negligible next to the load's). */
async function settlements(client: Client): Promise<number> {
  try {
    const r = await client.query(`SELECT count(*)::int AS n FROM transactions WHERE kind = 'SETTLEMENT'`);
    return Number(r.rows[0].n);
  } catch {
    return -1; // schema not there yet, or the database already dropped
  }
}

async function main(): Promise<number> {
  if (!PORT) PORT = await freePort();
  const cluster = await PgCluster.primary({ port: PORT, settings: { max_connections: 100 } });
  try {
    const postmaster = Number(
      fs.readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    let out = '';
    const child = spawn('npm', ['run', '-s', 'bench:settlements'], {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_DATABASE_URL: cluster.url('postgres'),
        BENCH_CONCURRENCY: CONCURRENCY,
        BENCH_REQUESTS: REQUESTS,
        BENCH_PGBENCH: '0',
      },
    });
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise<number | null>((r) => child.on('close', r));
    let finished = false;
    void done.then(() => (finished = true));
    const samples: { t: number; api: number; db: number; settled: number }[] = [];
    let server: number | null = null;
    let bench: Client | null = null;
    while (!finished) {
      server ??= findServer();
      const own = server ? stat(server)?.own : undefined;
      if (server && own === undefined) server = null; // exited: a later run's server is another process
      bench ??= await benchDatabase(cluster);
      const settled = bench ? await settlements(bench) : 0;
      if (settled < 0 && samples.some((x) => x.settled > 0)) break; // the bench dropped its database: done
      samples.push({
        t: Date.now(),
        api: own ?? NaN,
        db: clusterTicks(postmaster),
        settled: Math.max(0, settled),
      });
      await new Promise((r) => setTimeout(r, 250));
    }
    await bench?.end().catch(() => undefined);
    const code = await done;
    if (code !== 0) {
      console.error(out);
      return 1;
    }
    // Load phase: from the last sample before the first settlement to the first sample with the final count.
    const valid = samples.filter((x) => Number.isFinite(x.api));
    const total = Math.max(...valid.map((x) => x.settled));
    const first = valid.findIndex((x) => x.settled > 0);
    const last = valid.findIndex((x) => x.settled === total);
    if (first < 1 || total === 0) throw new Error(`no load phase seen:\n${out}`);
    const a = valid[first - 1];
    const b = valid[last];
    const row = out.split('\n').find((l) => l.startsWith(`| ${CONCURRENCY} |`));
    const cells = row?.split('|').map((c) => c.trim()) ?? [];
    const perSecond = Number(cells[3]);
    const requests = Number(cells[2]);
    const settled = b.settled - a.settled;
    const apiSeconds = (b.api - a.api) / TICK;
    const dbSeconds = (b.db - a.db) / TICK;
    const wall = (b.t - a.t) / 1000;
    console.log(out.trim());
    console.log(
      `\nCPU split, ${process.env['BENCH_MIX'] ?? 'realistic'} mix, concurrency ${CONCURRENCY}: ${requests} requests, ` +
        `${settled} settlements committed in the window (refusals' CPU counted too):`,
    );
    console.log('| tier | CPU s | CPU ms per settlement | settlements/s per core |\n|---|---|---|---|');
    for (const [tier, s] of [
      ['API (node, all threads)', apiSeconds],
      ['PostgreSQL (all backends)', dbSeconds],
    ] as const)
      console.log(
        `| ${tier} | ${s.toFixed(2)} | ${((s / settled) * 1000).toFixed(2)} | ${(settled / s).toFixed(0)} |`,
      );
    console.log(
      `load phase ${wall.toFixed(1)} s by /proc samples; the bench reported ${perSecond} settlements/s (machine shared)`,
    );
    return 0;
  } finally {
    await cluster.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
