/** Kinds of designated institutions (定点医药机构, R-USE-1). */
export enum InstitutionKind {
  HOSPITAL = 'HOSPITAL',
  PHARMACY = 'PHARMACY',
}

/** Hospital level (医院等级). Benefit rates are configured per level (R-SET-1, R-SET-2). */
export enum InstitutionLevel {
  TERTIARY = 'TERTIARY',
  SECONDARY = 'SECONDARY',
  PRIMARY = 'PRIMARY',
  /** Retail pharmacy, community clinic or unrated. */
  OTHER = 'OTHER',
}
