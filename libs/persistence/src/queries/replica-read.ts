import type { DataSource } from 'typeorm';

/**
 * Read routing (issue #11). With `DATABASE_REPLICA_URLS` set, the DataSource runs TypeORM replication with
 * `defaultMode: 'master'`: everything — money mutations, the reads a decision needs, reads of one's own writes — goes
 * to the primary. Only what is sent through {@link analystQuery} is served by a streaming replica: analysts'
 * aggregates, which read committed history and tolerate a replica's lag of a few milliseconds to seconds.
 *
 * A replica that cannot serve (down, still starting, a recovery conflict cancelled the statement) does not fail the
 * analyst: the statement is run again on the primary and counted there.
 */
export type DatabaseNode = 'primary' | 'replica';

/** Statements per analyst query name and the node that served them, since the process started. */
const served = new Map<string, Record<DatabaseNode, number>>();

/** Counts of analyst read statements by query and node (for `/metrics`: `gongji_db_reads_total`). */
export function analystReadCounts(): ReadonlyMap<string, Readonly<Record<DatabaseNode, number>>> {
  return served;
}

function record(query: string, node: DatabaseNode): void {
  const counts = served.get(query) ?? { primary: 0, replica: 0 };
  counts[node] += 1;
  served.set(query, counts);
}

/** True when the DataSource was created with replicas (PostgreSQL only). */
export function hasReplicas(dataSource: DataSource): boolean {
  const options = dataSource.options as { type: string; replication?: { slaves?: readonly unknown[] } };
  return options.type === 'postgres' && (options.replication?.slaves?.length ?? 0) > 0;
}

/** Errors after which the statement is worth running on the primary: connection and recovery-conflict failures. */
function replicaUnavailable(err: unknown): boolean {
  const e = err as { code?: string; errno?: string };
  const code = String(e?.code ?? e?.errno ?? '');
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('57P') || // admin/crash shutdown, cannot connect now
    code === '40001' || // canceling statement due to conflict with recovery
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(String((err as Error)?.message))
  );
}

/**
 * Runs one read-only statement for an analyst on a replica when there is one, else on the primary. `query` names the
 * statement for the counters. Never use it for anything a money decision or a read-after-write depends on.
 */
export async function analystQuery<T = Record<string, unknown>>(
  dataSource: DataSource,
  query: string,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  if (hasReplicas(dataSource)) {
    const runner = dataSource.createQueryRunner('slave');
    try {
      const rows = (await runner.query(sql, parameters)) as T[];
      record(query, 'replica');
      return rows;
    } catch (err) {
      if (!replicaUnavailable(err)) throw err;
    } finally {
      await runner.release();
    }
  }
  const rows = (await dataSource.query(sql, parameters)) as T[];
  record(query, 'primary');
  return rows;
}
