import { GraphQLError, type GraphQLFormattedError, Kind, print } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  DomainError,
  type Language,
  type MessageParam,
  type MessageParams,
  detailParam,
  negotiateLanguage,
  regionCodesOf,
  renderMessage,
  renderRefusal,
  withRule,
} from '@gongji/domain';
import type { Logger } from 'pino';
import { detailOf, inErrorChain, refusalParamsOf } from '../common/error-detail';
import type { GraphQLContext } from '../context';
import { QUERY_TOO_COMPLEX, isArmorRefusal } from '../limits/query-limits';
import { suggestionsAllowed, withoutSuggestions } from '../limits/response-policy';
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
    const limit = limitRefusal(error);
    if (limit) {
      // The gateway's selection limits, counted during validation (Apollo reports them as GRAPHQL_VALIDATION_FAILED).
      const { code: _c, http: _h, ...details } = limit.extensions;
      return withErrorDetail(
        { message: limit.message, extensions: { ...details, code: QUERY_TOO_COMPLEX } },
        knownDetail(limit.message),
      );
    }
    if (formatted.message === VALIDATION_ABORTED) {
      // graphql-js's validation work budget (a document of a thousand selections or fragment spreads).
      return withErrorDetail(
        { message: VALIDATION_WORK_MESSAGE, extensions: { code: QUERY_TOO_COMPLEX } },
        detailParam('VALIDATION_WORK_LIMIT'),
      );
    }
    if (isArmorRefusal(formatted.message)) {
      // graphql-armor's limits (aliases, depth, tokens, directives) share the gateway's one refusal code.
      const message = formatted.message.replace(/^Syntax Error: /, '');
      return withErrorDetail({ message, extensions: { code: QUERY_TOO_COMPLEX } }, knownDetail(message));
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      const variable = variableErrorOf(error);
      if (typeof extensions['reason'] === 'string') {
        // A scalar's refusal (Money, Date, DateTime): BAD_USER_INPUT whether the value was a variable or a literal
        // (graphql-js reports a literal's as a validation error), rendered from the catalogue with its params.
        const params = variable?.secret ? undefined : refusalParamsOf(error);
        const refusal: GraphQLFormattedError = {
          ...formatted,
          message: variable ? variableErrorText(variable, true) : formatted.message,
          extensions: { ...extensions, code: 'BAD_USER_INPUT' },
        };
        Object.assign(refusal, { [SCALAR_REFUSAL]: true }, params ? { [REFUSAL_PARAMS]: params } : {});
        return refusal;
      }
      const literal = secretLiteral(error);
      if (literal !== null) {
        // A secret written in the query (`password: 147258`): graphql-js's validation text repeats it.
        let message = formatted.message;
        for (const text of literal) if (text) message = message.split(text).join(REDACTED);
        return { ...formatted, message: redactSecrets(message), extensions };
      }
      if (variable) {
        return Object.assign(
          { ...formatted, message: variableErrorText(variable, true), extensions },
          { [VARIABLE_ERROR]: variable },
        );
      }
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

/** graphql-js's validation work budget was exceeded (graphql 16.11+: `validationAbortedError`). */
const VALIDATION_ABORTED = 'Validation aborted.';
const VALIDATION_WORK_MESSAGE =
  'The document needs too much validation work (too many selections or fragment spreads); make it smaller';

/** The gateway limit refusal (QUERY_TOO_COMPLEX) inside a validation error, if the error is one. */
function limitRefusal(error: unknown): { message: string; extensions: Record<string, unknown> } | null {
  return (
    inErrorChain(error, (e) => {
      const extensions = (e as { extensions?: Record<string, unknown> }).extensions;
      return extensions?.['code'] === QUERY_TOO_COMPLEX
        ? { message: (e as Error).message, extensions }
        : undefined;
    }) ?? null
  );
}

/**
 * Names of inputs and variables that carry secrets (payment passwords, staff passwords, keys, tokens, the pepper):
 * their values are never echoed in an error message.
 */
const SECRET_NAME = /password|passwd|secret|pepper|token|api_?key|credential/i;
/** A secret-named key and its value inside an echoed input (`{ password: "147258" }` as graphql-js prints it). */
const SECRET_ENTRY = new RegExp(
  `(\\b[\\w$]*(?:${SECRET_NAME.source})[\\w$]*"?\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|\\[[^\\]]*\\]|\\{[^}]*\\}|[^,}\\s]+)`,
  'gi',
);
const REDACTED = '[redacted]';

/** `text` with the values of secret-named keys replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_ENTRY, (_whole, key: string) => `${key}${REDACTED}`);
}

/**
 * A variable's value graphql-js refused (`Variable "$x" got invalid value <value>[ at "x.path"]; <why>`), in parts:
 * the value and the reason are already redacted when the value is a secret (its variable or an input field on its
 * path is secret-named) or holds secret-named keys; `reason` keeps graphql-js's "Did you mean …?" (removed for the
 * callers who may not see it, see `suggestionsAllowed`).
 */
interface VariableError {
  readonly variable: string;
  readonly value: string;
  readonly path: string | null;
  readonly reason: string;
  readonly secret: boolean;
}

const VARIABLE_PREFIX = /^Variable "\$(\w+)" got invalid value ([\s\S]*?)(?: at "([^"]*)")?$/;

