import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { type MessageParam, detailParam, negotiateLanguage } from '@gongji/domain';
import type { AccessQueries } from '@gongji/persistence';
import type express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import { documentHash } from '../common/document-hash';
import { detailOf } from '../common/error-detail';
import type { Principal } from '../auth/principal';
import type { RateLimiter, RateLimits } from '../limits/rate-limit';
import {
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from './database-errors';
import { BoundedCache } from './bounded-cache';
import { localizedTopLevelMessage } from './errors';
import type { Metrics } from './metrics';

/*
 * The gateway in front of Apollo: request id, timeout, authentication, rate limit, persisted operations, and the
 * error answer. Each step is a plain function over headers, address and body that returns a decision; the express
 * middlewares below are thin adapters over them, and so is the express-free path for `POST /graphql` with a JSON
 * body (fast-graphql.ts, issue #11). Both paths therefore refuse alike, byte for byte.
 */

/** What the gateway steps leave for the GraphQL context (express `res.locals` on the express path). */
export interface GatewayLocals {
  requestId: string;
  principal: Principal | null;
}

export function gatewayLocals(res: express.Response): GatewayLocals {
  return res.locals as GatewayLocals;
}

/** A gateway step's "no": the status and GraphQL error it answers, and headers set before it (e.g. Retry-After). */
export class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Readonly<Record<string, string>> = {},
    /** The message's detail in the reader's language (detail catalogue), when it has one. */
    readonly detail?: MessageParam,
  ) {}
}

/** Answers a refusal: its headers, then its GraphQL-shaped error (`sendError`). */
export function sendRefusal(res: ServerResponse, requestId: string | undefined, refusal: Refusal): void {
  for (const [name, value] of Object.entries(refusal.headers)) res.setHeader(name, value);
  sendError(
    res,
    requestId,
    refusal.status,
    refusal.code,
    refusal.message,
    refusal.extensions,
    refusal.detail,
  );
}

/**
 * Sends a GraphQL-shaped error before Apollo: status, code, request id, extra extensions. The bytes and headers are
 * those of express's `res.status(status).json(…)` (which this replaced), so either path answers the same.
 */
export function sendError(
  res: ServerResponse,
  requestId: string | undefined,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
  detail?: MessageParam,
): void {
  // Before Apollo, so the language comes straight from the header (issue #9); `code` never changes.
  const text = localizedText(res, code, message, extensions, detail);
  res.statusCode = status;
  if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
  sendText(
    res,
    JSON.stringify({ errors: [{ message: text, extensions: { code, requestId, ...extensions } }] }),
  );
}

/** A top-level error's text in the language of the request's `Accept-Language` (issue #9). */
function localizedText(
  res: ServerResponse,
  code: string,
  message: string,
  extensions: Record<string, unknown>,
  detail?: MessageParam,
): string {
  const language = negotiateLanguage(res.req.headers['accept-language']);
  return localizedTopLevelMessage(code, message, extensions, language, detail) ?? message;
}

/**
 * Apollo's own HTTP-level refusals (batching, CSRF, a `query` that is not a string, a missing body, malformed
 * `variables` / `operationName` / `extensions`…) are answered before any plugin runs: no request id, English only.
 * Given such an answer's body, the same errors as the gateway's own (`sendError`): the message in the reader's
 * language, `extensions.code` unchanged, `extensions.requestId`. `null` for any other body (plugins ran: the
 * request id is there already).
 */
export function localizedHttpErrorBody(
  res: ServerResponse,
  requestId: string | undefined,
  body: string,
): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const errors = (parsed as { errors?: unknown })?.errors;
  if (!Array.isArray(errors) || errors.length === 0 || 'data' in (parsed as object)) return null;
  const shaped = errors as { message?: unknown; extensions?: Record<string, unknown> }[];
  if (shaped.every((e) => e?.extensions?.['requestId'] !== undefined)) return null;
  return JSON.stringify({
    errors: shaped.map((e) => {
      const { code = 'BAD_REQUEST', ...extensions } = e?.extensions ?? {};
      const message = typeof e?.message === 'string' ? e.message : '';
      return {
        message: localizedText(res, String(code), message, extensions),
        extensions: { code, requestId, ...extensions },
      };
    }),
  });
}

