// Turns GraphQL outcomes into react-admin's vocabulary: userErrors become a validation HttpError shown on the
// form fields, top-level errors become 401 (sign out) / 403 (notify "forbidden") HttpErrors.
import { HttpError } from 'ra-core';
import type { UserError } from './graphqlTypes';

export interface TopLevelGraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string } & Record<string, unknown>;
}

/** i18n keys of the notifications (see i18n/zh.ts). react-admin translates an error's message when notifying. */
export const ERROR_MESSAGES = {
  forbidden: 'gongji.errors.forbidden',
  unauthenticated: 'gongji.errors.unauthenticated',
  invalid: 'gongji.errors.invalid',
  badInput: 'gongji.errors.bad_input',
  internal: 'gongji.errors.internal',
  /** The server could not be reached (connection refused, DNS, offline): never "not found" or an empty list. */
  network: 'gongji.errors.network',
  /** The server answered 502/503/504 or SERVICE_UNAVAILABLE / REQUEST_TIMEOUT: try again shortly. */
  unavailable: 'gongji.errors.unavailable',
} as const;

/** A UserError's message with its DOMAIN.md rule id, e.g. "互助使用日期不得早于备案日期 (R-KIN-3)". */
export function describeUserError(error: UserError): string {
  if (!error.rule || error.message.includes(error.rule)) return error.message;
  return `${error.message} (${error.rule})`;
}

/**
 * The HttpError react-admin's Edit understands (pessimistic mode): `body.errors` maps form paths to messages and
 * `root.serverError` is notified. `field` is the input path without the leading "input" (`["mutualAidUseFrom"]`);
 * errors that name no field go to the root message only.
 */
export function userErrorsToHttpError(userErrors: readonly UserError[]): HttpError {
  const errors: Record<string, unknown> = {};
  const rootMessages: string[] = [];
  for (const error of userErrors) {
    const text = describeUserError(error);
    const path = (error.field ?? []).filter((segment) => segment !== 'input');
    if (path.length === 0) {
      rootMessages.push(text);
      continue;
    }
    setPath(errors, path, text);
  }
  // react-admin notifies root.serverError: it lists every reason (those without a field first), because a field
  // the form shows no input for (`relation`, a nested path) would otherwise be dropped silently.
  const fieldMessages = userErrors.map(describeUserError).filter((text) => !rootMessages.includes(text));
  const serverError = [...new Set([...rootMessages, ...fieldMessages])].join('; ');
  errors.root = { serverError };
  return new HttpError(serverError || ERROR_MESSAGES.invalid, 400, { errors, userErrors });
}

function setPath(target: Record<string, unknown>, path: readonly string[], message: string): void {
  let node = target;
  path.slice(0, -1).forEach((segment) => {
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  });
  const leaf = path[path.length - 1];
  const existing = node[leaf];
  node[leaf] = typeof existing === 'string' ? `${existing}; ${message}` : message;
}

interface ApolloLikeError {
  readonly name?: string;
  readonly message?: string;
  readonly graphQLErrors?: readonly TopLevelGraphqlError[];
  readonly networkError?: {
    readonly statusCode?: number;
    readonly result?: { readonly errors?: readonly TopLevelGraphqlError[] };
  } | null;
}

/** The top-level GraphQL errors carried by an Apollo error (in the body or in a non-200 response). */
export function topLevelErrors(error: unknown): readonly TopLevelGraphqlError[] {
  const apollo = error as ApolloLikeError | null | undefined;
  if (!apollo || typeof apollo !== 'object') return [];
  const fromBody = apollo.graphQLErrors ?? [];
  const fromNetwork = apollo.networkError?.result?.errors ?? [];
  return [...fromBody, ...fromNetwork];
}

/** Messages browsers give a fetch that never reached the server (Chromium, Firefox, Safari). */
const NETWORK_FAILURE = /failed to fetch|networkerror|network request failed|load failed|fetch failed/i;

/**
 * True when a request never got an answer from the server (API stopped, connection lost, offline): Apollo's
 * `networkError` without an HTTP status, a bare fetch TypeError, or ra-data-graphql's HttpError made from one (it
 * keeps only the message and an undefined status). An answer of the server (any HTTP status) is not one.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (error instanceof HttpError) {
    if (error.message === ERROR_MESSAGES.network) return true;
    if (error.body !== undefined && error.body !== null && isNetworkFailure(error.body)) return true;
    return (!error.status || error.status === 0) && NETWORK_FAILURE.test(error.message ?? '');
  }
  const apollo = error as ApolloLikeError;
  if (apollo.networkError) {
    const status = apollo.networkError.statusCode;
    return status === undefined || status === 0;
  }
  return NETWORK_FAILURE.test(apollo.message ?? '') && topLevelErrors(error).length === 0;
}

/** True when the server answered that it cannot serve now (gateway 502/503/504, SERVICE_UNAVAILABLE, REQUEST_TIMEOUT). */
export function isServiceUnavailable(error: unknown): boolean {
  const status = (error as { status?: number; networkError?: { statusCode?: number } | null } | null)?.status;
  const networkStatus = (error as ApolloLikeError | null)?.networkError?.statusCode;
  const body = error instanceof HttpError ? (error.body as unknown) : undefined;
  const codes = [...topLevelErrors(error), ...topLevelErrors(body)].map((e) => e.extensions?.code);
  return (
    [502, 503, 504].includes(status ?? networkStatus ?? 0) ||
    codes.includes('SERVICE_UNAVAILABLE') ||
    codes.includes('REQUEST_TIMEOUT')
  );
}

