export const TRANSACTION_KINDS = [
  'SETTLEMENT',
  'SETTLEMENT_CANCEL',
  'REFUND',
  'PREMIUM',
  'RESIDENT_CONTRIBUTION',
  'WALLET_TRANSFER',
  'CONTRIBUTION_CREDIT',
  'INTEREST',
  'LEGACY_WITHDRAWAL',
] as const;

/** A settlement can be cancelled or refunded while money remains to return (R-USE-5). */
export function isReversible(kind: string, status: string): boolean {
  return kind === 'SETTLEMENT' && (status === 'POSTED' || status === 'PARTIALLY_REFUNDED');
}
