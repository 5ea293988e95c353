// Shared parsing of the Relay connections the counter pages list (Transaction, Person).
import type { GetListResult } from 'ra-core';

export interface Connection<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean };
  readonly edges: ReadonlyArray<{ readonly node: T }>;
}

/** A connection as react-admin's list result (`totalCount` drives the pager). */
export function connectionToList<T extends { id: string }>(connection: Connection<T>): GetListResult<T> {
  return {
    data: connection.edges.map((edge) => edge.node),
    total: connection.totalCount,
    pageInfo: connection.pageInfo,
  };
}

/** Drops the empty strings and nulls filter inputs leave behind, and trims text. */
export function compactFilter(
  filter: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = filter[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
