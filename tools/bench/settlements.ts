/**
 * Benchmark: settlements per second through the real API (HTTP, GraphQL, ledger writer), side by side with pgbench
 * running the minimal SQL of a settlement on the same PostgreSQL (issue #7).
 *
 *   npm run bench:settlements                      # PostgreSQL at postgres://postgres@127.0.0.1:5432/test (default)
 *   BENCH_DATABASE_URL=sqlite:tmp/bench.sqlite npm run bench:settlements   # embedded SQLite (no pgbench)
 *   BENCH_CONCURRENCY=16 BENCH_REQUESTS=4000 npm run bench:settlements
 *   BENCH_MIX=simple …                             # only own-account E_VOUCHER bills (the issue #4 bench)
 *   BENCH_PGBENCH=0 …                              # skip the pgbench anchor
 *   BENCH_PROFILE=1 …                              # CPU-profile the server; print the top packages and frames
 *
 * The built server runs as a child process AS IN PRODUCTION (NODE_ENV=production, a random secret, no demo data);
 * the bench creates its own institutions, user and population in a fresh database. The realistic mix (default),
 * per 100 requests:
 *   45 own account, E_VOUCHER · 33 patients with an empty account paid by one or two relatives in registered order
 *   (R-KIN-4) · 10 paid from the patient's own wallet (R-SET-4) · 7 CARD payments with the payment password
 *   (argon2 verification, R-ACC-7) · 5 refused (a non-designated institution, R-USE-1: a userError, no money).
 * pgbench runs, on copies of the pockets/transactions/postings tables, what a settlement minimally needs: BEGIN, lock
 * two pockets, insert a transaction and four postings, update two balances, COMMIT.
 * Prints the markdown table, the pgbench table with the ratio, and the ledger audit (exit 1 on a violation).
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  AccessQueries,
  type Fen,
  InstitutionEntity,
  KinRelationEntity,
  LedgerWriter,
  PersonEntity,
  PocketEntity,
  PocketKind,
  SystemAccount,
  UserEntity,
  BENCH_PAYMENT_PEPPER,
  auditLedger,
  createDataSource,
  freshDatabase,
  gql,
  hashPaymentPin,
  hashSecret,
  makeIdNumber,
  percentile,
  pocketAccount,
  rssMiB,
  startServer,
  summarizeProfile,
  systemAccount,
} from './bench-support';

const BASE_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const POSTGRES = BASE_URL.startsWith('postgres');
const PER_RUN = Number(process.env['BENCH_REQUESTS'] ?? 2000);
const CONCURRENCIES = (process.env['BENCH_CONCURRENCY'] ?? '1,4,16,32').split(',').map(Number);
const SIMPLE = process.env['BENCH_MIX'] === 'simple';
const PGBENCH_SECONDS = Number(process.env['BENCH_PGBENCH_SECONDS'] ?? 10);
const PAYMENT_PASSWORD = '246810';
/** BENCH_PROFILE=1: the server runs with --cpu-prof; its top frames and packages are printed after the run. */
const PROFILE_DIR =
  process.env['BENCH_PROFILE'] === '1' ? fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-prof-')) : null;

/** A new empty database next to `baseUrl` (PostgreSQL: CREATE DATABASE; SQLite: a fresh file); also used by tools/chaos. */
export interface Population {
  readonly own: string[];
  readonly family: string[];
  readonly wallet: string[];
  readonly card: string[];
  readonly hospital: string;
  readonly closed: string;
  readonly username: string;
  readonly password: string;
}

