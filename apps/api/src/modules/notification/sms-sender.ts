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
 * Production without a configured gateway: refuses every message, so the rows stay pending (sealed) in the outbox
 * until a gateway is configured or they expire, instead of leaking the text into production logs.
 */
export class UnconfiguredSmsSender implements SmsSender {
  send(message: SmsMessage): Promise<void> {
    return Promise.reject(
      new Error(`no SMS gateway is configured; ${message.kind} to ${maskPhone(message.to)} stays pending`),
    );
  }
}

/** A gateway answer other than 2xx, or no answer in time: the outbox keeps the row and retries with backoff. */
export class SmsGatewayError extends Error {
  constructor(
    message: string,
    /** HTTP status of the gateway's answer; undefined when there was none (network error, timeout). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SmsGatewayError';
  }
}

/**
 * Production gateway adapter: an HTTP POST of JSON `{ to, kind, body }` to the bureau's SMS platform
 * (GONGJI_SMS_WEBHOOK_URL), with `Authorization: Bearer <GONGJI_SMS_WEBHOOK_TOKEN>` when a token is set. Only a 2xx
 * answer within the timeout counts as accepted; redirects are refused (the text and token never go elsewhere). Error
 * messages carry the status and the masked phone, never the text.
 */
export class WebhookSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly options: { readonly token?: string; readonly timeoutMs: number },
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const to = maskPhone(message.to);
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ to: message.to, kind: message.kind, body: message.body }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new SmsGatewayError(
        timedOut
          ? `SMS gateway did not answer within ${this.options.timeoutMs} ms (${message.kind} to ${to})`
          : `SMS gateway unreachable (${message.kind} to ${to}): ${(err as Error).message}`,
      );
    }
    // The answer's body is not needed; read it so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok)
      throw new SmsGatewayError(`SMS gateway answered ${res.status} (${message.kind} to ${to})`, res.status);
  }
}

/**
 * The configured SmsSender: the webhook gateway when GONGJI_SMS_WEBHOOK_URL is set (any mode); otherwise the logging
 * adapter outside production and no gateway (messages stay pending) in production.
 */
export function smsSenderFor(config: AppConfig, logger?: Logger): SmsSender {
  if (config.sms.webhookUrl)
    return new WebhookSmsSender(config.sms.webhookUrl, {
      token: config.sms.webhookToken,
      timeoutMs: config.sms.webhookTimeoutMs,
    });
  if (config.env === 'production') return new UnconfiguredSmsSender();
  return new LoggingSmsSender((logger ?? createLogger(config.logLevel)).child({ component: 'sms' }));
}

/** Logs, once at start, that production has no SMS gateway: initial and reset passwords cannot be delivered. */
export function warnIfNoSmsGateway(config: AppConfig, logger: Logger): void {
  if (config.env !== 'production' || config.sms.webhookUrl) return;
  logger.warn(
    { ttlHours: config.sms.ttlHours },
    'no SMS gateway configured (GONGJI_SMS_WEBHOOK_URL): initial and reset payment passwords cannot be delivered ' +
      'until it is; they stay sealed in the outbox and expire after GONGJI_SMS_TTL_HOURS',
  );
}
