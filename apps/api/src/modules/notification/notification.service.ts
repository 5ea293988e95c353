import { randomUUID } from 'node:crypto';
import {
  type DataSource,
  type Manager,
  type NotificationEntity,
  claimNotification,
  deferNotification,
  expireNotifications,
  insertNotification,
  markNotificationDelivered,
  markNotificationFailed,
  pendingNotifications,
  replaceNotificationBody,
  unsealedNotifications,
} from '@gongji/persistence';
import type { Logger } from 'pino';
import { OutboxCipher, OutboxCipherError, SEALED_PREFIX } from './outbox-cipher';
import type { AppConfig } from '../../config';
import { type SmsSender, maskPhone, warnIfNoSmsGateway } from './sms-sender';

/** What an outbox row is about (`notification_outbox.kind`). */
export enum NotificationKind {
  /** The initial payment password of a new account holder (R-ACC-7, seed 001). */
  INITIAL_PAYMENT_PASSWORD = 'INITIAL_PAYMENT_PASSWORD',
  /** A new payment password after a counter reset (R-ACC-7). */
  PAYMENT_PASSWORD_RESET = 'PAYMENT_PASSWORD_RESET',
}

/** A message to put in the outbox. */
export interface OutboxMessage {
  readonly personId: string;
  readonly recipient: string;
  readonly kind: NotificationKind;
  readonly body: string;
}

/** Outcome of one dispatch run. */
export interface DispatchResult {
  readonly delivered: number;
  readonly failed: number;
}

/** Texts of the SMS; a plain payment password is written down only here, sealed before it reaches the outbox. */
export const SMS_TEXTS: Readonly<Record<NotificationKind, (password: string) => string>> = Object.freeze({
  [NotificationKind.INITIAL_PAYMENT_PASSWORD]: (password: string) =>
    `【医保】您的医保个人账户初始支付密码为${password}，无需激活，请妥善保管，切勿告知他人。`,
  [NotificationKind.PAYMENT_PASSWORD_RESET]: (password: string) =>
    `【医保】您的医保个人账户支付密码已重置为${password}，请妥善保管，切勿告知他人。`,
});

const BATCH = 50;
const HOUR_MS = 3_600_000;
/** First retry after a failed delivery; doubled at each further failure, at most {@link MAX_BACKOFF_MS}. */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = HOUR_MS;

