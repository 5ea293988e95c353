import { detailParam } from '@gongji/domain';
import {
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLObjectType,
  defaultFieldResolver,
  getNamedType,
  OperationTypeNode,
} from 'graphql';
import type { GraphQLContext } from '../context';
import { forbidden } from './authenticate';
import { Role } from './principal';

/** Extension key set on every guarded field. */
export const PERSON_READ_POLICY = 'personReadPolicy';

/** The GraphQL type whose every appearance is guarded. */
const PERSON_TYPE = 'Person';

function idsOf(value: unknown): string[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.flatMap(idsOf);
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? [id] : [];
}

async function assertServes(ctx: GraphQLContext, value: unknown, info: GraphQLResolveInfo): Promise<void> {
  if (ctx.principal?.role !== Role.PORTAL) return;
  const ids = idsOf(value);
  if (ids.length === 0) return;
  const served = await ctx.loaders.servesPerson.loadMany(ids);
  const refused = ids.filter((_, i) => served[i] !== true);
  if (refused.length > 0) {
    const error = forbidden(
      `This portal does not serve the person at ${info.parentType.name}.${info.fieldName}: a portal reads only the persons it serves (first look-up with the card number or e-voucher code)`,
      detailParam('PORTAL_NOT_SERVING_PERSON_AT', { field: `${info.parentType.name}.${info.fieldName}` }),
    );
    // Inside a mutation's payload the mutation has run (money may have moved, a relation may exist): the answer is
    // that payload with this one read withheld (null here, the error at its path), HTTP 200 — never a 403 that a
    // client would take for "refused" (API.md: top-level errors are for requests that did not run).
    if (info.operation.operation === OperationTypeNode.MUTATION) delete error.extensions['http'];
    throw error;
  }
}

/**
 * API.md: "a portal sees only the people it is serving" — enforced where a Person is resolved, not per root field.
 * Every field of every type whose named type is Person (root queries, nested edges such as
 * `beneficiaries.beneficiary`, mutation payloads) is wrapped once, when the schema is built, so an edge added later
 * is guarded by construction. A portal gets FORBIDDEN at that path for a person it does not serve; staff and
 * analysts are not affected (analysts are masked by the mapper). Lookups are batched per request (DataLoader).
 */
export function applyPersonReadPolicy(schema: GraphQLSchema): { schema: GraphQLSchema; guarded: string[] } {
  const guarded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name !== PERSON_TYPE) continue;
      const resolve: GraphQLFieldResolver<unknown, GraphQLContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        const value: unknown = resolve(source, args, ctx, info);
        // Only portals are restricted: everyone else gets the value as resolved, synchronously when it is (a page of
        // 50 transactions with their persons no longer pays a promise per row, issue #11).
        if (ctx.principal?.role !== Role.PORTAL) return value;
        return Promise.resolve(value).then(async (resolved) => {
          await assertServes(ctx, resolved, info);
          return resolved;
        });
      };
      // A mark the isolation test checks on every Person-typed field it finds by its own schema walk.
      field.extensions = { ...field.extensions, [PERSON_READ_POLICY]: true };
      guarded.push(`${type.name}.${field.name}`);
    }
  }
  return { schema, guarded };
}
