import { HttpError } from 'ra-core';
import { userErrorsToHttpError } from '../../data/graphqlErrors';
import { isKeyReused, outcomeKnown, requestKeys } from '../requestKeys';

describe('idempotency keys of the refund and cancel dialogs (API.md)', () => {
  const keysInOrder = () => {
    let n = 0;
    return requestKeys(() => `key-${++n}`);
  };
  const refusal = userErrorsToHttpError([
    {
      code: 'REFUND_EXCEEDS_REMAINING',
      message: '该笔结算仅剩12300.00 元可退',
      field: ['input', 'amount'],
      rule: 'R-USE-5',
    },
  ]);
  const lostConnection = new HttpError('Failed to fetch', 200, new TypeError('Failed to fetch'));

  it('a corrected amount after a refusal is a new request with a new key (no IDEMPOTENCY_KEY_REUSED)', () => {
    const keys = keysInOrder();
    const tooMuch = { transactionId: 't1', amount: '99999.00' };
    expect(keys.keyFor(tooMuch)).toBe('key-1');
    keys.settle(refusal);
    expect(keys.keyFor({ transactionId: 't1', amount: '500.00' })).toBe('key-2');
  });

  it('a changed input gets a new key even before any answer', () => {
    const keys = keysInOrder();
    expect(keys.keyFor({ transactionId: 't1', amount: '1.00' })).toBe('key-1');
    expect(keys.keyFor({ transactionId: 't1', amount: '2.00' })).toBe('key-2');
  });

  it('the identical request after a lost connection or a server error reuses the key (nothing is paid twice)', () => {
    const keys = keysInOrder();
    const input = { transactionId: 't1', amount: '500.00' };
    expect(keys.keyFor(input)).toBe('key-1');
    keys.settle(lostConnection);
    expect(keys.keyFor(input)).toBe('key-1');
    keys.settle(new HttpError('gongji.errors.internal', 500));
    expect(keys.keyFor({ ...input })).toBe('key-1');
  });

  it('after a success, the same amount again is a second refund with its own key', () => {
    const keys = keysInOrder();
    const input = { transactionId: 't1', amount: '500.00' };
    expect(keys.keyFor(input)).toBe('key-1');
    keys.settle();
    expect(keys.keyFor(input)).toBe('key-2');
  });

  it('knows which answers are certain, and spots the developer message IDEMPOTENCY_KEY_REUSED', () => {
    expect(outcomeKnown(undefined)).toBe(true);
    expect(outcomeKnown(refusal)).toBe(true);
    expect(outcomeKnown(new HttpError('gongji.errors.forbidden', 403))).toBe(true);
    expect(outcomeKnown(lostConnection)).toBe(false);
    expect(outcomeKnown(new Error('network'))).toBe(false);
    expect(isKeyReused(refusal)).toBe(false);
    expect(
      isKeyReused(
        userErrorsToHttpError([
          {
            code: 'IDEMPOTENCY_KEY_REUSED',
            message: '该幂等键已用于另一笔不同的请求；新请求请使用新的幂等键',
          },
        ]),
      ),
    ).toBe(true);
  });
});
