import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import type { Logger } from 'pino';
import type { DataSource } from '@gongji/persistence';
import type { AppConfig } from './config';
import type { GraphQLContext } from './context';
import { negotiateLanguage } from '@gongji/domain';
import { AccessQueries } from '@gongji/persistence';
import { adminStatic } from './http/admin-static';
import { formatError, localizedErrorsPlugin } from './http/errors';
import { compiledExecutionGateway } from './http/executor';
import { type BodyParser, dispatcher, expressGraphQL, fastGraphQL } from './http/fast-graphql';
import {
  type GatewayLocals,
  authenticateStep,
  authenticationMiddleware,
  errorAnswer,
  gatewayLocals,
  persistedOperationsMiddleware,
  persistedOperationsStep,
  rateLimitMiddleware,
  rateLimitStep,
  requestIdMiddleware,
  timeoutMiddleware,
} from './http/gateway';
import { BoundedDocumentStore } from './http/bounded-cache';
import { Metrics } from './http/metrics';
import {
  NoSubscriptionsRule,
  SelectionLimitsRule,
  armor,
  costLimitPlugin,
  parseOptions,
} from './limits/query-limits';
import { nulTextPlugin } from './limits/text-input';
import { RateLimiter } from './limits/rate-limit';
import { responsePolicyPlugin } from './limits/response-policy';
import { createLoaders } from './loaders';
import { createSchema } from './schema';
import { type Services, createServices } from './services';

export interface RunningServer {
  /**
   * The express app: every request except `POST /graphql` with a JSON body, which `httpServer`'s listener serves
   * without express (http/fast-graphql.ts). On its own (e.g. `http.createServer(app)`) it still answers everything.
   */
  readonly app: express.Express;
  readonly httpServer: http.Server;
  readonly services: Services;
  /** Stops accepting requests, drains in-flight ones, stops Apollo. Does not close the DataSource. */
  stop(): Promise<void>;
}

/** Request body limit: far above any legitimate GraphQL request, small enough to refuse abuse early. */
const BODY_LIMIT = '512kb';
/** How often pending SMS notifications are retried. */
const OUTBOX_SWEEP_MS = 60_000;
/** A health probe answers within this, database up or down (a load balancer's probe timeout is typically 2–5 s). */
const HEALTH_TIMEOUT_MS = 2_000;

