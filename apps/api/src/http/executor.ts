import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  execute,
  getNamedType,
  getVariableValues,
  isInputObjectType,
  typeFromAST,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { isCacheableDocument } from './bounded-cache';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Compiled operations kept per parsed document (Apollo hands back the same document for the same query text). */
const MAX_OPERATIONS_PER_DOCUMENT = 16;

/**
 * graphql-jit's errors carry no `extensions` object when the resolver's error had none, and their properties are
 * frozen; Apollo's error formatting expects graphql-js's errors (`extensions` always an object). The same error, as
 * graphql-js builds it: message, locations, path, original error (formatError reads it) and extensions.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}

/**
 * Queries run as compiled JavaScript (graphql-jit): the document is compiled once per parsed document and operation,
 * and every later request with the same query text runs the compiled function — no per-field argument, path and
 * completion bookkeeping as in graphql-js's interpreter (issue #11: graphql-js's execution and its garbage were the
 * largest cost of a page of 50 after the SQL). Mutations, and any request whose variables do not coerce, run on
 * graphql-js's `execute` as before, so their results and errors are graphql-js's own, byte for byte.
 *
 * Plugged in through Apollo Server's documented `gateway` option (its executor hook); parsing, validation, the
 * document cache, the limits and every plugin hook run in Apollo as before.
 */
export function compiledExecutionGateway(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
  ): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    // Keyed by the operation name, which the document holds anyway (the map dies with the document).
    const key = operationName ?? '';
    let query = byName.get(key);
    // A document too large for Apollo's document store is parsed again for every request: compiling it would be
    // wasted work (and memory) each time.
    if (query === undefined && !isCacheableDocument(document)) query = null;
    if (query === undefined) {
      // Input objects as variables stay on graphql-js: graphql-jit's coercion of their fields' defaults differs
      // (a non-null field with a default, e.g. `outOfCatalogue: Money! = "0.00"`, is refused).
      const inputObjects = (operation.variableDefinitions ?? []).some((d) => {
        const type = typeFromAST(schema, d.type);
        return !type || isInputObjectType(getNamedType(type));
      });
      const result = inputObjects
        ? null
        : compileQuery(schema, document, operationName ?? undefined, {
            // Leaves are serialized by their scalars, exactly as graphql-js does (Money, DateTime, enums).
            customJSONSerializer: false,
          });
      query = result && isCompiledQuery(result) ? result : null;
      if (byName.size < MAX_OPERATIONS_PER_DOCUMENT) byName.set(key, query);
    }
    return query;
  };

  const executor: Executor = async (requestContext) => {
    const { document, operation, operationName, request, context } = requestContext;
    const variables = request.variables ?? {};
    const query = operation?.operation === 'query' ? compiledFor(document, operation, operationName) : null;
    // Variables are coerced by graphql-js first: one that does not coerce gets graphql-js's own error (Apollo makes it
    // BAD_USER_INPUT), and graphql-jit only ever sees variables graphql-js accepted.
    if (
      query &&
      (!operation.variableDefinitions?.length ||
        !getVariableValues(schema, operation.variableDefinitions, variables).errors)
    ) {
      const result = (await query.query(undefined, context, variables)) as ExecutionResult;
      if (!result.errors) return result;
      // Nothing ran when graphql-jit refused the variables itself: graphql-js decides then.
      if (result.data !== undefined)
        return { errors: result.errors.map(asGraphQLJsError), data: result.data };
    }
    return execute({
      schema,
      document,
      contextValue: context,
      variableValues: variables,
      operationName: request.operationName,
    });
  };

  let onSchema: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      onSchema = callback;
      return () => {
        onSchema = null;
      };
    },
    async load() {
      onSchema?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      onSchema = null;
    },
  };
}
