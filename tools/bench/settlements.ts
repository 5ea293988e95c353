/**
 * Benchmark: settlements per second through the real API (HTTP, GraphQL, ledger writer) at several concurrencies.
 *
 *   npm run bench:settlements                      # PostgreSQL at postgres://postgres@127.0.0.1:5432/test (default)
 *   BENCH_DATABASE_URL=sqlite:tmp/bench.sqlite npm run bench:settlements   # embedded SQLite
 *
 * It builds nothing: run `npx nx run api:build` first (the npm script does). A fresh database is created, the built
 * server is started as a child process (demo data + reference data), 200 patients get opening balances through the
 * ledger writer, then outpatient settlements (E_VOUCHER, 50.00 each, unique idempotency keys) are fired for a fixed
 * count at each concurrency. Prints a table (throughput, latency percentiles, server RSS), then audits the ledger.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import {
  type Fen,
  PocketKind,
  SystemAccount,
  makeIdNumber,
  pocketAccount,
  systemAccount,
  auditLedger,
  createDataSource,
  LedgerWriter,
  PersonEntity,
  PocketEntity,
} from './bench-support';

const ROOT = path.resolve(__dirname, '../..');
const BASE_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const PATIENTS = 200;
const PER_RUN = Number(process.env['BENCH_REQUESTS'] ?? 2000);
const CONCURRENCIES = (process.env['BENCH_CONCURRENCY'] ?? '1,4,16,32').split(',').map(Number);

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!BASE_URL.startsWith('postgres')) {
    const file = BASE_URL.replace(/^sqlite:/, '');
    fs.rmSync(file, { force: true });
    return { url: BASE_URL, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const name = `gongji_bench_${Date.now()}`;
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: BASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const main = path.join(ROOT, 'dist/apps/api/main.js');
  if (!fs.existsSync(main))
    throw new Error('dist/apps/api/main.js is missing: run `npx nx run api:build` first');
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      GONGJI_ADMIN_DIR: '',
      LOG_LEVEL: 'warn',
    },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /GraphQL (http:\/\/localhost:\d+)\/graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  const server = await startServer(db.url);
  const dataSource = createDataSource({ url: db.url, migrationsRun: false });
  await dataSource.initialize();
  try {
    // Patients with opening balances, through the ledger writer so the audit holds.
    const writer = new LedgerWriter(dataSource);
    const patients: string[] = [];
    for (let i = 0; i < PATIENTS; i++) {
      const id = randomUUID();
      const now = new Date();
      await dataSource.getRepository(PersonEntity).insert({
        id,
        idNumber: makeIdNumber('110105', '1980-01-01', 100 + i),
        name: `压测${i}`,
        phone: null,
        birthDate: '1980-01-01',
        regionCode: '110000',
        insuranceType: 'EMPLOYEE',
        employmentStatus: 'IN_SERVICE',
        realNameVerified: true,
        createdAt: now,
        updatedAt: now,
      });
      for (const kind of ['EARMARKED', 'LEGACY', 'WALLET']) {
        await dataSource
          .getRepository(PocketEntity)
          .insert({ id: randomUUID(), personId: id, kind, balance: 0n, updatedAt: now });
      }
      await writer.execute({
        clientId: 'bench',
        operation: 'opening',
        idempotencyKey: id,
        request: {},
        personIds: [id],
        decide: async () => ({
          payload: {},
          transaction: {
            kind: 'CONTRIBUTION_CREDIT',
            amount: 10_000_000n,
            personId: id,
            explanation: [{ rule: 'R-ACC-4', message: 'benchmark opening balance' }],
            postings: [
              { account: systemAccount(SystemAccount.CONTRIBUTION_SOURCE), amount: -10_000_000n as Fen },
              { account: pocketAccount(id, PocketKind.EARMARKED), amount: 10_000_000n as Fen },
            ],
          },
        }),
      });
      patients.push(id);
    }
    const hospital = (
      (await dataSource.query(`SELECT id FROM institutions WHERE code = 'H11010100001'`)) as { id: string }[]
    )[0].id;
    const login = await gql<{ data: { sessionCreate: { token: string } } }>(
      server.url,
      'mutation { sessionCreate(input: { username: "admin", password: "gongji-admin-demo" }) { token } }',
      {},
    );
    const token = login.data.sessionCreate.token;
    const query = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) { transaction { id } userErrors { code } } }`;

    const rows: string[] = [];
    let seq = 0;
    for (const concurrency of CONCURRENCIES) {
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      const started = process.hrtime.bigint();
      const worker = async () => {
        while (next < PER_RUN) {
          next++;
          const i = seq++;
          const t0 = process.hrtime.bigint();
          const r = await gql<{ data?: { settlementConfirm: { transaction: { id: string } | null } } }>(
            server.url,
            query,
            {
              input: {
                patientId: patients[i % PATIENTS],
                institutionId: hospital,
                visitType: 'OUTPATIENT',
                serviceDate: '2025-06-01',
                covered: '50.00',
                outOfCatalogue: '0.00',
                excluded: '0.00',
                channel: 'E_VOUCHER',
                idempotencyKey: `bench-${i}`,
              },
            },
            token,
          );
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (!r.data?.settlementConfirm.transaction) errors++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      rows.push(
        `| ${concurrency} | ${PER_RUN} | ${(PER_RUN / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${errors} | ${rssMiB(server.child.pid as number).toFixed(0)} |`,
      );
    }
    const report = await auditLedger(dataSource);
    console.log(
      `\nSettlements through HTTP on ${BASE_URL.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'} (node ${process.version}, ${PATIENTS} patients)`,
    );
    console.log(
      '| concurrency | requests | settlements/s | p50 ms | p95 ms | p99 ms | errors | server RSS MiB |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    console.log(
      `\nledger audit: ${report.transactions} transactions, ${report.postings} postings, ${report.violations.length} violations`,
    );
    if (report.violations.length) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
