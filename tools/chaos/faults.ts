import type { ChildProcess } from 'node:child_process';
import type { FaultProxy } from '../testing/fault-proxy';
import type { PgCluster } from '@gongji/persistence/testing';
import type { ApiSlot } from './client';
import type { Rng } from './rng';

export const FAULT_KINDS = [
  'api-sigkill',
  'api-sigstop',
  'pg-immediate-restart',
  'proxy-reset',
  'proxy-stall',
  'proxy-latency',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface PlannedFault {
  /** ms after the load started. */
  readonly at: number;
  readonly kind: FaultKind;
  /** API process 0 or 1 (process faults). */
  readonly target: number;
  /** How long the fault lasts (down, frozen, stalled, slow), ms. */
  readonly durationMs: number;
  /** Added latency for proxy-latency, ms. */
  readonly latencyMs: number;
}

export interface FaultRecord extends PlannedFault {
  readonly startedAt: number;
  /** What happened (connections reset, restart time…). */
  detail: string;
  /** From injection until the fault was healed (process back and answering), ms. */
  healedAfterMs: number;
}

/**
 * The schedule, a pure function of the seed: `count` faults spread evenly over the first 85 % of the run with
 * jitter; the first six are a permutation of all kinds, so every kind happens at least once in any run of six or
 * more faults, the rest are drawn at random.
 */
export function planFaults(rng: Rng, durationMs: number, count: number, apis: number): PlannedFault[] {
  const span = durationMs * 0.85;
  const step = span / count;
  const kinds = [
    ...rng.shuffle(FAULT_KINDS),
    ...Array.from({ length: Math.max(0, count - FAULT_KINDS.length) }, () => rng.pick(FAULT_KINDS)),
  ].slice(0, count);
  return kinds.map((kind, i) => ({
    at: Math.round(step * (i + 0.25 + 0.5 * rng.next())),
    kind,
    target: rng.int(0, apis - 1),
    durationMs:
      kind === 'api-sigkill'
        ? rng.int(300, 1_500)
        : kind === 'api-sigstop'
          ? rng.int(1_000, 4_000)
          : kind === 'pg-immediate-restart'
            ? rng.int(500, 2_500)
            : kind === 'proxy-stall'
              ? rng.int(1_000, 4_000)
              : kind === 'proxy-latency'
                ? rng.int(2_000, 6_000)
                : 0,
    latencyMs: kind === 'proxy-latency' ? rng.int(50, 300) : 0,
  }));
}

/** An API process the injector may kill, freeze and restart. */
export interface ApiProcess {
  readonly slot: ApiSlot;
  child: ChildProcess;
  /** Starts a new process and points the slot at it. */
  restart(): Promise<ChildProcess>;
  /** True while the injector itself stopped or killed it (so an exit is not reported as a crash). */
  planned: boolean;
  /** Exits nobody asked for (the process crashed by itself). */
  readonly crashes: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once('exit', r));
}

export class FaultInjector {
  readonly done: FaultRecord[] = [];

  constructor(
    private readonly apis: readonly ApiProcess[],
    private readonly cluster: PgCluster,
    private readonly proxy: FaultProxy,
    private readonly log: (line: string) => void,
  ) {}

  /** Runs the plan in order, one fault at a time, each healed before the next; stops early at `deadline`. */
  async run(plan: readonly PlannedFault[], started: number, deadline: number): Promise<void> {
    for (const fault of plan) {
      const wait = started + fault.at - Date.now();
      if (wait > 0) await sleep(wait);
      if (Date.now() >= deadline) break;
      const record: FaultRecord = { ...fault, startedAt: Date.now() - started, detail: '', healedAfterMs: 0 };
      const t0 = Date.now();
      await this.inject(record);
      record.healedAfterMs = Date.now() - t0;
      this.done.push(record);
      this.log(
        `fault ${this.done.length}: ${fault.kind}${isProcessFault(fault.kind) ? ` api${fault.target}` : ''} at ${(record.startedAt / 1000).toFixed(1)} s — ${record.detail} (healed after ${record.healedAfterMs} ms)`,
      );
    }
  }

  private async inject(f: FaultRecord): Promise<void> {
    const api = this.apis[f.target];
    switch (f.kind) {
      case 'api-sigkill': {
        // Mid-request: wait (briefly) until the process has requests in flight.
        const until = Date.now() + 2_000;
        while (api.slot.inflight === 0 && Date.now() < until) await sleep(5);
        const inflight = api.slot.inflight;
        api.planned = true;
        api.child.kill('SIGKILL');
        await exited(api.child);
        await sleep(f.durationMs);
        const t = Date.now();
        await this.restart(api);
        f.detail = `${inflight} requests in flight; restarted in ${Date.now() - t} ms`;
        return;
      }
      case 'api-sigstop': {
        const inflight = api.slot.inflight;
        api.planned = true;
        api.child.kill('SIGSTOP');
        await sleep(f.durationMs);
        api.child.kill('SIGCONT');
        api.planned = false;
        f.detail = `frozen ${f.durationMs} ms with ${inflight} requests in flight`;
        return;
      }
      case 'pg-immediate-restart': {
        await this.cluster.stop('immediate');
        await sleep(f.durationMs);
        const t = Date.now();
        await this.cluster.start();
        f.detail = `down ${f.durationMs} ms, recovery and start ${Date.now() - t} ms`;
        return;
      }
      case 'proxy-reset':
        f.detail = `${this.proxy.reset()} database connections reset`;
        return;
      case 'proxy-stall':
        this.proxy.stall(f.durationMs);
        await sleep(f.durationMs);
        this.proxy.heal();
        f.detail = `all database traffic stalled ${f.durationMs} ms`;
        return;
      case 'proxy-latency':
        this.proxy.latency(f.latencyMs);
        await sleep(f.durationMs);
        this.proxy.heal();
        f.detail = `+${f.latencyMs} ms per packet for ${f.durationMs} ms`;
        return;
    }
  }

  /**
   * Starts the process again, retrying for up to two minutes while the database is not ready yet (or while a
   * concurrent `nx run api:build` has removed dist/apps/api for a moment).
   */
  async restart(api: ApiProcess): Promise<void> {
    const until = Date.now() + 120_000;
    for (let i = 1; ; i++) {
      try {
        api.child = await api.restart();
        api.planned = false;
        return;
      } catch (err) {
        if (Date.now() > until) throw err;
        this.log(
          `restart of ${api.slot.name} failed (attempt ${i}), retrying: ${(err as Error).message.slice(0, 200)}`,
        );
        await sleep(1_000);
      }
    }
  }

  /** Everything back to normal: proxy healed, database up, both processes running and not frozen. */
  async healAll(): Promise<void> {
    this.proxy.heal();
    if (!(await this.cluster.isRunning())) await this.cluster.start();
    for (const api of this.apis) {
      if (api.child.exitCode !== null || api.child.signalCode !== null) await this.restart(api);
      else api.child.kill('SIGCONT');
    }
  }
}

export function isProcessFault(kind: FaultKind): boolean {
  return kind === 'api-sigkill' || kind === 'api-sigstop';
}
