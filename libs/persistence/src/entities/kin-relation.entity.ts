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

/**
 * Evidence of a relationship checked by counter staff (R-WAL-4): a wallet transfer may name a relation that is either
 * a registered kin relation or attested here (户口簿, 结婚证, 出生医学证明…, who checked, when). Revoking keeps the row.
 */
@Entity('relationship_attestations')
@Index(['personId', 'relativePersonId'])
export class RelationshipAttestationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** The person whose relative is attested (the wallet sender). */
  @Column('varchar', { length: 36 })
  personId!: string;

  @Column('varchar', { length: 36 })
  relativePersonId!: string;

  /** The relative's relation to the person (SPOUSE, PARENT, CHILD, …), as in kin relations. */
  @Column('varchar', { length: 24 })
  relation!: string;

  /** HOUSEHOLD_REGISTER (户口簿), MARRIAGE_CERTIFICATE (结婚证), BIRTH_CERTIFICATE (出生医学证明), OTHER_OFFICIAL. */
  @Column('varchar', { length: 32 })
  evidenceKind!: string;

  /** Document number or note (no image is kept). */
  @Column('varchar', { length: 128, nullable: true })
  evidenceRef!: string | null;

  /** Who checked the evidence (`USER:<id>`) and their name. */
  @Column('varchar', { length: 64 })
  checkedBy!: string;

  @Column('varchar', { length: 128 })
  checkedByName!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  checkedAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  revokedAt!: Date | null;
}