/**
 * Apollo's and the browser's own English texts, never to be shown: a production Apollo invariant ("An error
 * occurred! For more details, see the full error text at https://go.apollo.dev/c/err#…", e.g. a query cut off by the
 * store reset of 退出) and the transport text of an HTTP error ("Response not successful: Received status code 429").
 */
const TRANSPORT_TEXT = /go\.apollo\.dev|Response not successful|Received status code/i;

/** True when a message is Apollo's or the transport's English text rather than the server's or ours. */
export function isTransportText(message: unknown): boolean {
  return typeof message === 'string' && TRANSPORT_TEXT.test(message);
}

/** The HTTP status of a non-2xx answer (429, 500 …) as Apollo reports it, if the request got one. */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as ApolloLikeError | null)?.networkError?.statusCode;
  return typeof status === 'number' && status >= 400 ? status : undefined;
}

/**
 * Normalises whatever ra-data-graphql (or a direct Apollo call) rejected with. It wraps every failure in
 * `HttpError(message, 200, cause)`, including the validation HttpError our own parseResponse threw, so that one is
 * unwrapped first. A request that never reached the server becomes `gongji.errors.network` (status 0), so pages say
 * 无法连接服务器 instead of "not found", an empty list or the browser's English "Failed to fetch".
 */
export function normalizeDataProviderError(error: unknown): unknown {
  return withoutTransportText(normalizeError(error));
}

/**
 * The final guard: an error whose message is still Apollo's or the transport's English text (with its go.apollo.dev
 * URL) says the generic 服务器内部错误 instead; its status and cause are kept, so a 401 still signs out.
 */
function withoutTransportText(error: unknown): unknown {
  if (!error || typeof error !== 'object' || !isTransportText((error as Error).message)) return error;
  const status = (error as { status?: number }).status;
  const cause = error instanceof HttpError ? (error.body as unknown) : error;
  return new HttpError(ERROR_MESSAGES.internal, status && status >= 400 ? status : 500, cause);
}

function normalizeError(error: unknown): unknown {
  if (!(error instanceof HttpError)) {
    if (error && typeof error === 'object' && ('networkError' in error || 'graphQLErrors' in error))
      return normalizeError(new HttpError((error as { message?: string }).message ?? '', 200, error));
    if (isNetworkFailure(error)) return new HttpError(ERROR_MESSAGES.network, 0, error);
    return error;
  }
  const cause: unknown = error.body;
  if (cause instanceof HttpError) return cause;
  const codes = topLevelErrors(cause).map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED') || error.status === 401 || httpStatusOf(cause) === 401) {
    return new HttpError(ERROR_MESSAGES.unauthenticated, 401, cause);
  }
  if (codes.includes('FORBIDDEN') || error.status === 403 || httpStatusOf(cause) === 403) {
    return new HttpError(ERROR_MESSAGES.forbidden, 403, cause);
  }
  if (codes.includes('BAD_USER_INPUT') || codes.includes('GRAPHQL_VALIDATION_FAILED')) {
    const detail = topLevelErrors(cause)[0]?.message ?? error.message;
    return new HttpError(detail || ERROR_MESSAGES.badInput, 400, cause);
  }
  if (isNetworkFailure(error)) return new HttpError(ERROR_MESSAGES.network, 0, cause ?? error);
  if (isServiceUnavailable(error) || isServiceUnavailable(cause))
    return new HttpError(ERROR_MESSAGES.unavailable, 503, cause);
  if (codes.includes('INTERNAL_SERVER_ERROR')) return new HttpError(ERROR_MESSAGES.internal, 500, cause);
  // Any other HTTP refusal (429 RATE_LIMITED: 请求过于频繁…请于3566秒后重试) is said with the server's own message from
  // the JSON body, not Apollo's "Response not successful: Received status code 429".
  const httpStatus = httpStatusOf(cause);
  const serverMessage = topLevelErrors(cause).find((e) => e.message)?.message;
  if (httpStatus && serverMessage) return new HttpError(serverMessage, httpStatus, cause);
  return error;
}

/**
 * A failed request made without a session (signed out, then the browser's Back button; or a query cut off by the
 * store reset of 退出) is a lost session whatever it failed with: a 401, so authProvider.checkError sends the
 * officer to the login page instead of the page saying Apollo's text or 条目不存在.
 */
export function asSignedOut(error: unknown, signedIn: boolean): unknown {
  if (signedIn || isUnauthenticated(error)) return error;
  return new HttpError(ERROR_MESSAGES.unauthenticated, 401, error);
}

/** True when an error (from the data or auth provider) means the session is gone. */
export function isUnauthenticated(error: unknown): boolean {
  if (error instanceof HttpError && error.status === 401) return true;
  const status = (error as { status?: number } | null)?.status;
  if (status === 401) return true;
  const body = (error as { body?: unknown } | null)?.body;
  return [...topLevelErrors(error), ...topLevelErrors(body)].some(
    (e) => e.extensions?.code === 'UNAUTHENTICATED',
  );
}

/**
 * True when a save failed because the session is gone: a 401, or react-admin's "missing id" after it signed the
 * clerk out (its data provider then answers `{ data: {} }` instead of the error).
 */
export function isSessionLost(error: unknown): boolean {
  if (isUnauthenticated(error)) return true;
  const message = (error as Error | null)?.message ?? '';
  return /Invalid dataProvider response for \w+: missing id/.test(message);
}
