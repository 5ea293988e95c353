import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refused premium and contribution payments (R-USE-2, R-USE-3, R-ACC-6). */
export enum PremiumErrorCode {
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  /**
   * Payment from the account is not open on that date, or not configured at all in the payer's region (no
   * `supplementaryPremiumSelfFrom` for the region or its province, R-USE-3).
   */
  PREMIUM_NOT_OPEN = 'PREMIUM_NOT_OPEN',
  /** Premiums for relatives are not open yet on that date (R-USE-3). */
  KIN_PREMIUM_NOT_OPEN = 'KIN_PREMIUM_NOT_OPEN',
  /** The payer has no personal account (R-ACC-1). */
  NO_PERSONAL_ACCOUNT = 'NO_PERSONAL_ACCOUNT',
  /** The payer is not real-name verified (R-USE-3). */
  NOT_REAL_NAME_VERIFIED = 'NOT_REAL_NAME_VERIFIED',
  /** The portal's ID number differs from the insured's registered one (R-USE-3). */
  ID_NUMBER_MISMATCH = 'ID_NUMBER_MISMATCH',
  /** The insured is not insured in basic medical insurance. */
  NOT_INSURED = 'NOT_INSURED',
  /** The insured is insured in another region; other cities' accounts cannot pay (R-USE-3). */
  OTHER_REGION = 'OTHER_REGION',
  /** Local mutual aid needs both in the same province; use the wallet (R-KIN-2). */
  OTHER_PROVINCE = 'OTHER_PROVINCE',
  /** Passbook linked to a bank card under the 2021 regime (R-ACC-6). */
  PASSBOOK_LINKED_TO_BANK_CARD = 'PASSBOOK_LINKED_TO_BANK_CARD',
  /** The relation is not in scope (R-USE-3, R-KIN-1). */
  RELATION_NOT_IN_SCOPE = 'RELATION_NOT_IN_SCOPE',
  /** The relative is not registered (备案) as the payer's beneficiary (R-USE-3, R-KIN-1). */
  NOT_REGISTERED = 'NOT_REGISTERED',
  /** Mutual-aid use is not open yet (R-KIN-3). */
  KIN_USE_NOT_OPEN = 'KIN_USE_NOT_OPEN',
  /**
   * The insured is insured as an employee (职工医保): there is no resident basic medical insurance contribution to pay
   * for them (R-USE-2).
   */
  INSURED_AS_EMPLOYEE = 'INSURED_AS_EMPLOYEE',
  /**
   * The insured is insured as a flexible-employment participant (灵活就业, in the employee scheme, R-ACC-1): like an
   * employee, they owe no resident basic medical insurance contribution (R-USE-2).
   */
  INSURED_AS_FLEXIBLE = 'INSURED_AS_FLEXIBLE',
  /** A required input is blank (the product code of a premium, R-USE-3). */
  INVALID_INPUT = 'INVALID_INPUT',
  /** Wallet money pays the holder's own resident contribution only (R-WAL-7). */
  WALLET_NOT_ALLOWED = 'WALLET_NOT_ALLOWED',
  /** The account cannot pay the whole premium (足额支付): nothing is charged. */
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
}

/** A refused premium / contribution payment, with the DOMAIN.md rule that refused it. */
export class PremiumError extends DomainError {
  constructor(
    code: PremiumErrorCode,
    rule: string,
    message: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
