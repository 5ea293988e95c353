import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { GraphQLContext } from '../context';
import { MAX_PAGE_SIZE, pageSizeOutOfRange } from '../common/connection';
import { fragmentsOf } from './fragments';

/**
 * Abuse limits of the public gateway (issue #8). Every number is far above what the console and the portals' real
 * queries need (the deepest real selection is 6, a page of 100 transactions with postings costs about 2,000) and far
 * below what makes the server do unbounded work. Each refusal happens before any resolver runs, with
 * `extensions.code` QUERY_TOO_COMPLEX (HTTP 400) and the limit that was hit.
 */
export const QUERY_LIMITS = {
  /** Aliases per operation (101 aliases of one field is the classic amplification). */
  maxAliases: 15,
  /** Selection depth, fragments followed. */
  maxDepth: 10,
  /** Lexical tokens per document: bounds parse work. */
  maxTokens: 2_000,
  /** Directives per operation. */
  maxDirectives: 10,
  /** Root fields per operation. */
  maxRootFields: 10,
  /** Field selections per operation, `__typename` included, lists counted once. */
  maxFields: 250,
  /** Nesting of the variables' JSON (the deepest input, a credit batch's rows, is 3). */
  maxVariablesDepth: 32,
  /** Cost: each field 1, a paginated field multiplies its children by its `first` (default page size 20). */
  maxCost: 10_000,
  /** `first` on any list (API.md). */
  maxPageSize: MAX_PAGE_SIZE,
} as const;

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

function tooComplex(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: QUERY_TOO_COMPLEX, ...details, http: { status: 400 } },
  });
}

/** graphql-js parse options: the token limit, enforced by the parser itself. */
export const parseOptions = { maxTokens: QUERY_LIMITS.maxTokens } as const;

/**
 * graphql-armor (maintained by Escape) for aliases, depth and directives. Its own cost limit is off: it has
 * no list multipliers, so cost is measured below with graphql-query-complexity. Its field-suggestion blocker is off
 * too: suggestions are hidden per caller (ADMIN still gets them), see `introspectionPolicyPlugin`.
 */
export function armor(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
    maxDepth: {
      n: QUERY_LIMITS.maxDepth,
      exposeLimits: true,
      flattenFragments: true,
      ignoreIntrospection: true,
    },
    // Its Apollo token plugin parses in parsingDidStart, where any syntax error becomes an HTTP 500; graphql-js's
    // own `maxTokens` parse option (see `parseOptions`) refuses the same documents with a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules };
}

/**
 * Armor reports its refusals as "Syntax Error: <limit> …", the parser its token limit as "Syntax Error: Document
 * contains more that N tokens" (sic, graphql-js); both become QUERY_TOO_COMPLEX in formatError.
 */
export function isArmorRefusal(message: string): boolean {
  return /^Syntax Error: ((Aliases|Token|Directives|Query depth|Depth) limit|Document contains more tha[nt])/i.test(
    message,
  );
}

/** A paginated field costs 1 + first × its children; any other field 1 + its children (lists counted once). */
const costEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = args['first'];
  if (typeof first === 'number') return 1 + Math.max(first, 1) * childComplexity;
  if ('first' in args || 'after' in args) return 1 + 20 * childComplexity;
  return 1 + childComplexity;
};

function rootFieldCount(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) n += 1;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += rootFieldCount(s.selectionSet, fragments, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      if (f) n += rootFieldCount(f.selectionSet, fragments, seen);
    }
  }
  return n;
}

/** Largest and smallest `first`/`last` literal or variable value anywhere in the operation. */
function pageRequestBounds(
  document: DocumentNode | OperationDefinitionNode,
  variables: Record<string, unknown>,
): { max: number; min: number } {
  let max = 0;
  let min = 0;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as {
      kind?: string;
      name?: { value: string };
      value?: { kind: string; value?: string; name?: { value: string } };
    };
    if (n.kind === Kind.ARGUMENT && (n.name?.value === 'first' || n.name?.value === 'last') && n.value) {
      const v =
        n.value.kind === Kind.INT
          ? Number(n.value.value)
          : n.value.kind === Kind.VARIABLE
            ? Number(variables[n.value.name?.value ?? ''])
            : 0;
      if (Number.isFinite(v)) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && 'kind' in value) visit(value);
    }
  };
  visit(document);
  return { max, min };
}

