import type { EntityManager } from 'typeorm';
import { ENTITY_DIALECT } from '../entities';
import { preparedQuery } from './prepared';

/**
 * A read a decision needs, as data (issue #7): ONE prepared statement on PostgreSQL, which the ledger writer sends in
 * the same round trip as its claim-and-lock statement (run after it, with a fresh READ COMMITTED snapshot that sees
 * every commit of the writers the locks waited for); simple statements on SQLite. Outside the writer,
 * {@link runFactQuery} runs it on its own.
 */
export interface FactQuery<F> {
  /** PostgreSQL: the statement… */
  readonly text: string;
  /** …and its parameters, known before anything is read. */
  readonly values: readonly unknown[];
  /** The facts from the statement's rows (hydrated with the entities' column transformers). */
  readonly fromRows: (manager: EntityManager, rows: readonly Record<string, unknown>[]) => F;
  /** SQLite (in-process, no round trips to save): the same facts, one simple statement per table. */
  readonly sqlite: (manager: EntityManager) => Promise<F>;
}

/** Runs a fact query on its own (a quote, a read outside the writer). */
export async function runFactQuery<F>(manager: EntityManager, query: FactQuery<F>): Promise<F> {
  if (ENTITY_DIALECT !== 'postgres') return query.sqlite(manager);
  return query.fromRows(manager, await preparedQuery(manager, query.text, [...query.values]));
}
