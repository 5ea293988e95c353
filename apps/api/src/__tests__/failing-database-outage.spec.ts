import { ENTITY_DIALECT } from '@gongji/persistence';
import { QueryFailedError } from 'typeorm';
import { loadConfig } from '../config';
import { isDatabaseUnavailable } from '../http/database-errors';
import { type TestApp, createTestApp } from '../testing/test-app';
import { raw } from './gateway.helpers';
import { key } from './wallet.helpers';

describe('which errors mean "database unavailable" (issue #11)', () => {
  it.each([
    [
      'a refused socket',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'an administrator shutdown',
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a lock wait cut by lock_timeout behind a stuck session (audit D)',
      new QueryFailedError(
        'SELECT … FOR UPDATE',
        [],
        Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }),
      ),
    ],
    [
      'a primary demoted after failover, read-only (audit D)',
      new QueryFailedError(
        'INSERT …',
        [],
        Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }),
      ),
    ],
    [
      'TypeORM after the connection was lost mid-transaction (audit D)',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ],
  ])('%s is retryable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('a wrong query is not', () => {
    const err = new QueryFailedError(
      'SELECT x',
      [],
      Object.assign(new Error('column "x" does not exist'), { code: '42703' }),
    );
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

/**
 * Issue #11: while the database is down a client gets a distinct, retryable answer — HTTP 503, `Retry-After`,
 * `SERVICE_UNAVAILABLE` with `retryAfterSeconds` — never a 500 or INTERNAL_SERVER_ERROR; for a money mutation that
 * means "outcome unknown: retry with the same idempotency key".
 */
describe(`a database outage (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
  });
  afterAll(async () => {
    if (!app.serverDb.isInitialized) await app.serverDb.initialize().catch(() => undefined);
    await app?.close();
  });

  it('/health answers within 2 s when the database does not answer at all: 503 database down (audit D)', async () => {
    const query = app.serverDb.query.bind(app.serverDb);
    // A database that keeps its connections but never answers (frozen, cut off, a wedged pool).
    app.serverDb.query = (() => new Promise(() => undefined)) as typeof app.serverDb.query;
    try {
      const started = Date.now();
      const res = await fetch(`${app.url}/health`);
      expect(Date.now() - started).toBeLessThan(3_500);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      app.serverDb.query = query;
    }
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });

  it('queries and money mutations answer 503 SERVICE_UNAVAILABLE with Retry-After while it is down', async () => {
    // warm: the session is verified and cached, so the outage is met inside GraphQL execution, not before it
    const warm = await raw(app, {
      body: JSON.stringify({ query: '{ viewer { username } }' }),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(warm.status).toBe(200);
    await app.serverDb.destroy();
    const read = await raw(app, {
      body: JSON.stringify({ query: '{ region(code: "110000") { name } }' }),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(read.body?.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: 1,
    });
    const money = await raw(app, {
      body: JSON.stringify({
        query: `mutation($i: LegacyWithdrawInput!) { legacyWithdraw(input: $i) { userErrors { code } } }`,
        variables: {
          i: {
            personId: '00000000-0000-0000-0000-000000000000',
            amount: '1.00',
            idempotencyKey: key('outage'),
          },
        },
      }),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(money.status).toBe(503);
    expect(money.body?.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    expect(money.body?.errors?.[0]?.message).toMatch(/same idempotency key|同一幂等键|幂等/);
    expect(money.text).not.toMatch(/SELECT|INSERT|stack/i);
  });
});

describe('database session limits and the Redis prefix come from the environment (audit D)', () => {
  it('defaults, overrides and nonsense', () => {
    const base = { DATABASE_URL: 'postgres://gongji:secret@db.internal:5432/gongji' };
    const config = loadConfig(base);
    expect(config.dbSessionLimits).toEqual({ lockTimeoutMs: 10_000, idleInTransactionMs: 15_000 });
    // One deployment's processes share a prefix, derived from the database (never its password); another's differs.
    expect(config.redisKeyPrefix).toMatch(/^gongji:[0-9a-f]{8}:$/);
    expect(loadConfig({ DATABASE_URL: 'postgres://other@db.internal:5432/gongji' }).redisKeyPrefix).toBe(
      config.redisKeyPrefix,
    );
    expect(
      loadConfig({ DATABASE_URL: 'postgres://gongji@db.internal:5432/staging' }).redisKeyPrefix,
    ).not.toBe(config.redisKeyPrefix);
    expect(loadConfig({ ...base, GONGJI_REDIS_PREFIX: 'prod:' }).redisKeyPrefix).toBe('prod:');
    expect(loadConfig({ ...base, GONGJI_DB_LOCK_TIMEOUT_MS: '500' }).dbSessionLimits.lockTimeoutMs).toBe(500);
    expect(() => loadConfig({ ...base, GONGJI_DB_IDLE_TX_TIMEOUT_MS: 'soon' })).toThrow(/whole number/);
  });
});
