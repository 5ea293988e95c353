import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP, dateTransformer, timestampTransformer } from './column-types';

/**
 * An effective-dated policy setting (kinship scope per purpose, benefit schedule, spending caps, password policy).
 * Append-only: a change adds a row with a later `effectiveFrom`; a withdrawn row gets `retiredAt`, so what applied on
 * a past date can always be recomputed (issue #3: "history never changes what applied on a past date").
 */
@Entity('policy_settings')
@Index(['scopeRegionCode', 'kind', 'purpose', 'effectiveFrom'])
export class PolicySettingEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** Region or province code; null = national default. */
  @Column('varchar', { length: 12, nullable: true })
  scopeRegionCode!: string | null;

  /** KINSHIP_SCOPE, BENEFIT_SCHEDULE, SPENDING_CAPS, PASSWORD_POLICY. */
  @Column('varchar', { length: 32 })
  kind!: string;

  /** KinPurpose for KINSHIP_SCOPE rows. */
  @Column('varchar', { length: 32, nullable: true })
  purpose!: string | null;

  @Column('date', { transformer: dateTransformer })
  effectiveFrom!: string;

  /** JSON of the setting; money inside as decimal strings of fen. */
  @Column('simple-json')
  value!: unknown;

  @Column('varchar', { length: 64 })
  createdBy!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  retiredAt!: Date | null;
}
