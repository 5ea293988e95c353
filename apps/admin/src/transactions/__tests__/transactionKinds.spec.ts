import { cancelBlockedReason, isCancellable, isReversible } from '../transactionKinds';

describe('what can be done with a settlement (R-USE-5)', () => {
  it('a posted settlement can be cancelled or refunded', () => {
    expect(isReversible('SETTLEMENT', 'POSTED')).toBe(true);
    expect(isCancellable('SETTLEMENT', 'POSTED')).toBe(true);
    expect(cancelBlockedReason('SETTLEMENT', 'POSTED')).toBeNull();
  });

  it('a partly refunded settlement can still be refunded, but not cancelled as a whole, and the console says why', () => {
    expect(isReversible('SETTLEMENT', 'PARTIALLY_REFUNDED')).toBe(true);
    expect(isCancellable('SETTLEMENT', 'PARTIALLY_REFUNDED')).toBe(false);
    expect(cancelBlockedReason('SETTLEMENT', 'PARTIALLY_REFUNDED')).toBe(
      'gongji.transactions.cancel_blocked_partly_refunded',
    );
  });

  it('nothing is offered on cancelled, refunded or other transactions', () => {
    for (const [kind, status] of [
      ['SETTLEMENT', 'CANCELLED'],
      ['SETTLEMENT', 'REFUNDED'],
      ['REFUND', 'POSTED'],
    ]) {
      expect(isReversible(kind, status)).toBe(false);
      expect(isCancellable(kind, status)).toBe(false);
    }
  });
});
