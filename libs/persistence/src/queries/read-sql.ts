import type { DataSource, ObjectLiteral } from 'typeorm';
import { bigintTransformer, dateTransformer, timestampTransformer } from '../entities/column-types';
import { runPrepared } from './prepared';

/**
 * One read statement, written once in SQL both dialects accept (double-quoted identifiers, LIMIT/OFFSET), with
 * TypeORM's named parameters (`:name`, `:...list`) bound in the process's dialect (SQLite gets its Date and boolean
 * forms). No query builder and no entity hydration on the read path (issue #11: building SQL and hydrating every
 * column, JSON included, was a third of the server's CPU per page). Counted by the QueryCounter like any statement.
 */
export async function readRows<T>(
  dataSource: DataSource,
  sql: string,
  params: ObjectLiteral = {},
): Promise<T[]> {
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return (await dataSource.query(query, values)) as T[];
}

/**
 * {@link readRows} as a named prepared statement on PostgreSQL: parsed and planned once per pooled connection (the
 * name is a hash of the text, prepared.ts). For a hot page whose text repeats: planning a page with its correlated
 * subqueries over the partitioned postings took longer than running it (issue #11). Keep the number of distinct texts
 * bounded (values as parameters, not in the text). Logged and failing like any TypeORM query; on SQLite it is
 * `readRows`.
 */
export async function readRowsPrepared<T>(
  dataSource: DataSource,
  sql: string,
  params: ObjectLiteral = {},
): Promise<T[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  if (dialectOf(dataSource) !== 'postgres') return (await dataSource.query(text, values)) as T[];
  const runner = dataSource.createQueryRunner();
  try {
    return await runPrepared<T>(runner, text, values);
  } finally {
    await runner.release();
  }
}

/** int8 comes back as a string from PostgreSQL and as a number from SQLite. */
export function fen(value: unknown): bigint {
  return bigintTransformer.from(value) as bigint;
}

export function fenOrNull(value: unknown): bigint | null {
  return value == null ? null : fen(value);
}

export function isoDate(value: unknown): string {
  return dateTransformer.from(value) as string;
}

export function isoDateOrNull(value: unknown): string | null {
  return value == null ? null : isoDate(value);
}

export function timestamp(value: unknown): Date {
  return timestampTransformer.from(value) as Date;
}

export function timestampOrNull(value: unknown): Date | null {
  return value == null ? null : timestamp(value);
}

/** PostgreSQL booleans, SQLite 0/1. */
export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A simple-json column (text in both dialects). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** `LIKE` pattern that contains `text` literally (`\` escapes the wildcards; use with `ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type ReadDialect = 'postgres' | 'sqlite';

export function dialectOf(dataSource: DataSource): ReadDialect {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A correlated subquery that returns the rows of `fromWhere` as one JSON array of objects (`key → SQL expression`),
 * in `orderBy` order; `[]` when there are none. Lets a page bring its children in the same statement (one round
 * trip per page, as PostGraphile does). Read it back with {@link json}.
 */
export function jsonArray(
  dialect: ReadDialect,
  fields: Readonly<Record<string, string>>,
  fromWhere: string,
  orderBy: string,
): string {
  const pairs = Object.entries(fields)
    .map(([key, expression]) => `'${key}', ${expression}`)
    .join(', ');
  return dialect === 'postgres'
    ? `COALESCE((SELECT json_agg(json_build_object(${pairs}) ORDER BY ${orderBy}) ${fromWhere}), '[]')`
    : `(SELECT json_group_array(json_object(${pairs}) ORDER BY ${orderBy}) ${fromWhere})`;
}
