import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';

/** The character no text column stores: PostgreSQL refuses U+0000 in `text` (22021), so it never gets that far. */
const NUL = '\u0000';

/**
 * The path (variable name, then keys and indexes) of the first string holding U+0000, or null. Runs on every request's
 * variables, so the path is built only on the way back from a hit.
 */
export function nulPathIn(value: unknown): string[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? [] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulPathIn(value[i]);
      if (found) return [String(i), ...found];
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPathIn(v);
      if (found) return [k, ...found];
    }
  }
  return null;
}

/** Whether a string literal of the document holds U+0000 (written `\u0000` in the query text). */
export function documentHasNul(document: DocumentNode, source: string | undefined): boolean {
  // Only an escape can put U+0000 in a literal (the lexer refuses the raw character), so most documents skip the walk.
  if (source !== undefined && !/\\u(0000|\{0+\})/i.test(source)) return false;
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

function nulRefusal(field: string[] | null): GraphQLError {
  return new GraphQLError('Text must not contain the NUL character (U+0000)', {
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), http: { status: 400 } },
  });
}

/**
 * No text with U+0000 reaches a resolver (names, ID numbers, reasons, search text…): it is malformed input, refused
 * as BAD_USER_INPUT (400) before anything runs — on PostgreSQL it would otherwise fail the statement and come back as
 * INTERNAL_SERVER_ERROR (API.md: top-level errors only for malformed requests, never a 500 for the caller's input).
 */
export function nulTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variablePath = nulPathIn(request.variables ?? {});
          if (variablePath) throw nulRefusal(variablePath);
          if (documentHasNul(document, request.query)) throw nulRefusal(null);
        },
      };
    },
  };
}
