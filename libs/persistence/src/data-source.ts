import 'reflect-metadata';
import * as path from 'node:path';
import * as fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import * as pg from 'pg';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES, ENTITY_DIALECT, type Dialect, dialectOfUrl } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/** Default embedded database file, relative to the working directory (zero-install default). */
export const DEFAULT_SQLITE_FILE = 'tmp/gongji.sqlite';

export interface CreateDataSourceOptions {
  /** `postgres://…` for PostgreSQL; `sqlite:<file>` or `sqlite::memory:` for SQLite; unset = DEFAULT_SQLITE_FILE. */
  readonly url?: string;
  /** Run pending migrations during `initialize()` (default true). */
  readonly migrationsRun?: boolean;
  /** Build the schema from entities instead of migrations: ONLY for the migration generator. */
  readonly synchronize?: boolean;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /**
   * PostgreSQL streaming replicas (`DATABASE_REPLICA_URLS`, issue #11). With any, TypeORM replication is on: every
   * query still goes to the primary (`defaultMode: 'master'`, so writes and reads of one's own writes never see a
   * lagging copy); only reads that ask for it explicitly — {@link analystRead} — are served by a replica.
   */
  readonly replicaUrls?: readonly string[];
  readonly logger?: Logger;
  /**
   * PostgreSQL session limits of every pooled connection (the API server's; the bulk tools keep none). A process
   * frozen or cut off inside a transaction held its row locks for as long as the cut lasted, and the statements of a
   * healthy process queued behind them filled its pool, so unrelated families' payments and `/health` hung too
   * (audit D). `lock_timeout` bounds a wait for a lock (SQLSTATE 55P03, answered as a retryable outage);
   * `idle_in_transaction_session_timeout` ends the stuck session, which releases its locks (its transaction rolls back;
   * its client retries with the same key).
   */
  readonly sessionLimits?: { readonly lockTimeoutMs: number; readonly idleInTransactionMs: number };
}

/** Where an `sqlite:` URL points. */
export function sqliteFileOf(url: string | undefined): string {
  if (!url) return DEFAULT_SQLITE_FILE;
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  return file === ':memory:' || file === '' ? ':memory:' : file;
}

/** Human-readable location for logs (never prints a password). */
export function describeDatabase(url: string | undefined): string {
  if (dialectOfUrl(url) === 'postgres') {
    const u = new URL(url as string);
    return `postgres://${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  }
  return `sqlite:${sqliteFileOf(url)}`;
}

/**
 * Creates (not initialises) the DataSource for a database URL. Drivers are passed explicitly (STACK.md: TypeORM
 * loads them lazily, which bundlers and some test runners break); migrations are classes, one folder per dialect.
 */
export function createDataSource(options: CreateDataSourceOptions = {}): DataSource {
  const dialect: Dialect = dialectOfUrl(options.url);
  if (dialect !== ENTITY_DIALECT) {
    throw new Error(
      `This process was started for ${ENTITY_DIALECT} (DATABASE_URL=${describeDatabase(process.env['DATABASE_URL'])}) ` +
        `but was asked to open ${describeDatabase(options.url)}: set DATABASE_URL before start so column types match.`,
    );
  }
  const common = {
    entities: ENTITIES,
    synchronize: options.synchronize ?? false,
    migrationsRun: options.migrationsRun ?? true,
    migrationsTransactionMode: 'each' as const,
    logger: options.logger,
  };
  let config: DataSourceOptions;
  if (dialect === 'postgres') {
    const replicas = (options.replicaUrls ?? []).filter((u) => u !== '');
    for (const r of replicas)
      if (dialectOfUrl(r) !== 'postgres')
        throw new Error(`A replica must be PostgreSQL, got ${describeDatabase(r)}`);
    config = {
      ...common,
      type: 'postgres',
      driver: pg,
      migrations: POSTGRES_MIGRATIONS,
      poolSize: options.poolSize ?? 10,
      extra: {
        max: options.poolSize ?? 10,
        ...(options.sessionLimits
          ? {
              lock_timeout: options.sessionLimits.lockTimeoutMs,
              idle_in_transaction_session_timeout: options.sessionLimits.idleInTransactionMs,
            }
          : {}),
      },
      ...(replicas.length
        ? {
            replication: {
              master: { url: options.url },
              slaves: replicas.map((url) => ({ url })),
              defaultMode: 'master' as const,
            },
          }
        : { url: options.url }),
    };
  } else {
    if (options.replicaUrls?.some((u) => u !== ''))
      throw new Error('DATABASE_REPLICA_URLS needs a PostgreSQL primary (DATABASE_URL=postgres://…)');
    const file = sqliteFileOf(options.url);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    config = {
      ...common,
      type: 'better-sqlite3',
      database: file,
      driver: BetterSqlite3,
      migrations: SQLITE_MIGRATIONS,
      enableWAL: file !== ':memory:',
      timeout: 10_000,
      prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 10000');
      },
    };
  }
  return new DataSource(config);
}

interface PgPoolLike {
  on(event: 'connect', listener: (client: PgClientLike) => void): unknown;
  readonly _clients?: readonly PgClientLike[];
}
interface PgClientLike {
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/**
 * Every PostgreSQL connection of the DataSource gets a permanent `error` listener. node-postgres emits `error` on a
 * client when the server ends the session (pg_terminate_backend, a restart, the idle-in-transaction timeout); TypeORM
 * listens only while a query runner holds the client and the pool only while it is idle, so an error arriving while
 * a failed client is being released had no listener and crashed the process (audit D: `Unhandled 'error' event`,
 * 57P01). The error itself is already answered to its request as SERVICE_UNAVAILABLE; here it is only logged.
 */
export function guardPgClientErrors(dataSource: DataSource, onError: (err: Error) => void): void {
  if (dataSource.options.type !== 'postgres') return;
  const driver = dataSource.driver as unknown as { master?: PgPoolLike; slaves?: PgPoolLike[] };
  const guarded = new WeakSet<PgClientLike>();
  const guard = (client: PgClientLike) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', onError);
  };
  for (const pool of [driver.master, ...(driver.slaves ?? [])]) {
    if (!pool) continue;
    for (const client of pool._clients ?? []) guard(client);
    pool.on('connect', guard);
  }
}
