import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FaultProxy } from '../testing/fault-proxy';
import { PgCluster } from '@gongji/persistence/testing';
import { snapshotBuiltApi } from './api-snapshot';
import { createDataSource, freePort, freshDatabase, startServer } from './chaos-support';
import { type CheckResult, runChecks } from './checks';
import { type ApiSlot, call } from './client';
import { type ApiProcess, FAULT_KINDS, type FaultRecord, FaultInjector, planFaults } from './faults';
import { LogScanner } from './logs';
import { createPopulation } from './population';
import { Rng } from './rng';
import { todayInChina } from '../generate/cli-support';
import { FIRST_MONTH, OP_KINDS, type Op, Workload, monthsAvailable } from './workload';

export interface ChaosOptions {
  readonly seed: number;
  readonly durationS: number;
  readonly clients: number;
  /** Faults over the run (at least one of each of the six kinds when ≥ 6). */
  readonly faults: number;
  readonly clientTimeoutMs: number;
  /** Port of the throwaway PostgreSQL cluster (0: any free port). */
  readonly pgPort: number;
  readonly families: number;
  readonly pairs: number;
  readonly log: (line: string) => void;
}

export interface ChaosReport {
  readonly options: Omit<ChaosOptions, 'log'>;
  readonly ops: readonly Op[];
  readonly faults: readonly FaultRecord[];
  readonly checks: readonly CheckResult[];
  readonly crashes: readonly string[];
  readonly loadSeconds: number;
  readonly violations: number;
  /** The API processes' most frequent log messages (level: message → count). */
  readonly logTop: readonly [string, number][];
}

/** The environment of every API process: one shared secret (a token works on both), limits out of the way. */
function apiEnv(): Record<string, string> {
  return {
    GONGJI_SECRET: randomBytes(36).toString('base64'),
    GONGJI_RATE_LIMITS: 'anonymous=100000,user=10000000,client=10000000',
    GONGJI_REQUEST_TIMEOUT_MS: '20000',
  };
}

