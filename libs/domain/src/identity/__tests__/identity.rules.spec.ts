import { makeIdNumber } from '../../testing';
import { renderRefusal } from '../../messages/render';
import type { DomainError } from '../../shared/domain-error';
import { Sex } from '../identity';
import { IdentityErrorCode } from '../identity.errors';
import {
  ageOn,
  birthDateFromId,
  idCheckCharacter,
  isMainlandMobile,
  isValidIdNumber,
  maskIdNumber,
  maskName,
  validateIdNumberOrThrow,
  validatePhoneOrThrow,
} from '../identity.rules';

const TODAY = '2025-06-01';

describe('resident ID numbers (R-ACC-2)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', Sex.FEMALE, '110105'],
    [makeIdNumber('310104', '1990-07-15', 123), '1990-07-15', Sex.MALE, '310104'],
    [makeIdNumber('650102', '2004-02-29', 8), '2004-02-29', Sex.FEMALE, '650102'],
    [makeIdNumber('810000', '1980-01-01', 11), '1980-01-01', Sex.MALE, '810000'],
  ])('R-ACC-2: %s is valid, born %s, %s, region %s', (id, birthDate, sex, regionPrefix) => {
    expect(validateIdNumberOrThrow(id, TODAY)).toEqual({ idNumber: id, birthDate, sex, regionPrefix });
  });

  it('R-ACC-2: the check digit of the standard example 11010519491231002X is X', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(validateIdNumberOrThrow('11010519491231002X').birthDate).toBe('1949-12-31');
  });

  it('R-ACC-2: a lowercase x is normalised to X', () => {
    expect(validateIdNumberOrThrow(' 11010519491231002x ').idNumber).toBe('11010519491231002X');
  });

  const valid = makeIdNumber('110105', '1980-05-20', 42);
  const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  it.each([
    ['R-ACC-2: too short', '11010519800520', IdentityErrorCode.INVALID_ID_NUMBER],
    ['R-ACC-2: letter inside', '1101051980A520042X', IdentityErrorCode.INVALID_ID_NUMBER],
    ['R-ACC-2: 15-digit legacy number', '110105800520042', IdentityErrorCode.INVALID_ID_NUMBER],
    ['R-ACC-2: wrong check digit', wrongCheck, IdentityErrorCode.INVALID_ID_CHECK_DIGIT],
    [
      'R-ACC-2: the masking example ends in 1, its check digit is X',
      '110105194912310021',
      IdentityErrorCode.INVALID_ID_CHECK_DIGIT,
    ],
    [
      'R-ACC-2: 30 February',
      makeIdNumber('110105', '1980-02-30', 1),
      IdentityErrorCode.INVALID_ID_BIRTH_DATE,
    ],
    [
      'R-ACC-2: 29 February of a non-leap year',
      makeIdNumber('110105', '2023-02-29', 1),
      IdentityErrorCode.INVALID_ID_BIRTH_DATE,
    ],
    ['R-ACC-2: month 13', makeIdNumber('110105', '1980-13-01', 1), IdentityErrorCode.INVALID_ID_BIRTH_DATE],
    [
      'R-ACC-2: born before 1900',
      makeIdNumber('110105', '1899-12-31', 1),
      IdentityErrorCode.INVALID_ID_BIRTH_DATE,
    ],
    [
      'R-ACC-2: born in the future',
      makeIdNumber('110105', '2025-06-02', 1),
      IdentityErrorCode.INVALID_ID_BIRTH_DATE,
    ],
    [
      'R-ACC-2: province 10 does not exist',
      makeIdNumber('100105', '1980-05-20', 1),
      IdentityErrorCode.INVALID_ID_REGION,
    ],
    [
      'R-ACC-2: province 99 does not exist',
      makeIdNumber('990105', '1980-05-20', 1),
      IdentityErrorCode.INVALID_ID_REGION,
    ],
  ])('%s → %s', (_name, id, code) => {
    expect(() => validateIdNumberOrThrow(id, TODAY)).toThrow(
      expect.objectContaining({ code, rule: 'R-ACC-2', field: ['idNumber'] }),
    );
    expect(isValidIdNumber(id, TODAY)).toBe(false);
  });

  it('R-ACC-2: a birth date after today is refused as "after today", not as "not a real date"', () => {
    let error: DomainError | undefined;
    try {
      validateIdNumberOrThrow('110105202701011238', '2026-12-02');
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe(IdentityErrorCode.INVALID_ID_BIRTH_DATE);
    expect(renderRefusal(error!, 'zh')).toBe(
      '身份证号中的出生日期（2027年1月1日）晚于今天（2026年12月2日）（R-ACC-2）',
    );
    expect(renderRefusal(error!, 'en')).toBe(
      'The birth date inside the ID number (1 January 2027) is after today (2 December 2026) (R-ACC-2)',
    );
    // Not a real date at all keeps the other wording.
    expect(() => validateIdNumberOrThrow(makeIdNumber('110105', '1980-13-01', 1), TODAY)).toThrow(
      /not a real past date/,
    );
  });

  it('R-ACC-2: born today is valid; the future check needs a business date', () => {
    expect(validateIdNumberOrThrow(makeIdNumber('110105', TODAY, 1), TODAY).birthDate).toBe(TODAY);
    expect(birthDateFromId(makeIdNumber('110105', '2030-01-01', 1))).toBe('2030-01-01');
  });

  it('R-ACC-2: the check character is computed over exactly 17 digits', () => {
    expect(() => idCheckCharacter('123')).toThrow(expect.objectContaining({ code: 'INVALID_ID_NUMBER' }));
  });
});

