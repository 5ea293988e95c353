import { holidayCalendarEffectiveFrom, NATIONAL_HOLIDAY_CALENDAR } from '../calendar/calendar.data';
import { DEFAULT_CARD_RULES } from '../card/card.rules';
import { KinPurpose, Relation } from '../kin/kin';
import { type Fen, ZERO } from '../money/money';
import {
  DEFAULT_MAX_PASSWORD_FREE_LIMIT,
  DEFAULT_MAX_REGISTRATION_FEE,
  type PasswordPolicy,
} from '../person/password';
import {
  type BenefitSchedule,
  DEFAULT_BENEFIT_SCHEDULE,
  NO_SPENDING_CAPS,
  PRE_2023_OUTPATIENT_CAP,
} from '../settlement/benefit-schedule';
import type { IsoDate } from '../shared/dates';
import { DEFAULT_HOSPITAL_SELECTION_RULES } from './hospital-selection';
import type { PolicySetting } from './policy';

/**
 * First date of the built-in defaults that have always applied (schedule, caps, password policy): the State
 * Council decision establishing employee basic medical insurance with personal accounts, 国发〔1998〕44号 of
 * 1998-12-14 (seed 004: "自1998年建立"). Nothing in the system predates it.
 */
export const POLICY_EPOCH: IsoDate = '1998-12-14';

/** 2021 national scope (国办发〔2021〕14号, seeds 000/004): spouse, parents, children. */
export const SCOPE_2021: readonly Relation[] = Object.freeze([
  Relation.SPOUSE,
  Relation.PARENT,
  Relation.CHILD,
]);

/** Civil Code near relatives (近亲属), all eight relations (seed 004). */
export const NEAR_RELATIVES: readonly Relation[] = Object.freeze(Object.values(Relation));

/** Date of the 2021 national scope: taken as 2021-01-01 (decision; the document is from April 2021). */
export const SCOPE_2021_FROM: IsoDate = '2021-01-01';

/**
 * Near-relative scope from the State Council document of July 2024 (seed 004). Also DOMAIN.md's decision for
 * Beijing (R-KIN-1), which therefore needs no row of its own: a sibling is refused on 2023-06-01 and allowed on
 * 2025-01-01.
 */
export const NEAR_RELATIVES_FROM: IsoDate = '2024-07-01';

/** R-WAL-1/R-WAL-4: wallet transfers to near relatives from the national launch. */
export const WALLET_TRANSFER_SCOPE_FROM: IsoDate = '2024-12-02';

/** Outpatient cap before 2023-01-01 (R-SET-1 decision), "no cap" from then on (seed 001). */
export const NO_OUTPATIENT_CAP_FROM: IsoDate = '2023-01-01';

/**
 * R-ACC-7 decision: lock after 5 wrong passwords; password-free payment is opt-in (limit 0 until set) and at most
 * 300 yuan.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  lockoutAfterFailures: 5,
  defaultPasswordFreeLimit: ZERO,
  maxPasswordFreeLimit: DEFAULT_MAX_PASSWORD_FREE_LIMIT,
  maxRegistrationFee: DEFAULT_MAX_REGISTRATION_FEE,
  eVoucherCodeRequired: false,
});

function withOutpatientCap(schedule: BenefitSchedule, cap: Fen | null): BenefitSchedule {
  const outpatient = Object.fromEntries(
    Object.entries(schedule.outpatient).map(([level, terms]) => [level, { ...terms, annualFundCap: cap }]),
  ) as unknown as BenefitSchedule['outpatient'];
  return Object.freeze({ ...schedule, outpatient });
}

/** {@link DEFAULT_BENEFIT_SCHEDULE} as it applied before 2023-01-01: outpatient capped at 20,000 yuan (R-SET-1). */
export const PRE_2023_BENEFIT_SCHEDULE: BenefitSchedule = withOutpatientCap(
  DEFAULT_BENEFIT_SCHEDULE,
  PRE_2023_OUTPATIENT_CAP,
);