/** Builds the HTTP server: GraphQL at /graphql, health at /health, metrics at /metrics, the console at /admin. */
export async function createServer(deps: {
  dataSource: DataSource;
  config: AppConfig;
  logger: Logger;
}): Promise<RunningServer> {
  const { dataSource, config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POST results, never revalidated: hashing every body for an ETag cost CPU per request (issue #11).
  app.set('etag', false);
  // The request listener is attached once Apollo has started (below): the express-free GraphQL path, else `app`.
  const httpServer = http.createServer();
  const metrics = new Metrics();
  const limiter = new RateLimiter(config.redisUrl, logger, config.redisKeyPrefix);
  const services = createServices(dataSource, config, limiter, {
    logger,
    onLedgerCommitted: metrics.ledgerCommitted,
  });
  const schema = await createSchema();
  const guards = armor();
  // Parsed documents, bounded by count and bytes; a query text over 32 kB is never kept (http/bounded-cache.ts).
  const documentStore = new BoundedDocumentStore();
  metrics.watchCache('documents', () => documentStore.cache);
  const production = config.env === 'production';

  const apollo = new ApolloServer<GraphQLContext>({
    // The schema, executed by compiled queries (http/executor.ts; mutations stay on graphql-js's execute).
    gateway: compiledExecutionGateway(schema),
    // Introspection stays on for ADMIN; responsePolicyPlugin refuses it to everyone else in production.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Batches multiply every limit below; no portal or console needs them (issue #8).
    allowBatchedHttpRequests: false,
    // Persisted operations are served from the registered allow-list (http/gateway.ts), not Apollo's open APQ cache.
    persistedQueries: false,
    csrfPrevention: true,
    parseOptions,
    documentStore,
    // SelectionLimitsRule after graphql-armor's rules, so theirs report first.
    validationRules: [...guards.validationRules, SelectionLimitsRule, NoSubscriptionsRule],
    // main.ts owns SIGTERM/SIGINT (drain HTTP, stop Apollo, close the database); Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    formatError: formatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; Apollo's default cache-control plugin would wrap every field resolver (issue #11).
      ApolloServerPluginCacheControlDisabled(),
      ...guards.plugins,
      costLimitPlugin(schema),
      // Text with U+0000 is malformed input (400), never a database error (500) on PostgreSQL.
      nulTextPlugin(),
      // Before responsePolicyPlugin, so an analyst's ID numbers are masked in the localized text too.
      localizedErrorsPlugin(production),
      responsePolicyPlugin(production),
      metrics.plugin(),
    ],
  });
  await apollo.start();

  // Truthful within HEALTH_TIMEOUT_MS: a database that does not answer (frozen, cut off, its pool wedged) is down for a
  // load balancer, not "ok" after 40 s (audit D). One line per probe at warn, without a stack.
  app.get('/health', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
            HEALTH_TIMEOUT_MS,
          );
        }),
      ]);
      res.json({ status: 'ok', database: 'up' });
    } catch (err) {
      logger.warn({ reason: (err as Error).message }, 'health check: database down');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    } finally {
      clearTimeout(timer);
    }
  });

  app.get('/metrics', metrics.handler(config.metricsToken, config.env === 'production'));

  /** The GraphQL context of a request, on either path. */
  const contextOf = async (
    locals: GatewayLocals,
    headers: http.IncomingHttpHeaders,
  ): Promise<GraphQLContext> => {
    const { requestId, principal } = locals;
    let requestLogger: Logger | undefined;
    return {
      principal,
      dataSource,
      config,
      services,
      // A child logger only when something logs (most requests log nothing; issue #11).
      get logger() {
        return (requestLogger ??= logger.child({ requestId }));
      },
      requestId,
      loaders: createLoaders(services, principal),
      language: negotiateLanguage(headers['accept-language']),
    };
  };
  const parseBody = express.json({ limit: BODY_LIMIT });
  const rateLimit = rateLimitStep(limiter, config.rateLimits, metrics);
  const authenticateRequest = authenticateStep(services.authenticator, limiter, metrics);
  const persistedOperations = persistedOperationsStep(new AccessQueries(dataSource));
  metrics.watchCache('persisted_operations', () => persistedOperations.cache);
  const answerError = errorAnswer(logger, BODY_LIMIT);

  // GET, and any body that is not JSON (the express-free path in http/fast-graphql.ts serves POST with JSON).
  app.use(
    '/graphql',
    requestIdMiddleware(),
    timeoutMiddleware(config.requestTimeoutMs, logger),
    parseBody,
    authenticationMiddleware(authenticateRequest),
    rateLimitMiddleware(rateLimit),
    persistedOperationsMiddleware(persistedOperations),
    expressGraphQL(apollo, async (req, res) => contextOf(gatewayLocals(res), req.headers)),
  );

  mountAdmin(app, config, logger);

  app.use(
    (
      err: Error & { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => answerError(err, res, res.locals['requestId']),
  );

  // `POST /graphql` with a JSON body skips express (issue #11): the same steps, from the same functions.
  httpServer.on(
    'request',
    dispatcher(
      app,
      fastGraphQL({
        apollo,
        context: contextOf,
        parseBody: parseBody as unknown as BodyParser,
        authenticate: authenticateRequest,
        rateLimit,
        persistedOperations,
        timeoutMs: config.requestTimeoutMs,
        logger,
        answerError,
      }),
    ),
  );

  // The SMS outbox is delivered right after each commit; this sweep retries what a failed delivery left pending.
  const outboxSweep = setInterval(() => {
    services.notifications
      .dispatch()
      .catch((err: Error) => logger.warn({ reason: err.message }, 'outbox sweep failed; will retry'));
  }, OUTBOX_SWEEP_MS);
  outboxSweep.unref();

  return {
    app,
    httpServer,
    services,
    stop: async () => {
      clearInterval(outboxSweep);
      await apollo.stop();
      await limiter.close();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Serves the built react-admin console at /admin with a single-page-app fallback. */
function mountAdmin(app: express.Express, config: AppConfig, logger: Logger): void {
  const dir = config.adminDir ? path.resolve(config.adminDir) : null;
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    if (dir)
      logger.warn(
        { adminDir: dir },
        'admin console not built: /admin is unavailable (run `npx nx run admin:build`)',
      );
    app.get(['/admin', '/admin/{*rest}'], (_req, res) => {
      res
        .status(404)
        .type('text/plain')
        .send('The admin console is not built. Run `npm start` (it builds it) or `npx nx run admin:build`.');
    });
    return;
  }
  app.get('/', (_req, res) => res.redirect('/admin/'));
  // Pre-compressed, immutable hashed assets; index.html revalidated; no source maps in production (issue #10).
  app.use('/admin', adminStatic(dir, config.env === 'production'));
}
