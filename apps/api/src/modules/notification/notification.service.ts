import { randomUUID } from 'node:crypto';
import {
  type DataSource,
  type Manager,
  claimNotification,
  insertNotification,
  markNotificationDelivered,
  pendingNotifications,
} from '@gongji/persistence';
import type { SmsSender } from './sms-sender';

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

/** Texts of the SMS; the only place a plain payment password is written down. */
export const SMS_TEXTS: Readonly<Record<NotificationKind, (password: string) => string>> = Object.freeze({
  [NotificationKind.INITIAL_PAYMENT_PASSWORD]: (password: string) =>
    `【医保】您的医保个人账户初始支付密码为${password}，无需激活，请妥善保管，切勿告知他人。`,
  [NotificationKind.PAYMENT_PASSWORD_RESET]: (password: string) =>
    `【医保】您的医保个人账户支付密码已重置为${password}，请妥善保管，切勿告知他人。`,
});

const BATCH = 50;

/**
 * Notification outbox (R-ACC-7): `enqueue` writes a row inside the caller's transaction, so the message exists exactly
 * when the change that causes it commits; `dispatch` delivers pending rows through the configured {@link SmsSender}
 * and then clears `body` and sets `deliveredAt`, so the plain text (an initial password) does not stay in the
 * database after delivery. A failed delivery keeps the row pending (attempts counted) for the next run.
 */
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: SmsSender,
  ) {}

  /** Writes one SMS to the outbox through the caller's transaction manager; returns the row id. */
  async enqueue(manager: Manager, message: OutboxMessage): Promise<string> {
    const id = randomUUID();
    await insertNotification(manager, {
      id,
      personId: message.personId,
      channel: 'SMS',
      recipient: message.recipient,
      kind: message.kind,
      body: message.body,
      attempts: 0,
      createdAt: new Date(),
      deliveredAt: null,
    });
    return id;
  }

  /**
   * Delivers pending rows (oldest first; only `ids` when given, e.g. right after the registration committed). Each
   * row is claimed by bumping `attempts` from the value read, so two dispatchers never send the same row at once.
   */
  async dispatch(ids?: readonly string[]): Promise<DispatchResult> {
    const pending = await pendingNotifications(this.dataSource, ids, BATCH);
    let delivered = 0;
    let failed = 0;
    for (const row of pending) {
      if (!(await claimNotification(this.dataSource, row))) continue;
      try {
        await this.sender.send({ to: row.recipient, kind: row.kind, body: row.body ?? '' });
      } catch {
        failed++;
        continue;
      }
      await markNotificationDelivered(this.dataSource, row.id, new Date());
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
}
