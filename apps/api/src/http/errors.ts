import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  DomainError,
  type Language,
  type MessageParam,
  type MessageParams,
  negotiateLanguage,
  regionCodesOf,
  renderMessage,
  renderRefusal,
} from '@gongji/domain';
import type { Logger } from 'pino';
import { detailOf } from '../common/error-detail';
import type { GraphQLContext } from '../context';
import { QUERY_TOO_COMPLEX, isArmorRefusal } from '../limits/query-limits';
import {
  RETRY_AFTER_SECONDS,
  SERVICE_UNAVAILABLE,
  UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from './database-errors';
import { knownDetail } from './error-details';
import { currentRequestId } from './request-scope';

const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'INTROSPECTION_DISABLED',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_ALLOWED',
]);

/**
 * Top-level errors are for authentication, authorization, malformed requests and internal faults (API.md). A
 * domain refusal that escaped a payload becomes BAD_USER_INPUT with its rule; anything unexpected is logged with its
 * stack and reaches the client only as INTERNAL_SERVER_ERROR — never a stack trace.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const refusal: GraphQLFormattedError = {
        message: original.rule ? `${original.message} (${original.rule})` : original.message,
        path: formatted.path,
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: original.code,
          rule: original.rule,
          field: original.field,
        },
      };
      // Not serialised: read by localizedErrorsPlugin to render the refusal from the catalogue.
      if (original.params) Object.assign(refusal, { [REFUSAL_PARAMS]: original.params });
      return refusal;
    }
    if (isArmorRefusal(formatted.message)) {
      // graphql-armor's limits (aliases, depth, tokens, directives) share the gateway's one refusal code.
      const message = formatted.message.replace(/^Syntax Error: /, '');
      return withErrorDetail({ message, extensions: { code: QUERY_TOO_COMPLEX } }, knownDetail(message));
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return withErrorDetail(
        { ...formatted, extensions },
        detailOf(original) ?? detailOf(error) ?? knownDetail(formatted.message),
      );
    }
    if (isDatabaseUnavailable(original)) {
      // Retryable, and never logged with the SQL or its parameters (personal data): the code and message suffice.
      logger.warn(
        {
          path: formatted.path,
          requestId: currentRequestId(),
          dbError: (original as { code?: string }).code ?? (original as Error).message,
        },
        'database unavailable while executing GraphQL',
      );
      return {
        message: UNAVAILABLE_MESSAGE,
        path: formatted.path,
        extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
      };
    }
    logger.error(
      { err: original, path: formatted.path, requestId: currentRequestId() },
      'internal error while executing GraphQL',
    );
    return {
      message: 'Internal server error; it has been logged',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** Where formatError leaves a domain refusal's params for {@link localizedErrorsPlugin} (never sent). */
const REFUSAL_PARAMS = Symbol('refusalParams');

/** Where formatError leaves a top-level error's localizable detail for {@link localizedErrorsPlugin} (never sent). */
const ERROR_DETAIL = Symbol('errorDetail');

function withErrorDetail(
  error: GraphQLFormattedError,
  detail: MessageParam | undefined,
): GraphQLFormattedError {
  if (detail !== undefined) Object.assign(error, { [ERROR_DETAIL]: detail });
  return error;
}

/**
 * Top-level codes whose own text is graphql-js's (parse, validation, operation resolution): in Chinese it stays the
 * detail, inside a Chinese sentence (`查询无效：Cannot query field …`), so a developer can still search for it.
 */
const GRAPHQL_JS_TEXT_CODES = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** graphql-js's own refusal of a variable's value (`Variable "$x" got invalid value …`), BAD_USER_INPUT by Apollo. */
const GRAPHQL_JS_VARIABLE_ERROR = /^Variable "\$/;

/** Extensions whose numbers the catalogue's top-level messages show (`RATE_LIMITED`). */
const NUMERIC_EXTENSIONS = ['retryAfterSeconds', 'limitPerMinute'] as const;

