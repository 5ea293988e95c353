import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { AuditLogEntity, ENTITY_DIALECT } from '@gongji/persistence';
import { CREDENTIAL_RECHECK_MS } from '../auth/authenticate';
import { type TestApp, createTestApp } from '../testing/test-app';

const ROOT = path.resolve(__dirname, '../../../..');

/** `npm run users -- …` as a child process against the test app's database. */
function users(app: TestApp, args: string[], password?: string): { status: number | null; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: app.databaseUrl, SUDO_USER: 'ops' };
  delete env['GONGJI_NEW_PASSWORD'];
  if (password !== undefined) env['GONGJI_NEW_PASSWORD'] = password;
  const res = spawnSync(process.execPath, ['tools/swc-run.js', 'tools/users/users.ts', ...args], {
    cwd: ROOT,
    env,
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stderr: res.stderr };
}

const SIGN_IN = `mutation($u: String!, $p: String!) {
  sessionCreate(input: { username: $u, password: $p }) { token user { username role displayName } userErrors { code } }
}`;

interface SignIn {
  sessionCreate: {
    token: string | null;
    user: { username: string; role: string; displayName: string } | null;
    userErrors: { code: string }[];
  };
}

/**
 * Production's first ADMIN comes from `npm run users` (no demo users there): the user it creates signs in through
 * the server's own sessionCreate, a disabled one cannot and their open session stops working, a reset password
 * replaces the old one and ends the sessions signed with it.
 */
describe(`npm run users against a production server's database (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  const password = 'production-admin-pass-1';

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        NODE_ENV: 'production',
        GONGJI_SECRET: 'a-production-secret-of-at-least-32-characters',
        GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
      },
    });
  });
  afterAll(async () => app?.close());

  const signIn = (username: string, pw: string) => app.gql<SignIn>(SIGN_IN, { u: username, p: pw });

  it('creates an ADMIN who signs in and may create an institution; disabling ends the open session', async () => {
    expect(await signIn('admin', 'gongji-admin-demo')).toMatchObject({
      data: { sessionCreate: { token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] } },
    });
    const created = users(
      app,
      ['create', '--username', 'wang.admin', '--role', 'ADMIN', '--display-name', '王管理员'],
      password,
    );
    expect(created.stderr).not.toMatch(/Error/);
    expect(created.status).toBe(0);
    const res = await signIn('wang.admin', password);
    expect(res.data!.sessionCreate).toMatchObject({
      user: { username: 'wang.admin', role: 'ADMIN', displayName: '王管理员' },
      userErrors: [],
    });
    const token = res.data!.sessionCreate.token!;
    const viewer = await app.gql<{ viewer: { username: string } }>('{ viewer { username } }', {}, token);
    expect(viewer.data!.viewer.username).toBe('wang.admin');
    const institution = await app.gql<{ institutionCreate: { userErrors: unknown[] } }>(
      `mutation { institutionCreate(input: { code: "H11010100001", name: "北京协和医院", kind: HOSPITAL,
        level: TERTIARY, regionCode: "110000" }) { institution { id } userErrors { code } } }`,
      {},
      token,
    );
    expect(institution.data!.institutionCreate.userErrors).toEqual([]);
    const audit = await app.db.getRepository(AuditLogEntity).findOneByOrFail({ action: 'userCreate' });
    expect(audit).toMatchObject({ actorType: 'CLI', actorName: 'cli:ops', entityType: 'User' });

    expect(users(app, ['disable', '--username', 'wang.admin']).status).toBe(0);
    expect((await signIn('wang.admin', password)).data!.sessionCreate).toMatchObject({
      token: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS' }],
    });
    await new Promise((resolve) => setTimeout(resolve, CREDENTIAL_RECHECK_MS + 200));
    const after = await app.gql('{ viewer { username } }', {}, token);
    expect(after.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    expect(users(app, ['enable', '--username', 'wang.admin']).status).toBe(0);
    const beforeReset = (await signIn('wang.admin', password)).data!.sessionCreate.token!;
    expect((await app.gql('{ viewer { username } }', {}, beforeReset)).errors).toBeUndefined();
    expect(users(app, ['reset-password', '--username', 'wang.admin'], 'a-fresh-password-2').status).toBe(0);
    expect((await signIn('wang.admin', password)).data!.sessionCreate.token).toBeNull();
    const fresh = (await signIn('wang.admin', 'a-fresh-password-2')).data!.sessionCreate.token!;
    expect(fresh).toEqual(expect.any(String));
    // the session signed with the old password ends within the recheck window; the new one goes on
    await new Promise((resolve) => setTimeout(resolve, CREDENTIAL_RECHECK_MS + 200));
    const old = await app.gql('{ viewer { username } }', {}, beforeReset);
    expect(old.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const current = await app.gql<{ viewer: { username: string } }>('{ viewer { username } }', {}, fresh);
    expect(current.data!.viewer.username).toBe('wang.admin');
  });
});
