import { REASON_MAX_LENGTH, detailParam } from '@gongji/domain';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badUserInput } from './error-detail';

/** The path (`input.reason`, `input.rows.2.reason`) of the first `reason` string in `value` longer than the limit. */
function longReasonIn(value: unknown, path: string): { path: string; length: number } | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = longReasonIn(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === 'reason' && typeof inner === 'string') {
      // Cheap first: UTF-16 length ≥ code points, so only a long string is counted.
      if (inner.length > REASON_MAX_LENGTH) {
        const length = [...inner].length;
        if (length > REASON_MAX_LENGTH) return { path: at, length };
      }
    } else {
      const found = longReasonIn(inner, at);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Every mutation refuses a `reason` longer than {@link REASON_MAX_LENGTH} before its resolver runs: BAD_USER_INPUT
 * with the argument's path, nothing changed (DEVELOPERS.md "bad input gets a clear, typed error and changes nothing").
 */
export function limitReasons(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    if (!field.args.length) continue;
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx, info) => {
      const long = longReasonIn(args, '');
      if (long)
        throw badUserInput(
          `A reason is at most ${REASON_MAX_LENGTH} characters; this one has ${long.length} (${long.path})`,
          detailParam('REASON_TOO_LONG', { max: REASON_MAX_LENGTH, length: long.length }),
          { field: long.path },
        );
      return resolve(source, args, ctx, info);
    };
  }
  return schema;
}
