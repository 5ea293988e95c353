import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { analystReadCounts } from '@gongji/persistence';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GraphQLContext } from '../context';

/**
 * Operation names that become a label: GraphQL names of at most 64 characters. Anything else (a 400 kB name, which
 * the auditor sent by the hundred) is counted as `other`: every label value is a time series kept for the life of the
 * process and printed on every scrape.
 */
const LABEL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** Distinct operation names labelled; further names count as `other`. */
export const MAX_OPERATION_LABELS = 200;
/** Of those, the names anonymous callers may add. */
export const MAX_ANONYMOUS_OPERATION_LABELS = 50;
/** Distinct error codes labelled; further codes count as `other` (the API has about 25). */
export const MAX_CODE_LABELS = 64;

/**
 * A bounded set of label values: a value is its own label once admitted (at most `max` distinct values, each a short
 * name), `other` otherwise. Anonymous callers admit at most `maxAnonymous` of them, so a flood of made-up names sent
 * without credentials cannot push the console's and the portals' operations out of the metrics.
 */
export class BoundedLabels {
  private readonly known = new Set<string>();
  private anonymous = 0;
  constructor(
    private readonly max: number,
    private readonly pattern: RegExp = LABEL_NAME,
    private readonly maxAnonymous = max,
  ) {}

  get size(): number {
    return this.known.size;
  }

  label(value: string, anonymous = false): string {
    if (this.known.has(value)) return value;
    if (this.known.size >= this.max || (anonymous && this.anonymous >= this.maxAnonymous)) return 'other';
    if (value.length > 64 || !this.pattern.test(value)) return 'other';
    this.known.add(value);
    if (anonymous) this.anonymous += 1;
    return value;
  }
}

/** What a bounded cache reports (http/bounded-cache.ts). */
export interface CacheSize {
  readonly size: number;
  readonly bytes: number;
}

/** Prometheus metrics (prom-client): process defaults plus GraphQL operations by name and outcome. */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Counter({
    name: 'gongji_graphql_operations_total',
    help: 'GraphQL operations by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'gongji_graphql_duration_seconds',
    help: 'GraphQL operation duration',
    labelNames: ['type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'gongji_graphql_errors_total',
    help: 'Top-level GraphQL errors by extensions.code (userErrors are business outcomes, not counted here)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitRefusals = new Counter({
    name: 'gongji_rate_limited_total',
    help: 'Requests refused with RATE_LIMITED, by kind of caller',
    labelNames: ['caller'] as const,
    registers: [this.registry],
  });
  private readonly ledgerTransactions = new Counter({
    name: 'gongji_ledger_transactions_total',
    help: 'Committed ledger transactions by kind (replays and refusals excluded)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  /** Which database node served analysts' reads (issue #11: replica when DATABASE_REPLICA_URLS is set). */
  private readonly databaseReads = new Counter({
    name: 'gongji_db_reads_total',
    help: "Analysts' read statements by query and the database node that served them (primary or replica)",
    labelNames: ['query', 'node'] as const,
    registers: [this.registry],
    collect() {
      this.reset();
      for (const [query, byNode] of analystReadCounts())
        for (const node of ['primary', 'replica'] as const) this.inc({ query, node }, byNode[node]);
    },
  });

  /** The label values of `operation` and `code` (bounded: see {@link BoundedLabels}). */
  readonly operationLabels = new BoundedLabels(
    MAX_OPERATION_LABELS,
    LABEL_NAME,
    MAX_ANONYMOUS_OPERATION_LABELS,
  );
  readonly codeLabels = new BoundedLabels(MAX_CODE_LABELS, /^[A-Z][A-Z0-9_]{0,63}$/);

  private readonly caches = new Map<string, () => CacheSize>();
  private readonly cacheEntries = new Gauge({
    name: 'gongji_gateway_cache_entries',
    help: 'Entries of the gateway caches keyed by what callers send (parsed documents, persisted operations)',
    labelNames: ['cache'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [cache, size] of this.caches) this.cacheEntries.set({ cache }, size().size);
    },
  });
  private readonly cacheBytes = new Gauge({
    name: 'gongji_gateway_cache_bytes',
    help: 'Estimated bytes of the gateway caches keyed by what callers send',
    labelNames: ['cache'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [cache, size] of this.caches) this.cacheBytes.set({ cache }, size().bytes);
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gongji_' });
  }

  /** Reports a bounded cache's entries and bytes as gauges (`gongji_gateway_cache_entries{cache=name}`). */
  watchCache(name: string, size: () => CacheSize): void {
    this.caches.set(name, size);
  }

  /** The label series of the operations counter (for tests: it must stay bounded). */
  async operationSeries(): Promise<number> {
    return (await this.operations.get()).values.length;
  }

  rateLimited(caller: string): void {
    this.rateLimitRefusals.inc({ caller });
  }

  /** For the ledger writer: one committed transaction of this kind. */
  readonly ledgerCommitted = (kind: string): void => {
    this.ledgerTransactions.inc({ kind });
  };

  plugin(): ApolloServerPlugin<GraphQLContext> {
    const { operations, duration, errors, operationLabels, codeLabels } = this;
    return {
      async requestDidStart({ contextValue }) {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse(ctx) {
            const type = ctx.operation?.operation ?? 'unknown';
            const outcome = ctx.errors?.length ? 'error' : 'ok';
            const sent =
              ctx.response.body.kind === 'single' ? ctx.response.body.singleResult.errors : undefined;
            for (const e of sent ?? ctx.errors ?? []) {
              const code = e.extensions?.['code'];
              errors.inc({
                code: codeLabels.label(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR'),
              });
            }
            const operation = ctx.operationName
              ? operationLabels.label(ctx.operationName, !contextValue.principal)
              : 'anonymous';
            operations.inc({ operation, type, outcome });
            duration.observe({ type }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }

  /**
   * GET /metrics; when `token` is set, requires `Authorization: Bearer <token>` (compared in constant time). In
   * production without a token the endpoint is off (404): operation counts and error codes are not for anonymous
   * callers; set GONGJI_METRICS_TOKEN for the scraper. Development and tests keep it open.
   */
  handler(token: string | undefined, production = false): express.RequestHandler {
    const expected = token ? Buffer.from(`Bearer ${token}`) : null;
    return async (req, res) => {
      if (!expected) {
        if (production) {
          res
            .status(404)
            .type('text/plain')
            .send('metrics are off in production until GONGJI_METRICS_TOKEN is set');
          return;
        }
      } else {
        const given = Buffer.from(req.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.status(401).type('text/plain').send('metrics need the GONGJI_METRICS_TOKEN bearer token');
          return;
        }
      }
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }
}
