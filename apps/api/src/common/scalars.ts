import { type Fen, DomainError, formatMoney, parseMoneyOrThrow } from '@gongji/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

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
    if (ast.kind !== Kind.STRING) throw badMoney('Money literals must be strings, e.g. "1800.00"');
    return parseMoneyInput(ast.value);
  },
});

function badMoney(message: string, code = 'MALFORMED_MONEY'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: code, rule: 'MONEY' } });
}

function parseMoneyInput(value: unknown): Fen {
  if (typeof value !== 'string')
    throw badMoney('Money must be a string such as "1800.00" (numbers lose precision)');
  try {
    // Negatives are refused here; no public input takes a negative amount.
    return parseMoneyOrThrow(value);
  } catch (err) {
    if (err instanceof DomainError) throw badMoney(err.message, err.code);
    throw err;
  }
}

/** `Date`: a calendar date `YYYY-MM-DD` (kept as a string: no time zone shifts). */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (e.g. "2025-05-08").',
});

/** `DateTime`: ISO 8601 timestamp. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  name: 'DateTime',
  description: 'An instant in ISO 8601 form with time zone, e.g. "2025-05-08T09:30:00.000Z".',
});
