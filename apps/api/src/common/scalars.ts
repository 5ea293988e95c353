import { type Fen, type MessageParams, DomainError, formatMoney, parseMoneyOrThrow } from '@gongji/domain';
import { type ASTNode, GraphQLError, GraphQLScalarType, Kind, type ValueNode, print } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { withRefusalParams } from './error-detail';

/*
 * Input refusals of the API's scalars are BAD_USER_INPUT with `extensions.reason` (a catalogue code) and the input as
 * catalogue params, whether the value came in a variable or written in the query: the API renders both from the
 * catalogue, in the reader's language, alike (a literal's refusal keeps its location in the query).
 */

/** The text of a literal as the caller wrote it (a string's value, else its GraphQL source). */
function literalText(ast: ValueNode): string {
  return ast.kind === Kind.STRING ? ast.value : print(ast);
}

/** `Money`: yuan as a decimal string with exactly two decimals ("1800.00"), integer fen inside (API.md). */
export const MoneyScalar = new GraphQLScalarType<Fen, string>({
  name: 'Money',
  description:
    'Yuan as a decimal string with exactly two decimals ("1800.00"), stored as integer fen. Input accepts up to two decimals and rejects more, exponents and (where meaningless) negatives.',
  serialize: (value) => {
    if (typeof value !== 'bigint')
      throw new GraphQLError(`Money must be serialised from bigint fen, got ${typeof value}`);
    return formatMoney(value);
  },
  parseValue: (value) => parseMoneyInput(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw badMoney('Money literals must be strings, e.g. "1800.00"', 'MALFORMED_MONEY', {}, ast);
    return parseMoneyInput(ast.value, ast);
  },
});

function badMoney(message: string, code: string, params: MessageParams, node?: ASTNode): GraphQLError {
  return withRefusalParams(
    new GraphQLError(message, {
      ...(node ? { nodes: node } : {}),
      extensions: { code: 'BAD_USER_INPUT', reason: code, rule: 'MONEY' },
    }),
    params,
  );
}

function parseMoneyInput(value: unknown, node?: ASTNode): Fen {
  if (typeof value !== 'string')
    throw badMoney(
      'Money must be a string such as "1800.00" (numbers lose precision)',
      'MALFORMED_MONEY',
      {},
    );
  try {
    // Negatives are refused here; no public input takes a negative amount.
    return parseMoneyOrThrow(value);
  } catch (err) {
    if (err instanceof DomainError)
      throw badMoney(err.message, err.code, err.params ?? { text: value }, node);
    throw err;
  }
}

/**
 * A scalar's config whose input refusals (graphql-scalars' English-only errors) become BAD_USER_INPUT with
 * `extensions.reason` = `reason`, as Money's do: the API renders them from the catalogue in the reader's language
 * (MALFORMED_DATE, MALFORMED_DATE_TIME); the English message stays graphql-scalars' own.
 */
function withInputReason<T extends GraphQLScalarType>(scalar: T, reason: string): ReturnType<T['toConfig']> {
  const config = scalar.toConfig() as ReturnType<T['toConfig']>;
  const refuse = (err: unknown, value: unknown, node?: ValueNode): never => {
    if (err instanceof GraphQLError && err.extensions['reason']) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const error = new GraphQLError(message, {
      ...(node ? { nodes: node } : {}),
      extensions: { code: 'BAD_USER_INPUT', reason },
    });
    // The value only when it is a short text: `"2025-02-30" is not a valid date`; else the general sentence.
    throw withRefusalParams(error, typeof value === 'string' && value.length <= 64 ? { value } : {});
  };
  const { parseValue, parseLiteral } = config;
  return {
    ...config,
    parseValue: (value: unknown) => {
      try {
        return parseValue(value);
      } catch (err) {
        return refuse(err, value);
      }
    },
    parseLiteral: (ast, variables) => {
      try {
        return parseLiteral(ast, variables);
      } catch (err) {
        return refuse(err, ast.kind === Kind.VARIABLE ? undefined : literalText(ast), ast);
      }
    },
  };
}

/** `Date`: a calendar date `YYYY-MM-DD` (kept as a string: no time zone shifts). */
export const DateScalar = new GraphQLScalarType({
  ...withInputReason(GraphQLLocalDate, 'MALFORMED_DATE'),
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (e.g. "2025-05-08").',
});

/** `DateTime`: ISO 8601 timestamp. */
export const DateTimeScalar = new GraphQLScalarType({
  ...withInputReason(GraphQLDateTime, 'MALFORMED_DATE_TIME'),
  name: 'DateTime',
  description: 'An instant in ISO 8601 form with time zone, e.g. "2025-05-08T09:30:00.000Z".',
});
