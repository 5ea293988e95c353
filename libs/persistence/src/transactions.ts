import { Mutex } from 'async-mutex';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATEs worth retrying: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

const sqliteLocks = new WeakMap<DataSource, Mutex>();

export interface TransactionOptions {
  /** Called before each retry (for logs and metrics). */
  readonly onRetry?: (attempt: number, code: string) => void;
}

export function isRetryable(err: unknown): string | null {
  if (!(err instanceof QueryFailedError)) return null;
  const code = (err.driverError as { code?: string } | undefined)?.code;
  return code && RETRYABLE.has(code) ? code : null;
}

/**
 * Runs `work` in one database transaction.
 *
 * - PostgreSQL: READ COMMITTED with explicit row locks taken by the caller; serialization failures and deadlocks are
 *   retried here with jittered exponential backoff, so they never reach a client (issue #4).
 * - SQLite: TypeORM's better-sqlite3 driver shares ONE connection between all query runners, so two concurrent
 *   `dataSource.transaction()` calls would nest into each other as savepoints. Writers are therefore serialised per
 *   DataSource with a mutex: SQLite has a single writer anyway.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') {
    let mutex = sqliteLocks.get(dataSource);
    if (!mutex) {
      mutex = new Mutex();
      sqliteLocks.set(dataSource, mutex);
    }
    return mutex.runExclusive(() => dataSource.transaction(work));
  }
  // PostgreSQL's default isolation is READ COMMITTED; naming it cost a `SET TRANSACTION` round trip per mutation
  // (issue #7). Correctness rests on the explicit row locks, and 40001/40P01 are retried anyway.
  return withRetries(() => dataSource.transaction(work), options);
}

/**
 * Runs `attempt` (one whole database transaction) again when PostgreSQL reports a serialization failure or deadlock,
 * with jittered exponential backoff, so they never reach a client (issue #4).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const code = isRetryable(err);
      if (!code || n >= MAX_ATTEMPTS) throw err;
      options.onRetry?.(n, code);
      const delay = Math.min(1000, 10 * 2 ** n) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
