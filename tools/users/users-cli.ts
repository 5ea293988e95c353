/**
 * The logic of `npm run users` (tools/users/users.ts): console users (ADMIN, COUNTER, ANALYST) managed against the
 * configured database, the way production gets its first staff user. Every change writes an audit row with the actor
 * `cli:<OS user>`, in the same transaction as the change.
 */
import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import {
  type DataSource,
  type UserEntity,
  createDataSource,
  describeDatabase,
  hashSecret,
  inTransaction,
  insertAuditRow,
  isUniqueViolation,
  saveUser,
  userOfUsername,
  usersByUsername,
} from '@gongji/persistence';
import { markdownTable } from '../generate/cli-support';

export const USAGE = `Usage (DATABASE_URL as for the server: postgres://… or sqlite:<file>; unset = sqlite:tmp/gongji.sqlite):
  npm run users -- create --username <name> --role ADMIN|COUNTER|ANALYST [--display-name <name>]
  npm run users -- list
  npm run users -- disable --username <name> [--reason <text>]
  npm run users -- enable --username <name> [--reason <text>]
  npm run users -- reset-password --username <name> [--reason <text>]
The password (create, reset-password) is read from GONGJI_NEW_PASSWORD, else from standard input (first line);
never from the command line. At least 12 characters.`;

/** Exit codes of `npm run users` (README "Production: first start"). */
export const EXIT = {
  OK: 0,
  /** The database could not be opened or another fault. */
  FAULT: 1,
  /** Bad command line: unknown command or option, unknown role, a password given as an argument. */
  USAGE: 2,
  /** Missing or too weak password. */
  WEAK_PASSWORD: 3,
  /** The user name is taken. */
  DUPLICATE: 4,
  /** No user with that name. */
  UNKNOWN_USER: 5,
} as const;

export const STAFF_ROLES = ['ADMIN', 'COUNTER', 'ANALYST'] as const;
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

const OPTIONS: Record<string, readonly string[]> = {
  create: ['username', 'role', 'display-name'],
  list: [],
  disable: ['username', 'reason'],
  enable: ['username', 'reason'],
  'reset-password': ['username', 'reason'],
};

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  /** The new password when GONGJI_NEW_PASSWORD is unset (standard input). */
  readonly readPassword: () => Promise<string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** `--name value` / `--name=value`; a password option is refused before anything else is looked at. */
export function parseCommandLine(argv: readonly string[]): { command: string; args: Map<string, string> } {
  for (const a of argv) {
    if (/^--?(password|pass|pw|new-password)(=|$)/i.test(a)) {
      throw new CliError(
        'refusing a password on the command line (every user of this machine can read it in `ps`): ' +
          'set GONGJI_NEW_PASSWORD or pipe it on standard input',
        EXIT.USAGE,
      );
    }
  }
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') throw new CliError(USAGE, EXIT.USAGE);
  const allowed = OPTIONS[command];
  if (!allowed) throw new CliError(`unknown command "${command}"\n${USAGE}`, EXIT.USAGE);
  const args = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument "${arg}"\n${USAGE}`, EXIT.USAGE);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!allowed.includes(name))
      throw new CliError(`"${command}" takes no option --${name}\n${USAGE}`, EXIT.USAGE);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) value = rest[++i];
    else throw new CliError(`--${name} needs a value`, EXIT.USAGE);
    args.set(name, value);
  }
  return { command, args };
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `the password is too short: at least ${MIN_PASSWORD_LENGTH} characters (got ${length})`;
  if (length > MAX_PASSWORD_LENGTH)
    return `the password is too long: at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() !== password) return 'the password starts or ends with white space';
  if (new Set(password).size < 4) return 'the password repeats too few different characters';
  if (password.toLowerCase().includes(username.toLowerCase()))
    return 'the password must not contain the user name';
  return null;
}

