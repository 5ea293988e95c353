import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A designated medical institution or retail pharmacy (定点医药机构, R-USE-1). */
@Entity('institutions')
export class InstitutionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** National institution code (e.g. H11010500001). */
  @Index({ unique: true })
  @Column('varchar', { length: 32 })
  code!: string;

  @Column('varchar', { length: 128 })
  name!: string;

  /** HOSPITAL or PHARMACY. */
  @Column('varchar', { length: 16 })
  kind!: string;

  /** TERTIARY, SECONDARY, PRIMARY, OTHER. */
  @Column('varchar', { length: 16 })
  level!: string;

  @Column('varchar', { length: 12 })
  regionCode!: string;

  /** Non-designated institutions cannot settle (R-USE-1). */
  @Column('boolean', { default: true })
  designated!: boolean;

  /** Accepts wallet payment (R-WAL-7). */
  @Column('boolean', { default: false })
  acceptsWallet!: boolean;

  /** TCM, specialist and A-class hospitals usable without being chosen (R-USE-1). */
  @Column('boolean', { default: false })
  openToAll!: boolean;
}

/** The up-to-4 hospitals a person has chosen (R-USE-1). */
@Entity('hospital_selections')
export class HospitalSelectionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  personId!: string;

  @PrimaryColumn('varchar', { length: 36 })
  institutionId!: string;

  @Column('integer')
  position!: number;
}
