import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  AuditLogEntity,
  ENTITY_DIALECT,
  UserEntity,
  userByUsername,
  verifySecret,
} from '@gongji/persistence';
import { type TestDatabase, createTestDatabase } from '@gongji/persistence/testing';

const ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(120_000);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run users -- …` as a child process, with its own environment and standard input. */
function users(url: string, args: string[], options: { password?: string; stdin?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, SUDO_USER: 'ops-tester' };
  delete env['GONGJI_NEW_PASSWORD'];
  if (options.password !== undefined) env['GONGJI_NEW_PASSWORD'] = options.password;
  const res = spawnSync(process.execPath, ['tools/swc-run.js', 'tools/users/users.ts', ...args], {
    cwd: ROOT,
    env,
    input: options.stdin ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * The server's sign-in check (apps/api SessionService.create): the user exists, is not disabled and the password
 * verifies against the stored argon2id hash.
 */
async function canSignIn(db: TestDatabase, username: string, password: string): Promise<boolean> {
  const user = await userByUsername(db.dataSource, username);
  return !!user && !user.disabledAt && (await verifySecret(user.passwordHash, password));
}

/** `npm run users` against a fresh, unmigrated database of the current dialect (the CLI migrates it first). */
describe(`npm run users (${ENTITY_DIALECT})`, () => {
  let db: TestDatabase;
  const password = 'first-admin-pass-2026';

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => db?.drop());

  it('creates the first ADMIN (password from GONGJI_NEW_PASSWORD) who can then sign in; audited as cli:<user>', async () => {
    const run = users(
      db.url,
      ['create', '--username', 'li.admin', '--role', 'ADMIN', '--display-name', '李管理'],
      {
        password,
      },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/created ADMIN user "li\.admin"/);
    const user = await db.dataSource.getRepository(UserEntity).findOneByOrFail({ username: 'li.admin' });
    expect(user).toMatchObject({ role: 'ADMIN', displayName: '李管理', disabledAt: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(password);
    expect(await canSignIn(db, 'li.admin', password)).toBe(true);
    expect(await canSignIn(db, 'li.admin', 'wrong-password-123')).toBe(false);
    const audit = await db.dataSource
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'userCreate', entityId: user.id });
    expect(audit).toMatchObject({
      actorType: 'CLI',
      actorName: 'cli:ops-tester',
      entityType: 'User',
      before: null,
    });
    expect(JSON.stringify(audit.after)).not.toContain('argon2');
  });

  it('reads the password from standard input when GONGJI_NEW_PASSWORD is unset', async () => {
    const run = users(db.url, ['create', '--username', 'zhang.counter', '--role', 'counter'], {
      stdin: 'counter-pass-from-stdin\n',
    });
    expect(run.status).toBe(0);
    expect(await canSignIn(db, 'zhang.counter', 'counter-pass-from-stdin')).toBe(true);
  });

  it('refuses a password on the command line, a weak password, an unknown role and a duplicate name', async () => {
    const argv = users(db.url, [
      'create',
      '--username',
      'argv.user',
      '--role',
      'ADMIN',
      '--password',
      'a-long-enough-pass',
    ]);
    expect(argv.status).toBe(2);
    expect(argv.stderr).toMatch(/password on the command line/);
    const argvEq = users(db.url, [
      'create',
      '--username',
      'argv.user',
      '--role',
      'ADMIN',
      '--password=a-long-enough-pass',
    ]);
    expect(argvEq.status).toBe(2);

    const weak = users(db.url, ['create', '--username', 'weak.user', '--role', 'ADMIN'], {
      password: 'short-pw',
    });
    expect(weak.status).toBe(3);
    expect(weak.stderr).toMatch(/at least 12 characters/);
    const none = users(db.url, ['create', '--username', 'weak.user', '--role', 'ADMIN']);
    expect(none.status).toBe(3);

    const role = users(db.url, ['create', '--username', 'boss', '--role', 'ROOT'], { password });
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/unknown role "ROOT"/);

    const duplicate = users(db.url, ['create', '--username', 'li.admin', '--role', 'ANALYST'], {
      password: 'another-long-password',
    });
    expect(duplicate.status).toBe(4);
    expect(duplicate.stderr).toMatch(/already exists/);

    const names = (await db.dataSource.getRepository(UserEntity).find()).map((u) => u.username).sort();
    expect(names).toEqual(['li.admin', 'zhang.counter']);
    expect(await canSignIn(db, 'li.admin', password)).toBe(true);
  });

  it('lists users, disables one (who can no longer sign in), resets a password; unknown user is exit 5', async () => {
    const list = users(db.url, ['list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/li\.admin \| ADMIN \| 李管理/);
    expect(list.stdout).toMatch(/zhang\.counter \| COUNTER/);

    const disable = users(db.url, ['disable', '--username', 'zhang.counter', '--reason', 'left the office']);
    expect(disable.status).toBe(0);
    expect(await canSignIn(db, 'zhang.counter', 'counter-pass-from-stdin')).toBe(false);
    expect(users(db.url, ['list']).stdout).toMatch(
      /zhang\.counter \| COUNTER \| zhang\.counter \| \S+ \| disabled/,
    );
    const again = users(db.url, ['disable', '--username', 'zhang.counter']);
    expect(again.status).toBe(2);

    const reset = users(db.url, ['reset-password', '--username', 'li.admin'], {
      password: 'a-brand-new-secret',
    });
    expect(reset.status).toBe(0);
    expect(await canSignIn(db, 'li.admin', password)).toBe(false);
    expect(await canSignIn(db, 'li.admin', 'a-brand-new-secret')).toBe(true);

    expect(users(db.url, ['disable', '--username', 'nobody']).status).toBe(5);
    expect(
      users(db.url, ['reset-password', '--username', 'nobody'], { password: 'a-brand-new-secret' }).status,
    ).toBe(5);
    expect(users(db.url, ['frobnicate']).status).toBe(2);

    const actions = (await db.dataSource.getRepository(AuditLogEntity).find({ order: { at: 'ASC' } })).map(
      (a) => `${a.action}:${a.reason ?? ''}`,
    );
    expect(actions).toEqual([
      'userCreate:',
      'userCreate:',
      'userDisable:left the office',
      'userPasswordReset:',
    ]);
  });
});