/**
 * Root fields, field count, cost with list multipliers and page size, checked once the operation is known and
 * before execution. Introspection-only operations are measured by the introspection policy instead.
 */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  // The same operation with the same page sizes and directive conditions always measures the same. Apollo hands back
  // the same parsed document for the same query text, so operations that passed are remembered per operation node and
  // the values of the variables that can change the measure (`measuredVariablesKey`): measuring per request was ~4 %
  // of the server's CPU on a page of 50 (issue #11) and on a settlement, whose variables differ every time (the
  // idempotency key) but never change its cost (issue #7). Refusals are measured every time.
  const passed = new WeakMap<OperationDefinitionNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          // Before anything walks the variables recursively (JSON.stringify below overflowed the stack at 8,000 levels).
          const depth = jsonDepthOver(variables, QUERY_LIMITS.maxVariablesDepth);
          if (depth !== null) {
            throw tooComplex(
              `Variables nested deeper than ${QUERY_LIMITS.maxVariablesDepth} levels; no input of this API is that deep`,
              { limit: QUERY_LIMITS.maxVariablesDepth, depth },
            );
          }
          const key = measuredVariablesKey(document, variables);
          const known = passed.get(operation);
          if (known?.has(key)) return;
          checkOperation(schema, document, operation, variables);
          // Bounded by count and by key size: a caller's cursors (`after`) may be long and differ every time.
          if (key.length > MAX_MEASURED_KEY_LENGTH) return;
          if (!known) passed.set(operation, new Set([key]));
          else if (known.size < MAX_MEASURES_PER_OPERATION) known.add(key);
        },
      };
    },
  };
}

/** Measures remembered per operation (distinct page sizes, cursors and directive conditions). */
const MAX_MEASURES_PER_OPERATION = 100;
/** A longer key (e.g. a long cursor) is measured every time, never remembered. */
const MAX_MEASURED_KEY_LENGTH = 256;

/** Arguments whose values change a measure: page sizes and cursors (`costEstimator`, `largestPageRequest`). */
const MEASURED_ARGUMENTS = new Set(['first', 'last', 'after', 'before']);
const measuredNames = new WeakMap<DocumentNode, readonly string[]>();

/**
 * The names of the variables a measure can depend on: those inside a page argument or a directive (`@include(if:
 * $x)` / `@skip` change the field count), anywhere in the document. Walked once per parsed document.
 */
function measuredVariableNames(document: DocumentNode): readonly string[] {
  const known = measuredNames.get(document);
  if (known) return known;
  const names = new Set<string>();
  const collect = (node: unknown, inside: boolean): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string; name?: { value: string } };
    if (inside && n.kind === Kind.VARIABLE && n.name) names.add(n.name.value);
    const enters =
      inside ||
      n.kind === Kind.DIRECTIVE ||
      (n.kind === Kind.ARGUMENT && MEASURED_ARGUMENTS.has(n.name?.value ?? ''));
    for (const [field, value] of Object.entries(node)) {
      if (field === 'loc' || field === 'variableDefinitions') continue;
      if (Array.isArray(value)) for (const v of value) collect(v, enters);
      else if (value && typeof value === 'object') collect(value, enters);
    }
  };
  collect(document, false);
  const list = [...names].sort();
  measuredNames.set(document, list);
  return list;
}

/** The cache key of an operation's measure: the values of the variables it can depend on (see above). */
export function measuredVariablesKey(document: DocumentNode, variables: Record<string, unknown>): string {
  const names = measuredVariableNames(document);
  if (names.length === 0) return '';
  // `undefined` and `null` differ for the cost (`'after' in args`), so both are spelled out.
  return JSON.stringify(names.map((name) => (name in variables ? (variables[name] ?? null) : '$undefined')));
}

/**
 * The nesting depth of a JSON value when it exceeds `max` (counted up to `max + 1`), else null. Iterative, so a
 * hostile depth cannot overflow the stack here.
 */
export function jsonDepthOver(value: unknown, max: number): number | null {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > max) return depth + 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return null;
}

/**
 * Field selections of a selection set with fragments expanded (each spread counts its fragment's fields), counted
 * the way the field limit counts them (`__typename` included, lists once); a fragment in a cycle counts 0 (validation
 * refuses the cycle). Memoized per fragment and capped, so hostile nesting costs linear work.
 */
