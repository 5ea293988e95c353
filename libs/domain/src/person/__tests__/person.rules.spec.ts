import { fen, yuan, ZERO } from '../../money/money';
import { FRESH_PASSWORD_STATE, type PasswordAttemptState } from '../password';
import { PaymentChannel } from '../payment-channel';
import { EmploymentCategory, EmploymentStatus, hasPersonalAccount, InsuranceType } from '../person';
import { PersonErrorCode } from '../person.errors';
import {
  assertRealNameOrThrow,
  assertPasswordNotLockedOrThrow,
  employmentCategoryOn,
  passwordOwnerId,
  passwordRequired,
  passwordRequirement,
  registerPasswordAttempt,
  unlockPassword,
} from '../person.rules';

describe('employment category (R-SET-1)', () => {
  it.each([
    [
      'R-SET-1: in service at 75 is still in service',
      EmploymentStatus.IN_SERVICE,
      '1950-01-01',
      '2025-06-01',
      EmploymentCategory.IN_SERVICE,
    ],
    [
      'R-SET-1: retired, 69',
      EmploymentStatus.RETIRED,
      '1955-03-10',
      '2025-03-09',
      EmploymentCategory.RETIRED_UNDER_70,
    ],
    [
      'R-SET-1: retired, 70th birthday on the service date',
      EmploymentStatus.RETIRED,
      '1955-03-10',
      '2025-03-10',
      EmploymentCategory.RETIRED_70_PLUS,
    ],
    [
      'R-SET-1: retired, born 29 Feb, 70 from 1 Mar in a non-leap year',
      EmploymentStatus.RETIRED,
      '1952-02-29',
      '2022-03-01',
      EmploymentCategory.RETIRED_70_PLUS,
    ],
    [
      'R-SET-1: retired, born 29 Feb, still 69 on 28 Feb',
      EmploymentStatus.RETIRED,
      '1952-02-29',
      '2022-02-28',
      EmploymentCategory.RETIRED_UNDER_70,
    ],
  ])('%s', (_name, employmentStatus, birthDate, on, category) => {
    expect(employmentCategoryOn({ employmentStatus, birthDate }, on)).toBe(category);
  });
});

describe('payment password (R-ACC-7)', () => {
  it.each([
    ['R-ACC-7: card payment above the limit needs the password', PaymentChannel.CARD, yuan(100), ZERO, true],
    ['R-ACC-7: registration fee is exempt', PaymentChannel.REGISTRATION_FEE, yuan(100), ZERO, false],
    ['R-ACC-7: electronic voucher is exempt', PaymentChannel.E_VOUCHER, yuan(5000), ZERO, false],
    [
      'R-ACC-7: cross-region direct settlement is exempt',
      PaymentChannel.CROSS_REGION_DIRECT,
      yuan(5000),
      ZERO,
      false,
    ],
    ['R-ACC-7: at the password-free limit no password', PaymentChannel.CARD, yuan(200), yuan(200), false],
    [
      'R-ACC-7: one fen above the password-free limit needs it',
      PaymentChannel.CARD,
      fen(yuan(200) + 1n),
      yuan(200),
      true,
    ],
    ['R-ACC-7: nothing from the account (all cash) needs none', PaymentChannel.CARD, ZERO, ZERO, false],
  ] as const)('%s', (_name, channel, amountFromAccount, passwordFreeLimit, required) => {
    const input = { channel, amountFromAccount, passwordFreeLimit };
    expect(passwordRequired(input)).toBe(required);
    expect(passwordRequirement(input).explanation.rule).toBe('R-ACC-7');
  });

  it("R-ACC-7: with mutual-aid funds the patient's own password applies", () => {
    expect(passwordOwnerId({ patientId: 'patient', providerIds: ['mother', 'father'] })).toBe('patient');
  });

  it('R-ACC-7: 5 consecutive wrong passwords lock; the 4th does not', () => {
    let state: PasswordAttemptState = FRESH_PASSWORD_STATE;
    const locks: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const r = registerPasswordAttempt(state, false);
      state = r.state;
      locks.push(r.locked);
    }
    expect(locks).toEqual([false, false, false, false, true]);
    expect(state).toEqual({ consecutiveFailures: 5, locked: true });
    expect(() => assertPasswordNotLockedOrThrow(state)).toThrow(
      expect.objectContaining({ code: PersonErrorCode.PASSWORD_LOCKED, rule: 'R-ACC-7' }),
    );
  });

  it('R-ACC-7: a correct password resets the count, so failures must be consecutive', () => {
    let state: PasswordAttemptState = FRESH_PASSWORD_STATE;
    for (const ok of [false, false, false, false, true, false, false, false, false]) {
      state = registerPasswordAttempt(state, ok).state;
    }
    expect(state).toEqual({ consecutiveFailures: 4, locked: false });
    expect(() => assertPasswordNotLockedOrThrow(state)).not.toThrow();
  });

  it('R-ACC-7: once locked even the right password is refused until staff unlock', () => {
    const locked = { consecutiveFailures: 5, locked: true };
    expect(registerPasswordAttempt(locked, true)).toEqual({ state: locked, locked: true, accepted: false });
    const unlocked = unlockPassword();
    expect(registerPasswordAttempt(unlocked, true)).toEqual({
      state: FRESH_PASSWORD_STATE,
      locked: false,
      accepted: true,
    });
  });

  it('R-ACC-7: the lockout threshold follows the policy', () => {
    const r = registerPasswordAttempt({ consecutiveFailures: 2, locked: false }, false, {
      lockoutAfterFailures: 3,
    });
    expect(r.locked).toBe(true);
  });
});

describe('personal account (R-ACC-1)', () => {
  it.each([
    [InsuranceType.EMPLOYEE, true],
    [InsuranceType.RESIDENT, false],
    [InsuranceType.FLEXIBLE, false],
    [InsuranceType.NONE, false],
  ])('R-ACC-1: %s has a personal account: %s', (type, has) => {
    expect(hasPersonalAccount(type)).toBe(has);
  });
});

describe('real-name check of the national app before an e-voucher code (R-ACC-2)', () => {
  const registered = { idNumber: '11010519491231002X', phone: '13800000001' };
  it.each([
    ['nothing', {}],
    ['the ID number alone', { idNumber: '11010519491231002X' }],
    ['another phone', { idNumber: '11010519491231002X', phone: '13800000002' }],
    ['another ID number', { idNumber: '110105194912310011', phone: '13800000001' }],
  ])('R-ACC-2 refuses %s with REAL_NAME_MISMATCH', (_what, presented) => {
    expect(() => assertRealNameOrThrow(presented, registered)).toThrow(
      expect.objectContaining({ code: PersonErrorCode.REAL_NAME_MISMATCH, rule: 'R-ACC-2' }),
    );
  });
  it('R-ACC-2 accepts the registered pair, spaces and a lower-case x aside; never a person without a phone', () => {
    expect(() =>
      assertRealNameOrThrow({ idNumber: ' 11010519491231002x ', phone: '138-0000-0001' }, registered),
    ).not.toThrow();
    expect(() =>
      assertRealNameOrThrow(
        { idNumber: registered.idNumber, phone: '13800000001' },
        { ...registered, phone: null },
      ),
    ).toThrow(expect.objectContaining({ code: PersonErrorCode.REAL_NAME_MISMATCH }));
  });
});
