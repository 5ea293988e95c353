import type { EntityManager, EntityTarget, ValueTransformer } from 'typeorm';

/**
 * Entities from rows a statement returned as JSON (`row_to_json`), with each column's transformer applied exactly as
 * TypeORM would (bigint, dates, timestamps; `simple-json` parsed). Lets one statement return several tables' rows
 * (issue #7: the facts of a decision in one round trip) without giving up the entity types.
 */
export function hydrateRows(
  manager: EntityManager,
  entity: EntityTarget<unknown>,
  rows: readonly unknown[],
): unknown[] {
  const columns = manager.connection.getMetadata(entity).columns;
  return rows.map((raw) => {
    const row = raw as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const column of columns) {
      let value = row[column.databaseName];
      if (value === undefined) continue;
      if (column.type === 'simple-json' && typeof value === 'string') value = JSON.parse(value);
      const transformer = column.transformer as ValueTransformer | undefined;
      out[column.propertyName] = transformer && !Array.isArray(transformer) ? transformer.from(value) : value;
    }
    return out;
  });
}

export function hydrateRow<T>(manager: EntityManager, entity: EntityTarget<T>, raw: unknown): T | null {
  return raw == null ? null : (hydrateRows(manager, entity, [raw])[0] as T);
}