/**
 * Top-level error messages in the request's language (issue #9). `extensions.code` never changes. A domain refusal
 * that escaped a payload (BAD_USER_INPUT with `reason`) is rendered from the refusal catalogue like a userError; the
 * gateway's own codes (UNAUTHENTICATED, FORBIDDEN, QUERY_TOO_COMPLEX…) get the catalogue's Chinese text, keeping the
 * technical detail where it helps (`{detail}`); English keeps today's texts, which are already English.
 */
export function localizedErrorsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const language: Language =
        contextValue.language ?? negotiateLanguage(request.http?.headers.get('accept-language'));
      const regionNames = new Map<string, string>();
      return {
        // The region names are looked up here, before formatting: willSendResponse must stay synchronous, because
        // Apollo runs the plugins' willSendResponse hooks concurrently and responsePolicyPlugin replaces the list.
        async didEncounterErrors({ errors }) {
          const codes = errors.flatMap((e) => {
            const original = unwrapResolverError(e);
            return original instanceof DomainError ? regionCodesOf(original.params) : [];
          });
          if (codes.length === 0) return;
          const regions = await contextValue.loaders.regionByCode.loadMany([...new Set(codes)]);
          for (const region of regions) {
            if (region && !(region instanceof Error)) regionNames.set(region.code, region.name);
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
            localizeError(e, language, (code) => regionNames.get(code)),
          );
        },
      };
    },
  };
}

function localizeError(
  error: GraphQLFormattedError,
  language: Language,
  regionName: (code: string) => string | undefined,
): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const code = extensions['code'];
  const reason = extensions['reason'];
  // A domain refusal outside a payload: one that escaped a resolver, or a Money scalar's (literal or variable).
  if ((code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') && typeof reason === 'string') {
    const params = (error as { [REFUSAL_PARAMS]?: MessageParams })[REFUSAL_PARAMS];
    const rule = typeof extensions['rule'] === 'string' ? extensions['rule'] : null;
    const field = Array.isArray(extensions['field']) ? (extensions['field'] as string[]) : null;
    const message = renderRefusal(
      { code: reason, message: error.message, rule, field, params },
      language,
      regionName,
    );
    return { ...error, message };
  }
  const detail = (error as { [ERROR_DETAIL]?: MessageParam })[ERROR_DETAIL];
  const message =
    typeof code === 'string'
      ? localizedTopLevelMessage(code, error.message, extensions, language, detail, regionName)
      : null;
  return message ? { ...error, message } : error;
}

/**
 * The text of a top-level error in `language`, or `null` to keep `original`: English keeps today's texts; Chinese
 * comes from the catalogue, with the error's `detail` (rendered from the detail catalogue) as `{detail}` and the
 * numbers of `extensions` as placeholders. Without a detail, a known English text (a limit, an Apollo HTTP refusal)
 * is read back into one; graphql-js's own texts stay as they are inside the Chinese sentence; any other English text
 * is left out (the catalogue's general Chinese text), so no English sentence reaches a Chinese reader.
 */
export function localizedTopLevelMessage(
  code: string,
  original: string,
  extensions: Readonly<Record<string, unknown>>,
  language: Language,
  detail?: MessageParam,
  regionName?: (code: string) => string | undefined,
): string | null {
  if (language === 'en') return null;
  const params: Record<string, MessageParam> = {};
  const shown =
    detail ??
    knownDetail(original) ??
    (GRAPHQL_JS_TEXT_CODES.has(code) || GRAPHQL_JS_VARIABLE_ERROR.test(original) ? original : undefined);
  if (shown !== undefined) params['detail'] = shown;
  for (const name of NUMERIC_EXTENSIONS) {
    const value = extensions[name];
    if (typeof value === 'number') params[name] = value;
  }
  return renderMessage(code, language, params, regionName);
}
