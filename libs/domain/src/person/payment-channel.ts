/**
 * How a payment reaches the personal account (R-ACC-7, R-CARD-1). Decides whether the password is asked and
 * whether a frozen card still pays.
 */
export enum PaymentChannel {
  /** Physical social-security card at the counter/terminal: password applies above the password-free limit. */
  CARD = 'CARD',
  /** 医保电子凭证 (scan code): authenticates by itself, no password; keeps working while the card is lost. */
  E_VOUCHER = 'E_VOUCHER',
  /** Registration fee (挂号费): exempt from the password. */
  REGISTRATION_FEE = 'REGISTRATION_FEE',
  /** Cross-region direct settlement (异地直接结算): exempt from the password. */
  CROSS_REGION_DIRECT = 'CROSS_REGION_DIRECT',
}
