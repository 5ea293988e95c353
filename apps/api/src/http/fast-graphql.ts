import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, type ContextThunk, HeaderMap } from '@apollo/server';
import type express from 'express';
import type { Logger } from 'pino';
import {
  type ErrorAnswer,
  type GatewayLocals,
  type PersistedOperationsStep,
  type RateLimitStep,
  Refusal,
  type AuthenticateStep,
  gatewayLocals,
  localizedHttpErrorBody,
  requestIdOf,
  sendRefusal,
  sendText,
  startTimeout,
} from './gateway';
import { requestScope } from './request-scope';

/*
 * Issue #11: `POST /graphql` with a JSON body, served from node's http server without express. Express's
 * request/response machinery (router, the prototype swap of req and res, res.json, its layers) was about 16 % of the
 * busy CPU of a trivial query. This path runs the same steps as the express chain in server.ts, from the same
 * functions (gateway.ts), the same body parser and the same Apollo server, and writes what @as-integrations/express5
 * and express's `res.send` write. Every other request (GET, other content types, /health, /metrics, /admin …) goes to
 * the express app.
 */

/** Reads a request's body into `req.body`, or fails with body-parser's error: `express.json({ limit })`. */
export type BodyParser = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export interface FastGraphQLOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  /** The GraphQL context of a request (the express path builds it from the same function). */
  readonly context: (locals: GatewayLocals, headers: IncomingHttpHeaders) => Promise<TContext>;
  /** The express chain's body parser itself (so charset, size and syntax faults are the same errors). */
  readonly parseBody: BodyParser;
  readonly authenticate: AuthenticateStep;
  readonly rateLimit: RateLimitStep;
  readonly persistedOperations: PersistedOperationsStep;
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly answerError: ErrorAnswer;
}

/** A JSON media type (`application/json`, any parameters): what express.json parses and this path serves. */
const JSON_TYPE = /^application\/json[\t ]*(?:;|$)/i;

/** Whether the express-free path serves this request: `POST /graphql` (query string allowed) with a JSON body. */
export function isFastGraphQLRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url;
  if (url !== '/graphql' && !url?.startsWith('/graphql?')) return false;
  const type = req.headers['content-type'];
  return type !== undefined && JSON_TYPE.test(type);
}

/** Serves one `POST /graphql` JSON request: the express chain's steps, in its order, then Apollo. */
export function fastGraphQL<TContext extends BaseContext>(
  options: FastGraphQLOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { apollo, parseBody, logger, timeoutMs, answerError } = options;
  apollo.assertStarted('fastGraphQL()');
  const readBody = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve, reject) => parseBody(req, res, (err) => (err ? reject(err) : resolve())));

  return async (req, res) => {
    const locals: GatewayLocals = { requestId: requestIdOf(req.headers), principal: null };
    res.setHeader('x-request-id', locals.requestId);
    startTimeout(timeoutMs, logger, res, locals.requestId);
    try {
      await readBody(req, res);
      // express's `req.ip` without `trust proxy` (the dispatcher sends everything to express when it is set).
      const ip = req.socket.remoteAddress;
      const principal = await options.authenticate(req.headers, ip);
      if (principal instanceof Refusal) return sendRefusal(res, locals.requestId, principal);
      locals.principal = principal;
      const limited = await options.rateLimit(principal, ip);
      if (limited) return sendRefusal(res, locals.requestId, limited);
      const body = (req as IncomingMessage & { body?: unknown }).body;
      const refused = await options.persistedOperations(principal, {
        method: req.method as string,
        body,
        url: req.url as string,
      });
      // Only a GET's URL is ever rewritten; this path serves POST.
      if (refused instanceof Refusal) return sendRefusal(res, locals.requestId, refused);
      await executeGraphQL(
        apollo,
        req,
        res,
        body,
        () => options.context(locals, req.headers),
        locals.requestId,
      );
    } catch (err) {
      try {
        answerError(err as Error & { status?: number }, res, locals.requestId);
      } catch (fault) {
        // Never expected (the answer is plain JSON); express would end the exchange too, never crash the process.
        logger.error({ err: fault, requestId: locals.requestId }, 'unhandled HTTP error');
        res.destroy();
      }
    }
  };
}

/**
 * What @as-integrations/express5's `expressMiddleware` does, with express's `res.send` for a complete body; Apollo's
 * own HTTP-level refusals (batching, CSRF, malformed body…) get the shape of every other top-level error: the
 * message in the reader's language and `extensions.requestId` (`localizedHttpErrorBody`).
 */
export async function executeGraphQL<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  context: ContextThunk<TContext>,
  requestId: string | undefined,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url as string;
  const execute = () =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method as string).toUpperCase(),
        headers,
        // `url.parse(req.url).search` of the express integration, without the deprecated url.parse.
        search: url.includes('?') ? url.slice(url.indexOf('?')) : '',
        body,
      },
      context,
    });
  // The request id for what logs inside Apollo's pipeline without the context (formatError's internal faults).
  const response = requestId ? await requestScope.run(requestId, execute) : await execute();
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status || 200;
  if (response.body.kind === 'complete') {
    const answer =
      res.statusCode >= 400 ? localizedHttpErrorBody(res, requestId, response.body.string) : null;
    return sendText(res, answer ?? response.body.string);
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * The express path's GraphQL handler (GET, and bodies that are not JSON): `executeGraphQL`, as on the express-free
 * path, so both answer alike. Like `expressMiddleware`, it needs the body parser to have run.
 */
export function expressGraphQL<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: express.Request, res: express.Response) => Promise<TContext>,
): express.RequestHandler {
  apollo.assertStarted('expressGraphQL()');
  return async (req, res, next) => {
    if (!('body' in req)) {
      res.status(500);
      res.send(
        '`req.body` is not set; this probably means you forgot to set up the `json` middleware before the Apollo Server middleware.',
      );
      return;
    }
    try {
      await executeGraphQL(apollo, req, res, req.body, () => context(req, res), gatewayLocals(res).requestId);
    } catch (err) {
      next(err);
    }
  };
}

/**
 * The http server's request listener: the express-free path for what `isFastGraphQLRequest` accepts, the express
 * app for everything else, and for everything when express would add to the answer (`trust proxy` changes `req.ip`,
 * `x-powered-by` adds a header).
 */
export function dispatcher(
  app: express.Express,
  fast: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): RequestListener {
  return (req, res) => {
    if (isFastGraphQLRequest(req) && !app.settings['trust proxy'] && !app.settings['x-powered-by']) {
      void fast(req, res);
    } else {
      app(req, res);
    }
  };
}
