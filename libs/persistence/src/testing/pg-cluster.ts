import { type SpawnSyncOptions, execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Throwaway PostgreSQL clusters for tests that must stop, break or replicate a server (issue #11): `initdb` into a
 * temporary directory, `pg_ctl start` on a port of our own, and — for a streaming replica — `pg_basebackup -R` from a
 * running primary. Never touches the shared server on 5432. Run as root, every server binary runs as the `postgres`
 * user (`runuser -u postgres --`), as PostgreSQL refuses to run as root.
 *
 * Binaries: `PG_BIN` when set, else the newest /usr/lib/postgresql/<major>/bin, else whatever is on PATH.
 */
export interface PgClusterOptions {
  /** TCP port on 127.0.0.1 (pick one nobody uses, e.g. 56432). */
  readonly port: number;
  /** Extra `postgresql.conf` settings (e.g. `{ log_statement: 'all' }`). */
  readonly settings?: Readonly<Record<string, string | number>>;
}

const SETTINGS: Record<string, string | number> = {
  listen_addresses: "'127.0.0.1'",
  max_connections: 60,
  shared_buffers: "'32MB'",
  wal_level: 'replica',
  max_wal_senders: 5,
  hot_standby: 'on',
  // Throwaway data: durability costs time and nothing is lost when the machine crashes.
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  logging_collector: 'off',
  log_line_prefix: "'%m [%p] %q%a '",
};

export function pgBinDir(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const majors = fs
      .readdirSync(root)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    for (const m of majors)
      if (fs.existsSync(path.join(root, m, 'bin', 'initdb'))) return path.join(root, m, 'bin');
  }
  return '';
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (for a cluster of our own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary (as `postgres` when we are root); throws with its output when it fails. */
function run(bin: string, args: string[], options: SpawnSyncOptions = {}): string {
  const exe = pgBinDir() ? path.join(pgBinDir(), bin) : bin;
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000, ...options });
  if (r.status !== 0)
    throw new Error(
      `${bin} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || ''}${r.stdout || ''}`,
    );
  return String(r.stdout ?? '');
}

/**
 * The same without blocking the event loop: clients of the cluster keep running while it stops and starts (the chaos
 * test's faults). Resolves with the exit code when `allowFail`, else throws with the output on a non-zero exit.
 */
function runAsync(bin: string, args: string[], allowFail = false): Promise<number> {
  const exe = pgBinDir() ? path.join(pgBinDir(), bin) : bin;
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      if (code !== 0 && !allowFail)
        reject(new Error(`${bin} ${args.join(' ')} failed (${code}): ${stderr}${stdout}`));
      else resolve(code);
    });
  });
}

/** True when initdb, pg_ctl and pg_basebackup can be run here (tests skip cleanly otherwise). */
export function pgClustersAvailable(): boolean {
  try {
    run('pg_ctl', ['--version']);
    run('pg_basebackup', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const live = new Set<PgCluster>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that dies must not leave servers behind: stop whatever is still running, synchronously.
  process.once('exit', () => {
    for (const c of live) c.destroySync();
  });
}

export class PgCluster {
  private running = false;

  private constructor(
    /** Temporary directory holding `data/` and `server.log` (owned by `postgres`). */
    readonly dir: string,
    readonly port: number,
  ) {
    live.add(this);
    installExitHook();
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  get logFile(): string {
    return path.join(this.dir, 'server.log');
  }

  /** Connection URL of a database on this cluster (trust auth, user postgres). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A fresh primary: initdb (trust auth, UTF8), settings appended, started. */
  static async primary(options: PgClusterOptions): Promise<PgCluster> {
    const cluster = new PgCluster(PgCluster.tempDir(), options.port);
    try {
      run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
      cluster.appendSettings({ ...SETTINGS, ...options.settings });
      await cluster.start();
      return cluster;
    } catch (err) {
      cluster.destroySync();
      throw err;
    }
  }

  /**
   * A hot-standby streaming replica of a running primary: `pg_basebackup -R -X stream` (writes
   * `standby.signal` and `primary_conninfo`), then started on its own port.
   */
  static async replicaOf(primary: PgCluster, options: PgClusterOptions): Promise<PgCluster> {
    const cluster = new PgCluster(PgCluster.tempDir(), options.port);
    try {
      run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        cluster.dataDir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      if (options.settings) cluster.appendSettings(options.settings);
      await cluster.start();
      return cluster;
    } catch (err) {
      cluster.destroySync();
      throw err;
    }
  }

  private static tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-pg-'));
    if (isRoot()) {
      const r = spawnSync('chown', ['postgres:postgres', dir]);
      if (r.status !== 0) throw new Error(`chown postgres ${dir} failed: ${r.stderr}`);
    }
    return dir;
  }

  private appendSettings(settings: Readonly<Record<string, string | number>>): void {
    const lines = Object.entries(settings).map(([k, v]) => `${k} = ${v}`);
    fs.appendFileSync(path.join(this.dataDir, 'postgresql.conf'), `\n# pg-cluster.ts\n${lines.join('\n')}\n`);
  }

  /**
   * Starts the server (again, after a stop) and waits until it accepts connections (read-only ones for a standby).
   * Does not block the event loop: a start after an immediate stop runs crash recovery first.
   */
  async start(): Promise<void> {
    await runAsync('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      this.logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.dir}`,
      'start',
    ]);
    this.running = true;
  }

  /** `fast` (clean), or `immediate` (like a crash: no checkpoint, WAL replay on the next start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!this.running) return;
    await runAsync('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  /** Whether the server is up, asked of `pg_ctl status` (not of this object's own bookkeeping). */
  async isRunning(): Promise<boolean> {
    return (await runAsync('pg_ctl', ['-D', this.dataDir, 'status'], true)) === 0;
  }

  /** Runs one statement on a database of this cluster with a short-lived connection. */
  async query<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    database = 'postgres',
  ): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** The server's log so far (with `log_statement = 'all'`: every statement it ran). */
  log(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
  }

  /** Stops the server immediately and deletes its directory. */
  async destroy(): Promise<void> {
    this.destroySync();
  }

  destroySync(): void {
    if (this.running) {
      try {
        run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      } catch {
        // already gone
      }
      this.running = false;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }
}

/** Waits until the replica has replayed everything the primary had written when called (streaming catch-up). */
export async function waitForReplay(
  primary: PgCluster,
  replica: PgCluster,
  timeoutMs = 30_000,
): Promise<void> {
  const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [{ caught }] = await replica.query<{ caught: boolean }>(
      'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught',
      [lsn],
    );
    if (caught) return;
    if (Date.now() > until)
      throw new Error(`replica on ${replica.port} did not replay up to ${lsn} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
