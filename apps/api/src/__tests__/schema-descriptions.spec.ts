import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, isIntrospectionType } from 'graphql';
import { createSchema } from '../schema';

/** API.md conventions a portal sees through introspection: every type and field described, enum values UPPER_CASE. */
describe('schema conventions (API.md)', () => {
  it('every type (the root Query and Mutation included), field and input field has a description; enum values are UPPER_CASE', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    const lowerCase: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || type.name.startsWith('__')) continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues()) {
          if (!/^[A-Z][A-Z0-9_]*$/.test(value.name)) lowerCase.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(lowerCase).toEqual([]);
    expect(schema.getQueryType()?.description).toBeTruthy();
    expect(schema.getMutationType()?.description).toBeTruthy();
  });
});
