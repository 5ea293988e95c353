import type { MessageParam, MessageParams } from '@gongji/domain';
import { GraphQLError } from 'graphql';

/**
 * The detail of a top-level error in the reader's language (issue #9): an error built by the API carries, besides its
 * English message (logs, English readers), a `detailParam(code, params)` rendered from the detail catalogue
 * (libs/domain/src/messages/detail-catalogue.ts) into the Chinese text: `无权执行此操作（<detail>）`. Kept under a
 * symbol, so it is never serialised; `extensions` are unchanged.
 */
const DETAIL = Symbol.for('gongji.errorDetail');

/** `error` with `value` under `key`, never serialised (not enumerable). */
function attach<E extends object>(error: E, key: symbol, value: unknown): E {
  Object.defineProperty(error, key, { value, enumerable: false, configurable: true });
  return error;
}

/**
 * The first thing `pick` finds on `error` or on an error it wraps (graphql-js's and Apollo's `originalError`, at most
 * five deep), or undefined.
 */
export function inErrorChain<T>(error: unknown, pick: (error: object) => T | undefined): T | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const found = pick(current);
    if (found !== undefined) return found;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** `error`, carrying `detail` for the localized message. */
export function withDetail<E extends object>(error: E, detail: MessageParam): E {
  return attach(error, DETAIL, detail);
}

/** The detail `withDetail` left on `error` or on an error it wraps (graphql-js's `originalError`), if any. */
export function detailOf(error: unknown): MessageParam | undefined {
  return inErrorChain(error, (e) => (e as { [DETAIL]?: MessageParam })[DETAIL]);
}

/** A malformed argument (BAD_USER_INPUT, HTTP 400 by Apollo's default) with its localizable detail. */
export function badUserInput(
  message: string,
  detail: MessageParam,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return withDetail(
    new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } }),
    detail,
  );
}

/** Where a scalar's input refusal keeps its catalogue params (the input as given, e.g. `{ text: "1.001" }`). */
const PARAMS = Symbol.for('gongji.refusalParams');

/** `error`, carrying the params its refusal code's catalogue entry shows (never serialised). */
export function withRefusalParams<E extends object>(error: E, params: MessageParams): E {
  return attach(error, PARAMS, params);
}

/** The params `withRefusalParams` left on `error` or on an error it wraps, if any. */
export function refusalParamsOf(error: unknown): MessageParams | undefined {
  return inErrorChain(error, (e) => (e as { [PARAMS]?: MessageParams })[PARAMS]);
}
