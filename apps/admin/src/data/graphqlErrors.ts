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
  const serverError =
    rootMessages.length > 0 ? rootMessages.join('; ') : userErrors.map(describeUserError).join('; ');
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

/**
 * Normalises whatever ra-data-graphql rejected with. It wraps every failure in `HttpError(message, 200, cause)`,
 * including the validation HttpError our own parseResponse threw, so that one is unwrapped first.
 */
export function normalizeDataProviderError(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error;
  const cause: unknown = error.body;
  if (cause instanceof HttpError) return cause;
  const codes = topLevelErrors(cause).map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED') || error.status === 401) {
    return new HttpError(ERROR_MESSAGES.unauthenticated, 401, cause);
  }
  if (codes.includes('FORBIDDEN') || error.status === 403) {
    return new HttpError(ERROR_MESSAGES.forbidden, 403, cause);
  }
  if (codes.includes('BAD_USER_INPUT') || codes.includes('GRAPHQL_VALIDATION_FAILED')) {
    const detail = topLevelErrors(cause)[0]?.message ?? error.message;
    return new HttpError(detail || ERROR_MESSAGES.badInput, 400, cause);
  }
  if (codes.includes('INTERNAL_SERVER_ERROR')) return new HttpError(ERROR_MESSAGES.internal, 500, cause);
  return error;
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
