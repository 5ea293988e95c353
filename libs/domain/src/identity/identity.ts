import type { IsoDate } from '../shared/dates';

/** Sex as encoded in the 17th character of a resident ID (odd = male, even = female; GB 11643). */
export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** What an 18-character resident ID number (居民身份证号码) tells about its holder (R-ACC-2). */
export interface ResidentId {
  /** Normalised form: 17 digits plus a digit or uppercase `X`. */
  readonly idNumber: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  /** Administrative division code (GB/T 2260) of the place of first registration: the first 6 digits. */
  readonly regionPrefix: string;
}

/**
 * Province-level division codes of GB/T 2260 (first two digits of a resident ID). 71 = Taiwan, 81 = Hong Kong,
 * 82 = Macao: they appear on residence permits (居住证) issued to their residents, which use the same format.
 */
// prettier-ignore
export const PROVINCE_CODES: readonly string[] = Object.freeze([
  '11', '12', '13', '14', '15', // North China
  '21', '22', '23', // North-east
  '31', '32', '33', '34', '35', '36', '37', // East
  '41', '42', '43', '44', '45', '46', // Central and South
  '50', '51', '52', '53', '54', // South-west
  '61', '62', '63', '64', '65', // North-west
  '71', '81', '82', // Taiwan, Hong Kong, Macao
]);

/** Earliest birth date accepted in an ID: nobody insured today was born before 1900 (decision, R-ACC-2). */
export const EARLIEST_BIRTH_DATE: IsoDate = '1900-01-01';
