/**
 * Benchmark: the read path, Gongji side by side with PostGraphile v5 over the SAME PostgreSQL database and data, in
 * the same run (issue #11), and the trivial query side by side with a bare graphql-js server.
 *
 *   npm run bench:reads                              # PostgreSQL at postgres://postgres@127.0.0.1:5432/test
 *   BENCH_SECONDS=12 BENCH_ROUNDS=4 BENCH_CONNECTIONS=16 npm run bench:reads   # 4 alternating rounds of 3 s a side
 *   BENCH_PERSONS=2000 BENCH_TRANSACTIONS=4000 …     # data created in a fresh database (dropped at the end)
 *   BENCH_FIRST=50 …                                 # page size of (a) and (b)
 *   BENCH_TX_PERSON=0 …                              # (a) without the person edge (for builds that lack it)
 *   BENCH_PROFILE=1 …                                # CPU-profile the Gongji server; print its top packages/frames
 *   BENCH_ONLY=a,b,c …                               # only these queries
 *   BENCH_KEEP_DB=1 …                                # keep the bench database (prints its URL)
 *
 * Queries: (a) a page of transactions, newest first, with their postings, person and the person's region; (b) a
 * page of persons (by name) with region, pockets and funding sources (each with its provider); (c) the trivial
 * query `{ __typename }` through Gongji (with the same bearer token) and through bare graphql-js. Every server is its
 * own process in production mode; the load (autocannon, keep-alive, BENCH_CONNECTIONS connections) runs here. Each
 * measurement follows a warm-up; every server's answer is checked once (no errors, a full page) before it is timed.
 * Data: persons over the pooling regions with three pockets, relatives registered for one in three, and money only
 * through the ledger writer (contribution credits and settlements with three postings each).
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as argon2 from 'argon2';
import autocannon from 'autocannon';
import type { DataSource } from 'typeorm';
import {
  type Fen,
  InstitutionEntity,
  KinRelationEntity,
  LedgerWriter,
  PersonEntity,
  PocketEntity,
  PocketKind,
  ROOT,
  SystemAccount,
  UserEntity,
  auditLedger,
  cpuMs,
  createDataSource,
  freshDatabase,
  gql,
  makeIdNumber,
  pocketAccount,
  rssMiB,
  spawnHttpServer,
  startServer,
  stopServer,
  summarizeProfile,
  systemAccount,
} from './bench-support';

const BASE_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 12);
const WARMUP = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 3);
/** Alternating rounds per side (each BENCH_SECONDS / BENCH_ROUNDS long). */
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 4));
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const PERSONS = Number(process.env['BENCH_PERSONS'] ?? 2000);
const TRANSACTIONS = Number(process.env['BENCH_TRANSACTIONS'] ?? 4000);
const FIRST = Number(process.env['BENCH_FIRST'] ?? 50);
const TX_PERSON = process.env['BENCH_TX_PERSON'] !== '0';
const ONLY = new Set((process.env['BENCH_ONLY'] ?? 'a,b,c').split(','));
/** Keep the bench database afterwards (to EXPLAIN the pages' statements on the same data). */
const KEEP_DB = process.env['BENCH_KEEP_DB'] === '1';
const PROFILE_DIR =
  process.env['BENCH_PROFILE'] === '1' ? fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-prof-')) : null;

const PERSON_OF_TX = TX_PERSON ? 'person { id name idNumber region { code name } }' : 'personId';
const PG_PERSON_OF_TX = TX_PERSON
  ? 'personByPersonId { id name idNumber regionByRegionCode { code name } }'
  : 'personId';

