/**
 * Relation of the beneficiary to the provider (R-KIN-1): "my SPOUSE/PARENT/... may spend my account".
 * SPOUSE, PARENT, CHILD are the 2021 national scope; the rest complete the Civil Code's near relatives (近亲属).
 */
export enum Relation {
  SPOUSE = 'SPOUSE',
  PARENT = 'PARENT',
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  GRANDPARENT = 'GRANDPARENT',
  MATERNAL_GRANDPARENT = 'MATERNAL_GRANDPARENT',
  GRANDCHILD = 'GRANDCHILD',
  MATERNAL_GRANDCHILD = 'MATERNAL_GRANDCHILD',
}

/** What mutual-aid money is used for; kinship scope is configured per purpose (R-KIN-1). */
export enum KinPurpose {
  MEDICAL = 'MEDICAL',
  RESIDENT_CONTRIBUTION = 'RESIDENT_CONTRIBUTION',
  LONG_TERM_CARE = 'LONG_TERM_CARE',
  SUPPLEMENTARY_PREMIUM = 'SUPPLEMENTARY_PREMIUM',
  WALLET_TRANSFER = 'WALLET_TRANSFER',
}

/** Registration channels (备案渠道, R-KIN-3). */
export enum KinChannel {
  PUBLIC_SERVICE_PLATFORM = 'PUBLIC_SERVICE_PLATFORM',
  BUREAU_WEBSITE = 'BUREAU_WEBSITE',
  NATIONAL_APP = 'NATIONAL_APP',
  JINGTONG_MINI_PROGRAM = 'JINGTONG_MINI_PROGRAM',
  COUNTER = 'COUNTER',
}
