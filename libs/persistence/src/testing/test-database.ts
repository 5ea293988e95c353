import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { ENTITY_DIALECT } from '../entities';

export interface TestDatabase {
  /** URL of a fresh, empty, migrated database of the current dialect. */
  readonly url: string;
  readonly dataSource: DataSource;
  /** Closes connections and deletes the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database per test file: a temporary SQLite file, or a new PostgreSQL database created next to
 * DATABASE_URL's (trust auth on the CI machine). Real databases, no mocks (DEVELOPERS.md).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  let url: string;
  let cleanup: () => Promise<void>;
  if (ENTITY_DIALECT === 'postgres') {
    const base = process.env['DATABASE_URL'] as string;
    const name = `gongji_t_${suffix}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-test-'));
    url = `sqlite:${path.join(dir, 'test.sqlite')}`;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const dataSource = createDataSource({ url, migrationsRun: options.migrate ?? true, poolSize: 20 });
  await dataSource.initialize();
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await cleanup();
    },
  };
}
