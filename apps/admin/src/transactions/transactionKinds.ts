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

/** A settlement can be cancelled as a whole only while nothing of it was refunded (R-USE-5). */
export function isCancellable(kind: string, status: string): boolean {
  return kind === 'SETTLEMENT' && status === 'POSTED';
}

/** Why a reversible settlement cannot be cancelled (an i18n key), or null when it can. */
export function cancelBlockedReason(kind: string, status: string): string | null {
  if (kind === 'SETTLEMENT' && status === 'PARTIALLY_REFUNDED') {
    return 'gongji.transactions.cancel_blocked_partly_refunded';
  }
  return null;
}

/** The kinds that reverse a settlement and name it as their original (R-USE-5). */
export const REVERSAL_KINDS = ['REFUND', 'SETTLEMENT_CANCEL'] as const;

/** The ledger filter that finds the reversals of a settlement (`TransactionFilter.originalTransactionId`, R-USE-5). */
export function reversalsFilter(settlement: { readonly id: string }): Record<string, unknown> {
  return { originalTransactionId: settlement.id, kinds: [...REVERSAL_KINDS] };
}

/** The refunds and the cancellation of a settlement among transactions (a guard on what {@link reversalsFilter} read). */
export function reversalsOf<
  T extends { readonly kind: string; readonly originalTransactionId: string | null },
>(settlementId: string, transactions: readonly T[]): T[] {
  return transactions.filter(
    (t) => (REVERSAL_KINDS as readonly string[]).includes(t.kind) && t.originalTransactionId === settlementId,
  );
}