/** How long a row whose delivery failed `attempts` times waits before the next try. */
export function retryBackoffMs(attempts: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export interface NotificationOptions {
  /** Seals bodies at rest (from GONGJI_SECRET). */
  readonly cipher: OutboxCipher;
  /** A message still pending after this many hours is erased and marked EXPIRED (GONGJI_SMS_TTL_HOURS). */
  readonly ttlHours: number;
  readonly logger: Logger;
  /** The clock (tests move it). */
  readonly now?: () => Date;
}

/**
 * Notification outbox (R-ACC-7): `enqueue` writes a row inside the caller's transaction, so the message exists exactly
 * when the change that causes it commits. The body is sealed (AES-256-GCM, {@link OutboxCipher}) before it is
 * written and opened only to hand it to the configured {@link SmsSender}: a plain password is never at rest.
 * `dispatch` delivers due rows and then clears `body` and sets `deliveredAt`; a failed delivery keeps the row pending
 * and retries it with backoff (`nextAttemptAt`); a body this server cannot open (another key) makes the row FAILED.
 * `expire` erases rows still pending after the TTL (EXPIRED; also run by the sweep, `dispatch()` without ids).
 * `sealLegacy` seals plain bodies written before sealing (run at start, {@link start}).
 */
export class NotificationService {
  private readonly cipher: OutboxCipher;
  private readonly ttlMs: number;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: SmsSender,
    options: NotificationOptions,
  ) {
    this.cipher = options.cipher;
    this.ttlMs = options.ttlHours * HOUR_MS;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
  }

  /** Writes one SMS (sealed) to the outbox through the caller's transaction manager; returns the row id. */
  async enqueue(manager: Manager, message: OutboxMessage): Promise<string> {
    const id = randomUUID();
    await insertNotification(manager, {
      id,
      personId: message.personId,
      channel: 'SMS',
      recipient: message.recipient,
      kind: message.kind,
      body: this.cipher.seal(message.body, { id, recipient: message.recipient, kind: message.kind }),
      attempts: 0,
      createdAt: this.now(),
      deliveredAt: null,
      status: 'PENDING',
      nextAttemptAt: null,
    });
    return id;
  }

  /**
   * Delivers due pending rows (oldest first; only `ids` when given, e.g. right after the registration committed).
   * Without `ids` (the periodic sweep of server.ts) it first runs {@link expire}; with them, rows older than the TTL
   * are skipped and left to it. Each row is claimed by bumping `attempts` from the value read, so two dispatchers
   * never send the same row at once. A row that cannot be opened is marked FAILED and counted as failed; it never
   * stops the run.
   */
  async dispatch(ids?: readonly string[]): Promise<DispatchResult> {
    if (!ids) await this.expire();
    const now = this.now();
    const pending = await pendingNotifications(this.dataSource, {
      ids,
      take: BATCH,
      now,
      createdSince: new Date(now.getTime() - this.ttlMs),
    });
    let delivered = 0;
    let failed = 0;
    for (const row of pending) {
      if (!(await claimNotification(this.dataSource, row))) continue;
      let text: string;
      try {
        text = this.plainText(row);
      } catch (err) {
        if (!(err instanceof OutboxCipherError)) throw err;
        await markNotificationFailed(this.dataSource, row.id);
        this.logger.error(
          { id: row.id, kind: row.kind, to: maskPhone(row.recipient), reason: err.reason, err: err.message },
          'SMS cannot be opened; marked FAILED and erased (issue a new password at the counter)',
        );
        failed++;
        continue;
      }
      try {
        await this.sender.send({ to: row.recipient, kind: row.kind, body: text });
      } catch {
        const attempts = row.attempts + 1;
        await deferNotification(
          this.dataSource,
          row.id,
          new Date(this.now().getTime() + retryBackoffMs(attempts)),
        );
        failed++;
        continue;
      }
      await markNotificationDelivered(this.dataSource, row.id, this.now());
      delivered++;
    }
    return { delivered, failed };
  }

  /** Delivers right after commit, best effort: a failure leaves the rows pending and never fails the request. */
  async dispatchSoon(ids: readonly string[], onError: (err: unknown) => void): Promise<void> {
    if (ids.length === 0) return;
    try {
      const result = await this.dispatch(ids);
      if (result.failed > 0) onError(new Error(`${result.failed} SMS left pending in the outbox`));
    } catch (err) {
      onError(err);
    }
  }

  /**
   * Erases the body of every row still pending after the TTL and marks it EXPIRED; logs each at warn (kind, masked
   * phone, age; never the text). Returns how many expired.
   */
  async expire(): Promise<number> {
    const now = this.now();
    let total = 0;
    for (;;) {
      const rows = await expireNotifications(this.dataSource, new Date(now.getTime() - this.ttlMs), BATCH);
      for (const row of rows)
        this.logger.warn(
          {
            id: row.id,
            personId: row.personId,
            kind: row.kind,
            to: maskPhone(row.recipient),
            createdAt: row.createdAt.toISOString(),
            attempts: row.attempts,
          },
          'SMS expired undelivered: text erased (issue a new password at the counter)',
        );
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  /** Seals the plain bodies of pending rows written before bodies were sealed (run at start). Returns how many. */
  async sealLegacy(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await unsealedNotifications(this.dataSource, SEALED_PREFIX, BATCH);
      let sealed = 0;
      for (const row of rows) {
        const body = this.cipher.seal(row.body ?? '', row);
        if (await replaceNotificationBody(this.dataSource, row, body)) sealed++;
      }
      total += sealed;
      if (rows.length < BATCH || sealed === 0) break;
    }
    if (total > 0)
      this.logger.info({ sealed: total }, 'plain SMS bodies in the outbox sealed (written before sealing)');
    return total;
  }

  /**
   * Run once at start, before serving: logs when production has no gateway, seals plain bodies left by an earlier
   * release and expires what passed the TTL while the server was down.
   */
  async start(config: AppConfig, logger: Logger): Promise<void> {
    warnIfNoSmsGateway(config, logger);
    await this.sealLegacy();
    await this.expire();
  }

  /** The text to send: opened from its sealed form; a legacy plain body (not yet sealed) as it is. */
  private plainText(row: NotificationEntity): string {
    const body = row.body ?? '';
    return OutboxCipher.isSealed(body) ? this.cipher.open(body, row) : body;
  }
}
