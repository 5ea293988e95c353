import type { ValueTransformer } from 'typeorm';

/**
 * SQL dialect the entities are built for. PostgreSQL when DATABASE_URL is a postgres URL, else embedded SQLite.
 *
 * Why a process-level choice: TypeORM reads column types when the decorators run, and the two dialects have no
 * common timestamp type (`timestamptz` vs `datetime`). A process talks to one database; `createDataSource`
 * refuses a URL of the other dialect with a clear message.
 */
export type Dialect = 'postgres' | 'sqlite';

export function dialectOfUrl(url: string | undefined): Dialect {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export const ENTITY_DIALECT: Dialect = dialectOfUrl(process.env['DATABASE_URL']);

/** Timestamp column type of the current dialect. */
export const TIMESTAMP: 'timestamp with time zone' | 'datetime' =
  ENTITY_DIALECT === 'postgres' ? 'timestamp with time zone' : 'datetime';

/**
 * Money and other 64-bit integers: `bigint` columns, `bigint` in TypeScript. PostgreSQL returns int8 as a string,
 * better-sqlite3 as a number (exact: amounts are capped at MAX_FEN = 10^15 < 2^53).
 */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value == null ? value : value.toString()),
  from: (value: string | number | null) => (value == null ? value : BigInt(value)),
};

/** Dates are ISO `YYYY-MM-DD` strings from both drivers (STACK.md); normalise SQLite's possible Date objects. */
export const dateTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | Date | null) =>
    value == null
      ? value
      : value instanceof Date
        ? value.toISOString().slice(0, 10)
        : String(value).slice(0, 10),
};

/** Timestamps come back as Date (PostgreSQL) or text (SQLite, UTC `YYYY-MM-DD HH:MM:SS[.sss]`). */
export const timestampTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => value,
  from: (value: Date | string | null) => {
    if (value == null || value instanceof Date) return value;
    return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  },
};