/**
 * The bank test (issue #11): a throwaway PostgreSQL cluster, a fault proxy in front of it, two production API
 * processes behind the clients, a seeded population and workload, a seeded fault schedule; then heal, resolve
 * every unknown outcome with its key, and check the ledger.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { log } = options;
  const rng = new Rng(options.seed);
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  let cluster: PgCluster | undefined;
  let dataSource: DataSource | undefined;
  try {
    const build = await snapshotBuiltApi();
    cleanups.push(() => build.remove());
    process.env['BENCH_API_MAIN'] = build.main;
    cluster = await PgCluster.primary({
      port: options.pgPort || (await freePort()),
      // Acknowledged commits must survive the immediate stops (a crash of PostgreSQL, not of the machine): WAL is
      // written at commit; fsync is off in these throwaway clusters because the OS itself never crashes here.
      settings: { synchronous_commit: 'on', max_connections: 200, shared_buffers: "'64MB'" },
    });
    cleanups.push(() => cluster?.destroy());
    const db = await freshDatabase(cluster.url(), 'gongji_chaos');
    const proxy = new FaultProxy({ host: '127.0.0.1', port: cluster.port });
    const proxyPort = await proxy.start();
    cleanups.push(() => proxy.stop());
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxyPort);
    log(`PostgreSQL ${cluster.dataDir} on ${cluster.port}, fault proxy on ${proxyPort}`);

    const env = apiEnv();
    const logs = new LogScanner();
    const apis: ApiProcess[] = [];
    for (const name of ['api0', 'api1']) {
      // One after the other: the first runs the migrations.
      const server = await startServer(viaProxy.toString(), null, env);
      const slot: ApiSlot = { name, url: server.url, inflight: 0 };
      const api: ApiProcess = {
        slot,
        child: server.child,
        planned: false,
        crashes: [],
        restart: async () => {
          // A new port: the clients read the slot's URL on every attempt.
          const s = await startServer(viaProxy.toString(), null, env);
          watch(api, s.child);
          logs.attach(s.child);
          slot.url = s.url;
          return s.child;
        },
      };
      watch(api, server.child);
      logs.attach(server.child);
      apis.push(api);
      cleanups.push(() => {
        api.planned = true;
        api.child.kill('SIGCONT');
        api.child.kill('SIGKILL');
      });
    }
    log(`API processes (NODE_ENV=production) at ${apis.map((a) => a.slot.url).join(', ')}`);

    dataSource = createDataSource({ url: db.url, migrationsRun: false });
    await dataSource.initialize();
    const pop = await createPopulation(dataSource, apis[0].slot.url, {
      families: options.families,
      pairs: options.pairs,
    });
    const creditKeys = await creditTakesKey(apis[0].slot.url, pop.token);
    // The contribution calendar runs back from the current month (the API refuses a month that has not come, R-ACC-4).
    const currentMonth = todayInChina().slice(0, 7);
    log(
      `contribution months: ${currentMonth} back to ${FIRST_MONTH} (${monthsAvailable(currentMonth)} per family or pair, then no more credits)`,
    );
    const workload = new Workload(
      pop,
      apis.map((a) => a.slot),
      {
        clientTimeoutMs: options.clientTimeoutMs,
        inlineAttempts: 8,
        runId: `${options.seed}-${Date.now().toString(36)}`,
        creditKeys,
        currentMonth,
      },
    );
    const opening = await workload.openingCredit();
    if (opening.state !== 'applied')
      throw new Error(`opening credit failed: ${opening.state} ${opening.refusal}`);
    log(
      `contributionsCredit ${creditKeys ? 'takes an idempotency key: sent' : 'has no idempotency key: the person-month is the key'}`,
    );
    log(
      `population: ${pop.families.length} families (2 providers + 1 beneficiary, Beijing), ${pop.pairs.length} wallet pairs (Hebei ↔ Shandong)`,
    );

    const durationMs = options.durationS * 1000;
    const plan = planFaults(rng.fork(1_000_000), durationMs, options.faults, apis.length);
    const injector = new FaultInjector(apis, cluster, proxy, log);
    const started = Date.now();
    const deadline = started + durationMs;
    log(
      `load: ${options.clients} clients for ${options.durationS} s, ${plan.length} faults planned (seed ${options.seed})`,
    );
    const progress = setInterval(() => {
      const answered = workload.ops.filter((o) => o.state !== 'pending').length;
      log(
        `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${answered} operations answered, ${injector.done.length} faults`,
      );
    }, 15_000);
    await Promise.all([
      injector.run(plan, started, deadline),
      ...Array.from({ length: options.clients }, (_, n) => workload.client(n, rng.fork(n), deadline)),
    ]);
    clearInterval(progress);
    const loadSeconds = (Date.now() - started) / 1000;

    log('healing every fault, then resolving unknown outcomes with their keys');
    await injector.healAll();
    await workload.resolveUnknown(180_000);

    log('checking');
    const checks = [...(await runChecks(dataSource, workload.ops, pop)), logs.check(pop)];
    const crashes = apis.flatMap((a) => a.crashes);
    const violations = checks.reduce((n, c) => n + c.violations.length, 0);
    return {
      options: { ...options, log: undefined } as unknown as Omit<ChaosOptions, 'log'>,
      ops: workload.ops,
      faults: injector.done,
      checks,
      crashes,
      loadSeconds,
      violations,
      logTop: logs.top(8),
    };
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch {
        // best effort: the cluster removes itself at exit too
      }
    }
  }
}

/**
 * Whether contributionsCredit takes an idempotency key in the build under test (optional in the schema, issue #11).
 * Production servers answer no introspection, so ask with an empty batch: an unknown field fails validation.
 */
async function creditTakesKey(url: string, token: string): Promise<boolean> {
  try {
    await call(
      url,
      token,
      'mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) { userErrors { code } } }',
      { i: { month: FIRST_MONTH, rows: [], idempotencyKey: 'chaos-probe' } },
    );
    return true;
  } catch {
    return false;
  }
}