/** Institutions, a console user and the patients — money only through the ledger writer, as everywhere. */
async function populate(dataSource: DataSource): Promise<Population> {
  const writer = new LedgerWriter(dataSource);
  const now = new Date();
  const institution = (code: string, designated: boolean) => ({
    id: randomUUID(),
    code,
    name: `压测医院 ${code}`,
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode: '110000',
    designated,
    acceptsWallet: true,
    openToAll: true,
  });
  const hospital = institution('HBENCH00001', true);
  const closed = institution('HBENCH00002', false);
  await dataSource.getRepository(InstitutionEntity).insert([hospital, closed]);
  const username = 'bench-admin';
  const password = randomBytes(12).toString('base64url');
  await dataSource.getRepository(UserEntity).insert({
    id: randomUUID(),
    username,
    displayName: 'benchmark',
    role: 'ADMIN',
    passwordHash: await hashSecret(password),
    createdAt: now,
    disabledAt: null,
  });
  const passwordHash = await hashPaymentPin(BENCH_PAYMENT_PEPPER, PAYMENT_PASSWORD);
  let n = 0;
  const person = async (opts: { earmarked: bigint; wallet: bigint; withPassword?: boolean }) => {
    const id = randomUUID();
    n += 1;
    await dataSource.getRepository(PersonEntity).insert({
      id,
      idNumber: makeIdNumber('110105', '1980-01-01', 100 + n),
      name: `压测${n}`,
      phone: null,
      birthDate: '1980-01-01',
      regionCode: '110000',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
      realNameVerified: true,
      paymentPasswordHash: opts.withPassword ? passwordHash : null,
      paymentPasswordSetAt: opts.withPassword ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    for (const kind of [PocketKind.EARMARKED, PocketKind.LEGACY, PocketKind.WALLET]) {
      await dataSource
        .getRepository(PocketEntity)
        .insert({ id: randomUUID(), personId: id, kind, balance: 0n, updatedAt: now });
    }
    for (const [pocket, amount] of [
      [PocketKind.EARMARKED, opts.earmarked],
      [PocketKind.WALLET, opts.wallet],
    ] as const) {
      if (amount === 0n) continue;
      await writer.execute({
        clientId: 'bench',
        operation: 'opening',
        idempotencyKey: `${id}:${pocket}`,
        request: {},
        personIds: [id],
        decide: async () => ({
          payload: {},
          transaction: {
            kind: pocket === PocketKind.WALLET ? 'WALLET_TRANSFER' : 'CONTRIBUTION_CREDIT',
            amount,
            personId: id,
            explanation: [{ rule: 'R-ACC-4', message: 'benchmark opening balance' }],
            postings: [
              { account: systemAccount(SystemAccount.CONTRIBUTION_SOURCE), amount: -amount as Fen },
              { account: pocketAccount(id, pocket), amount: amount as Fen },
            ],
          },
        }),
      });
    }
    return id;
  };
  const own: string[] = [];
  for (let i = 0; i < 200; i++) own.push(await person({ earmarked: 10_000_000n, wallet: 0n }));
  const family: string[] = [];
  const wallet: string[] = [];
  const card: string[] = [];
  if (!SIMPLE) {
    for (let i = 0; i < 60; i++) {
      // An empty own account: the bill goes to one or two providers in registered order (R-KIN-4).
      const id = await person({ earmarked: 0n, wallet: 0n });
      const providers = i % 2 === 0 ? [own[i]] : [own[i], own[i + 100]];
      await dataSource.getRepository(KinRelationEntity).insert(
        providers.map((providerId, k) => ({
          id: randomUUID(),
          providerId,
          beneficiaryId: id,
          relation: 'SPOUSE',
          channel: 'COUNTER',
          position: k + 1,
          registeredOn: '2023-01-01',
          proxyOnly: false,
          createdAt: now,
          revokedAt: null,
        })),
      );
      family.push(id);
    }
    for (let i = 0; i < 30; i++) wallet.push(await person({ earmarked: 0n, wallet: 1_000_000n }));
    for (let i = 0; i < 20; i++)
      card.push(await person({ earmarked: 10_000_000n, wallet: 0n, withPassword: true }));
  }
  return { own, family, wallet, card, hospital: hospital.id, closed: closed.id, username, password };
}

type Kind = 'own' | 'family' | 'wallet' | 'card' | 'refused';

function kindOf(i: number): Kind {
  if (SIMPLE) return 'own';
  const b = i % 100;
  return b < 45 ? 'own' : b < 78 ? 'family' : b < 88 ? 'wallet' : b < 95 ? 'card' : 'refused';
}

function billOf(pop: Population, i: number): Record<string, unknown> {
  const kind = kindOf(i);
  const pick = (list: readonly string[]) => list[Math.floor(i / 100) % list.length];
  const base = {
    institutionId: pop.hospital,
    visitType: 'OUTPATIENT',
    serviceDate: '2025-06-01',
    covered: '50.00',
    outOfCatalogue: '0.00',
    excluded: '0.00',
    channel: 'E_VOUCHER',
    idempotencyKey: `bench-${i}`,
  };
  switch (kind) {
    case 'own':
      return { ...base, patientId: pop.own[i % pop.own.length] };
    case 'family':
      return { ...base, patientId: pick(pop.family) };
    case 'wallet':
      return { ...base, patientId: pick(pop.wallet) };
    case 'card':
      return { ...base, patientId: pick(pop.card), channel: 'CARD', password: PAYMENT_PASSWORD };
    case 'refused':
      return { ...base, patientId: pop.own[i % pop.own.length], institutionId: pop.closed };
  }
}

function findPgbench(): string | null {
  const candidates = [
    process.env['PGBENCH'],
    'pgbench',
    ...['17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`),
  ].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    if (spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return c;
  }
  return null;
}

/** The minimal SQL of a settlement, on copies of our tables (same columns, constraints and indexes). */
async function pgbenchTps(url: string, concurrency: number): Promise<number | null> {
  const bin = findPgbench();
  if (!bin) return null;
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP TABLE IF EXISTS bench_pockets, bench_transactions, bench_postings`);
  await c.query(`CREATE TABLE bench_pockets (LIKE pockets INCLUDING ALL, n integer UNIQUE)`);
  await c.query(`CREATE TABLE bench_transactions (LIKE transactions INCLUDING ALL)`);
  await c.query(`CREATE TABLE bench_postings (LIKE postings INCLUDING ALL)`);
  await c.query(
    `INSERT INTO bench_pockets (id, "personId", kind, balance, "updatedAt", version, n)
     SELECT gen_random_uuid()::text, gen_random_uuid()::text, 'EARMARKED', 100000000, now(), 1, g FROM generate_series(1, 200) g`,
  );
  await c.end();
  const script = path.join(os.tmpdir(), `gongji-pgbench-${process.pid}.sql`);
  fs.writeFileSync(
    script,
    [
      '\\set a random(1, 100)',
      '\\set b random(101, 200)',
      'BEGIN;',
      'SELECT id, balance FROM bench_pockets WHERE n IN (:a, :b) ORDER BY id FOR UPDATE;',
      // the transaction and its four postings in one statement (a writable CTE carries the new id)
      `WITH t AS (INSERT INTO bench_transactions (id, kind, status, amount, actor, explanation, details, "createdAt") VALUES (gen_random_uuid()::text, 'SETTLEMENT', 'POSTED', 5000, 'pgbench', '[]', '{}', now()) RETURNING id) ` +
        `INSERT INTO bench_postings (id, "transactionId", seq, "accountType", "personId", pocket, "systemAccount", amount) ` +
        `SELECT gen_random_uuid()::text, t.id, v.seq, v.type, v.person, v.pocket, v.account, v.amount FROM t, ` +
        `(VALUES (0, 'POCKET', 'a', 'EARMARKED', NULL, -100), (1, 'SYSTEM', NULL, NULL, 'INSTITUTION', 100), (2, 'SYSTEM', NULL, NULL, 'FUND_POOL', -100), (3, 'POCKET', 'b', 'EARMARKED', NULL, 100)) AS v(seq, type, person, pocket, account, amount);`,
      'UPDATE bench_pockets SET balance = balance - 100, version = version + 1 WHERE n = :a;',
      'UPDATE bench_pockets SET balance = balance + 100, version = version + 1 WHERE n = :b;',
      'COMMIT;',
      '',
    ].join('\n'),
  );
  const r = spawnSync(
    bin,
    [
      '-n',
      '-c',
      String(concurrency),
      '-j',
      String(Math.min(concurrency, os.cpus().length)),
      '-T',
      String(PGBENCH_SECONDS),
      '-f',
      script,
      url,
    ],
    { encoding: 'utf8' },
  );
  fs.rmSync(script, { force: true });
  const m = /tps = ([\d.]+)/.exec(r.stdout ?? '');
  if (!m) throw new Error(`pgbench failed:\n${r.stdout}\n${r.stderr}`);
  return Number(m[1]);
}

interface SettlementResponse {
  readonly data?: { readonly settlementConfirm: SettlementAnswer | null } | null;
  readonly errors?: readonly { readonly extensions?: { readonly code?: string } }[];
}

interface SettlementAnswer {
  readonly transaction: { readonly id: string } | null;
  readonly userErrors: readonly { readonly code: string }[];
}

async function main(): Promise<void> {
  const db = await freshDatabase(BASE_URL);
  // One API key stands for a hospital's many tills here: the per-client limit (60,000 a minute by default) would refuse
  // every request past the first 60,000 of a minute as RATE_LIMITED; the limiter itself still runs on every request.
  const server = await startServer(db.url, PROFILE_DIR, {
    GONGJI_RATE_LIMITS: 'anonymous=600,user=100000000,client=100000000',
  }).catch(async (err: unknown) => {
    await db.drop();
    throw err;
  });
  const dataSource = createDataSource({ url: db.url, migrationsRun: false });
  try {
    await dataSource.initialize();
    const pop = await populate(dataSource);
    const login = await gql<{ data: { sessionCreate: { token: string } } }>(
      server.url,
      'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token } }',
      { u: pop.username, p: pop.password },
    );
    // Hospitals settle through their portal (API.md PORTAL, scope settlement:write): the realistic hot path. A staff
    // session would also write an audit row per settlement (every ADMIN/COUNTER change is audited).
    const portalKey = async (institutionId: string): Promise<string> => {
      const created = await gql<{ data: { apiClientCreate: { apiKey: string } } }>(
        server.url,
        `mutation($i: ID!) { apiClientCreate(input: { name: "bench hospital", scopes: ["settlement:write"], institutionId: $i }) { apiKey } }`,
        { i: institutionId },
        login.data.sessionCreate.token,
      );
      return created.data.apiClientCreate.apiKey;
    };
    const hospitalKey = await portalKey(pop.hospital);
    // The refused bills are sent by the closed institution's own portal (R-SET refusal in userErrors, not FORBIDDEN).
    const closedKey = await portalKey(pop.closed);
    // Every patient proved presence at both desks once (card read, API.md "a portal sees only the people it is
    // serving"): a portal moves money only for persons it serves. Recorded as setup, outside the measured run; the
    // server remembers served pairs, so the check costs the hot path nothing after a patient's first bill.
    const access = new AccessQueries(dataSource);
    const patients = [...new Set([...pop.own, ...pop.family, ...pop.wallet, ...pop.card])];
    for (const institutionId of [pop.hospital, pop.closed])
      for (const personId of patients)
        await access.recordServed({ clientId: '', institutionId, actor: '' }, personId, 'CARD', new Date());
    const query = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) { transaction { id } userErrors { code } } }`;

    const rows: string[] = [];
    const clientCpu: string[] = [];
    const ours = new Map<number, number>();
    let seq = 0;
    for (const concurrency of CONCURRENCIES) {
      const latencies: number[] = [];
      let errors = 0;
      let refused = 0;
      const errorCodes = new Map<string, number>();
      const started = process.hrtime.bigint();
      let lastAnswer = started;
      const cpu0 = process.cpuUsage();
      // The load: autocannon (keep-alive, one request in flight per connection), each request a new bill with its
      // own idempotency key; the answer checked per request. A lean client matters on a shared 2-core machine:
      // pgbench's client is C; undici's fetch cost ~2.2 ms of CPU per request here, node:http ~0.9 ms.
      await new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${server.url}/graphql`,
            connections: concurrency,
            amount: PER_RUN,
            requests: [
              {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${hospitalKey}` },
                setupRequest: (request, context) => {
                  const i = seq++;
                  context['i'] = i;
                  return {
                    ...request,
                    ...(kindOf(i) === 'refused'
                      ? {
                          headers: {
                            'content-type': 'application/json',
                            authorization: `Bearer ${closedKey}`,
                          },
                        }
                      : {}),
                    body: JSON.stringify({ query, variables: { input: billOf(pop, i) } }),
                  };
                },
                onResponse: (status, body, context) => {
                  let answer: SettlementResponse | undefined;
                  try {
                    answer = JSON.parse(body) as SettlementResponse;
                  } catch {
                    answer = undefined;
                  }
                  const payload = answer?.data?.settlementConfirm;
                  if (kindOf(context['i'] as number) === 'refused' && payload?.userErrors.length) refused++;
                  else if (!payload?.transaction) {
                    errors++;
                    // Why, so an error count is never a mystery: the user error's or top-level error's code.
                    const code =
                      payload?.userErrors[0]?.code ??
                      answer?.errors?.[0]?.extensions?.code ??
                      `HTTP ${status}`;
                    errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
                  }
                },
              },
            ],
          },
          (err) => (err ? reject(err) : resolve()),
        );
        instance.on('response', (_client, _status, _bytes, ms) => {
          latencies.push(ms);
          lastAnswer = process.hrtime.bigint();
        });
      });
      // Up to the last answer: autocannon reports completion on its once-a-second tick, which rounded every run up to
      // whole seconds (3,000 requests in 12.05 s read as 12 + up to 1 s of nothing: ±8 % on a 12 s run).
      const seconds = Number(lastAnswer - started) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      clientCpu.push(`c=${concurrency}: ${((cpu.user + cpu.system) / 1000 / PER_RUN).toFixed(2)}`);
      latencies.sort((a, b) => a - b);
      ours.set(concurrency, PER_RUN / seconds);
      rows.push(
        `| ${concurrency} | ${PER_RUN} | ${(PER_RUN / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${errors} | ${rssMiB(server.child.pid as number).toFixed(0)} |`,
      );
      if (refused) rows[rows.length - 1] += ` (${refused} refused as intended)`;
      if (errors)
        rows[rows.length - 1] += ` errors: ${[...errorCodes].map(([code, n]) => `${code} ×${n}`).join(', ')}`;
    }
    const report = await auditLedger(dataSource);
    console.log(
      `\nSettlements through HTTP on ${POSTGRES ? 'PostgreSQL' : 'SQLite'} (node ${process.version}, NODE_ENV=production, mix: ${SIMPLE ? 'simple (own account, E_VOUCHER)' : '45 own / 33 relatives / 10 wallet / 7 CARD+password / 5 refused'})`,
    );
    console.log(
      '| concurrency | requests | settlements/s | p50 ms | p95 ms | p99 ms | errors | server RSS MiB |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(`load generator CPU ms per request (same machine): ${clientCpu.join(', ')}`);
    console.log(
      `\nledger audit: ${report.transactions} transactions, ${report.postings} postings, ${report.violations.length} violations`,
    );
    if (report.violations.length) process.exitCode = 1;

    if (POSTGRES && process.env['BENCH_PGBENCH'] !== '0') {
      const lines: string[] = [];
      for (const concurrency of CONCURRENCIES) {
        const tps = await pgbenchTps(db.url, concurrency);
        if (tps === null) {
          lines.push('pgbench not found (set PGBENCH=/path/to/pgbench): no anchor measured');
          break;
        }
        const mine = ours.get(concurrency) ?? 0;
        lines.push(
          `| ${concurrency} | ${tps.toFixed(0)} | ${mine.toFixed(0)} | ${((100 * mine) / tps).toFixed(1)} % |`,
        );
      }
      console.log(
        `\npgbench, minimal settlement SQL (lock 2 pockets, 1 transaction + 4 postings, 2 balances), same server, ${PGBENCH_SECONDS} s each`,
      );
      console.log('| concurrency | pgbench TPS | Gongji settlements/s | ratio |');
      console.log('|---|---|---|---|');
      for (const l of lines) console.log(l);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await db.drop();
    if (PROFILE_DIR) summarizeProfile(PROFILE_DIR);
  }
}

// Run only as a script: tools/chaos imports the server helpers above.
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
