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
  readonly logger?: Logger;
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
    config = {
      ...common,
      type: 'postgres',
      url: options.url,
      driver: pg,
      migrations: POSTGRES_MIGRATIONS,
      poolSize: options.poolSize ?? 10,
      extra: { max: options.poolSize ?? 10 },
    };
  } else {
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
