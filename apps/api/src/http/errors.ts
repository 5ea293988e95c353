import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@gongji/domain';
import type { Logger } from 'pino';
import { QUERY_TOO_COMPLEX, isArmorRefusal } from '../limits/query-limits';

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
      return {
        message: original.rule ? `${original.message} (${original.rule})` : original.message,
        path: formatted.path,
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: original.code,
          rule: original.rule,
          field: original.field,
        },
      };
    }
    if (isArmorRefusal(formatted.message)) {
      // graphql-armor's limits (aliases, depth, tokens, directives) share the gateway's one refusal code.
      return {
        message: formatted.message.replace(/^Syntax Error: /, ''),
        extensions: { code: QUERY_TOO_COMPLEX },
      };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'internal error while executing GraphQL');
    return {
      message: 'Internal server error; it has been logged',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
