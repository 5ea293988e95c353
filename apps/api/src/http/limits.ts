import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';

/** Depth of an operation's selection tree, following fragments (a fragment cycle counts once). */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const depthOf = (
    selections: readonly SelectionNode[],
    depth: number,
    seen: ReadonlySet<string>,
  ): number => {
    let max = depth;
    for (const s of selections) {
      if (s.kind === Kind.FIELD) {
        max = Math.max(max, s.selectionSet ? depthOf(s.selectionSet.selections, depth + 1, seen) : depth + 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(s.selectionSet.selections, depth, seen));
      } else {
        const fragment = fragments.get(s.name.value);
        if (fragment && !seen.has(s.name.value)) {
          max = Math.max(
            max,
            depthOf(fragment.selectionSet.selections, depth, new Set([...seen, s.name.value])),
          );
        }
      }
    }
    return max;
  };
  return depthOf(operation.selectionSet.selections, 0, new Set());
}

/**
 * Refuses operations nested deeper than `max` fields with a typed QUERY_TOO_COMPLEX error (400), before anything
 * runs: oversize queries get a clear answer, not a slow one. Pure introspection (the console's ra-data-graphql
 * nests `ofType` deeply, bounded by the schema) is exempt.
 */
export function depthLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const introspectionOnly = operation.selectionSet.selections.every(
            (s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'),
          );
          if (introspectionOnly) return;
          const depth = operationDepth(document, operation);
          if (depth > max) {
            throw new GraphQLError(`Query depth ${depth} exceeds the limit of ${max}; split the query`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', limit: max, depth, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
