import type { Logger } from 'pino';
import type { AppConfig } from '../../config';
import { createLogger } from '../../logger';

/** One text message to one phone. */
export interface SmsMessage {
  /** Mobile number (R-ACC-2). */
  readonly to: string;
  /** What the message is about (`NotificationKind`), for logs and gateway templates. */
  readonly kind: string;
  /** The text; may carry a secret such as an initial payment password (R-ACC-7). */
  readonly body: string;
}

/**
 * Port of the SMS delivery of the notification outbox (R-ACC-7: initial passwords are sent by SMS). `send` resolves
 * once the gateway accepted the message and rejects otherwise (the outbox keeps the row and tries again later).
 */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** 138****0001: logs never carry a full phone number. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);
}

/**
 * Development adapter: "sends" by logging the message at info. This log line is the only place outside the outbox
 * where a plain initial password appears, and only outside production.
 */
export class LoggingSmsSender implements SmsSender {
  constructor(private readonly logger: Logger) {}

  send(message: SmsMessage): Promise<void> {
    this.logger.info(
      { to: maskPhone(message.to), kind: message.kind },
      `SMS (development adapter, not sent): ${message.body}`,
    );
    return Promise.resolve();
  }
}

/**
 * Production without a configured gateway: refuses every message, so the rows stay pending in the outbox (and are
 * delivered once a real gateway adapter is wired in) instead of leaking the text into production logs.
 */
export class UnconfiguredSmsSender implements SmsSender {
  send(message: SmsMessage): Promise<void> {
    return Promise.reject(
      new Error(`no SMS gateway is configured; ${message.kind} to ${maskPhone(message.to)} stays pending`),
    );
  }
}

/** The configured SmsSender: the logging adapter outside production, no gateway (pending) in production. */
export function smsSenderFor(config: AppConfig, logger?: Logger): SmsSender {
  if (config.env === 'production') return new UnconfiguredSmsSender();
  return new LoggingSmsSender((logger ?? createLogger(config.logLevel)).child({ component: 'sms' }));
}
