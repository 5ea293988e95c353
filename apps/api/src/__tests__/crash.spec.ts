import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  ENTITY_DIALECT,
  PersonEntity,
  PocketEntity,
  TransactionEntity,
  auditLedger,
} from '@gongji/persistence';
import { type TestDatabase, createTestDatabase } from '@gongji/persistence/testing';

/**
 * Issue #4 crash acceptance: SIGKILL the API while settlements are in flight, restart it on the same database, retry
 * every request whose answer was lost with its idempotency key, and check that every acknowledged settlement exists
 * exactly once, the unknown ones at most once before the retry and exactly once after, and the ledger audit passes.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const REQUESTS = 40;
const AMOUNT = '10.00';

interface Server {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
}

function startServer(databaseUrl: string): Server {
  let out = '';
  const child = spawn(path.join(ROOT, 'tools/ts-run.sh'), ['apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      GONGJI_ADMIN_DIR: '',
    },
  });
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
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
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, url, exited };
}

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as T;
}

const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) { transaction { id } userErrors { code message } } }`;
type ConfirmResult = {
  data?: { settlementConfirm: { transaction: { id: string } | null; userErrors: { code: string }[] } };
  errors?: unknown[];
};

describe(`crash safety (${ENTITY_DIALECT})`, () => {
  let db: TestDatabase;
  let server: Server | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await db?.drop();
  });

  it('SIGKILL with settlements in flight: after restart and retries every settlement exists exactly once and the ledger balances', async () => {
    server = startServer(db.url);
    let url = await server.url;
    const login = await gql<{ data: { sessionCreate: { token: string } } }>(
      url,
      'mutation { sessionCreate(input: { username: "admin", password: "gongji-admin-demo" }) { token } }',
      {},
    );
    const token = login.data.sessionCreate.token;
    const patient = await db.dataSource.getRepository(PersonEntity).findOneByOrFail({ name: '王丽' });
    const hospital = (await db.dataSource.query(
      `SELECT id FROM institutions WHERE code = 'H11010100001'`,
    )) as { id: string }[];
    const before = await db.dataSource
      .getRepository(PocketEntity)
      .findOneByOrFail({ personId: patient.id, kind: 'EARMARKED' });
    const input = (i: number) => ({
      patientId: patient.id,
      institutionId: hospital[0].id,
      visitType: 'OUTPATIENT',
      serviceDate: '2025-06-01',
      covered: AMOUNT,
      outOfCatalogue: '0.00',
      excluded: '0.00',
      channel: 'E_VOUCHER',
      idempotencyKey: `crash-${i}`,
    });

    const acknowledged = new Map<number, string>();
    const inFlight = Array.from({ length: REQUESTS }, (_, i) =>
      gql<ConfirmResult>(url, CONFIRM, { input: input(i) }, token).then(
        (r) => {
          const id = r.data?.settlementConfirm.transaction?.id;
          if (id) acknowledged.set(i, id);
        },
        () => undefined, // connection reset by the kill: outcome unknown
      ),
    );
    // Kill once a few answers are in, so some requests are committed, some in flight, some never started.
    const until = Date.now() + 30_000;
    while (acknowledged.size < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGKILL');
    await Promise.all(inFlight);
    await server.exited;
    expect(acknowledged.size).toBeGreaterThan(0);
    const acknowledgedBeforeCrash = acknowledged.size;

    server = startServer(db.url);
    url = await server.url;
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        gql<ConfirmResult>(url, CONFIRM, { input: input(i) }, token),
      ),
    );
    for (const [i, r] of results.entries()) {
      expect(r.data?.settlementConfirm.userErrors).toEqual([]);
      const id = r.data?.settlementConfirm.transaction?.id;
      expect(id).toBeDefined();
      if (acknowledged.has(i)) expect(id).toBe(acknowledged.get(i)); // replayed, not settled twice
    }
    server.child.kill('SIGTERM');
    await server.exited;
    server = undefined;

    const settlements = await db.dataSource
      .getRepository(TransactionEntity)
      .countBy({ personId: patient.id, kind: 'SETTLEMENT' });
    expect(settlements).toBe(REQUESTS);
    const after = await db.dataSource
      .getRepository(PocketEntity)
      .findOneByOrFail({ personId: patient.id, kind: 'EARMARKED' });
    expect(before.balance - after.balance).toBe(BigInt(REQUESTS) * 1000n);
    const report = await auditLedger(db.dataSource);
    expect(report.violations).toEqual([]);
    console.log(
      `crash test (${ENTITY_DIALECT}): ${acknowledgedBeforeCrash} of ${REQUESTS} acknowledged before SIGKILL; ${REQUESTS} settlements after retries; audit OK`,
    );
  });
});
