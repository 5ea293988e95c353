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
      field.resolve = (source, args, ctx, info) => {
        const carried = (source as Record<string, unknown>)[name];
        return carried !== undefined ? carried : resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}