function expandedFieldCount(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
): number {
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) {
      n += 1 + (s.selectionSet ? expandedFieldCount(s.selectionSet, fragments, memo) : 0);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      n += expandedFieldCount(s.selectionSet, fragments, memo);
    } else {
      const name = s.name.value;
      let count = memo.get(name);
      if (count === undefined) {
        memo.set(name, 0); // a cycle counts 0
        const f = fragments.get(name);
        count = f ? expandedFieldCount(f.selectionSet, fragments, memo) : 0;
        memo.set(name, count);
      }
      n += count;
    }
    if (n > Number.MAX_SAFE_INTEGER / 2) return n;
  }
  return n;
}

/**
 * Root fields and field selections per operation, counted before graphql-js validates the document: validating a
 * document of a thousand selections (`{ __typename ×1000 }`, `id ×990`) exceeds graphql-js's validation work budget,
 * which answered a bare "Validation aborted." (GRAPHQL_VALIDATION_FAILED). Refused here with the limits' own
 * QUERY_TOO_COMPLEX and message instead; formatError keeps the code, and the redundant "Validation aborted." that
 * may follow is dropped. Runs after graphql-armor's rules (aliases, depth, directives report first). The exact
 * measure (with `@include`/`@skip` and variables) still runs after validation (`checkOperation`).
 */
export const SelectionLimitsRule: ValidationRule = (context) => {
  const document = context.getDocument();
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  return {
    OperationDefinition(node) {
      const roots = rootFieldCount(node.selectionSet, fragments);
      if (roots > QUERY_LIMITS.maxRootFields) {
        context.reportError(rootFieldsTooMany(roots));
        return;
      }
      const fields = expandedFieldCount(node.selectionSet, fragments, memo);
      if (fields > QUERY_LIMITS.maxFields) context.reportError(fieldsTooMany(fields));
    },
  };
};

function rootFieldsTooMany(roots: number): GraphQLError {
  return tooComplex(
    `${roots} root fields exceed the limit of ${QUERY_LIMITS.maxRootFields}; split the request`,
    { limit: QUERY_LIMITS.maxRootFields, rootFields: roots },
  );
}

function fieldsTooMany(fields: number): GraphQLError {
  return tooComplex(`${fields} field selections exceed the limit of ${QUERY_LIMITS.maxFields}`, {
    limit: QUERY_LIMITS.maxFields,
    fields,
  });
}

/**
 * This API offers queries and mutations only: a `subscription` operation is a malformed request (400, validation),
 * not an execution fault (graphql-js would throw "Schema is not configured to execute subscription operation").
 */
export const NoSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.SUBSCRIPTION) {
      context.reportError(
        new GraphQLError('This API has no subscriptions: use a query or a mutation', { nodes: node }),
      );
    }
  },
});

export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const fragments = fragmentsOf(document);
  const roots = rootFieldCount(operation.selectionSet, fragments);
  if (roots > QUERY_LIMITS.maxRootFields) throw rootFieldsTooMany(roots);
  const single: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...fragments.values()],
  };
  const { max: page, min: smallest } = pageRequestBounds(single, variables);
  if (smallest < 0) {
    // Refused before execution like a page over the limit (400), not by the resolver after the request ran (200).
    throw pageSizeOutOfRange(smallest, { http: { status: 400 } });
  }
  if (page > QUERY_LIMITS.maxPageSize) {
    throw tooComplex(`first: ${page} exceeds the page size limit of ${QUERY_LIMITS.maxPageSize} (API.md)`, {
      limit: QUERY_LIMITS.maxPageSize,
      first: page,
      field: ['first'],
    });
  }
  let fields: number;
  try {
    fields = getComplexity({
      schema,
      query: single,
      variables,
      estimators: [simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (err) {
    // Variables that do not fit the operation: graphql-js refuses them next with BAD_USER_INPUT (a 400, not a 500).
    if (err instanceof GraphQLError) return;
    throw err;
  }
  if (fields > QUERY_LIMITS.maxFields) throw fieldsTooMany(fields);
  const cost = getComplexity({ schema, query: single, variables, estimators: [costEstimator] });
  if (cost > QUERY_LIMITS.maxCost) {
    throw tooComplex(
      `Query cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost}; ask for smaller pages`,
      {
        limit: QUERY_LIMITS.maxCost,
        cost,
      },
    );
  }
}