/** The actor written to the audit log: `cli:<OS user>` (the invoking user under sudo). */
export function cliActor(env: NodeJS.ProcessEnv): { id: string; name: string } {
  let user = env['SUDO_USER'] || '';
  if (!user) {
    try {
      user = os.userInfo().username;
    } catch {
      user = env['USER'] || env['LOGNAME'] || 'unknown';
    }
  }
  return { id: `cli:${user}`.slice(0, 36), name: `cli:${user}`.slice(0, 128) };
}

function required(args: Map<string, string>, name: string): string {
  const value = args.get(name)?.trim();
  if (!value) throw new CliError(`--${name} is required\n${USAGE}`, EXIT.USAGE);
  return value;
}

function usernameOf(args: Map<string, string>): string {
  const username = required(args, 'username');
  if (!USERNAME.test(username))
    throw new CliError(
      `"${username}" is not a valid user name: 2–64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit`,
      EXIT.USAGE,
    );
  return username;
}

async function newPassword(io: CliIo, username: string): Promise<string> {
  const fromEnv = io.env['GONGJI_NEW_PASSWORD'];
  const password = fromEnv !== undefined && fromEnv !== '' ? fromEnv : await io.readPassword();
  if (!password)
    throw new CliError(
      'no password: set GONGJI_NEW_PASSWORD or pipe it on standard input',
      EXIT.WEAK_PASSWORD,
    );
  const problem = passwordProblem(password, username);
  if (problem) throw new CliError(problem, EXIT.WEAK_PASSWORD);
  return password;
}

/** What the audit log keeps of a user (never the password hash). */
function audited(u: UserEntity): Record<string, unknown> {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabledAt: u.disabledAt ? u.disabledAt.toISOString() : null,
  };
}

async function writeAudit(
  manager: Parameters<typeof saveUser>[0],
  env: NodeJS.ProcessEnv,
  change: {
    action: string;
    user: UserEntity;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    reason: string | null;
  },
): Promise<void> {
  const actor = cliActor(env);
  await insertAuditRow(manager, {
    id: randomUUID(),
    at: new Date(),
    actorType: 'CLI',
    actorId: actor.id,
    actorName: actor.name,
    action: change.action,
    entityType: 'User',
    entityId: change.user.id,
    before: change.before,
    after: change.after,
    reason: change.reason,
  });
}

/** The checked command line of `create`. */
function createArgs(args: Map<string, string>): { username: string; role: string; displayName: string } {
  const username = usernameOf(args);
  const role = required(args, 'role').toUpperCase();
  if (!(STAFF_ROLES as readonly string[]).includes(role))
    throw new CliError(`unknown role "${args.get('role')}": one of ${STAFF_ROLES.join(', ')}`, EXIT.USAGE);
  const displayName = (args.get('display-name') ?? username).trim();
  if (displayName.length < 1 || displayName.length > 128)
    throw new CliError('--display-name must be 1–128 characters', EXIT.USAGE);
  return { username, role, displayName };
}

