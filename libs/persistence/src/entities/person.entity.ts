import { Check, Column, Entity, Index, PrimaryColumn, Unique, VersionColumn } from 'typeorm';
import { TIMESTAMP, bigintTransformer, dateTransformer, timestampTransformer } from './column-types';

/** An insured person (R-ACC-2). */
@Entity('persons')
// The persons page's order (name, then ID number): a page of 50 reads 50 index entries, not a sort of every person.
@Index(['name', 'idNumber'])
export class PersonEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** 18-character resident ID number (GB 11643). */
  @Index({ unique: true })
  @Column('varchar', { length: 18 })
  idNumber!: string;

  @Column('varchar', { length: 64 })
  name!: string;

  @Column('varchar', { length: 20, nullable: true })
  phone!: string | null;

  @Column('date', { transformer: dateTransformer })
  birthDate!: string;

  /** Insured region (参保地), a pooling region code. */
  @Index()
  @Column('varchar', { length: 12 })
  regionCode!: string;

  /** EMPLOYEE, RESIDENT, FLEXIBLE, NONE (R-ACC-1). */
  @Column('varchar', { length: 16 })
  insuranceType!: string;

  /** IN_SERVICE or RETIRED for employee participants. */
  @Column('varchar', { length: 16, nullable: true })
  employmentStatus!: string | null;

  /** 实名认证: name + ID + phone verified (R-ACC-2, R-USE-3). */
  @Column('boolean', { default: false })
  realNameVerified!: boolean;

  /** Out-of-region use permission for mutual-aid funds (R-KIN-6). */
  @Column('boolean', { default: false })
  outOfRegionUsePermission!: boolean;

  /** 2021 regime: passbook linked to a bank card for free withdrawal (R-ACC-6). */
  @Column('boolean', { default: false })
  bankCardLinked!: boolean;

  /** Payment password as a slow salted hash (R-ACC-7); null = initial SMS password not yet set here. */
  @Column('varchar', { length: 255, nullable: true })
  paymentPasswordHash!: string | null;

  /** When the payment password was last set (initial delivery, change or reset). */
  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  paymentPasswordSetAt!: Date | null;

  @Column('integer', { default: 0 })
  paymentPasswordFailures!: number;

  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  paymentLockedAt!: Date | null;

  /** 限额免密: account payments at or below this need no password (R-ACC-7). */
  @Column('bigint', { default: 0, transformer: bigintTransformer })
  passwordFreeLimit!: bigint;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/** One pocket of a personal account (R-ACC-3). The CHECK makes a negative pocket impossible (R-SET-6). */
@Entity('pockets')
@Unique(['personId', 'kind'])
@Check('"balance" >= 0')
export class PocketEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  personId!: string;

  /** EARMARKED, LEGACY, WALLET. */
  @Column('varchar', { length: 16 })
  kind!: string;

  /** Balance in fen. */
  @Column('bigint', { default: 0, transformer: bigintTransformer })
  balance!: bigint;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