/** graphql-js's error of a refused variable value (Apollo may wrap it), and the inner error giving the reason. */
function variableCoercionError(error: unknown): { outer: GraphQLError; reason: string } | null {
  return (
    inErrorChain(error, (e) => {
      const inner = (e as { originalError?: unknown }).originalError;
      return e instanceof GraphQLError &&
        e.message.startsWith('Variable "$') &&
        inner instanceof Error &&
        e.message.endsWith(`; ${inner.message}`)
        ? { outer: e, reason: inner.message }
        : undefined;
    }) ?? null
  );
}

/** Whether the query passes `$variable` to a secret-named argument or input field (`password: $p`). */
function usedAsSecret(source: string | undefined, variable: string): boolean {
  if (!source) return false;
  return new RegExp(`[\\w]*(?:${SECRET_NAME.source})[\\w]*\\s*:\\s*\\$${variable}\\b`, 'i').test(source);
}

function variableErrorOf(error: unknown): VariableError | null {
  const found = variableCoercionError(error);
  if (!found) return null;
  const { outer, reason } = found;
  const m = VARIABLE_PREFIX.exec(outer.message.slice(0, -(reason.length + 2)));
  if (!m) return null;
  const [, variable, value, path = null] = m;
  const secret =
    SECRET_NAME.test(variable) ||
    (path ?? '').split(/[.[\]]/).some((p) => SECRET_NAME.test(p)) ||
    usedAsSecret(outer.source?.body, variable);
  return {
    variable,
    value: secret ? REDACTED : redactSecrets(value),
    path,
    // The reason may repeat the value (`String cannot represent a non string value: 147258`).
    reason: secret ? redactSecrets(reason.split(value).join(REDACTED)) : redactSecrets(reason),
    secret,
  };
}

/**
 * The source text of a literal that graphql-js refused for a secret-named argument or input field (`password:
 * 147258`), or null: validation errors point at the literal (`nodes`), and the text just before it names the field.
 */
function secretLiteral(error: unknown): string[] | null {
  if (!(error instanceof GraphQLError)) return null;
  const node = error.nodes?.[0];
  const loc = node?.loc;
  const body = error.source?.body;
  if (!node || !loc || !body || node.kind === Kind.VARIABLE_DEFINITION) return null;
  const before = body.slice(Math.max(0, loc.start - 100), loc.start);
  if (!new RegExp(`(?:${SECRET_NAME.source})\\w*\\s*:\\s*$`, 'i').test(before)) return null;
  return [body.slice(loc.start, loc.end), print(node)];
}