const KIN_PURPOSES_2021 = [
  KinPurpose.MEDICAL,
  KinPurpose.RESIDENT_CONTRIBUTION,
  KinPurpose.LONG_TERM_CARE,
  KinPurpose.SUPPLEMENTARY_PREMIUM,
];

/**
 * Built-in national defaults, the last tier of `effectivePolicy` (below region, province and national rows from
 * the database). Rows with `scopeRegionCode: null`:
 * - KINSHIP_SCOPE (R-KIN-1): every purpose but WALLET_TRANSFER = spouse/parents/children from 2021-01-01 and all
 *   near relatives from 2024-07-01; WALLET_TRANSFER = near relatives from 2024-12-02 (R-WAL-1, R-WAL-4), nobody before.
 * - BENEFIT_SCHEDULE (R-SET-1/2): {@link DEFAULT_BENEFIT_SCHEDULE} (Beijing's numbers), with the 20,000-yuan
 *   outpatient cap before 2023-01-01 and none from then on.
 * - SPENDING_CAPS (R-USE-6): off.
 * - PASSWORD_POLICY (R-ACC-7): {@link DEFAULT_PASSWORD_POLICY}.
 * - CARD_RULES (R-CARD-1): 10 days, 20 yuan, 4 working days (`DEFAULT_CARD_RULES`).
 * - HOSPITAL_SELECTION (R-USE-1): 4 chosen hospitals.
 * - HOLIDAY_CALENDAR: the State Council calendars of 2024–2026 (`NATIONAL_HOLIDAY_CALENDAR`), each year from
 *   1 January of the year before.
 */
export const NATIONAL_DEFAULT_SETTINGS: readonly PolicySetting[] = Object.freeze([
  ...KIN_PURPOSES_2021.flatMap((purpose): PolicySetting[] => [
    {
      scopeRegionCode: null,
      kind: 'KINSHIP_SCOPE',
      purpose,
      effectiveFrom: SCOPE_2021_FROM,
      value: SCOPE_2021,
    },
    {
      scopeRegionCode: null,
      kind: 'KINSHIP_SCOPE',
      purpose,
      effectiveFrom: NEAR_RELATIVES_FROM,
      value: NEAR_RELATIVES,
    },
  ]),
  {
    scopeRegionCode: null,
    kind: 'KINSHIP_SCOPE',
    purpose: KinPurpose.WALLET_TRANSFER,
    effectiveFrom: WALLET_TRANSFER_SCOPE_FROM,
    value: NEAR_RELATIVES,
  },
  {
    scopeRegionCode: null,
    kind: 'BENEFIT_SCHEDULE',
    effectiveFrom: POLICY_EPOCH,
    value: PRE_2023_BENEFIT_SCHEDULE,
  },
  {
    scopeRegionCode: null,
    kind: 'BENEFIT_SCHEDULE',
    effectiveFrom: NO_OUTPATIENT_CAP_FROM,
    value: DEFAULT_BENEFIT_SCHEDULE,
  },
  { scopeRegionCode: null, kind: 'SPENDING_CAPS', effectiveFrom: POLICY_EPOCH, value: NO_SPENDING_CAPS },
  {
    scopeRegionCode: null,
    kind: 'PASSWORD_POLICY',
    effectiveFrom: POLICY_EPOCH,
    value: DEFAULT_PASSWORD_POLICY,
  },
  { scopeRegionCode: null, kind: 'CARD_RULES', effectiveFrom: POLICY_EPOCH, value: DEFAULT_CARD_RULES },
  {
    scopeRegionCode: null,
    kind: 'HOSPITAL_SELECTION',
    effectiveFrom: POLICY_EPOCH,
    value: DEFAULT_HOSPITAL_SELECTION_RULES,
  },
  ...Object.entries(NATIONAL_HOLIDAY_CALENDAR).map(([year, value]): PolicySetting => ({
    scopeRegionCode: null,
    kind: 'HOLIDAY_CALENDAR',
    purpose: year,
    effectiveFrom: holidayCalendarEffectiveFrom(year),
    value,
  })),
]);
