import {
  type GraphQLFieldResolver,
  type GraphQLSchema,
  GraphQLObjectType,
  defaultFieldResolver,
} from 'graphql';

/**
 * The object fields a page read as JSON answers itself (libs/persistence page-json.ts): the page's objects already
 * carry them, shaped as the API shows them. Everywhere else (mutation payloads, single look-ups, pages read row by
 * row) the objects do not carry them and the field's resolver runs as before.
 */
const ANSWERED_BY_PAGE_JSON: Readonly<Record<string, readonly string[]>> = {
  Person: ['region', 'account', 'fundingSources'],
  KinRelation: ['provider'],
  Transaction: ['postings', 'person'],
};

/**
 * Carried values a portal does not get as they are: its resolver runs instead (Transaction.postings hides the balance
 * after a posting on another person's pocket from a portal, API.md "a portal sees only the people it is serving").
 */
const RESOLVED_FOR_PORTALS: ReadonlySet<string> = new Set(['Transaction.postings']);

const isPortal = (ctx: unknown): boolean =>
  (ctx as { principal?: { role?: string } | null } | null)?.principal?.role === 'PORTAL';

/**
 * Lets these fields answer from the object when it carries the value, without entering their type-graphql resolver
 * (parameter injection and middleware chain per field and row: issue #11). Applied before the person read policy,
 * which wraps Person-typed fields outermost, so a portal's check still runs on every person.
 */
export function answerFromPageJson(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, fieldNames] of Object.entries(ANSWERED_BY_PAGE_JSON)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType))
      throw new Error(`answerFromPageJson: no object type ${typeName}`);
    for (const name of fieldNames) {
      const field = type.getFields()[name];
      if (!field) throw new Error(`answerFromPageJson: no field ${typeName}.${name}`);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const forPortals = RESOLVED_FOR_PORTALS.has(`${typeName}.${name}`);
      field.resolve = (source, args, ctx, info) => {
        const carried = (source as Record<string, unknown>)[name];
        return carried !== undefined && !(forPortals && isPortal(ctx))
          ? carried
          : resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}
