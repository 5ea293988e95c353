import type { InsuranceType } from '../person/person';
import type { IsoDate } from '../shared/dates';

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

/**
 * The purposes a mutual-aid registration (备案) serves: each use is checked against its own purpose's scope
 * (R-KIN-1). A wallet transfer needs no registration (R-WAL-4: a relation attested for the transfer).
 */
export const REGISTERED_PURPOSES: readonly KinPurpose[] = [
  KinPurpose.MEDICAL,
  KinPurpose.RESIDENT_CONTRIBUTION,
  KinPurpose.LONG_TERM_CARE,
  KinPurpose.SUPPLEMENTARY_PREMIUM,
];

/** Registration channels (备案渠道, R-KIN-3). */
export enum KinChannel {
  PUBLIC_SERVICE_PLATFORM = 'PUBLIC_SERVICE_PLATFORM',
  BUREAU_WEBSITE = 'BUREAU_WEBSITE',
  NATIONAL_APP = 'NATIONAL_APP',
  JINGTONG_MINI_PROGRAM = 'JINGTONG_MINI_PROGRAM',
  COUNTER = 'COUNTER',
}

/**
 * A person as the mutual-aid rules see them (R-KIN-1/2): plain data, so the API, the console and tests can build it.
 * The birth date is read from `birthDate`, else from a valid `idNumber`; without either the plausibility check is
 * skipped (it is a guard against typos, not an identity proof).
 */
export interface KinPerson {
  readonly id: string;
  readonly insuranceType: InsuranceType;
  readonly regionCode: string;
  readonly provinceCode: string;
  readonly idNumber?: string | null;
  readonly birthDate?: IsoDate | null;
  /** Holds an EARMARKED pocket (R-ACC-3): the only money mutual aid spends. */
  readonly hasEarmarked: boolean;
}

/** A registered mutual-aid relation (备案): the beneficiary may spend the provider's EARMARKED (R-KIN-1). */
export interface KinRelation {
  readonly providerId: string;
  readonly beneficiaryId: string;
  /** The beneficiary's relation to the provider. */
  readonly relation: Relation;
  /** Position in the beneficiary's order of use, 1-based, no gaps among active relations (R-KIN-4/5). */
  readonly order: number;
  readonly registeredOn: IsoDate;
  readonly channel?: KinChannel;
  /** Date of revocation; the row is kept as history (R-KIN-5). Inactive from this date on. */
  readonly revokedAt: IsoDate | null;
}

/** Kinds of family bindings: only mutual aid shares money (R-KIN-7). */
export enum KinBindingKind {
  /** 家庭共济: the beneficiary spends the provider's account. */
  MUTUAL_AID = 'MUTUAL_AID',
  /** 亲情账户: an agent registers or buys medicine for the patient; charges stay on the patient's account. */
  PROXY = 'PROXY',
}

/** 亲情账户 (R-KIN-7): `agentId` may act for `patientId` (book a visit, buy medicine) but pays nothing. */
export interface ProxyBinding {
  readonly agentId: string;
  readonly patientId: string;
  readonly since: IsoDate;
  readonly revokedAt?: IsoDate | null;
}
