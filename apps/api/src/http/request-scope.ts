import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the request being executed, for code that runs inside Apollo's pipeline without the GraphQL context —
 * `formatError` logs an internal fault with it, so the `extensions.requestId` a client reports finds its log line.
 */
export const requestScope = new AsyncLocalStorage<string>();

/** The current request's id, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore();
}
