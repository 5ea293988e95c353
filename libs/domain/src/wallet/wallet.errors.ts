import type { MessageParams } from '../messages/params';
import { DomainError } from '../shared/domain-error';

/** Codes of refused wallet operations (R-WAL). */
export enum WalletErrorCode {
  INVALID_AMOUNT = 'INVALID_AMOUNT',
  /** Sender and recipient are the same person. */
  SELF_TRANSFER = 'SELF_TRANSFER',
  /** The wallet is not open in a region on that date (R-WAL-3). */
  WALLET_NOT_OPEN = 'WALLET_NOT_OPEN',
  /** The recipient is not a near relative in scope (R-WAL-4). */
  NOT_NEAR_RELATIVE = 'NOT_NEAR_RELATIVE',
  /** The declared relation is neither a registered kin relation of the sender nor attested by staff (R-WAL-4). */
  RELATION_NOT_ESTABLISHED = 'RELATION_NOT_ESTABLISHED',
  /** The person is not insured in basic medical insurance (R-WAL-4). */
  NOT_INSURED = 'NOT_INSURED',
  /** A wallet is used before it was confirmed (R-WAL-5). */
  WALLET_NOT_ACTIVATED = 'WALLET_NOT_ACTIVATED',
  /** The wallet was already confirmed; change the usage region instead (R-WAL-5). */
  ALREADY_ACTIVATED = 'ALREADY_ACTIVATED',
  /** The bound phone is not a mainland mobile number (R-WAL-5). */
  INVALID_PHONE = 'INVALID_PHONE',
  /** The province does not offer usage-location change on that date (R-WAL-5). */
  USAGE_CHANGE_NOT_OFFERED = 'USAGE_CHANGE_NOT_OFFERED',
  /**
   * The usage region lies outside the insured province (R-WAL-7, seed 004: 参保地定点医药机构). Same code as the
   * kin refusal of R-KIN-2; its wallet text is the catalogue's `OUT_OF_PROVINCE@R-WAL-7`.
   */
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
  /** The new usage region equals the current one. */
  SAME_USAGE_REGION = 'SAME_USAGE_REGION',
  /** Source EARMARKED without a personal account (R-ACC-1, R-WAL-6). */
  NO_PERSONAL_ACCOUNT = 'NO_PERSONAL_ACCOUNT',
  /** No face check / code password, or it failed (R-WAL-6). */
  VERIFICATION_REQUIRED = 'VERIFICATION_REQUIRED',
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
}

/** A refused wallet operation, with the DOMAIN.md rule that refused it. */
export class WalletError extends DomainError {
  constructor(
    code: WalletErrorCode,
    rule: string,
    message: string,
    field?: readonly string[],
    params?: MessageParams,
  ) {
    super(code, message, rule, field, params);
  }
}