describe('age on a date (R-SET-1)', () => {
  it.each([
    ['R-SET-1: 70th birthday on the service date counts as 70', '1955-03-10', '2025-03-10', 70],
    ['R-SET-1: the day before the 70th birthday is 69', '1955-03-10', '2025-03-09', 69],
    ['R-SET-1: later in the year', '1955-03-10', '2025-12-31', 70],
    ['R-SET-1: 29 Feb birthday is not reached on 28 Feb of a non-leap year', '2004-02-29', '2025-02-28', 20],
    ['R-SET-1: 29 Feb birthday falls on 1 Mar of a non-leap year', '2004-02-29', '2025-03-01', 21],
    ['R-SET-1: 29 Feb birthday in a leap year', '2004-02-29', '2024-02-29', 20],
    ['R-SET-1: newborn', '2025-01-01', '2025-01-01', 0],
    ['R-SET-1: before birth is negative', '2025-01-02', '2025-01-01', -1],
  ])('%s (%s on %s → %d)', (_name, birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('masking for analysts', () => {
  it.each([
    ['110105194912310021', '110105********0021'],
    ['11010519491231002X', '110105********002X'],
    ['110105800520042', '110105*****0042'],
    ['1234', '****'],
    ['', ''],
  ])('R-ACC-2: ID %s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['欧阳修', '欧**'],
    ['王', '*'],
    ['', ''],
    ['𠮷祥', '𠮷*'],
  ])('R-ACC-2: name %s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('mobile phone numbers (R-ACC-2, R-WAL-5)', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['199 0000 1111', '19900001111'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
  ])('R-ACC-2: %s is accepted as %s', (phone, normalised) => {
    expect(validatePhoneOrThrow(phone)).toBe(normalised);
    expect(isMainlandMobile(phone)).toBe(true);
  });

  it.each(['12800138000', '1380013800', '138001380001', '010-12345678', 'abc'])(
    'R-ACC-2: %s is refused',
    (phone) => {
      expect(() => validatePhoneOrThrow(phone)).toThrow(
        expect.objectContaining({ code: IdentityErrorCode.INVALID_PHONE, rule: 'R-ACC-2', field: ['phone'] }),
      );
      expect(isMainlandMobile(phone)).toBe(false);
    },
  );

  it('R-WAL-5: the wallet bound phone refusal carries R-WAL-5', () => {
    expect(() => validatePhoneOrThrow('123', 'R-WAL-5', ['input', 'phone'])).toThrow(
      expect.objectContaining({ rule: 'R-WAL-5', field: ['input', 'phone'] }),
    );
  });
});
