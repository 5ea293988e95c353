import type { ApolloServerPlugin } from '@apollo/server';
import { maskIdNumber } from '@gongji/domain';
import { type DocumentNode, GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import { type Principal, Role } from '../auth/principal';
import type { GraphQLContext } from '../context';
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../http/database-errors';
import { fragmentsOf } from './fragments';

export const INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED';

/** `__schema` or `__type` anywhere in the operation (fragments followed); `__typename` is not introspection. */
export function asksForIntrospection(document: DocumentNode): boolean {
  const fragments = fragmentsOf(document);
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__schema' || s.name.value === '__type') return true;
        return s.selectionSet ? visit(s.selectionSet) : false;
      }
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      return f ? visit(f.selectionSet) : false;
    });
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && visit(d.selectionSet));
}

const SUGGESTION = /\s*Did you mean .+?\?(?=\s|$)/g;

/** `message` without graphql-js's "Did you mean …?" suggestions (schema hints). */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** Whether a caller may read "Did you mean …?" suggestions: anyone outside production, ADMIN in production. */
export function suggestionsAllowed(production: boolean, principal: Principal | null | undefined): boolean {
  return !production || principal?.role === Role.ADMIN;
}

/** Codes of a request refused for who is asking. */
const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * The HTTP status of an answer with authentication or authorization errors (GraphQL-over-HTTP): 200 when the
 * response carries data (some root field answered, the refused ones null), 401 (UNAUTHENTICATED) or 403 (FORBIDDEN)
 * only when nothing of the request was answered (no data, or every root field null) and every error is one of
 * those. Queries and mutations alike. `null`: leave the status as it is.
 */
export function authStatus(
  errors: readonly { extensions?: Record<string, unknown> }[],
  data: Record<string, unknown> | null | undefined,
): number | null {
  const codes = errors.map((e) => e.extensions?.['code']);
  if (!codes.some((c) => AUTH_CODES.has(c as string))) return null;
  const answered = !!data && Object.values(data).some((v) => v !== null);
  if (answered) return 200;
  if (!codes.every((c) => AUTH_CODES.has(c as string))) return null;
  return codes.includes('UNAUTHENTICATED') ? 401 : 403;
}
/** 18-character resident ID numbers (GB 11643) in free text. */
const ID_NUMBER = /\b\d{17}[\dXx]\b/g;

/**
 * What a caller may learn from the schema and from error texts (issue #8):
 * - in production, introspection (`__schema`, `__type`) and "Did you mean …" suggestions are for ADMIN only
 *   (the console ships its queries; portals integrate against the published schema.graphql);
 * - every error carries the request id in `extensions.requestId` (the same id is in the logs);
 * - an ANALYST never reads a full ID number, not even inside an error message.
 */
export function responsePolicyPlugin(production: boolean): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const privileged = suggestionsAllowed(production, contextValue.principal);
      return {
        async validationDidStart() {
          return async (errors) => {
            if (privileged || !errors) return;
            for (const error of errors) error.message = withoutSuggestions(error.message);
          };
        },
        async didResolveOperation({ document }) {
          if (!privileged && asksForIntrospection(document)) {
            throw new GraphQLError(
              'Introspection is disabled in production except for ADMIN; integrate against the published schema.graphql',
              { extensions: { code: INTROSPECTION_DISABLED, http: { status: 403 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          if (response.body.singleResult.errors.some((e) => e.extensions?.['code'] === SERVICE_UNAVAILABLE)) {
            // Retryable (issue #11): 503 with Retry-After, so clients and proxies treat it as "try again".
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
          // A budget spent inside execution (an analyst's hourly look-ups by ID number) answers like the gateway's
          // request budget: Retry-After always, and HTTP 429 when nothing of the request was answered.
          const limited = response.body.singleResult.errors.find(
            (e) => e.extensions?.['code'] === 'RATE_LIMITED',
          );
          const wait = limited?.extensions?.['retryAfterSeconds'];
          if (typeof wait === 'number') {
            response.http.headers.set('retry-after', String(wait));
            const data = response.body.singleResult.data;
            if (!data || Object.values(data).every((v) => v === null)) response.http.status = 429;
          }
          // Partial data answers 200 whether a query or a mutation; 401/403 only when nothing was answered.
          const status = authStatus(response.body.singleResult.errors, response.body.singleResult.data);
          if (status !== null && response.http.status !== 503 && response.http.status !== 429)
            response.http.status = status;
          const masked = contextValue.principal?.role === Role.ANALYST;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => {
            // Suggestions stripped from every message (validation's are already; this also covers any later one).
            const message = privileged ? e.message : withoutSuggestions(e.message);
            return {
              ...e,
              message: masked ? message.replace(ID_NUMBER, (id) => maskIdNumber(id.toUpperCase())) : message,
              extensions: { ...e.extensions, requestId: contextValue.requestId },
            };
          });
        },
      };
    },
  };
}
