import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP, dateTransformer, timestampTransformer } from './column-types';

/** Wallet confirmation (确认使用钱包, R-WAL-5). */
@Entity('wallets')
export class WalletEntity {
  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  @Column('varchar', { length: 12 })
  usageRegionCode!: string;

  @Column('varchar', { length: 20 })
  phone!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  activatedAt!: Date;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  usageRegionChangedAt!: Date | null;
}

/** Social-security card state (R-CARD-1). */
@Entity('cards')
export class CardEntity {
  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  /** Social security card number (社会保障卡号) printed on the card: proof of presence at a desk (national 1101). */
  @Index({ unique: true })
  @Column('varchar', { length: 20, nullable: true })
  cardNumber!: string | null;

  /** ACTIVE, PRE_REPORTED, REPORTED, REISSUE_PENDING. */
  @Column('varchar', { length: 24 })
  state!: string;

  @Column('date', { nullable: true, transformer: dateTransformer })
  reportedOn!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  reissueReadyOn!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  reissueChannel!: string | null;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  updatedAt!: Date;
}
