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

/**
 * The ledger filter that finds the reversals of a settlement: the transactions of its patient, of the reversal kinds,
 * booked from the settlement's China day on (a refund is never older than what it refunds). The API has no filter
 * by original transaction, so the caller keeps those whose `originalTransactionId` is the settlement's
 * ({@link reversalsOf}).
 */
export function reversalsFilter(settlement: {
  readonly personId: string | null;
  readonly createdAt: string;
}): Record<string, unknown> | null {
  if (!settlement.personId) return null;
  const instant = new Date(settlement.createdAt);
  if (Number.isNaN(instant.getTime())) return null;
  const chinaDay = new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  return { personId: settlement.personId, kinds: [...REVERSAL_KINDS], fromDate: chinaDay };
}

/** The refunds and the cancellation of a settlement among transactions read with {@link reversalsFilter}. */
export function reversalsOf<
  T extends { readonly kind: string; readonly originalTransactionId: string | null },
>(settlementId: string, transactions: readonly T[]): T[] {
  return transactions.filter(
    (t) => (REVERSAL_KINDS as readonly string[]).includes(t.kind) && t.originalTransactionId === settlementId,
  );
}
