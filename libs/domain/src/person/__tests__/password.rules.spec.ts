import { renderRefusal } from '../../messages/render';
import { DomainError } from '../../shared/domain-error';
import { type Fen, yuan, ZERO } from '../../money/money';
import { DEFAULT_PASSWORD_POLICY } from '../../policy/policy.defaults';
import { DEFAULT_MAX_PASSWORD_FREE_LIMIT } from '../password';
import {
  assertIdentityMatchesOrThrow,
  assertPasswordSetOrThrow,
  assertSomethingToUnlockOrThrow,
  effectivePasswordFreeLimit,
  maxPasswordFreeLimit,
  paymentPasswordWeakness,
  receivesInitialPaymentPassword,
  validateNewPaymentPasswordOrThrow,
  validatePasswordFreeLimitOrThrow,
} from '../password.rules';
import { passwordRequired } from '../person.rules';
import { PaymentChannel } from '../payment-channel';
import { InsuranceType } from '../person';
import { PersonErrorCode } from '../person.errors';

function refusalOf(fn: () => unknown): DomainError | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

describe('payment password strength (R-ACC-7)', () => {
  it.each([
    ['R-ACC-7: six mixed digits are fine', '275913', null],
    ['R-ACC-7: a leading zero is fine', '031597', null],
    ['R-ACC-7: five digits are refused', '27591', 'must be exactly 6 digits'],
    ['R-ACC-7: seven digits are refused', '2759130', 'must be exactly 6 digits'],
    ['R-ACC-7: letters are refused', '27a913', 'must be exactly 6 digits'],
    ['R-ACC-7: full-width digits are refused', '２７５９１３', 'must be exactly 6 digits'],
    ['R-ACC-7: one repeated digit is refused', '888888', 'must not repeat a single digit'],
    ['R-ACC-7: 000000 is refused', '000000', 'must not repeat a single digit'],
    ['R-ACC-7: an ascending run is refused', '123456', 'must not be an ascending or descending run'],
    ['R-ACC-7: a descending run is refused', '987654', 'must not be an ascending or descending run'],
    ['R-ACC-7: a run wrapping round 9→0 is refused', '789012', 'must not be an ascending or descending run'],
    [
      'R-ACC-7: a descending run wrapping 0→9 is refused',
      '210987',
      'must not be an ascending or descending run',
    ],
    ['R-ACC-7: almost a run is fine', '123457', null],
  ] as const)('%s', (_name, candidate, weakness) => {
    expect(paymentPasswordWeakness(candidate)).toBe(weakness);
  });

  it('R-ACC-7: a new password equal to the old one is refused (PASSWORD_TOO_WEAK on newPassword)', () => {
    const err = refusalOf(() => validateNewPaymentPasswordOrThrow('275913', '275913'));
    expect(err).toMatchObject({
      code: PersonErrorCode.PASSWORD_TOO_WEAK,
      rule: 'R-ACC-7',
      field: ['newPassword'],
    });
    expect(err?.message).toContain('must differ from the old password');
    expect(refusalOf(() => validateNewPaymentPasswordOrThrow('275914', '275913'))).toBeNull();
    expect(refusalOf(() => validateNewPaymentPasswordOrThrow('123456'))).toMatchObject({
      code: PersonErrorCode.PASSWORD_TOO_WEAK,
    });
  });
});

describe('PASSWORD_TOO_WEAK says which requirement failed, in Chinese as in English (R-ACC-7)', () => {
  it.each([
    ['12345', '新支付密码须为6位数字（R-ACC-7）', 'must be exactly 6 digits'],
    ['777777', '新支付密码不能由同一个数字重复组成（如111111）（R-ACC-7）', 'must not repeat a single digit'],
    [
      '654321',
      '新支付密码不能为连续递增或递减的数字（如123456、654321）（R-ACC-7）',
      'must not be an ascending or descending run',
    ],
    ['275913', '新支付密码不能与原支付密码相同（R-ACC-7）', 'must differ from the old password'],
  ] as const)('%s', (candidate, zh, why) => {
    const err = refusalOf(() => validateNewPaymentPasswordOrThrow(candidate, '275913'))!;
    expect(renderRefusal(err, 'zh')).toBe(zh);
    expect(renderRefusal(err, 'en')).toBe(`The new payment password ${why} (R-ACC-7)`);
  });
});

describe('initial payment password (R-ACC-7, seed 001)', () => {
  it.each([
    ['R-ACC-7: an employee with a phone receives one', InsuranceType.EMPLOYEE, '13800000001', true],
    ['R-ACC-7: an employee without a phone cannot receive one', InsuranceType.EMPLOYEE, null, false],
    // R-ACC-7: the patient's own password applies when relatives' accounts pay — a resident beneficiary needs one too.
    ['R-ACC-7: a resident (no account, R-ACC-1) receives one', InsuranceType.RESIDENT, '13800000001', true],
    ['R-ACC-7: a flexible participant receives one', InsuranceType.FLEXIBLE, '13800000001', true],
    ['R-USE-1: a person not insured does not', InsuranceType.NONE, '13800000001', false],
  ] as const)('%s', (_name, insuranceType, phone, expected) => {
    expect(receivesInitialPaymentPassword({ insuranceType, phone })).toBe(expected);
  });

  it('R-ACC-7: no password issued refuses with PASSWORD_NOT_SET', () => {
    expect(refusalOf(() => assertPasswordSetOrThrow(false))).toMatchObject({
      code: PersonErrorCode.PASSWORD_NOT_SET,
      rule: 'R-ACC-7',
      field: ['password'],
    });
    expect(refusalOf(() => assertPasswordSetOrThrow(true))).toBeNull();
  });
});

