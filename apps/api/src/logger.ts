import pino, { type Logger } from 'pino';

/** Structured JSON logs (pino); never log secrets or full ID numbers. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'gongji-api' },
    redact: {
      paths: ['req.headers.authorization', '*.password', '*.token', '*.idNumber'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
