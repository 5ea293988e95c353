import { ENTITY_DIALECT } from '@gongji/persistence';
import { QueryFailedError } from 'typeorm';
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
