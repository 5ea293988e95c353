import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { analystReadCounts } from '@gongji/persistence';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gongji_' });
  }

  rateLimited(caller: string): void {
    this.rateLimitRefusals.inc({ caller });
  }

  /** For the ledger writer: one committed transaction of this kind. */
  readonly ledgerCommitted = (kind: string): void => {
    this.ledgerTransactions.inc({ kind });
  };

  plugin(): ApolloServerPlugin {
    const { operations, duration, errors } = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse(ctx) {
            const type = ctx.operation?.operation ?? 'unknown';
            const outcome = ctx.errors?.length ? 'error' : 'ok';
            const sent =
              ctx.response.body.kind === 'single' ? ctx.response.body.singleResult.errors : undefined;
            for (const e of sent ?? ctx.errors ?? []) {
              const code = e.extensions?.['code'];
              errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
            operations.inc({ operation: ctx.operationName ?? 'anonymous', type, outcome });
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
