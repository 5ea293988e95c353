import { detailParam } from '../messages/params';
import { PolicyError, PolicyErrorCode } from './policy.errors';

/** R-USE-1 per region and date (setting kind `HOSPITAL_SELECTION`). */
export interface HospitalSelectionRules {
  /** Hospitals a person may choose besides those open to all (seed 002: 4). */
  readonly maxChosenHospitals: number;
}

/** Seed 002: "4家定点医疗机构" — the national default. */
export const DEFAULT_HOSPITAL_SELECTION_RULES: HospitalSelectionRules = Object.freeze({
  maxChosenHospitals: 4,
});

/** Upper bound staff may set (a larger number is no selection at all). */
export const MAX_CHOSEN_HOSPITALS_LIMIT = 20;

/** Checks the hospital-selection rules before staff save them (R-USE-1): a whole number 1–20. `INVALID_SETTING`. */
export function validateHospitalSelectionRulesOrThrow(rules: HospitalSelectionRules): void {
  const n = rules.maxChosenHospitals;
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHOSEN_HOSPITALS_LIMIT) {
    throw new PolicyError(
      PolicyErrorCode.INVALID_SETTING,
      `maxChosenHospitals must be a whole number from 1 to ${MAX_CHOSEN_HOSPITALS_LIMIT}, got ${n}`,
      'R-USE-1',
      ['maxChosenHospitals'],
      {
        detail: detailParam('SETTING_WHOLE_NUMBER_RANGE', {
          field: 'maxChosenHospitals',
          min: 1,
          max: MAX_CHOSEN_HOSPITALS_LIMIT,
          value: String(n),
        }),
      },
    );
  }
}
