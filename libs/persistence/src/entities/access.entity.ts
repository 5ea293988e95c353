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