describe('password-free limit (限额免密, R-ACC-7)', () => {
  it('R-ACC-7: the default policy allows up to 300.00 yuan', () => {
    expect(maxPasswordFreeLimit(DEFAULT_PASSWORD_POLICY)).toBe(yuan(300));
    expect(maxPasswordFreeLimit({})).toBe(DEFAULT_MAX_PASSWORD_FREE_LIMIT);
  });

  it.each([
    ['R-ACC-7: 0 switches it off', ZERO, true],
    ['R-ACC-7: the maximum itself is allowed', yuan(300), true],
    ['R-ACC-7: one fen above the maximum is refused', (yuan(300) + 1n) as typeof ZERO, false],
  ] as const)('%s', (_name, limit, ok) => {
    const err = refusalOf(() => validatePasswordFreeLimitOrThrow(limit, DEFAULT_PASSWORD_POLICY));
    if (ok) expect(err).toBeNull();
    else
      expect(err).toMatchObject({
        code: PersonErrorCode.PASSWORD_FREE_LIMIT_TOO_HIGH,
        rule: 'R-ACC-7',
        field: ['limit'],
        message: 'The password-free limit must be between 0.00 and 300.00 yuan; 300.01 was asked',
      });
  });

  it('R-ACC-7: a region policy can lower the maximum', () => {
    const err = refusalOf(() =>
      validatePasswordFreeLimitOrThrow(yuan(150), { maxPasswordFreeLimit: yuan(100) }),
    );
    expect(err?.message).toContain('100.00 yuan');
  });
});

describe("effective password-free limit: the holder's, capped by the policy maximum in force (R-ACC-7)", () => {
  const max = (n: number) => ({ maxPasswordFreeLimit: yuan(n) });

  it.each([
    ["below the maximum: the holder's own", 200, 300, 200],
    ["at the maximum: the holder's own", 300, 300, 300],
    ['above a lowered maximum: the maximum', 300, 100, 100],
    ['a maximum of 0.00: off for everybody', 300, 0, 0],
    ['not set (0.00): stays off', 0, 100, 0],
  ])('%s', (_label, holder, maximum, expected) => {
    expect(effectivePasswordFreeLimit(yuan(holder), max(maximum))).toBe(yuan(expected));
  });

  it("one fen above the maximum: the maximum; one fen below: the holder's own", () => {
    expect(effectivePasswordFreeLimit((yuan(100) + 1n) as Fen, max(100))).toBe(yuan(100));
    expect(effectivePasswordFreeLimit((yuan(100) - 1n) as Fen, max(100))).toBe(yuan(100) - 1n);
  });

  it('a policy without a stored maximum caps at the built-in default (300.00)', () => {
    expect(effectivePasswordFreeLimit(yuan(500), {})).toBe(DEFAULT_MAX_PASSWORD_FREE_LIMIT);
    expect(effectivePasswordFreeLimit(yuan(100), {})).toBe(yuan(100));
  });

  it("several policies that must all hold: the lowest maximum wins; raising it back restores the holder's limit", () => {
    expect(effectivePasswordFreeLimit(yuan(300), max(300), max(100))).toBe(yuan(100));
    expect(effectivePasswordFreeLimit(yuan(300), max(100), max(300))).toBe(yuan(100));
    expect(effectivePasswordFreeLimit(yuan(300), max(300), max(300))).toBe(yuan(300));
  });

  it('never negative', () => {
    expect(effectivePasswordFreeLimit(yuan(-1), max(100))).toBe(ZERO);
    expect(effectivePasswordFreeLimit(yuan(300), max(-1))).toBe(ZERO);
  });

  it('boundaries with the password rule: at the effective limit no password, one fen above it the password', () => {
    const limit = effectivePasswordFreeLimit(yuan(300), max(100));
    const needs = (amount: bigint) =>
      passwordRequired({
        channel: PaymentChannel.CARD,
        amountFromAccount: amount as Fen,
        passwordFreeLimit: limit,
      });
    expect(needs(yuan(100))).toBe(false);
    expect(needs(yuan(100) + 1n)).toBe(true);
    expect(needs(yuan(250))).toBe(true);
  });
});

describe('staff unlock (R-ACC-7)', () => {
  it('R-ACC-7: nothing to unlock is refused; a lock or a failure count can be lifted', () => {
    expect(
      refusalOf(() => assertSomethingToUnlockOrThrow({ consecutiveFailures: 0, locked: false })),
    ).toMatchObject({ code: PersonErrorCode.PASSWORD_NOT_LOCKED });
    expect(
      refusalOf(() => assertSomethingToUnlockOrThrow({ consecutiveFailures: 5, locked: true })),
    ).toBeNull();
    expect(
      refusalOf(() => assertSomethingToUnlockOrThrow({ consecutiveFailures: 2, locked: false })),
    ).toBeNull();
  });
});

describe('identity check before a reset (R-ACC-2)', () => {
  it.each([
    ['R-ACC-2: the same number passes', '11010519491231002X', true],
    ['R-ACC-2: a lower-case x and spaces are the same number', ' 110105 19491231002x ', true],
    ['R-ACC-2: another number is refused', '110105194912310038', false],
  ] as const)('%s', (_name, presented, ok) => {
    const err = refusalOf(() => assertIdentityMatchesOrThrow(presented, '11010519491231002X'));
    if (ok) expect(err).toBeNull();
    else
      expect(err).toMatchObject({
        code: PersonErrorCode.IDENTITY_MISMATCH,
        rule: 'R-ACC-2',
        field: ['identityCheck', 'idNumber'],
      });
  });
});
