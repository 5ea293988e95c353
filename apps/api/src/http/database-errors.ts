/**
 * A database that is down, restarting or unreachable is not an internal fault: the client may retry (issue #11). For a
 * money mutation the outcome is then unknown — the commit may or may not have happened — and API.md's rule applies:
 * retry with the same idempotency key, which replays the first result or completes the work exactly once.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const RETRY_AFTER_SECONDS = 1;

/**
 * Node socket errors and PostgreSQL SQLSTATEs of an unavailable server (class 08, 57P01–57P03, 53300), of a session
 * limit (55P03, 57014) and of a server that accepts no writes (25006).
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '55P03', // lock_not_available: lock_timeout ran out behind a stuck session (audit D)
  '57014', // query_canceled: statement or lock wait cancelled by a server limit
  '25006', // read_only_sql_transaction: a primary demoted after failover accepts no writes (audit D)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const MESSAGES = [
  /Connection terminated/i,
  /connection is (?:not established|closed|not open)/i,
  /Cannot use a pool after calling end on the pool/i,
  /Driver not Connected/i,
  /Client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /SQLITE_BUSY/,
  // TypeORM, when a connection lost mid-transaction was released under code still reading (audit D: crediting).
  /Query runner already released/i,
  /Database connection provided by a query runner was already released/i,
];

/** True when `err` (or the driver error inside it) says the database is unavailable rather than the query wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const o = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof o.code === 'string' && CODES.has(o.code)) return true;
    if (typeof o.message === 'string' && MESSAGES.some((m) => m.test(o.message as string))) return true;
    e = o.driverError ?? o.cause;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE =
  'The database is unavailable; retry shortly. For a money mutation the outcome is unknown: retry with the same idempotency key';
