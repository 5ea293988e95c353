import { dateParam } from '../messages/params';
import { type IsoDate, isIsoDate } from '../shared/dates';
import { EARLIEST_BIRTH_DATE, PROVINCE_CODES, type ResidentId, Sex } from './identity';
import { IdentityError, IdentityErrorCode } from './identity.errors';

const ID_FORMAT = /^\d{17}[\dX]$/;
/** Weights 2^(17-i) mod 11 of GB 11643 / ISO 7064 MOD 11-2. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const FIELD = ['idNumber'];

/**
 * The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits of an ID number.
 * Throws on input that is not 17 digits, because a check digit of anything else means nothing.
 */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new IdentityError(
      IdentityErrorCode.INVALID_ID_NUMBER,
      'The check digit is computed over exactly 17 digits',
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases the check character (a lowercase `x` is common on forms) and trims surrounding blanks. */
export function normalizeIdNumber(id: string): string {
  return String(id).trim().toUpperCase();
}

/**
 * Validates an 18-character resident ID number (R-ACC-2) and reads what it encodes.
 *
 * Checks, in order: format (17 digits + digit/X), the check character (a mismatch is most likely a typo, so it is
 * reported before anything else), the birth date (a real date, not before 1900, not after `today` when given) and
 * the province code (GB/T 2260). `today` is optional because the domain has no clock: without it the future check
 * is skipped, so callers that accept new registrations should pass the business date.
 */
export function validateIdNumberOrThrow(id: string, today?: IsoDate): ResidentId {
  const idNumber = normalizeIdNumber(id);
  if (!ID_FORMAT.test(idNumber)) {
    throw new IdentityError(
      IdentityErrorCode.INVALID_ID_NUMBER,
      'An ID number has 18 characters: 17 digits and a final digit or X',
      'R-ACC-2',
      FIELD,
    );
  }
  const expected = idCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    throw new IdentityError(
      IdentityErrorCode.INVALID_ID_CHECK_DIGIT,
      'The ID number is mistyped: its last character does not match the GB 11643 check digit',
      'R-ACC-2',
      FIELD,
    );
  }
  const birthDate = birthDateOf(idNumber);
  if (today != null && isIsoDate(birthDate) && birthDate > today) {
    // R-ACC-2: a real date, but after today — say so (not "not a real date").
    throw new IdentityError(
      IdentityErrorCode.INVALID_ID_BIRTH_DATE,
      `The birth date inside the ID number (${birthDate}) is after today (${today})`,
      'R-ACC-2',
      FIELD,
      { birthDate: dateParam(birthDate), today: dateParam(today) },
    );
  }
  if (!isIsoDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || (today != null && birthDate > today)) {
    throw new IdentityError(
      IdentityErrorCode.INVALID_ID_BIRTH_DATE,
      `The birth date inside the ID number (${birthDate}) is not a real past date on or after ${EARLIEST_BIRTH_DATE}`,
      'R-ACC-2',
      FIELD,
      { birthDate, earliest: dateParam(EARLIEST_BIRTH_DATE) },
    );
  }
  if (!PROVINCE_CODES.includes(idNumber.slice(0, 2))) {
    throw new IdentityError(
      IdentityErrorCode.INVALID_ID_REGION,
      `The ID number starts with ${idNumber.slice(0, 2)}, which is not a province code of GB/T 2260`,
      'R-ACC-2',
      FIELD,
      { prefix: idNumber.slice(0, 2) },
    );
  }
  return {
    idNumber,
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? Sex.MALE : Sex.FEMALE,
    regionPrefix: idNumber.slice(0, 6),
  };
}

/** True when {@link validateIdNumberOrThrow} accepts `id`. */
export function isValidIdNumber(id: string, today?: IsoDate): boolean {
  try {
    validateIdNumberOrThrow(id, today);
    return true;
  } catch {
    return false;
  }
}

function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** The birth date encoded in a valid ID number (R-ACC-2); throws like {@link validateIdNumberOrThrow}. */
export function birthDateFromId(id: string, today?: IsoDate): IsoDate {
  return validateIdNumberOrThrow(id, today).birthDate;
}

/**
 * Age in whole years on `date` (R-SET-1 "age on the service date").
 *
 * The birthday itself counts: someone born 1955-03-10 is 70 on 2025-03-10. A 29 February birthday falls on
 * 1 March in non-leap years (the person born 2004-02-29 is still 20 on 2025-02-28 and 21 on 2025-03-01) — the
 * common reading of "周岁" in Chinese practice, and what comparing (month, day) pairs gives without special cases.
 * Returns a negative number when `date` is before the birth date; callers decide whether that is an error.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/**
 * Masks an ID number for analysts: first 6 characters (the region), 8 stars, last 4
 * (`110105194912310021` → `110105********0021`). Other lengths keep the same shape (6 + stars + 4) so that a
 * malformed legacy value never leaks in full; values of 10 characters or fewer are starred entirely.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/**
 * Masks a name for analysts: keeps the first character (usually the surname), stars the rest
 * (`张三` → `张*`, `欧阳修` → `欧**`); a one-character name becomes `*`. Counts Unicode code points, so a rare
 * surname outside the BMP (e.g. 𠮷) is kept whole rather than split into a broken surrogate.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Validates a mainland mobile number (11 digits, `1[3-9]…`) for a person (R-ACC-2, real-name verification uses
 * name + ID + phone) or the wallet's bound phone (R-WAL-5: pass `rule = 'R-WAL-5'`). Blanks, hyphens and a leading
 * `+86`/`86` are tolerated and removed; the normalised 11 digits are returned.
 */
export function validatePhoneOrThrow(
  phone: string,
  rule = 'R-ACC-2',
  field: readonly string[] = ['phone'],
): string {
  const digits = String(phone)
    .replace(/[\s-]/g, '')
    .replace(/^\+?86(?=\d{11}$)/, '');
  if (!MOBILE.test(digits)) {
    throw new IdentityError(
      IdentityErrorCode.INVALID_PHONE,
      `"${phone}" is not a mainland mobile number (11 digits starting 13–19)`,
      rule,
      field,
      { phone: String(phone) },
    );
  }
  return digits;
}

/** True when {@link validatePhoneOrThrow} accepts `phone`. */
export function isMainlandMobile(phone: string): boolean {
  try {
    validatePhoneOrThrow(phone);
    return true;
  } catch {
    return false;
  }
}
