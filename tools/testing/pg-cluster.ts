import { execFile, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests that break the database (issue #11): initdb under the OS temp directory,
 * its own port, trust auth on 127.0.0.1 only. Run as the `postgres` user when this process is root (PostgreSQL
 * refuses to run as root). The shared server on 5432 is never touched.
 */
export interface ThrowawayCluster {
  readonly port: number;
  readonly dataDir: string;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** `pg_ctl -m immediate stop`: like a crash, no checkpoint; the next start runs recovery. */
  stopImmediate(): Promise<void>;
  /** Starts (or restarts after a stop) and waits until it accepts connections. */
  start(): Promise<void>;
  isRunning(): Promise<boolean>;
  /** Stops the cluster and removes its directory. */
  destroy(): void;
}

export interface ThrowawayClusterOptions {
  readonly port: number;
  /** Extra `-c name=value` settings. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Directory of the PostgreSQL server binaries: PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
export function postgresBinDir(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error('initdb not found: install PostgreSQL server binaries or set PG_BIN');
  return path.join(root, versions[0], 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[], allowFail = false): SpawnSyncReturns<string> {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (!allowFail && r.status !== 0)
    throw new Error(
      `${path.basename(bin)} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`,
    );
  return r;
}

/** The same without blocking the event loop (clients keep running while PostgreSQL stops and starts). */
function runAsync(bin: string, args: string[], allowFail = false): Promise<number> {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      if (code !== 0 && !allowFail)
        reject(new Error(`${path.basename(bin)} ${args.join(' ')} failed (${code}):\n${stdout}\n${stderr}`));
      else resolve(code);
    });
  });
}

/** initdb + start. The cluster is removed when this process exits, whatever the reason. */
export async function startThrowawayCluster(options: ThrowawayClusterOptions): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-pg-'));
  if (isRoot()) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid)) throw new Error('running as root needs a `postgres` user to run PostgreSQL');
    fs.chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(options.port),
    unix_socket_directories: dir,
    max_connections: '200',
    shared_buffers: '64MB',
    // Crash safety against a killed postmaster does not need fsync (the OS keeps written pages); only an OS
    // crash would, and this cluster lives for one test run.
    fsync: 'off',
    full_page_writes: 'off',
    ...options.settings,
  };
  const opts = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const cluster: ThrowawayCluster = {
    port: options.port,
    dataDir,
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres`,
    start: async () => {
      await runAsync(path.join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-l',
        logFile,
        '-w',
        '-t',
        '120',
        '-o',
        opts,
        'start',
      ]);
    },
    stopImmediate: async () => {
      await runAsync(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    },
    isRunning: async () => (await runAsync(path.join(bin, 'pg_ctl'), ['-D', dataDir, 'status'], true)) === 0,
    destroy: () => {
      process.removeListener('exit', cleanup);
      if (fs.existsSync(dataDir))
        run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const cleanup = () => {
    try {
      cluster.destroy();
    } catch {
      // exiting anyway
    }
  };
  process.on('exit', cleanup);
  await cluster.start();
  return cluster;
}