const SIMPLE_UTF8_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+; charset=utf-8$/;
/** express's own `setCharset` (its `res.send` rewrites a string response's Content-Type with it). */
const { setCharset } = createRequire(require.resolve('express'))('./lib/utils') as {
  setCharset(type: string, charset: string): string;
};

/**
 * `type` with `charset=utf-8`, as express's `res.send` rewrites a string response's Content-Type. Apollo's usual
 * `application/json; charset=utf-8` comes back unchanged without parsing; anything else goes through express's code.
 */
export function withUtf8Charset(type: string): string {
  return SIMPLE_UTF8_TYPE.test(type) ? type : setCharset(type, 'utf-8');
}

/**
 * Ends a response with a string body exactly as express's `res.send(string)` does for a POST (no ETag: `etag` is
 * off; never "fresh": that needs GET or HEAD): Content-Type with `charset=utf-8` (text/html when none), Content-Length.
 */
export function sendText(res: ServerResponse, body: string): void {
  const type = res.getHeader('Content-Type');
  res.setHeader(
    'Content-Type',
    typeof type === 'string' ? withUtf8Charset(type) : 'text/html; charset=utf-8',
  );
  if (!res.getHeader('Transfer-Encoding')) res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.removeHeader('Transfer-Encoding');
    body = '';
  } else if (res.statusCode === 205) {
    res.setHeader('Content-Length', '0');
    res.removeHeader('Transfer-Encoding');
    body = '';
  }
  res.end(body, 'utf8');
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Request id: the caller's `x-request-id` when it is a sane token, else a new UUID. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Request id, echoed in the response's `x-request-id`. */
export function requestIdMiddleware(): express.RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req.headers);
    gatewayLocals(res).requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  };
}

/**
 * The caller of a request (null: anonymous), or the 401 UNAUTHENTICATED refusal of a bad credential, before any
 * GraphQL work. Any other fault (e.g. the database is down) is thrown, for the error answer.
 */
export async function authenticate(
  authenticator: Authenticator,
  headers: IncomingHttpHeaders,
): Promise<Principal | null | Refusal> {
  try {
    return await authenticator.principalOf(headers.authorization);
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions['code'] === 'UNAUTHENTICATED') {
      return new Refusal(401, 'UNAUTHENTICATED', err.message, {}, {}, detailOf(err));
    }
    throw err;
  }
}

/**
 * Failed authentications (a wrong or revoked API key, a forged or expired session token) an address may make per
 * minute; past it, the address is answered 429 RATE_LIMITED, and API keys not verified by this process before are
 * refused without their argon2 check: guessing is slow for the guesser and cheap for the server.
 */
export const FAILED_AUTHENTICATIONS_PER_MINUTE = 30;

/** Authenticates one request: the caller (null: anonymous), or the 401 / 429 refusal. */
export type AuthenticateStep = (
  headers: IncomingHttpHeaders,
  ip: string | undefined,
) => Promise<Principal | null | Refusal>;