async function create(
  ds: DataSource,
  args: Map<string, string>,
  io: CliIo,
  passwordHash: string,
): Promise<number> {
  const { username, role, displayName } = createArgs(args);
  const duplicate = new CliError(`a user named "${username}" already exists`, EXIT.DUPLICATE);
  let user: UserEntity;
  try {
    user = await inTransaction(ds, async (manager) => {
      if (await userOfUsername(manager, username)) throw duplicate;
      const saved = await saveUser(manager, {
        id: randomUUID(),
        username,
        displayName,
        role,
        passwordHash,
        createdAt: new Date(),
        disabledAt: null,
      });
      await writeAudit(manager, io.env, {
        action: 'userCreate',
        user: saved,
        before: null,
        after: audited(saved),
        reason: null,
      });
      return saved;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate;
    throw err;
  }
  io.out(`created ${user.role} user "${user.username}" (id ${user.id})`);
  return EXIT.OK;
}

async function list(ds: DataSource, io: CliIo): Promise<number> {
  const users = await usersByUsername(ds);
  if (users.length === 0) {
    io.out('no users yet: npm run users -- create --username <name> --role ADMIN');
    return EXIT.OK;
  }
  io.out(
    markdownTable(
      ['username', 'role', 'display name', 'created', 'status'],
      users.map((u) => [
        u.username,
        u.role,
        u.displayName,
        u.createdAt.toISOString(),
        u.disabledAt ? `disabled ${u.disabledAt.toISOString()}` : 'active',
      ]),
    ),
  );
  return EXIT.OK;
}

/** Loads a user by name, applies a change (or refuses), saves and audits, in one transaction. */
async function change(
  ds: DataSource,
  args: Map<string, string>,
  io: CliIo,
  action: string,
  apply: (u: UserEntity) => { before: Record<string, unknown>; after: Record<string, unknown> } | string,
): Promise<UserEntity> {
  const username = usernameOf(args);
  const reason = args.get('reason')?.trim() || null;
  return inTransaction(ds, async (manager) => {
    const user = await userOfUsername(manager, username);
    if (!user) throw new CliError(`no user named "${username}"`, EXIT.UNKNOWN_USER);
    const applied = apply(user);
    if (typeof applied === 'string') throw new CliError(applied, EXIT.USAGE);
    const saved = await saveUser(manager, user);
    await writeAudit(manager, io.env, { action, user: saved, ...applied, reason });
    return saved;
  });
}

async function run(
  ds: DataSource,
  command: string,
  args: Map<string, string>,
  io: CliIo,
  passwordHash: string | null,
): Promise<number> {
  switch (command) {
    case 'create':
      return create(ds, args, io, passwordHash as string);
    case 'list':
      return list(ds, io);
    case 'disable': {
      const user = await change(ds, args, io, 'userDisable', (u) => {
        if (u.disabledAt) return `"${u.username}" is already disabled (since ${u.disabledAt.toISOString()})`;
        const before = audited(u);
        u.disabledAt = new Date();
        return { before, after: audited(u) };
      });
      io.out(
        `disabled "${user.username}": sign-in is refused, and the sessions already open stop working within seconds`,
      );
      return EXIT.OK;
    }
    case 'enable': {
      const user = await change(ds, args, io, 'userEnable', (u) => {
        if (!u.disabledAt) return `"${u.username}" is not disabled`;
        const before = audited(u);
        u.disabledAt = null;
        return { before, after: audited(u) };
      });
      io.out(`enabled "${user.username}"`);
      return EXIT.OK;
    }
    case 'reset-password': {
      const user = await change(ds, args, io, 'userPasswordReset', (u) => {
        u.passwordHash = passwordHash as string;
        return { before: { password: 'previous' }, after: { password: 'reset' } };
      });
      io.out(`reset the password of "${user.username}"`);
      return EXIT.OK;
    }
    default:
      throw new CliError(`unknown command "${command}"\n${USAGE}`, EXIT.USAGE);
  }
}

/**
 * Runs one command; returns the exit code. The database is opened as the server opens it (DATABASE_URL, pending
 * migrations applied first), after the command line was checked (a refused command line touches nothing).
 */
export async function runUsersCli(argv: readonly string[], io: CliIo): Promise<number> {
  let ds: DataSource | undefined;
  try {
    const { command, args } = parseCommandLine(argv);
    // The command line and the new password are checked before the database is touched.
    if (command === 'create') createArgs(args);
    const passwordHash =
      command === 'create' || command === 'reset-password'
        ? await hashSecret(await newPassword(io, usernameOf(args)))
        : null;
    const url = io.env['DATABASE_URL'] || undefined;
    ds = createDataSource({ url, poolSize: 2 });
    try {
      await ds.initialize();
    } catch (err) {
      throw new CliError(`cannot open ${describeDatabase(url)}: ${(err as Error).message}`, EXIT.FAULT);
    }
    io.err(`users: ${describeDatabase(url)} (migrations applied)`);
    return await run(ds, command, args, io, passwordHash);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`users: ${err.message}`);
      return err.exitCode;
    }
    io.err(`users: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT.FAULT;
  } finally {
    if (ds?.isInitialized) await ds.destroy();
  }
}
