import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import {
  ENTITY_DIALECT,
  PersonEntity,
  PocketEntity,
  UserEntity,
  auditLedger,
  hashSecret,
} from '@gongji/persistence';
import { type TestDatabase, createTestDatabase } from '@gongji/persistence/testing';
import { ANALYST_ID_LOOKUPS_PER_HOUR } from '../modules/person/person.service';
import { SIGN_IN_FAILURES } from '../modules/session/session.service';

/**
 * Issue #11, stateless API replicas: two API processes on one PostgreSQL database and one Redis behave as one API.
 * - Rate limits: one budget per caller shared through Redis (REDIS_URL) — a budget of N a minute is N in total,
 *   not N per process.
 * - Idempotency: the same key sent to process A and process B, concurrently and then one after another, makes ONE
 *   transaction and every caller gets the same reply (the stored reply, whichever process wrote it).
 * PostgreSQL only (two processes on one SQLite file is not a supported deployment); Redis on 127.0.0.1:6379
 * (GONGJI_TEST_REDIS_URL).
 */
const ROOT = path.resolve(__dirname, '../../../..');
const REDIS_URL = process.env['GONGJI_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describePg = ENTITY_DIALECT === 'postgres' ? describe : describe.skip;
/** An odd per-minute figure so the limiter's Redis keys (`gongji_rl_<n>:…`) are this test's alone. */
const USER_BUDGET = 37;

interface Api {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startApi(databaseUrl: string, name: string): Promise<Api> {
  let out = '';
  const child = spawn(path.join(ROOT, 'tools/ts-run.sh'), ['apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      GONGJI_RATE_LIMITS: `user=${USER_BUDGET},anonymous=599`,
      GONGJI_ADMIN_DIR: '',
    },
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API ${name} did not start:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/localhost:\d+)","msg":"listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`API ${name} exited:\n${out}`)));
  });
  return { child, url, output: () => out, exited };
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
  settlement { fundPay accountPaid cash total explanation { rule message } }
  transaction { id kind amount status createdAt postings { account amount balanceAfter personId pocket systemAccount } }
  userErrors { code message } } }`;

describePg(`two API processes (${ENTITY_DIALECT}, Redis)`, () => {
  let db: TestDatabase;
  const apis: Api[] = [];
  let a: Api;
  let b: Api;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One after the other: the first loads reference and demo data, the second finds them.
    a = await startApi(db.url, 'A');
    apis.push(a);
    b = await startApi(db.url, 'B');
    apis.push(b);
    const login = await post(
      a.url,
      'mutation { sessionCreate(input: { username: "admin", password: "gongji-admin-demo" }) { token } }',
      {},
    );
    token = (login.body as { data: { sessionCreate: { token: string } } }).data.sessionCreate.token;
  }, 240_000);

  afterAll(async () => {
    for (const api of apis) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await db?.drop();
  });

  it('one idempotency key sent to A and B concurrently and sequentially: one settlement, the same reply everywhere', async () => {
    const patient = await db.dataSource.getRepository(PersonEntity).findOneByOrFail({ name: '王丽' });
    const [hospital] = (await db.dataSource.query(
      `SELECT id FROM institutions WHERE code = 'H11010100001'`,
    )) as { id: string }[];
    const pocketBefore = await db.dataSource
      .getRepository(PocketEntity)
      .findOneByOrFail({ personId: patient.id, kind: 'EARMARKED' });
    const input = {
      patientId: patient.id,
      institutionId: hospital.id,
      visitType: 'OUTPATIENT',
      serviceDate: '2025-06-01',
      covered: '23.00',
      outOfCatalogue: '0.00',
      excluded: '0.00',
      channel: 'E_VOUCHER',
      idempotencyKey: `two-processes-${process.pid}`,
    };
    // 12 at once, alternating between the processes, then 4 more one after another.
    const concurrent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post((i % 2 ? b : a).url, CONFIRM, { input }, token)),
    );
    const sequential = [];
    for (let i = 0; i < 4; i++) sequential.push(await post((i % 2 ? a : b).url, CONFIRM, { input }, token));
    const replies = [...concurrent, ...sequential];
    for (const r of replies) {
      if (r.status !== 200) console.log(JSON.stringify(r.body));
      expect(r.status).toBe(200);
      expect(r.body['errors']).toBeUndefined();
    }
    const first = replies[0].body;
    const data = first['data'] as {
      settlementConfirm: { transaction: { id: string } | null; userErrors: [] };
    };
    expect(data.settlementConfirm.userErrors).toEqual([]);
    expect(data.settlementConfirm.transaction?.id).toBeDefined();
    for (const r of replies) expect(r.body).toEqual(first); // byte for byte the same reply

    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM transactions WHERE "personId" = $1 AND kind = 'SETTLEMENT'`,
      [patient.id],
    )) as { n: number }[];
    expect(n).toBe(1);
    const pocketAfter = await db.dataSource
      .getRepository(PocketEntity)
      .findOneByOrFail({ personId: patient.id, kind: 'EARMARKED' });
    expect(pocketBefore.balance - pocketAfter.balance).toBeLessThanOrEqual(2300n);
    expect(pocketBefore.balance - pocketAfter.balance).toBeGreaterThan(0n);
    expect((await auditLedger(db.dataSource)).violations).toEqual([]);
  });

  it(`rate limits: one budget of ${USER_BUDGET} a minute per caller across both processes (Redis)`, async () => {
    // A caller of its own (the analyst), so the budget is untouched by the test above.
    const login = await post(
      b.url,
      'mutation { sessionCreate(input: { username: "analyst", password: "gongji-analyst-demo" }) { token } }',
      {},
    );
    const analyst = (login.body as { data: { sessionCreate: { token: string } } }).data.sessionCreate.token;
    const query = '{ __typename }';
    const statuses: number[] = [];
    // Two at a time, one to each process, until well past the budget.
    for (let i = 0; i < 25; i++) {
      const pair = await Promise.all([post(a.url, query, {}, analyst), post(b.url, query, {}, analyst)]);
      statuses.push(...pair.map((r) => r.status));
    }
    const allowed = statuses.filter((s) => s === 200).length;
    const refused = statuses.filter((s) => s === 429).length;
    // Each process received 25 (< 37): budgets per process would have let all 50 through.
    expect(allowed + refused).toBe(50);
    expect(allowed).toBe(USER_BUDGET);
    expect(refused).toBe(50 - USER_BUDGET);
    console.log(
      `two processes: idempotent settlement replayed 16× across A and B → 1 transaction; ${allowed} of 50 requests allowed, ${refused} refused (budget ${USER_BUDGET}/min shared through Redis)`,
    );
  });

  it(`failed sign-ins per user name: ${SIGN_IN_FAILURES.points} in ${SIGN_IN_FAILURES.windowSeconds / 60} minutes across both processes, then SIGN_IN_THROTTLED (Redis)`, async () => {
    const username = `nobody-${randomUUID()}`;
    const codes: string[] = [];
    for (let i = 0; i < SIGN_IN_FAILURES.points + 2; i++) {
      const res = await post(
        (i % 2 ? b : a).url,
        'mutation($u: String!) { sessionCreate(input: { username: $u, password: "wrong-password" }) { token userErrors { code } } }',
        { u: username },
      );
      const payload = (res.body as { data: { sessionCreate: { userErrors: { code: string }[] } } }).data;
      codes.push(payload.sessionCreate.userErrors[0]?.code ?? 'none');
    }
    // per process, each would have allowed 10 (20 in all)
    expect(codes).toEqual([
      ...Array<string>(SIGN_IN_FAILURES.points).fill('INVALID_CREDENTIALS'),
      'SIGN_IN_THROTTLED',
      'SIGN_IN_THROTTLED',
    ]);
  });

  it(`analysts' look-ups by full ID number: ${ANALYST_ID_LOOKUPS_PER_HOUR} an hour across both processes (Redis)`, async () => {
    // An analyst of its own: the demo analyst spent its request budget of the minute in the test above.
    const username = `analyst-${randomUUID().slice(0, 8)}`;
    await db.dataSource.getRepository(UserEntity).insert({
      id: randomUUID(),
      username,
      displayName: 'second analyst',
      role: 'ANALYST',
      passwordHash: await hashSecret('a-long-analyst-password'),
      createdAt: new Date(),
      disabledAt: null,
    });
    const login = await post(
      a.url,
      'mutation($u: String!) { sessionCreate(input: { username: $u, password: "a-long-analyst-password" }) { token } }',
      { u: username },
    );
    const analyst = (login.body as { data: { sessionCreate: { token: string } } }).data.sessionCreate.token;
    const [{ idNumber }] = (await db.dataSource.query(`SELECT "idNumber" FROM persons LIMIT 1`)) as {
      idNumber: string;
    }[];
    const outcomes: string[] = [];
    for (let i = 0; i < ANALYST_ID_LOOKUPS_PER_HOUR + 2; i++) {
      const res = await post(
        (i % 2 ? a : b).url,
        'query($id: String!) { personByIdNumber(idNumber: $id) { idNumber } }',
        { id: idNumber },
        analyst,
      );
      const errors = res.body['errors'] as { extensions: { code: string } }[] | undefined;
      outcomes.push(errors?.[0]?.extensions.code ?? 'OK');
    }
    expect(outcomes).toEqual([
      ...Array<string>(ANALYST_ID_LOOKUPS_PER_HOUR).fill('OK'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });
});