function tooManyFailures(retryAfterSeconds: number): Refusal {
  return new Refusal(
    429,
    'RATE_LIMITED',
    `Too many failed authentications from this address: ${FAILED_AUTHENTICATIONS_PER_MINUTE} a minute; retry later`,
    { retryAfterSeconds, limitPerMinute: FAILED_AUTHENTICATIONS_PER_MINUTE },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * `authenticate`, with failures counted per address (FAILED_AUTHENTICATIONS_PER_MINUTE, shared through Redis like
 * the other budgets). A key this process verified before is accepted without looking at the budget, so a
 * guesser behind the same address (a hospital's NAT) cannot lock a working portal out.
 */
export function authenticateStep(
  authenticator: Authenticator,
  limiter: RateLimiter,
  metrics: Metrics,
): AuthenticateStep {
  return async (headers, ip) => {
    const authorization = headers.authorization;
    if (!authorization) return null;
    const key = `authfail:${ip ?? 'unknown'}`;
    if (!authenticator.isCheap(authorization)) {
      const wait = await limiter.exhausted(key, FAILED_AUTHENTICATIONS_PER_MINUTE);
      if (wait !== null) {
        metrics.rateLimited('authentication');
        return tooManyFailures(wait);
      }
    }
    const outcome = await authenticate(authenticator, headers);
    if (!(outcome instanceof Refusal)) return outcome;
    const decision = await limiter.consume(key, FAILED_AUTHENTICATIONS_PER_MINUTE);
    if (decision.allowed) return outcome;
    metrics.rateLimited('authentication');
    return tooManyFailures(decision.retryAfterSeconds);
  };
}

/** Authenticates once per request (`authenticateStep`). */
export function authenticationMiddleware(step: AuthenticateStep): express.RequestHandler {
  return async (req, res, next) => {
    let principal: Principal | null | Refusal;
    try {
      principal = await step(req.headers, req.ip);
    } catch (err) {
      return next(err);
    }
    if (principal instanceof Refusal) return sendRefusal(res, gatewayLocals(res).requestId, principal);
    gatewayLocals(res).principal = principal;
    next();
  };
}

/** Decides one request's rate limit: null to go on, or the 429 refusal. */
export type RateLimitStep = (principal: Principal | null, ip: string | undefined) => Promise<Refusal | null>;

/**
 * Per-caller budget per minute (API client, user, or the address of an anonymous caller: express's `req.ip`). Over
 * budget: HTTP 429, `Retry-After`, and `RATE_LIMITED` with `extensions.retryAfterSeconds` (API.md).
 */
export function rateLimitStep(limiter: RateLimiter, limits: RateLimits, metrics: Metrics): RateLimitStep {
  return async (principal, ip) => {
    const [key, perMinute, kind] = principal
      ? principal.kind === 'API_CLIENT'
        ? [`client:${principal.id}`, principal.rateLimitPerMinute ?? limits.client, 'client']
        : [`user:${principal.id}`, limits.user, 'user']
      : [`ip:${ip}`, limits.anonymous, 'anonymous'];
    const decision = await limiter.consume(key, perMinute);
    if (decision.allowed) return null;
    metrics.rateLimited(kind);
    return new Refusal(
      429,
      'RATE_LIMITED',
      `Too many requests: ${perMinute} a minute for this caller; retry later`,
      { retryAfterSeconds: decision.retryAfterSeconds, limitPerMinute: perMinute },
      { 'Retry-After': String(decision.retryAfterSeconds) },
    );
  };
}

export function rateLimitMiddleware(step: RateLimitStep): express.RequestHandler {
  return async (req, res, next) => {
    const refusal = await step(gatewayLocals(res).principal, req.ip);
    if (refusal) return sendRefusal(res, gatewayLocals(res).requestId, refusal);
    next();
  };
}

/** What the persisted-operations step reads of a request: its method, parsed body (POST) and URL (GET). */
export interface PersistedRequest {
  readonly method: string;
  readonly body: unknown;
  readonly url: string;
}

/**
 * Resolves one request's persisted operation: null to go on (a POST body may have been rewritten in place),
 * `{ url }` to go on with this URL instead (a GET whose `query` was filled in), or the refusal. `cache` is the bounded
 * cache of registered documents (for the metrics).
 */
export interface PersistedOperationsStep {
  (principal: Principal | null, request: PersistedRequest): Promise<Refusal | { url: string } | null>;
  readonly cache: BoundedCache<string>;
}

/** A sha256 in hex, as Apollo's wire format sends it. */
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** What a GraphQL request says about persisted operations, from a POST body or a GET's search parameters. */
interface PersistedParts {
  query: string | undefined;
  hash: unknown;
  version: unknown;
  /** Whether `extensions.persistedQuery` was sent at all. */
  persisted: boolean;
}

function partsOfBody(body: unknown): PersistedParts | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, extensions } = body as { query?: unknown; extensions?: unknown };
  const persisted =
    extensions && typeof extensions === 'object'
      ? (extensions as { persistedQuery?: unknown }).persistedQuery
      : undefined;
  const pq = persisted && typeof persisted === 'object' ? (persisted as Record<string, unknown>) : null;
  return {
    query: typeof query === 'string' ? query : undefined,
    hash: pq?.['sha256Hash'],
    version: pq?.['version'],
    persisted: persisted !== undefined,
  };
}

/** A GET's `extensions` parameter, parsed once; null when absent or malformed (Apollo answers that itself: 400). */
function extensionsOfSearch(params: URLSearchParams): unknown {
  try {
    return JSON.parse(params.get('extensions') ?? 'null');
  } catch {
    return null;
  }
}

function partsOfSearch(params: URLSearchParams, extensions: unknown): PersistedParts {
  const parts = partsOfBody({ query: params.get('query') ?? undefined, extensions });
  return parts ?? { query: undefined, hash: undefined, version: undefined, persisted: false };
}

/**
 * Persisted operations: Apollo's wire format (`extensions.persistedQuery { version: 1, sha256Hash }`) over POST and
 * GET, and the allow-list.
 * - A hash with the query text: the text must hash to it (else 400 BAD_REQUEST, as Apollo's "provided sha does not
 *   match query"), then it runs — what Apollo Client's persisted-queries link sends after PERSISTED_QUERY_NOT_FOUND.
 * - A hash alone: the registered document (`persistedOperationRegister`) runs; an unknown hash is
 *   PERSISTED_QUERY_NOT_FOUND (400), so the link sends the text next.
 * - A client in allow-list mode (`persistedOperationsOnly`) runs nothing but registered documents, sent by hash or in
 *   full, over POST or GET (queries only over GET, as for everyone): anything else is PERSISTED_QUERY_NOT_ALLOWED.
 * On success a POST body's `query` is the document and its `extensions.persistedQuery` is gone (GET: the URL says so).
 * Registered documents are cached, bounded by count and bytes.
 */
export function persistedOperationsStep(access: AccessQueries): PersistedOperationsStep {
  const cache = new BoundedCache<string>({
    maxEntries: 1_000,
    maxBytes: 8 * 1024 * 1024,
    maxEntryBytes: 512 * 1024,
    sizeOf: (document) => 2 * document.length,
  });
  const lookup = async (hash: string): Promise<string | null> => {
    const cached = cache.get(hash);
    if (cached !== undefined) return cached;
    const row = await access.persistedOperation(hash);
    if (row) cache.set(hash, row.document);
    return row?.document ?? null;
  };
  const notAllowed = () =>
    new Refusal(
      403,
      'PERSISTED_QUERY_NOT_ALLOWED',
      'This client runs only persisted operations, and this one is not on its allow-list',
    );
  const notFound = () =>
    new Refusal(400, 'PERSISTED_QUERY_NOT_FOUND', 'No persisted operation has this sha256Hash');

  const step = async (
    principal: Principal | null,
    request: PersistedRequest,
  ): Promise<Refusal | { url: string } | null> => {
    const allowListOnly = principal?.persistedOperationsOnly === true;
    const get = request.method === 'GET';
    const search = get ? new URLSearchParams(request.url.split('?')[1] ?? '') : null;
    const searchExtensions = search ? extensionsOfSearch(search) : null;
    const parts = search ? partsOfSearch(search, searchExtensions) : partsOfBody(request.body);
    if (!parts || (!parts.persisted && !allowListOnly)) return null;
    if (!get && request.method !== 'POST') return allowListOnly ? notAllowed() : null;

    let document: string | null;
    if (parts.persisted) {
      if (parts.version !== undefined && parts.version !== 1) {
        return new Refusal(
          400,
          'BAD_REQUEST',
          'Unsupported persisted query version: only version 1 is supported',
          {},
          {},
          detailParam('PERSISTED_QUERY_VERSION'),
        );
      }
      const hash =
        typeof parts.hash === 'string' && SHA256_HEX.test(parts.hash) ? parts.hash.toLowerCase() : null;
      if (parts.query !== undefined) {
        if (hash === null || documentHash(parts.query) !== hash) {
          return new Refusal(
            400,
            'BAD_REQUEST',
            'The query does not match its sha256Hash',
            {},
            {},
            detailParam('QUERY_HASH_MISMATCH'),
          );
        }
        // The text is there and matches: it runs (allow-list clients: only when registered).
        document = allowListOnly ? await lookup(hash) : parts.query;
        if (document === null) return notAllowed();
      } else {
        document = hash === null ? null : await lookup(hash);
        if (document === null) return allowListOnly ? notAllowed() : notFound();
      }
    } else {
      // An allow-list client sending the text only: it must hash to a registered document.
      document = parts.query === undefined ? null : await lookup(documentHash(parts.query));
      if (document === null) return notAllowed();
    }

    if (search) {
      search.set('query', document);
      const extensions = searchExtensions as Record<string, unknown> | null;
      if (extensions && typeof extensions === 'object') {
        delete extensions['persistedQuery'];
        if (Object.keys(extensions).length > 0) search.set('extensions', JSON.stringify(extensions));
        else search.delete('extensions');
      }
      return { url: `${request.url.split('?')[0]}?${search.toString()}` };
    }
    const body = request.body as { query?: unknown; extensions?: { persistedQuery?: unknown } };
    body.query = document;
    if (body.extensions) delete body.extensions.persistedQuery;
    return null;
  };
  return Object.assign(step, { cache });
}

export function persistedOperationsMiddleware(step: PersistedOperationsStep): express.RequestHandler {
  return async (req, res, next) => {
    let outcome: Awaited<ReturnType<PersistedOperationsStep>>;
    try {
      outcome = await step(gatewayLocals(res).principal, {
        method: req.method,
        body: req.body,
        url: req.url,
      });
    } catch (err) {
      return next(err);
    }
    if (outcome instanceof Refusal) return sendRefusal(res, gatewayLocals(res).requestId, outcome);
    if (outcome) req.url = outcome.url;
    next();
  };
}

/**
 * A request that runs longer than `ms` is answered 503 `REQUEST_TIMEOUT` (retryable). For a money mutation the
 * outcome is then unknown: retry with the same idempotency key (API.md), which replays or completes it once.
 */
export function startTimeout(ms: number, logger: Logger, res: ServerResponse, requestId: string): void {
  const timer = setTimeout(() => {
    if (res.headersSent) return;
    logger.warn({ requestId, ms }, 'request timed out');
    sendRefusal(
      res,
      requestId,
      new Refusal(
        503,
        'REQUEST_TIMEOUT',
        `The request took longer than ${ms} ms; retry (with the same idempotency key for a money mutation)`,
        { retryAfterSeconds: 1 },
        { 'Retry-After': '1' },
      ),
    );
  }, ms);
  timer.unref();
  const clear = () => clearTimeout(timer);
  res.on('close', clear);
  res.on('finish', clear);
}

export function timeoutMiddleware(ms: number, logger: Logger): express.RequestHandler {
  return (_req, res, next) => {
    startTimeout(ms, logger, res, gatewayLocals(res).requestId);
    next();
  };
}

/**
 * The answer to a fault before or around GraphQL: database unavailable → 503 SERVICE_UNAVAILABLE with Retry-After;
 * body-parser faults (oversize, bad JSON, charset) → their 4xx as BAD_REQUEST (413: "Request body larger than …");
 * anything else → 500 INTERNAL_SERVER_ERROR without details. Nothing when the request was already answered.
 */
export type ErrorAnswer = (
  err: Error & { status?: number },
  res: ServerResponse,
  requestId: string | undefined,
) => void;

export function errorAnswer(logger: Logger, bodyLimit: string): ErrorAnswer {
  return (err, res, requestId) => {
    if (res.headersSent) {
      // Answered already (503 REQUEST_TIMEOUT): the late work's own fault, e.g. ERR_HTTP_HEADERS_SENT, is no news.
      logger.debug({ requestId, reason: err.message }, 'fault after the request was answered');
      return;
    }
    if (isDatabaseUnavailable(err)) {
      // e.g. authentication could not read its tables: retryable, not an internal fault (issue #11).
      logger.warn({ requestId }, 'database unavailable before GraphQL');
      if (res.headersSent) return;
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      sendError(res, requestId, 503, SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
      return;
    }
    // Body-parser faults (oversize, bad JSON) are the client's: answer 4xx in GraphQL's error shape.
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, requestId }, 'unhandled HTTP error');
    if (res.headersSent) return; // e.g. the request had already been answered REQUEST_TIMEOUT
    sendError(
      res,
      requestId,
      status,
      status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
      status === 413
        ? `Request body larger than ${bodyLimit}`
        : status === 500
          ? 'Internal server error'
          : bodyFaultText(err),
      {},
      status === 500 ? undefined : bodyFaultDetail(err, status, bodyLimit),
    );
  };
}

/** The English text of a body-parser fault: a sentence around the JSON parser's own words, never them bare. */
function bodyFaultText(err: Error & { type?: unknown }): string {
  if (err.type === 'entity.parse.failed') return `The body is not valid JSON (${err.message})`;
  return err.message;
}

/** The detail of a body-parser fault (its `type`): not JSON, too large, or unreadable (charset, encoding, aborted). */
function bodyFaultDetail(err: Error & { type?: unknown }, status: number, bodyLimit: string): MessageParam {
  if (status === 413) return detailParam('BODY_TOO_LARGE', { limit: bodyLimit });
  if (err.type === 'entity.parse.failed') return detailParam('BODY_NOT_JSON', { error: err.message });
  return detailParam('BODY_UNREADABLE');
}
