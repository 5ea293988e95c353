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
