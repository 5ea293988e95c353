import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refusals of mutual-aid registration, ordering and use (R-KIN). */
export enum KinErrorCode {
  /** A person cannot be their own beneficiary (R-KIN-1). */
  SELF_RELATION = 'SELF_RELATION',
  /** The provider is not an employee participant, so has no personal account (R-ACC-1). */
  PROVIDER_HAS_NO_ACCOUNT = 'PROVIDER_HAS_NO_ACCOUNT',
  /** The provider has no EARMARKED pocket, the only money mutual aid spends (R-KIN-1). */
  PROVIDER_HAS_NO_EARMARKED = 'PROVIDER_HAS_NO_EARMARKED',
  /** The beneficiary is not insured in basic medical insurance (R-KIN-1). */
  BENEFICIARY_NOT_INSURED = 'BENEFICIARY_NOT_INSURED',
  /** The relation is outside the region's kinship scope for the purpose on the date (R-KIN-1). */
  RELATION_OUT_OF_SCOPE = 'RELATION_OUT_OF_SCOPE',
  /** Provider and beneficiary are insured in different provinces: use the wallet (R-KIN-2). */
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
  /** An active relation between the two already exists (R-KIN-1). */
  DUPLICATE_RELATION = 'DUPLICATE_RELATION',
  /** The birth dates contradict the declared relation (R-KIN-1 decision). */
  IMPLAUSIBLE_RELATION = 'IMPLAUSIBLE_RELATION',
  /** A new order must list each active provider exactly once (R-KIN-5). */
  NOT_A_PERMUTATION = 'NOT_A_PERMUTATION',
  /** No active relation with that provider (R-KIN-5). */
  RELATION_NOT_FOUND = 'RELATION_NOT_FOUND',
  /** The relation was revoked on or before the date of use (R-KIN-5). */
  RELATION_REVOKED = 'RELATION_REVOKED',
  /** A registration (备案) dated after today, Beijing time: it is recorded when it is made (R-KIN-3). */
  REGISTRATION_DATE_IN_FUTURE = 'REGISTRATION_DATE_IN_FUTURE',
  /** A registration dated before the provider or the relative was born (R-KIN-3, R-ACC-2). */
  REGISTRATION_BEFORE_BIRTH = 'REGISTRATION_BEFORE_BIRTH',
  /** The date of use is before the relation was registered (R-KIN-3). */
  NOT_YET_REGISTERED = 'NOT_YET_REGISTERED',
  /** Out-of-region care without the "use" permission and without the electronic voucher (R-KIN-6). */
  OUT_OF_REGION_NOT_PERMITTED = 'OUT_OF_REGION_NOT_PERMITTED',
}

export class KinError extends DomainError {
  constructor(
    code: KinErrorCode,
    message: string,
    rule: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
