import { ENTITY_DIALECT, UserEntity } from '@gongji/persistence';
import { CREDENTIAL_RECHECK_MS } from '../auth/authenticate';
import { type TestApp, createTestApp } from '../testing/test-app';

const VIEWER = '{ viewer { username } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue #11: a verified session token is remembered for a few seconds (no HMAC and JSON work per request), but an
 * expired token and a disabled user are still refused — the cache never outlives the token nor the user check.
 */
describe(`session tokens remembered, never past their expiry or a disabled user (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { GONGJI_SESSION_TTL: '2' } });
  });
  afterAll(async () => app?.close());

  it('a token used (and remembered) before its expiry is UNAUTHENTICATED right after it', async () => {
    const token = await app.login('counter');
    const before = await app.gql<{ viewer: { username: string } }>(VIEWER, {}, token);
    expect(before.data!.viewer.username).toBe('counter');
    await sleep(2_200);
    const after = await app.gql(VIEWER, {}, token);
    expect(after.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('a user disabled in the database is refused within the recheck window, with a remembered token', async () => {
    const other = await createTestApp();
    try {
      const token = await other.login('analyst');
      expect((await other.gql(VIEWER, {}, token)).errors).toBeUndefined();
      expect((await other.gql(VIEWER, {}, token)).errors).toBeUndefined(); // served from the remembered token
      await other.db.getRepository(UserEntity).update({ username: 'analyst' }, { disabledAt: new Date() });
      await sleep(CREDENTIAL_RECHECK_MS + 300);
      const refused = await other.gql(VIEWER, {}, token);
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    } finally {
      await other.close();
    }
  });
});
