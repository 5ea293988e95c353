import { createHash, randomUUID } from 'node:crypto';
import { negotiateLanguage } from '@gongji/domain';
import type { AccessQueries } from '@gongji/persistence';
import type express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import type { RateLimiter, RateLimits } from '../limits/rate-limit';
import { localizedTopLevelMessage } from './errors';
import type { Metrics } from './metrics';

/** What the gateway middlewares leave for the GraphQL context (express `res.locals`). */
export interface GatewayLocals {
  requestId: string;
  principal: Principal | null;
}

export function gatewayLocals(res: express.Response): GatewayLocals {
  return res.locals as GatewayLocals;
}

/** Sends a GraphQL-shaped error from a middleware (before Apollo): status, code, request id, extra extensions. */
export function sendError(
  res: express.Response,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  // Before Apollo, so the language comes straight from the header (issue #9); `code` never changes.
  const language = negotiateLanguage(res.req.headers['accept-language']);
  const text = localizedTopLevelMessage(code, message, extensions, language) ?? message;
  res.status(status).json({
    errors: [{ message: text, extensions: { code, requestId: gatewayLocals(res).requestId, ...extensions } }],
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Request id: the caller's `x-request-id` when it is a sane token, else a new UUID; echoed in the response. */
export function requestIdMiddleware(): express.RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    gatewayLocals(res).requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
}

/** Authenticates once per request; a bad credential is a 401 with UNAUTHENTICATED before any GraphQL work. */
export function authenticationMiddleware(authenticator: Authenticator): express.RequestHandler {
  return async (req, res, next) => {
    try {
      gatewayLocals(res).principal = await authenticator.principalOf(req.headers.authorization);
      next();
    } catch (err) {
      if (err instanceof GraphQLError && err.extensions['code'] === 'UNAUTHENTICATED') {
        sendError(res, 401, 'UNAUTHENTICATED', err.message);
      } else next(err);
    }
  };
}

/**
 * Per-caller budget per minute (API client, user, or the address of an anonymous caller). Over budget: HTTP 429,
 * `Retry-After`, and `RATE_LIMITED` with `extensions.retryAfterSeconds` (API.md).
 */
export function rateLimitMiddleware(
  limiter: RateLimiter,
  limits: RateLimits,
  metrics: Metrics,
): express.RequestHandler {
  return async (req, res, next) => {
    const principal = gatewayLocals(res).principal;
    const [key, perMinute, kind] = principal
      ? principal.kind === 'API_CLIENT'
        ? [`client:${principal.id}`, principal.rateLimitPerMinute ?? limits.client, 'client']
        : [`user:${principal.id}`, limits.user, 'user']
      : [`ip:${req.ip}`, limits.anonymous, 'anonymous'];
    const decision = await limiter.consume(key, perMinute);
    if (decision.allowed) return next();
    metrics.rateLimited(kind);
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    sendError(
      res,
      429,
      'RATE_LIMITED',
      `Too many requests: ${perMinute} a minute for this caller; retry later`,
      {
        retryAfterSeconds: decision.retryAfterSeconds,
        limitPerMinute: perMinute,
      },
    );
  };
}

/**
 * Persisted operations (allow-list). A request may name a registered document by its sha256
 * (`extensions.persistedQuery.sha256Hash`, Apollo's wire format) instead of sending it. A client in allow-list mode
 * may run nothing else: a document sent in full must hash to a registered one.
 */
export function persistedOperationsMiddleware(access: AccessQueries): express.RequestHandler {
  const documents = new Map<string, string>();
  const lookup = async (hash: string): Promise<string | null> => {
    const cached = documents.get(hash);
    if (cached) return cached;
    const row = await access.persistedOperation(hash);
    if (row) documents.set(hash, row.document);
    return row?.document ?? null;
  };
  return async (req, res, next) => {
    try {
      const principal = gatewayLocals(res).principal;
      const allowListOnly = principal?.persistedOperationsOnly === true;
      const body = (req.method === 'POST' && req.body && typeof req.body === 'object' ? req.body : null) as {
        query?: unknown;
        extensions?: { persistedQuery?: { sha256Hash?: unknown } };
      } | null;
      const hash = body?.extensions?.persistedQuery?.sha256Hash;
      if (!allowListOnly && typeof hash !== 'string') return next();
      if (!body) {
        return sendError(
          res,
          403,
          'PERSISTED_QUERY_NOT_ALLOWED',
          'This client may only POST persisted operations',
        );
      }
      const wanted =
        typeof hash === 'string'
          ? hash.toLowerCase()
          : typeof body.query === 'string'
            ? createHash('sha256').update(body.query).digest('hex')
            : null;
      const document = wanted ? await lookup(wanted) : null;
      if (!document) {
        return sendError(
          res,
          allowListOnly ? 403 : 400,
          allowListOnly ? 'PERSISTED_QUERY_NOT_ALLOWED' : 'PERSISTED_QUERY_NOT_FOUND',
          allowListOnly
            ? 'This client runs only persisted operations, and this one is not on its allow-list'
            : 'No persisted operation has this sha256Hash',
        );
      }
      if (typeof body.query === 'string' && body.query !== document) {
        return sendError(res, 400, 'BAD_REQUEST', 'The query does not match its sha256Hash');
      }
      body.query = document;
      if (body.extensions) delete body.extensions.persistedQuery;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * A request that runs longer than `ms` is answered 503 `REQUEST_TIMEOUT` (retryable). For a money mutation the
 * outcome is then unknown: retry with the same idempotency key (API.md), which replays or completes it once.
 */
export function timeoutMiddleware(ms: number, logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ requestId: gatewayLocals(res).requestId, ms }, 'request timed out');
      res.setHeader('Retry-After', '1');
      sendError(
        res,
        503,
        'REQUEST_TIMEOUT',
        `The request took longer than ${ms} ms; retry (with the same idempotency key for a money mutation)`,
        {
          retryAfterSeconds: 1,
        },
      );
    }, ms);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}
