import { ENTITY_DIALECT } from '@gongji/persistence';
import { FAILED_AUTHENTICATIONS_PER_MINUTE } from '../http/gateway';
import { type TestApp, createTestApp } from '../testing/test-app';
import { bearer, raw } from './gateway.helpers';
import { portal } from './wallet.helpers';

const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const codes = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } | null }) =>
  (r.body?.errors ?? []).map((e) => e.extensions?.['code']);

/**
 * Guessing credentials is rate-limited per address: each failed authentication (wrong or revoked API key, forged
 * session token) spends one of FAILED_AUTHENTICATIONS_PER_MINUTE; past it the address gets 429 RATE_LIMITED with
 * Retry-After — on the express path and the express-free one alike — and API keys this process has not verified
 * recently are refused before their argon2 check. A key verified before keeps working from the same address.
 */
describe(`failed authentications are rate-limited per address (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let goodKey: string;
  beforeAll(async () => {
    app = await createTestApp();
    goodKey = await portal(app, ['person:read']);
    // verified once, before anyone guesses
    expect((await raw(app, { body: TYPENAME, headers: bearer(goodKey) })).status).toBe(200);
  });
  afterAll(async () => app?.close());

  it('401 for each wrong credential until the budget is spent, then 429 with Retry-After', async () => {
    const [, prefix] = goodKey.split('_');
    const wrongSecret = `gj_${prefix}_${'x'.repeat(32)}`; // a real prefix: an argon2 check each time
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_AUTHENTICATIONS_PER_MINUTE; i++) {
      const credential =
        i % 3 === 0
          ? wrongSecret
          : i % 3 === 1
            ? 'gj_000000000000_nope-nope-nope-nope-nope'
            : 'forged.jwt.token';
      const r = await raw(app, { body: TYPENAME, headers: bearer(credential) });
      statuses.push(r.status);
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));

    const fast = await raw(app, { body: TYPENAME, headers: bearer(wrongSecret) });
    expect(fast.status).toBe(429);
    expect(codes(fast)).toEqual(['RATE_LIMITED']);
    expect(Number(fast.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fast.body?.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    // the express path (GET) counts the same budget
    const viaExpress = await raw(app, {
      method: 'GET',
      search: `?query=${encodeURIComponent('{ __typename }')}`,
      headers: { ...bearer('forged.jwt.token'), 'apollo-require-preflight': 'true' },
    });
    expect(viaExpress.status).toBe(429);
    expect(codes(viaExpress)).toEqual(['RATE_LIMITED']);
  });

  it('a key verified before still works from the same address, and anonymous requests are not affected', async () => {
    const ok = await raw(app, { body: TYPENAME, headers: bearer(goodKey) });
    expect(ok.status).toBe(200);
    expect(ok.body?.data).toEqual({ __typename: 'Query' });
    const anonymous = await raw(app, { body: TYPENAME });
    expect(anonymous.status).toBe(200);
  });
});

/**
 * Staff sign-in is throttled per user name (SIGN_IN_FAILURES): after 10 failures in 15 minutes the name is refused
 * SIGN_IN_THROTTLED — the right password too, until the window passes — without an argon2 check; other names are
 * not affected, and a success before the limit clears the count.
 */
describe(`staff sign-in is throttled per user name (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  const SIGN_IN = `mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) {
    token userErrors { code message field } } }`;
  type Out = {
    sessionCreate: { token: string | null; userErrors: { code: string; message: string; field: string[] }[] };
  };
  const signIn = (u: string, p: string, headers?: Record<string, string>) =>
    app.gql<Out>(SIGN_IN, { u, p }, null, headers);

  it('ten wrong passwords, then even the right one waits; other users sign in', async () => {
    // a success before the limit resets the count
    for (let i = 0; i < 9; i++)
      expect((await signIn('counter', 'wrong')).data!.sessionCreate.userErrors[0].code).toBe(
        'INVALID_CREDENTIALS',
      );
    expect((await signIn('counter', 'gongji-counter-demo')).data!.sessionCreate.token).toBeTruthy();

    for (let i = 0; i < 10; i++) {
      const out = (await signIn('analyst', `wrong-${i}`)).data!.sessionCreate;
      expect(out.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    }
    const locked = (await signIn('analyst', 'gongji-analyst-demo')).data!.sessionCreate;
    expect(locked.token).toBeNull();
    expect(locked.userErrors).toEqual([
      expect.objectContaining({ code: 'SIGN_IN_THROTTLED', field: ['username'] }),
    ]);
    expect(locked.userErrors[0].message).toMatch(/try again in 1[45] minutes/);
    const zh = (await signIn('ANALYST ', 'x', { 'accept-language': '' })).data!.sessionCreate;
    expect(zh.userErrors[0].message).toMatch(/^该用户名登录失败次数过多，请1[45]分钟后再试$/);
    expect((await signIn('admin', 'gongji-admin-demo')).data!.sessionCreate.token).toBeTruthy();
  });
});