/** The detail of a refused variable value (detail catalogue `VARIABLE_VALUE_INVALID`). */
function variableDetail(variable: VariableError, suggestions: boolean): MessageParam {
  return detailParam('VARIABLE_VALUE_INVALID', {
    variable: variable.variable,
    value: variable.value,
    ...(variable.path ? { path: variable.path } : {}),
    error: suggestions ? variable.reason : withoutSuggestions(variable.reason),
  });
}

/** graphql-js's English text of a refused variable value, redacted (and without suggestions when told). */
function variableErrorText(variable: VariableError, suggestions: boolean): string {
  const at = variable.path ? ` at "${variable.path}"` : '';
  const reason = suggestions ? variable.reason : withoutSuggestions(variable.reason);
  return `Variable "$${variable.variable}" got invalid value ${variable.value}${at}; ${reason}`;
}

/** Marks a scalar's input refusal (Money, Date, DateTime) for {@link localizedErrorsPlugin} (never sent). */
const SCALAR_REFUSAL = Symbol('scalarRefusal');

/** Where formatError leaves a refused variable's parts for {@link localizedErrorsPlugin} (never sent). */
const VARIABLE_ERROR = Symbol('variableError');

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
export function localizedErrorsPlugin(production = false): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const language: Language =
        contextValue.language ?? negotiateLanguage(request.http?.headers.get('accept-language'));
      const regionNames = new Map<string, string>();
      const suggestions = suggestionsAllowed(production, contextValue.principal);
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
          response.body.singleResult.errors = withoutRedundantErrors(response.body.singleResult.errors).map(
            (e) => localizeError(e, language, (code) => regionNames.get(code), suggestions),
          );
        },
      };
    },
  };
}

/**
 * A document over a gateway limit gets only its QUERY_TOO_COMPLEX refusals: not the validation errors of the same
 * oversized document, nor graphql-js's "Validation aborted." when a limit refusal already says why.
 */
function withoutRedundantErrors(errors: readonly GraphQLFormattedError[]): readonly GraphQLFormattedError[] {
  const limits = errors.filter((e) => e.extensions?.['code'] === QUERY_TOO_COMPLEX);
  if (limits.length === 0) return errors;
  const precise = limits.filter((e) => e.message !== VALIDATION_WORK_MESSAGE);
  return precise.length > 0 ? precise : limits;
}

function localizeError(
  error: GraphQLFormattedError,
  language: Language,
  regionName: (code: string) => string | undefined,
  suggestions = true,
): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const code = extensions['code'];
  const reason = extensions['reason'];
  const variable = (error as { [VARIABLE_ERROR]?: VariableError })[VARIABLE_ERROR];
  if (variable && typeof reason !== 'string') {
    // graphql-js's refusal of a variable's value: its text in English, inside a sentence in Chinese (issue #9);
    // secrets already redacted, "Did you mean …?" only for who may see the schema.
    const message =
      language === 'en'
        ? variableErrorText(variable, suggestions)
        : localizedTopLevelMessage(
            'BAD_USER_INPUT',
            error.message,
            extensions,
            language,
            variableDetail(variable, suggestions),
          );
    return { ...error, message: message ?? error.message };
  }
  if (typeof reason === 'string' && (error as { [SCALAR_REFUSAL]?: boolean })[SCALAR_REFUSAL]) {
    // A scalar's refusal: from the catalogue in every language, the same for a variable and a literal.
    const params = (error as { [REFUSAL_PARAMS]?: MessageParams })[REFUSAL_PARAMS] ?? {};
    const rule = typeof extensions['rule'] === 'string' ? extensions['rule'] : null;
    const text = renderMessage(reason, language, params, regionName, rule);
    if (text !== null) return { ...error, message: withRule(text, rule, language) };
  }
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