const QUERIES = {
  a: {
    title: `(a) ${FIRST} transactions + postings${TX_PERSON ? ' + person + region' : ''}`,
    ours: `query Page($first: Int!) { transactions(first: $first) { edges { node { id kind status amount createdAt ${PERSON_OF_TX} postings { account pocket systemAccount amount } } } } }`,
    peer: `query Page($first: Int!) { allTransactions(first: $first, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_ASC]) { nodes { id kind status amount createdAt ${PG_PERSON_OF_TX} postingsByTransactionId(orderBy: SEQ_ASC) { nodes { accountType personId pocket systemAccount ref amount } } } } }`,
    page: (d: Record<string, unknown>, peer: boolean) =>
      peer
        ? (d['allTransactions'] as { nodes: unknown[] }).nodes
        : (d['transactions'] as { edges: unknown[] }).edges,
  },
  b: {
    title: `(b) ${FIRST} persons + region + pockets + funding sources`,
    ours: `query Page($first: Int!) { persons(first: $first) { edges { node { id name idNumber insuranceType region { code name } account { pockets { kind balance } total } fundingSources { relation position provider { id name } } } } } }`,
    peer: `query Page($first: Int!) { allPeople(first: $first, orderBy: [NAME_ASC, ID_NUMBER_ASC]) { nodes { id name idNumber insuranceType regionByRegionCode { code name } pocketsByPersonId { nodes { kind balance } } fundingSources(condition: { revokedAt: null }, orderBy: POSITION_ASC) { nodes { relation position provider { id name } } } } } }`,
    page: (d: Record<string, unknown>, peer: boolean) =>
      peer ? (d['allPeople'] as { nodes: unknown[] }).nodes : (d['persons'] as { edges: unknown[] }).edges,
  },
} as const;

interface Population {
  readonly username: string;
  readonly password: string;
}

