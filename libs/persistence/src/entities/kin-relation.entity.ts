import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP, dateTransformer, timestampTransformer } from './column-types';

/**
 * A registered mutual-aid relation (备案, R-KIN-1): the beneficiary may spend the provider's account. `position` is
 * the beneficiary's registered order of providers (R-KIN-4); revocation sets `revokedAt` and keeps the row (R-KIN-5).
 */
@Entity('kin_relations')
@Index(['beneficiaryId', 'revokedAt', 'position'])
@Index(['providerId'])
export class KinRelationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  providerId!: string;

  @Column('varchar', { length: 36 })
  beneficiaryId!: string;

  /** The beneficiary's relation to the provider. */
  @Column('varchar', { length: 32 })
  relation!: string;

  @Column('varchar', { length: 32 })
  channel!: string;

  /** 1-based order among the beneficiary's active providers. */
  @Column('integer')
  position!: number;

  @Column('date', { transformer: dateTransformer })
  registeredOn!: string;

  /** Proxy binding (亲情账户, R-KIN-7): acts on behalf, shares no money. */
  @Column('boolean', { default: false })
  proxyOnly!: boolean;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  revokedAt!: Date | null;
}
