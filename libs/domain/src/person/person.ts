/** Basic medical insurance schemes (R-ACC-1). */
export enum InsuranceType {
  /** 职工基本医疗保险: has a personal account. */
  EMPLOYEE = 'EMPLOYEE',
  /** 城乡居民基本医疗保险: no personal account. */
  RESIDENT = 'RESIDENT',
  /** 灵活就业: no personal account. */
  FLEXIBLE = 'FLEXIBLE',
  /** Not insured in basic medical insurance. */
  NONE = 'NONE',
}

/** Employment status of an employee participant: decides the benefit schedule (R-SET-1, R-SET-2). */
export enum EmploymentStatus {
  IN_SERVICE = 'IN_SERVICE',
  RETIRED = 'RETIRED',
}

/** R-ACC-2: the longest name accepted, in characters (Unicode code points, so 64 汉字 or 64 emoji alike). */
export const PERSON_NAME_MAX = 64;

/** Control, format (zero-width, direction overrides), surrogate, private-use and line/paragraph separator characters. */
const INVISIBLE_IN_NAMES = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/**
 * R-ACC-2: what is wrong with a name as on the ID card (already trimmed), or null: `LENGTH` outside 1–
 * {@link PERSON_NAME_MAX} characters (code points, not UTF-16 units), `CHARACTERS` when it holds a control or invisible
 * format character — a newline, a zero-width space, a right-to-left override — which no ID card prints and which
 * make one name look like another on screen (black-box audit).
 */
export function personNameProblem(name: string): 'LENGTH' | 'CHARACTERS' | null {
  const length = [...name].length;
  if (length === 0 || length > PERSON_NAME_MAX) return 'LENGTH';
  return INVISIBLE_IN_NAMES.test(name) ? 'CHARACTERS' : null;
}

/** R-ACC-1: only employee participants, in service or retired, have a personal account. */
export function hasPersonalAccount(insuranceType: InsuranceType): boolean {
  return insuranceType === InsuranceType.EMPLOYEE;
}

/**
 * Benefit category of an employee participant on a date (R-SET-1): retirees are split at 70, age on the service
 * date, the 70th birthday counting as 70. Keys match `OutpatientSchedule` (inService, retiredUnder70, retired70Plus).
 */
export enum EmploymentCategory {
  IN_SERVICE = 'IN_SERVICE',
  RETIRED_UNDER_70 = 'RETIRED_UNDER_70',
  RETIRED_70_PLUS = 'RETIRED_70_PLUS',
}
