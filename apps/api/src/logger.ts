import pino, { type Logger } from 'pino';

/**
 * Errors without what a failed query carried: TypeORM's QueryFailedError holds the SQL and its parameters (names, ID
 * numbers, phones) and the driver error repeats them in `detail` (issue #11: no personal data in logs).
 */
function safeError(err: unknown): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  const { query: _q, parameters: _p, driverError, ...rest } = serialized;
  const driver = driverError as { code?: unknown; routine?: unknown } | undefined;
  return driver ? { ...rest, driverCode: driver.code, driverRoutine: driver.routine } : rest;
}

/** Structured JSON logs (pino); never log secrets, SQL parameters or full ID numbers. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    serializers: { err: safeError },
    base: { service: 'gongji-api' },
    redact: {
      paths: ['req.headers.authorization', '*.password', '*.token', '*.idNumber'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
