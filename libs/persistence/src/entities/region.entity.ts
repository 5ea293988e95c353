import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { TIMESTAMP, dateTransformer, timestampTransformer } from './column-types';

/** A coverage region: a province-level unit, or a pooling region under one (R-ACC-2, R-WAL-2). */
@Entity('regions')
export class RegionEntity {
  /** 6-digit GB/T 2260 code, or a synthetic code for special pools (docs/regions.md). */
  @PrimaryColumn('varchar', { length: 12 })
  code!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  /** The name exactly as the source article writes it, when it differs. */
  @Column('varchar', { length: 100, nullable: true })
  sourceName!: string | null;

  /** PROVINCE, CITY, COUNTY, SPECIAL, NEW_AREA. */
  @Column('varchar', { length: 16 })
  level!: string;

  @Index()
  @Column('varchar', { length: 12 })
  provinceCode!: string;

  /** Pooling region (参保地) where persons can be insured. */
  @Column('boolean', { default: false })
  isPool!: boolean;

  /** Code from the project's synthetic scheme (not GB/T 2260). */
  @Column('boolean', { default: false })
  synthetic!: boolean;

  /** Province opened the wallet province-wide (全域). */
  @Column('boolean', { default: false })
  walletFullCoverage!: boolean;

  /** False where the source counts the province as open without naming its regions. */
  @Column('boolean', { default: true })
  walletRegionsEnumerated!: boolean;

  /** EXACT: the date is known; CONFIRMED_BY: open no later than this date. */
  @Column('varchar', { length: 16, nullable: true })
  walletFromBasis!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  earmarkedFrom!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  mutualAidRegistrationFrom!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  mutualAidUseFrom!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  walletFrom!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  usageLocationChangeFrom!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  supplementaryPremiumSelfFrom!: string | null;

  @Column('date', { nullable: true, transformer: dateTransformer })
  supplementaryPremiumKinFrom!: string | null;

  /**
   * False once the reference data no longer carries the code (withdrawn): the row stays, because persons and
   * history refer to it, but no new person can be insured there (issue #9).
   */
  @Column('boolean', { default: true })
  active!: boolean;

  /** When the reference data withdrew the code (null while active). */
  @Column(TIMESTAMP, { nullable: true, transformer: timestampTransformer })
  withdrawnAt!: Date | null;

  /**
   * Fields a member of staff has set with `regionUpdate` (e.g. `["walletFrom"]`): the reference-data loader never
   * overwrites them (issue #9). Null = none.
   */
  @Column('simple-json', { nullable: true })
  staffOwnedFields!: string[] | null;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  createdAt!: Date;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/**
 * The version of a reference data set applied to this database (issue #9): one row per data set, so a start with
 * unchanged data costs one look-up.
 */
@Entity('reference_data_versions')
export class ReferenceDataVersionEntity {
  /** Data set, e.g. `regions`. */
  @PrimaryColumn('varchar', { length: 32 })
  dataset!: string;

  /** SHA-256 of the data set's content as applied. */
  @Column('varchar', { length: 64 })
  version!: string;

  @Column(TIMESTAMP, { transformer: timestampTransformer })
  appliedAt!: Date;

  /** What the last application did (added, updated, withdrawn … counts). */
  @Column('simple-json')
  summary!: Record<string, number>;
}

/** A figure a source published (e.g. 227 regions open as of 2025-05-08), kept apart from counted rows. */
@Entity('published_figures')
export class PublishedFigureEntity {
  @PrimaryColumn('varchar', { length: 64 })
  metric!: string;

  @PrimaryColumn('date', { transformer: dateTransformer })
  asOf!: string;

  @Column('integer')
  value!: number;

  @Column('text')
  source!: string;
}