/** Persons, pockets and relatives by multi-row inserts; money only through the ledger writer, as everywhere. */
async function populate(dataSource: DataSource): Promise<Population> {
  const now = new Date();
  const regions = (
    await dataSource.query(`SELECT code FROM regions WHERE "isPool" = true ORDER BY code LIMIT 300`)
  ).map((r: { code: string }) => r.code) as string[];
  if (regions.length === 0) throw new Error('no pooling regions in the database');
  const hospital = {
    id: randomUUID(),
    code: 'HREADS00001',
    name: '读压测医院',
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode: regions[0],
    designated: true,
    acceptsWallet: true,
    openToAll: true,
  };
  await dataSource.getRepository(InstitutionEntity).insert(hospital);
  const username = 'bench-reads-admin';
  const password = randomBytes(12).toString('base64url');
  await dataSource.getRepository(UserEntity).insert({
    id: randomUUID(),
    username,
    displayName: 'read benchmark',
    role: 'ADMIN',
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    createdAt: now,
    disabledAt: null,
  });
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';
  const ids: string[] = [];
  for (let start = 0; start < PERSONS; start += 500) {
    const chunk = Array.from({ length: Math.min(500, PERSONS - start) }, (_, k) => {
      const n = start + k;
      const year = 1945 + (n % 60);
      const birthDate = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      const region = regions[n % regions.length];
      return {
        id: randomUUID(),
        idNumber: makeIdNumber(region.slice(0, 6).padEnd(6, '0'), birthDate, 100 + (n % 800)),
        name: `${surnames[n % surnames.length]}${given[(n * 7) % given.length]}${given[(n * 13) % given.length]}${n}`,
        phone: null,
        birthDate,
        regionCode: region,
        insuranceType: n % 5 === 4 ? 'RESIDENT' : 'EMPLOYEE',
        employmentStatus: n % 5 === 4 ? null : year < 1965 ? 'RETIRED' : 'IN_SERVICE',
        realNameVerified: true,
        paymentPasswordHash: null,
        paymentPasswordSetAt: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await dataSource.getRepository(PersonEntity).insert(chunk);
    await dataSource.getRepository(PocketEntity).insert(
      chunk.flatMap((p) =>
        [PocketKind.EARMARKED, PocketKind.LEGACY, PocketKind.WALLET].map((kind) => ({
          id: randomUUID(),
          personId: p.id,
          kind,
          balance: 0n,
          updatedAt: now,
        })),
      ),
    );
    ids.push(...chunk.map((p) => p.id));
  }
  const relations = [];
  for (let i = 0; i + 2 < ids.length; i += 3) {
    const providers = i % 2 === 0 ? [ids[i + 1]] : [ids[i + 1], ids[i + 2]];
    relations.push(
      ...providers.map((providerId, k) => ({
        id: randomUUID(),
        providerId,
        beneficiaryId: ids[i],
        relation: k === 0 ? 'SPOUSE' : 'CHILD',
        channel: 'COUNTER',
        position: k + 1,
        registeredOn: '2023-01-01',
        proxyOnly: false,
        createdAt: now,
        revokedAt: null,
      })),
    );
  }
  for (let start = 0; start < relations.length; start += 500)
    await dataSource.getRepository(KinRelationEntity).insert(relations.slice(start, start + 500));

  // Money: one contribution credit per person first, then settlements and credits until TRANSACTIONS.
  const writer = new LedgerWriter(dataSource);
  let next = 0;
  const one = async (i: number) => {
    const personId = ids[i % ids.length];
    const credit = i < ids.length || i % 3 === 0;
    const amount = BigInt(credit ? 200_000 + (i % 50) * 100 : 1_000 + (i % 40) * 50);
    await writer.execute({
      clientId: 'bench-reads',
      operation: credit ? 'credit' : 'settlement',
      idempotencyKey: `reads-${i}`,
      request: {},
      personIds: [personId],
      decide: async () => ({
        payload: {},
        transaction: credit
          ? {
              kind: 'CONTRIBUTION_CREDIT',
              amount,
              personId,
              explanation: [{ rule: 'R-ACC-4', message: 'benchmark contribution' }],
              postings: [
                { account: systemAccount(SystemAccount.CONTRIBUTION_SOURCE), amount: -amount as Fen },
                { account: pocketAccount(personId, PocketKind.EARMARKED), amount: amount as Fen },
              ],
            }
          : {
              kind: 'SETTLEMENT',
              amount: amount * 2n,
              personId,
              institutionId: hospital.id,
              serviceDate: '2026-06-01',
              explanation: [{ rule: 'R-SET-1', message: 'benchmark settlement' }],
              postings: [
                { account: pocketAccount(personId, PocketKind.EARMARKED), amount: -amount as Fen },
                { account: systemAccount(SystemAccount.FUND_POOL), amount: -amount as Fen },
                {
                  account: systemAccount(SystemAccount.INSTITUTION, hospital.id),
                  amount: (amount * 2n) as Fen,
                },
              ],
            },
      }),
    });
  };
  const worker = async () => {
    while (next < Math.max(TRANSACTIONS, ids.length)) await one(next++);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { username, password };
}

interface Measured {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** The server process's CPU time per request (user + system), ms. */
  readonly cpu: number;
}

async function load(server: Server, body: string, token: string | null, seconds: number): Promise<Measured> {
  const url = server.url;
  const cpu0 = cpuMs(server.child.pid as number);
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpu: (cpuMs(server.child.pid as number) - cpu0) / Math.max(1, result.requests.total),
  };
}

/** One checked answer, then a warm-up, then the timed run. */
interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

interface Side {
  readonly server: Server;
  readonly query: string;
  readonly token: string | null;
  readonly check: (data: Record<string, unknown>) => void;
}

/**
 * Both sides answer once (checked), warm up, then run in alternating rounds (ours, theirs, ours, theirs …) of
 * BENCH_SECONDS / BENCH_ROUNDS each, so a change in the machine's load during the run hits both alike. req/s and
 * CPU are totals over the rounds; p50 and p99 are the means of the rounds' percentiles.
 */
async function compare(a: Side, b: Side): Promise<[Measured, Measured]> {
  const bodies: string[] = [];
  for (const side of [a, b]) {
    const res = await gql<{ data?: Record<string, unknown>; errors?: unknown[] }>(
      side.server.url,
      side.query,
      { first: FIRST },
      side.token ?? undefined,
    );
    if (res.errors || !res.data) throw new Error(`${side.server.url}: ${JSON.stringify(res).slice(0, 2000)}`);
    side.check(res.data);
    const body = JSON.stringify({ query: side.query, variables: { first: FIRST } });
    bodies.push(body);
    if (WARMUP > 0) await load(side.server, body, side.token, WARMUP);
  }
  const rounds: [Measured[], Measured[]] = [[], []];
  const seconds = Math.max(1, Math.round(SECONDS / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) {
    rounds[0].push(await load(a.server, bodies[0], a.token, seconds));
    rounds[1].push(await load(b.server, bodies[1], b.token, seconds));
  }
  const total = (ms: Measured[]): Measured => {
    const requests = ms.reduce((sum, m) => sum + m.rps * seconds, 0);
    const mean = (f: (m: Measured) => number) => ms.reduce((sum, m) => sum + f(m), 0) / ms.length;
    return {
      rps: requests / (seconds * ms.length),
      p50: mean((m) => m.p50),
      p99: mean((m) => m.p99),
      errors: ms.reduce((sum, m) => sum + m.errors, 0),
      cpu: ms.reduce((sum, m) => sum + m.cpu * m.rps * seconds, 0) / Math.max(1, requests),
    };
  };
  return [total(rounds[0]), total(rounds[1])];
}

async function main(): Promise<void> {
  if (!BASE_URL.startsWith('postgres')) throw new Error('the read bench compares on PostgreSQL only');
  const db = await freshDatabase(BASE_URL, 'gongji_bench_reads');
  const servers: Server[] = [];
  const dataSource = createDataSource({ url: db.url, migrationsRun: false });
  try {
    // The per-caller rate limit stays on (its cost is part of every request) with a budget the bench never reaches.
    const ours = await startServer(db.url, PROFILE_DIR, { GONGJI_RATE_LIMITS: 'user=100000000' });
    servers.push(ours);
    await dataSource.initialize();
    const t0 = Date.now();
    const pop = await populate(dataSource);
    const [{ n: txCount }] = await dataSource.query(`SELECT COUNT(*)::int AS n FROM transactions`);
    const [{ n: postingCount }] = await dataSource.query(`SELECT COUNT(*)::int AS n FROM postings`);
    console.log(
      `data: ${PERSONS} persons, ${txCount} transactions, ${postingCount} postings (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
    await dataSource.query('ANALYZE');
    const peerScript = path.join(ROOT, 'tools/bench/read-peers.mjs');
    const postgraphile = await spawnHttpServer([peerScript], {
      PEER: 'postgraphile',
      DATABASE_URL: db.url,
      NODE_ENV: 'production',
    });
    servers.push(postgraphile);
    const bare = await spawnHttpServer([peerScript], { PEER: 'graphql-js', NODE_ENV: 'production' });
    servers.push(bare);
    const login = await gql<{ data: { sessionCreate: { token: string } } }>(
      ours.url,
      'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token } }',
      { u: pop.username, p: pop.password },
    );
    const token = login.data.sessionCreate.token;

    const rows: string[] = [];
    const row = (query: string, server: string, m: Measured, ratio: string) =>
      rows.push(
        `| ${query} | ${server} | ${m.rps.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${ratio} | ${m.cpu.toFixed(2)} |${m.errors ? ` ${m.errors} errors` : ''}`,
      );
    for (const key of ['a', 'b'] as const) {
      if (!ONLY.has(key)) continue;
      const q = QUERIES[key];
      const full = (peer: boolean) => (data: Record<string, unknown>) => {
        const n = q.page(data, peer).length;
        if (n !== FIRST)
          throw new Error(`${q.title}: ${peer ? 'PostGraphile' : 'Gongji'} answered ${n} items`);
      };
      const [mine, theirs] = await compare(
        { server: ours, query: q.ours, token, check: full(false) },
        { server: postgraphile, query: q.peer, token: null, check: full(true) },
      );
      row(q.title, 'Gongji', mine, (mine.rps / theirs.rps).toFixed(2));
      row(q.title, 'PostGraphile 5.1.5', theirs, '1.00');
    }
    if (ONLY.has('c')) {
      const [mine, theirs] = await compare(
        { server: ours, query: '{ __typename }', token, check: () => undefined },
        { server: bare, query: '{ ok }', token: null, check: () => undefined },
      );
      row('(c) trivial `{ __typename }`', 'Gongji', mine, (mine.rps / theirs.rps).toFixed(2));
      row('(c) trivial', `bare graphql-js ${require('graphql/package.json').version}`, theirs, '1.00');
    }
    const report = await auditLedger(dataSource);
    console.log(
      `\nReads on PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s a side in ${ROUNDS} alternating rounds after ${WARMUP} s warm-up (node ${process.version}, NODE_ENV=production, Gongji RSS ${rssMiB(ours.child.pid as number).toFixed(0)} MiB)`,
    );
    console.log('| query | server | req/s | p50 ms | p99 ms | ratio | server CPU ms/req |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
    console.log(
      `\nledger audit: ${report.transactions} transactions, ${report.postings} postings, ${report.violations.length} violations`,
    );
    if (report.violations.length) process.exitCode = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    for (const s of servers) await stopServer(s.child);
    if (KEEP_DB) console.log(`kept the database: ${db.url}`);
    else await db.drop();
    if (PROFILE_DIR) summarizeProfile(PROFILE_DIR, 'the Gongji server');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
