import type { HolidayCalendar, HolidayCalendarYear } from '../calendar/calendar';
import type { CardRules } from '../card/card';
import type { KinPurpose, Relation } from '../kin/kin';
import type { PasswordPolicy } from '../person/password';
import type { BenefitSchedule, SpendingCaps } from '../settlement/benefit-schedule';
import type { IsoDate } from '../shared/dates';
import type { Explanation } from '../shared/domain-error';
import type { HospitalSelectionRules } from './hospital-selection';

/**
 * Features that open on a date per region (rollout dates). A region's own setting wins; otherwise the province's;
 * otherwise the national default (effectivePolicy, issue #3).
 */
export enum Feature {
  /** R-ACC-5: book-entry EARMARKED account; no cash withdrawal from it. */
  EARMARKED_ACCOUNT = 'EARMARKED_ACCOUNT',
  /** R-KIN-3: registration of mutual-aid relatives. */
  KIN_REGISTRATION = 'KIN_REGISTRATION',
  /** R-KIN-3: use of a provider's account by a registered relative. */
  KIN_USE = 'KIN_USE',
  /** R-WAL-1/3: the medical-insurance wallet. */
  WALLET = 'WALLET',
  /** R-WAL-5: change of wallet usage region. */
  USAGE_LOCATION_CHANGE = 'USAGE_LOCATION_CHANGE',
  /** R-USE-3: supplementary premium for self. */
  SUPPLEMENTARY_PREMIUM_SELF = 'SUPPLEMENTARY_PREMIUM_SELF',
  /** R-USE-3: supplementary premium for registered relatives. */
  SUPPLEMENTARY_PREMIUM_KIN = 'SUPPLEMENTARY_PREMIUM_KIN',
}

/** A region's own rollout dates; `null` = not set here (inherit from the province / national default). */
export type RolloutDates = Readonly<Record<Feature, IsoDate | null>>;

/** National launch of the wallet and cross-province mutual aid, Suzhou (R-WAL-1). */
export const WALLET_NATIONAL_LAUNCH: IsoDate = '2024-12-02';

/**
 * R-ACC-3: the book-entry account (EARMARKED, 记账管理) exists since 2022-09-01 — the national default of
 * `earmarkedFrom`, used where neither the region nor its province sets its own date. It is the one fallback both the
 * ledger (monthly crediting: months before it go to LEGACY, R-ACC-4) and `effectivePolicy` use, so the two agree.
 */
export const EARMARKED_NATIONAL_FROM: IsoDate = '2022-09-01';

/**
 * National default rollout dates: `null` (not open) unless a region or its province sets a date — except the
 * book-entry account, which DOMAIN.md dates nationally (R-ACC-3: "since 2022-09-01"; {@link EARMARKED_NATIONAL_FROM}).
 *
 * Why the other features are closed nationally: R-KIN-3 gives registration/use dates per region (Beijing 2022-10-15 /
 * 2022-12-01), R-USE-3's supplementary premiums are a city's own scheme (本市补充医疗保险, Beijing's dates), and R-WAL-2
 * says regions open the wallet one by one after the 2024-12-02 launch — a national wallet date would open all regions
 * at once, contradicting the published list. Regions therefore carry their own dates (seeded).
 */
export const NATIONAL_DEFAULT_ROLLOUT: RolloutDates = Object.freeze({
  [Feature.EARMARKED_ACCOUNT]: EARMARKED_NATIONAL_FROM,
  [Feature.KIN_REGISTRATION]: null,
  [Feature.KIN_USE]: null,
  [Feature.WALLET]: null,
  [Feature.USAGE_LOCATION_CHANGE]: null,
  [Feature.SUPPLEMENTARY_PREMIUM_SELF]: null,
  [Feature.SUPPLEMENTARY_PREMIUM_KIN]: null,
});

/** DOMAIN.md rule that governs each feature, cited when a feature is not open ({@link isFeatureOpenOrThrow}). */
export const FEATURE_RULES: Readonly<Record<Feature, string>> = Object.freeze({
  [Feature.EARMARKED_ACCOUNT]: 'R-ACC-5',
  [Feature.KIN_REGISTRATION]: 'R-KIN-3',
  [Feature.KIN_USE]: 'R-KIN-3',
  [Feature.WALLET]: 'R-WAL-3',
  [Feature.USAGE_LOCATION_CHANGE]: 'R-WAL-5',
  [Feature.SUPPLEMENTARY_PREMIUM_SELF]: 'R-USE-3',
  [Feature.SUPPLEMENTARY_PREMIUM_KIN]: 'R-USE-3',
});

/**
 * One level of the region chain given to `effectivePolicy`, most specific first: the pooling region, then its
 * province (a province or municipality queried for itself is a chain of one).
 */
export interface RegionRollout {
  readonly code: string;
  /** The region's own dates; missing or `null` = inherit. */
  readonly dates: Partial<RolloutDates>;
  /**
   * 全域开通 (R-WAL-2): the province opened the wallet in all its regions, so a region without its own `walletFrom`
   * inherits the province's. Without it a province's wallet date says nothing about its cities.
   */
  readonly walletFullCoverage?: boolean;
}

