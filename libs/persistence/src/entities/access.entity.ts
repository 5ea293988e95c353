import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP, timestampTransformer } from './column-types';

/** A console or API user (policy staff, counter staff, analysts). Passwords are argon2id hashes. */
@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  username!: string;

  @Column('varchar', { length: 128 })
  displayName!: string;

  /** ADMIN, COUNTER, ANALYST. */
  @Column('varchar', { length: 16 })
  role!: string;

  @Column('varchar', { length: 255 })
  passwordHash!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  disabledAt!: Date | null;

  /** `sessionEnd`: every session token of this user signed before this instant is refused (signing out). */
  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  sessionsEndedAt?: Date | null;
}

/** A third-party portal (PORTAL role) bound to one institution or product, with scopes (API.md). */
@Entity('api_clients')
export class ApiClientEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 128 })
  name!: string;

  /** Public, non-secret prefix of the key, used to find the row (`gj_<prefix>_<secret>`). */
  @Index({ unique: true })
  @Column('varchar', { length: 16 })
  keyPrefix!: string;

  /** argon2id hash of the whole key; the key itself is shown once at creation. */
  @Column('varchar', { length: 255 })
  keyHash!: string;

  @Column('varchar', { length: 36, nullable: true })
  institutionId!: string | null;

  /** Supplementary-insurance product code for the insurer portal. */
  @Column('varchar', { length: 64, nullable: true })
  product!: string | null;

  @Column('simple-json')
  scopes!: string[];

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  revokedAt!: Date | null;

  /** When the key was last replaced by `apiClientRotate` (the old key stops working at once). */
  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  rotatedAt!: Date | null;

  /** Last authenticated request (updated at most once a minute per process). */
  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  lastUsedAt!: Date | null;

  /** Allow-list mode: the client may only run persisted operations (by sha256). */
  @Column('boolean', { default: false })
  persistedOperationsOnly!: boolean;

  /** Requests per minute for this client; null = the server default. */
  @Column('integer', { nullable: true })
  rateLimitPerMinute!: number | null;
}

/** Every ADMIN/COUNTER change, with before and after (API.md "every change lands in the audit log"). */
@Entity('audit_log')
@Index(['entityType', 'entityId', 'at'])
export class AuditLogEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  at!: Date;

  /** USER or API_CLIENT. */
  @Column('varchar', { length: 16 })
  actorType!: string;

  @Column('varchar', { length: 36 })
  actorId!: string;

  @Column('varchar', { length: 128 })
  actorName!: string;

  /** Mutation name, e.g. regionUpdate. */
  @Column('varchar', { length: 64 })
  action!: string;

  @Column('varchar', { length: 32 })
  entityType!: string;

  @Column('varchar', { length: 64 })
  entityId!: string;

  @Column('simple-json', { nullable: true })
  before!: Record<string, unknown> | null;

  @Column('simple-json', { nullable: true })
  after!: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  reason!: string | null;
}

/**
 * A person a portal serves (API.md "a portal sees only the people it is serving"). Written when the person presents
 * their card number or e-voucher code at the portal's desk (the national 1101 look-up) or is settled there. `servant`
 * is `INSTITUTION:<id>` for hospital and pharmacy portals, `CLIENT:<id>` for portals bound to a product.
 */
@Entity('served_persons')
export class ServedPersonEntity {
  @PrimaryColumn('varchar', { length: 80 })
  servant!: string;

  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  /** CARD or E_VOUCHER: how the person first proved presence. */
  @Column('varchar', { length: 16 })
  evidence!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  firstAt!: Date;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  lastAt!: Date;
}

/** An allow-listed GraphQL document (persisted operation) by its sha256; portals in allow-list mode run only these. */
@Entity('persisted_operations')
export class PersistedOperationEntity {
  /** Hex sha256 of the document text (Apollo's `persistedQuery.sha256Hash`). */
  @PrimaryColumn('varchar', { length: 64 })
  id!: string;

  @Column('varchar', { length: 128 })
  name!: string;

  @Column('text')
  document!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;
}

/** Life of an outbox row (`notification_outbox.status`). */
export type NotificationStatus =
  /** Waiting for delivery (retried with backoff from `nextAttemptAt`). */
  | 'PENDING'
  /** Sent; `body` cleared. */
  | 'DELIVERED'
  /** Not delivered within the TTL (GONGJI_SMS_TTL_HOURS); `body` erased, never sent. */
  | 'EXPIRED'
  /** Cannot be delivered (e.g. sealed under another key); `body` erased, never retried. */
  | 'FAILED';

/**
 * Notification outbox (R-ACC-7: initial passwords are sent by SMS). A row is written in the same transaction as the
 * change that causes it; `body` is sealed (AES-256-GCM, apps/api notification module) and opened only to hand it to
 * the delivery adapter; it is cleared once delivered and erased when the row expires or fails.
 */
@Entity('notification_outbox')
@Index(['deliveredAt', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  personId!: string;

  /** SMS. */
  @Column('varchar', { length: 8 })
  channel!: string;

  @Column('varchar', { length: 20 })
  recipient!: string;

  /** INITIAL_PAYMENT_PASSWORD, PAYMENT_PASSWORD_RESET, … */
  @Column('varchar', { length: 40 })
  kind!: string;

  /** Sealed message text (`enc:v1:…`; plain only in rows written before sealing); null once delivered, expired or failed. */
  @Column('text', { nullable: true })
  body!: string | null;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  deliveredAt!: Date | null;

  @Column('varchar', { length: 16, default: 'PENDING' })
  status!: NotificationStatus;

  /** A pending row whose delivery failed is not tried again before this (backoff); null = at once. */
  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  nextAttemptAt!: Date | null;
}
