import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refused settlements (R-SET, R-USE-1). */
export enum SettlementErrorCode {
  /** A bill amount is negative, or the bill is empty. */
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  INVALID_DATE = 'INVALID_DATE',
  /** A bill confirmed for a service date after today (Beijing time): only care already given is settled (R-SET-5). */
  SERVICE_DATE_IN_FUTURE = 'SERVICE_DATE_IN_FUTURE',
  /** A service date before the patient's birth date (in the ID number, R-ACC-2): no care was given then (R-SET-5). */
  SERVICE_BEFORE_BIRTH = 'SERVICE_BEFORE_BIRTH',
  /** The institution is not designated (定点): it cannot settle at all (R-USE-1). */
  NOT_DESIGNATED = 'NOT_DESIGNATED',
  /** Pharmacy visit at a hospital or hospital visit at a pharmacy (R-USE-1). */
  VISIT_TYPE_MISMATCH = 'VISIT_TYPE_MISMATCH',
  /** The patient is not insured in basic medical insurance (R-USE-1). */
  NOT_INSURED = 'NOT_INSURED',
  /** The accumulators passed are not those of the service year. */
  ACCUMULATOR_YEAR_MISMATCH = 'ACCUMULATOR_YEAR_MISMATCH',
  /** A provider listed twice, or the patient listed as their own provider (R-KIN-4). */
  INVALID_PROVIDERS = 'INVALID_PROVIDERS',
  /**
   * A password-exempt channel claimed for a bill it does not apply to (R-ACC-7): REGISTRATION_FEE outside an
   * outpatient/emergency visit, CROSS_REGION_DIRECT for care inside the patient's insured region.
   */
  CHANNEL_NOT_APPLICABLE = 'CHANNEL_NOT_APPLICABLE',
  /** An E_VOUCHER bill from a portal without the patient's e-voucher code where the policy asks for it (R-ACC-7). */
  E_VOUCHER_CODE_REQUIRED = 'E_VOUCHER_CODE_REQUIRED',
  /** An e-voucher code that is forged, expired or another person's (R-ACC-7). */
  E_VOUCHER_CODE_INVALID = 'E_VOUCHER_CODE_INVALID',
}

/** A refused settlement, with the DOMAIN.md rule that refused it. */
export class SettlementError extends DomainError {
  constructor(
    code: SettlementErrorCode,
    rule: string,
    message: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
