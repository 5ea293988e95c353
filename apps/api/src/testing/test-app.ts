import { QueryCounter } from '@gongji/persistence';
import { type TestDatabase, createTestDatabase } from '@gongji/persistence/testing';
import type { DataSource } from 'typeorm';
import { type App, startApp } from '../bootstrap';
import { type AppConfig, loadConfig } from '../config';
import { createLogger } from '../logger';
import { DEMO_USERS } from '../seed/demo';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
}

export interface TestApp {
  readonly url: string;
  /** A separate connection to the same database, for assertions. */
  readonly db: DataSource;
  /** The database URL (a second API process may be started on it). */
  readonly databaseUrl: string;
  /** Counts the SQL statements the server runs (for N+1 tests). */
  readonly queries: QueryCounter;
  /** The server's own DataSource (fault injection: a test may close it to play a database outage). */
  readonly serverDb: DataSource;
  /** The server's configuration (e.g. its payment-password pepper). */
  readonly config: AppConfig;
  /**
   * POSTs a GraphQL request. Sends `Accept-Language: en` unless `headers` say otherwise (the suites assert on the
   * English texts); pass `{ 'accept-language': '' }` to send none, i.e. to get the API's default, Chinese.
   */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Session token of a demo user (admin, counter, analyst). */
  login(username: (typeof DEMO_USERS)[number]['username']): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real server over real HTTP on a fresh database of the current dialect (SQLite, or PostgreSQL when
 * DATABASE_URL is set by `nx run api:test-pg`), with reference and demo data loaded exactly as `npm start` does.
 * `options.env` overrides the configuration (e.g. `NODE_ENV: 'production'` with a secret: no demo data then).
 */
export async function createTestApp(options: { env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    GONGJI_ADMIN_DIR: '',
    ...options.env,
    DATABASE_URL: database.url,
  });
  let app: App;
  const queries = new QueryCounter();
  try {
    app = await startApp(config, createLogger(process.env['LOG_LEVEL'] ?? 'fatal'), { sqlLogger: queries });
  } catch (err) {
    await database.drop();
    throw err;
  }
  const tokens = new Map<string, string>();
  const gql: TestApp['gql'] = async (query, variables, token, headers = {}) => {
    const all: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    };
    if (!all['accept-language']) delete all['accept-language'];
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: all,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
    return { status: res.status, ...body } as GraphQLResponse<never>;
  };
  return {
    url: app.url,
    db: database.dataSource,
    queries,
    serverDb: app.dataSource,
    config,
    databaseUrl: database.url,
    gql,
    login: async (username) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      const password = DEMO_USERS.find((u) => u.username === username)!.password;
      const res = await gql<{ sessionCreate: { token: string } }>(
        'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token userErrors { code } } }',
        { u: username, p: password },
      );
      const token = res.data?.sessionCreate.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(res)}`);
      tokens.set(username, token);
      return token;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