/** Kinds of effective-dated policy settings. */
export type SettingKind =
  | 'KINSHIP_SCOPE'
  | 'BENEFIT_SCHEDULE'
  | 'RESIDENT_BENEFIT_SCHEDULE'
  | 'SPENDING_CAPS'
  | 'PASSWORD_POLICY'
  | 'CARD_RULES'
  | 'HOSPITAL_SELECTION'
  | 'HOLIDAY_CALENDAR';

/** Kinds with one value per region and date (the others are keyed by `purpose`: kin purpose, calendar year). */
export type SingleSettingKind = Exclude<SettingKind, 'KINSHIP_SCOPE' | 'HOLIDAY_CALENDAR'>;

interface SettingBase {
  /** Region the row applies to; `null` = national. */
  readonly scopeRegionCode: string | null;
  readonly effectiveFrom: IsoDate;
}

/** An effective-dated policy row (admin console: kinship scopes, benefit schedules, caps, password policy). */
export type PolicySetting =
  | (SettingBase & {
      readonly kind: 'KINSHIP_SCOPE';
      readonly purpose: KinPurpose;
      readonly value: readonly Relation[];
    })
  | (SettingBase & { readonly kind: 'BENEFIT_SCHEDULE'; readonly value: BenefitSchedule })
  | (SettingBase & { readonly kind: 'RESIDENT_BENEFIT_SCHEDULE'; readonly value: BenefitSchedule })
  | (SettingBase & { readonly kind: 'SPENDING_CAPS'; readonly value: SpendingCaps })
  | (SettingBase & { readonly kind: 'PASSWORD_POLICY'; readonly value: PasswordPolicy })
  | (SettingBase & { readonly kind: 'CARD_RULES'; readonly value: CardRules })
  | (SettingBase & { readonly kind: 'HOSPITAL_SELECTION'; readonly value: HospitalSelectionRules })
  | (SettingBase & {
      readonly kind: 'HOLIDAY_CALENDAR';
      /** The calendar year (`"2025"`): each year is its own effective-dated setting. */
      readonly purpose: string;
      readonly value: HolidayCalendarYear;
    });

/** Value type of each setting kind. */
export interface SettingValues {
  readonly KINSHIP_SCOPE: readonly Relation[];
  readonly BENEFIT_SCHEDULE: BenefitSchedule;
  readonly RESIDENT_BENEFIT_SCHEDULE: BenefitSchedule;
  readonly SPENDING_CAPS: SpendingCaps;
  readonly PASSWORD_POLICY: PasswordPolicy;
  readonly CARD_RULES: CardRules;
  readonly HOSPITAL_SELECTION: HospitalSelectionRules;
  readonly HOLIDAY_CALENDAR: HolidayCalendarYear;
}

/** Where a value of the effective policy came from. */
export interface SettingSource {
  /** `effectiveFrom` of the row that applies; `null` when no row applies (nothing configured yet). */
  readonly effectiveFrom: IsoDate | null;
  /** Region whose row applies; `null` = national (a national row or a built-in default). */
  readonly sourceRegionCode: string | null;
}

/** One feature's state in the effective policy. */
export interface FeatureState {
  readonly from: IsoDate | null;
  readonly open: boolean;
  /** Region whose date applies; `null` = national default. */
  readonly sourceRegionCode: string | null;
}

/** Relations allowed for one purpose on the date (R-KIN-1). */
export interface KinshipScope extends SettingSource {
  readonly relations: readonly Relation[];
}

/**
 * Everything that applies to a region on a date: rollout, kinship scopes, schedules, caps, password rules, card
 * rules, hospital selection, holiday calendar.
 */
export interface EffectivePolicy {
  readonly regionCode: string;
  readonly on: IsoDate;
  readonly features: Readonly<Record<Feature, FeatureState>>;
  readonly kinshipScope: Readonly<Record<KinPurpose, KinshipScope>>;
  /** The employee scheme's schedule (职工医保, R-SET-1/2/3). */
  readonly benefitSchedule: BenefitSchedule;
  /**
   * The resident scheme's schedule (城乡居民医保), only where policy staff configured one: the sources give no
   * resident figures, so there is no default and a resident's outpatient or inpatient bill is refused without it.
   */
  readonly residentBenefitSchedule: BenefitSchedule | null;
  readonly spendingCaps: SpendingCaps;
  readonly passwordPolicy: PasswordPolicy;
  /** R-CARD-1: pre-report validity, reissue fee, working days of a counter reissue. */
  readonly cardRules: CardRules;
  /** R-USE-1: how many hospitals a person may choose. */
  readonly hospitalSelection: HospitalSelectionRules;
  /** Official holidays and 调休 make-up days per year known on the date (working days of R-CARD-1). */
  readonly holidayCalendar: HolidayCalendar;
  /** Provenance of each year of {@link holidayCalendar}. */
  readonly holidayCalendarSources: Readonly<Record<string, SettingSource>>;
  /** Provenance of the single-valued settings. */
  readonly settingSources: Readonly<Record<SingleSettingKind, SettingSource>>;
  /** One line per decision, citing its rule. */
  readonly explanation: readonly Explanation[];
}