/** An exit the injector did not cause is a crash of the API: recorded and reported. */
function watch(api: ApiProcess, child: ApiProcess['child']): void {
  child.once('exit', (code, signal) => {
    if (!api.planned && child === api.child)
      api.crashes.push(`${api.slot.name} exited by itself (code ${code}, signal ${signal})`);
  });
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');

/** The printed report: operations by kind and outcome, unknown-outcome causes, faults by kind, checks, violations. */
export function formatReport(r: ChaosReport): string {
  const lines: string[] = [];
  const o = r.options;
  const answered = r.ops.filter((x) => x.state !== 'pending');
  lines.push(
    `\nChaos bank test — seed ${o.seed}, ${o.clients} clients, ${o.durationS} s (load ran ${r.loadSeconds.toFixed(0)} s), 2 API processes (NODE_ENV=production), client timeout ${o.clientTimeoutMs} ms`,
  );
  lines.push(
    `${answered.length} operations, ${(answered.length / r.loadSeconds).toFixed(0)}/s, ${r.faults.length} faults\n`,
  );
  lines.push(
    '| operation | total | applied | refused (userErrors) | had an unknown outcome | of which resolved by retry with its key | still unknown | attempts |',
  );
  lines.push('|---|---|---|---|---|---|---|---|');
  const row = (name: string, list: readonly Op[]) => {
    const had = list.filter((x) => x.unknownReasons.length > 0);
    lines.push(
      `| ${name} | ${list.length} | ${list.filter((x) => x.state === 'applied').length} | ${list.filter((x) => x.state === 'refused').length} | ${had.length} | ${had.filter((x) => x.state === 'applied' || x.state === 'refused').length} | ${list.filter((x) => x.state === 'unknown' || x.state === 'pending').length} | ${list.reduce((n, x) => n + x.attempts, 0)} |`,
    );
  };
  for (const kind of OP_KINDS)
    row(
      kind,
      r.ops.filter((x) => x.kind === kind),
    );
  row('**all**', r.ops);

  const refusals = count(
    r.ops.filter((x) => x.state === 'refused' || x.state === 'rejected').map((x) => `${x.kind} ${x.refusal}`),
  );
  if (refusals.size) {
    lines.push('\n| refusal (a definitive answer, no money moved) | count |\n|---|---|');
    for (const [k, n] of [...refusals].sort((a, b) => b[1] - a[1])) lines.push(`| ${k} | ${n} |`);
  }
  const reasons = count(r.ops.flatMap((x) => x.unknownReasons));
  const attempts = r.ops.reduce((n, x) => n + x.attempts, 0);
  lines.push(
    '\n| answer that left the outcome unknown (retried with the same key) | count | share of attempts |\n|---|---|---|',
  );
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1]))
    lines.push(`| ${k} | ${n} | ${pct(n, attempts)} |`);

  lines.push('\n| fault | count | total duration ms | mean time to healed ms |\n|---|---|---|---|');
  for (const kind of FAULT_KINDS) {
    const list = r.faults.filter((f) => f.kind === kind);
    lines.push(
      `| ${kind} | ${list.length} | ${list.reduce((n, f) => n + f.durationMs, 0)} | ${list.length ? Math.round(list.reduce((n, f) => n + f.healedAfterMs, 0) / list.length) : '–'} |`,
    );
  }
  lines.push(`| **all** | ${r.faults.length} | | |`);
  if (r.crashes.length)
    lines.push(`\nAPI processes that exited without being killed: ${r.crashes.join('; ')}`);

  if (r.logTop.length) {
    lines.push('\n| most frequent API log messages | lines |\n|---|---|');
    for (const [m, n] of r.logTop) lines.push(`| ${m.replaceAll('|', '/')} | ${n} |`);
  }
  lines.push('\n| check | checked | violations |\n|---|---|---|');
  for (const c of r.checks) lines.push(`| ${c.name} | ${c.checked} | ${c.violations.length} |`);
  lines.push(`\nviolations: ${r.violations}`);
  for (const c of r.checks) for (const v of c.violations) lines.push(`VIOLATION [${c.name}] ${v}`);
  lines.push(r.violations === 0 ? 'chaos bank test OK' : 'chaos bank test FAILED');
  return lines.join('\n');
}

function count(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}
