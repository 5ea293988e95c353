// What the benchmarks need from the libraries and from each other, in one place.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';

export { type Fen, PocketKind, SystemAccount, pocketAccount, systemAccount } from '@gongji/domain';
export { makeIdNumber } from '@gongji/domain/testing';
export {
  AccessQueries,
  InstitutionEntity,
  KinRelationEntity,
  LedgerWriter,
  PersonEntity,
  PocketEntity,
  UserEntity,
  auditLedger,
  hashPaymentPin,
  hashSecret,
  createDataSource,
} from '@gongji/persistence';

export const ROOT = path.resolve(__dirname, '../..');

/** A fresh database next to `baseUrl` (PostgreSQL: CREATE DATABASE; SQLite: a new file), dropped by `drop()`. */
export async function freshDatabase(
  baseUrl: string,
  prefix = 'gongji_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!baseUrl.startsWith('postgres')) {
    const file = baseUrl.replace(/^sqlite:/, '');
    // The database file with its write-ahead log and shared-memory index: a stale `-wal` left by an earlier run that
    // did not close cleanly would be replayed into the new, empty file (pages of the old database in the new one).
    const remove = () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    };
    remove();
    return { url: baseUrl, drop: async () => remove() };
  }
  const name = `${prefix}_${Date.now()}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Spawns a node program on a free port and waits until `healthPath` answers 2xx. */
export async function spawnHttpServer(
  args: readonly string[],
  env: Record<string, string>,
  healthPath = '/health',
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  let out = '';
  let exited = false;
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600 && !exited; i++) {
    try {
      if ((await fetch(`${url}${healthPath}`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not start:\n${out}`);
}

/**
 * The payment-password pepper of the servers this process starts (GONGJI_PAYMENT_PEPPER, R-ACC-7): a bench that stores
 * payment passwords hashes them with it (`hashPaymentPin`), as the server does.
 */
export const BENCH_PAYMENT_PEPPER = randomBytes(36).toString('base64');

/**
 * The built API (dist/apps/api/main.js) AS IN PRODUCTION: NODE_ENV=production, a random secret, no demo data, no
 * console. `profileDir`: run with --cpu-prof into that directory.
 */
export async function startServer(
  databaseUrl: string,
  profileDir: string | null = null,
  /** More environment, last (tools/chaos: one GONGJI_SECRET for two processes, rate limits, request timeout). */
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_API_MAIN: a build elsewhere (e.g. `tsc -p apps/api/tsconfig.app.json --outDir /tmp/x` + entry.cjs as main.js).
  const main = path.resolve(ROOT, process.env['BENCH_API_MAIN'] ?? 'dist/apps/api/main.js');
  if (!fs.existsSync(main))
    throw new Error('dist/apps/api/main.js is missing: run `npx nx run api:build` first');
  const args = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, main] : [main];
  return spawnHttpServer(args, {
    NODE_ENV: 'production',
    GONGJI_SECRET: randomBytes(36).toString('base64'),
    GONGJI_PAYMENT_PEPPER: BENCH_PAYMENT_PEPPER,
    DATABASE_URL: databaseUrl,
    GONGJI_ADMIN_DIR: '',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  });
}

/** Stops a spawned server (SIGTERM) and waits for it to exit (so a CPU profile is written). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc). */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[11] = utime, fields[12] = stime, in clock ticks (100 a second on Linux)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as T;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time by function and by package from the V8 .cpuprofile files in `dir` (what dominates end to end). */
export function summarizeProfile(dir: string, title = 'the server'): void {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return console.log('no CPU profile was written');
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { nodes: ProfileNode[] };
    const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1;
    const byFrame = new Map<string, number>();
    const byPackage = new Map<string, number>();
    for (const n of profile.nodes) {
      const hits = n.hitCount ?? 0;
      if (!hits) continue;
      const { functionName, url, lineNumber } = n.callFrame;
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
        (url.includes('/dist/')
          ? 'gongji (dist)'
          : url.startsWith('node:')
            ? 'node core'
            : url
              ? 'other'
              : functionName || 'program');
      const frame = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''} [${pkg}]`;
      byFrame.set(frame, (byFrame.get(frame) ?? 0) + hits);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `| ${k} | ${((100 * v) / total).toFixed(1)} % |`);
    console.log(`\nCPU profile of ${title} (${file}), self time by package`);
    console.log('| package | share |\n|---|---|');
    for (const l of top(byPackage, 12)) console.log(l);
    console.log('\nTop frames (self time)');
    console.log('| frame | share |\n|---|---|');
    for (const l of top(byFrame, 20)) console.log(l);
  }
}
