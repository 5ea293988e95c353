import { Feature, type RolloutDates, WALLET_NATIONAL_LAUNCH } from '../policy/policy';
import { isIsoDate } from '../shared/dates';
import { dateParam, regionParam, termParam } from '../messages/params';
import { RegionError, RegionErrorCode, type RolloutViolation } from './region.errors';

/** Input field (GraphQL `RegionUpdateInput`, admin form) of each rollout feature. */
export const FEATURE_FIELDS: Readonly<Record<Feature, string>> = Object.freeze({
  [Feature.EARMARKED_ACCOUNT]: 'earmarkedFrom',
  [Feature.KIN_REGISTRATION]: 'mutualAidRegistrationFrom',
  [Feature.KIN_USE]: 'mutualAidUseFrom',
  [Feature.WALLET]: 'walletFrom',
  [Feature.USAGE_LOCATION_CHANGE]: 'usageLocationChangeFrom',
  [Feature.SUPPLEMENTARY_PREMIUM_SELF]: 'supplementaryPremiumSelfFrom',
  [Feature.SUPPLEMENTARY_PREMIUM_KIN]: 'supplementaryPremiumKinFrom',
});

/**
 * Rule cited when a date field is not a calendar date: the rule that introduces that rollout date (the wallet's is
 * R-WAL-2, "regions open the wallet one by one").
 */
const DATE_RULES: Readonly<Record<Feature, string>> = Object.freeze({
  [Feature.EARMARKED_ACCOUNT]: 'R-ACC-5',
  [Feature.KIN_REGISTRATION]: 'R-KIN-3',
  [Feature.KIN_USE]: 'R-KIN-3',
  [Feature.WALLET]: 'R-WAL-2',
  [Feature.USAGE_LOCATION_CHANGE]: 'R-WAL-5',
  [Feature.SUPPLEMENTARY_PREMIUM_SELF]: 'R-USE-3',
  [Feature.SUPPLEMENTARY_PREMIUM_KIN]: 'R-USE-3',
});

/** Ordering constraints between rollout dates: `later` may not precede `earlier`. */
const ORDER: readonly {
  earlier: Feature;
  later: Feature;
  code: RegionErrorCode;
  rule: string;
  why: string;
}[] = [
  {
    earlier: Feature.KIN_REGISTRATION,
    later: Feature.KIN_USE,
    code: RegionErrorCode.USE_BEFORE_REGISTRATION,
    rule: 'R-KIN-3',
    why: 'mutual-aid use cannot start before registration of relatives opens',
  },
  {
    earlier: Feature.SUPPLEMENTARY_PREMIUM_SELF,
    later: Feature.SUPPLEMENTARY_PREMIUM_KIN,
    code: RegionErrorCode.KIN_PREMIUM_BEFORE_SELF,
    rule: 'R-USE-3',
    why: 'premiums for relatives cannot start before premiums for oneself',
  },
  {
    earlier: Feature.WALLET,
    later: Feature.USAGE_LOCATION_CHANGE,
    code: RegionErrorCode.USAGE_CHANGE_BEFORE_WALLET,
    rule: 'R-WAL-5',
    why: 'the wallet usage region cannot be changed before the wallet opens',
  },
];

/**
 * Checks a region's rollout dates, as both the API (`regionUpdate`) and the admin form preview do.
 *
 * `dates` are the region's own settings; `inherited` (the province's own settings) fills the gaps, because a city
 * may set only one date of a pair and inherit the other. Violations are reported on the region's own field that
 * breaks the order (the later feature when it is set here, otherwise the earlier one). Empty result = valid.
 */
export function validateRolloutDates(
  dates: Partial<RolloutDates>,
  inherited?: Partial<RolloutDates>,
): RolloutViolation[] {
  const violations: RolloutViolation[] = [];
  for (const feature of Object.values(Feature)) {
    const value = dates[feature];
    if (value != null && !isIsoDate(value)) {
      violations.push({
        field: FEATURE_FIELDS[feature],
        code: RegionErrorCode.INVALID_DATE,
        rule: DATE_RULES[feature],
        message: `"${value}" is not a calendar date (YYYY-MM-DD)`,
        params: { value },
      });
    }
  }
  if (violations.length) return violations;
  const effective = (f: Feature) => dates[f] ?? inherited?.[f] ?? null;
  const wallet = dates[Feature.WALLET];
  if (wallet && wallet < WALLET_NATIONAL_LAUNCH) {
    violations.push({
      field: FEATURE_FIELDS[Feature.WALLET],
      code: RegionErrorCode.WALLET_BEFORE_NATIONAL_LAUNCH,
      rule: 'R-WAL-1',
      message: `The wallet cannot open on ${wallet}, before the national launch on ${WALLET_NATIONAL_LAUNCH}`,
      params: { date: dateParam(wallet), launch: dateParam(WALLET_NATIONAL_LAUNCH) },
    });
  }
  for (const c of ORDER) {
    const earlier = effective(c.earlier);
    const later = effective(c.later);
    if (!earlier || !later || later >= earlier) {
      // A later feature with no earlier date at all is also impossible: use needs registration to exist.
      if (later && !earlier && dates[c.later]) {
        violations.push({
          field: FEATURE_FIELDS[c.later],
          code: c.code,
          rule: c.rule,
          message: `${FEATURE_FIELDS[c.later]} is set but ${FEATURE_FIELDS[c.earlier]} is not: ${c.why}`,
          // Named, so the reader is told to set the missing date first, not that one date is before another (audit C).
          params: { later: dateParam(later), missing: termParam('feature', c.earlier) },
        });
      }
      continue;
    }
    const field = dates[c.later] ? FEATURE_FIELDS[c.later] : FEATURE_FIELDS[c.earlier];
    violations.push({
      field,
      code: c.code,
      rule: c.rule,
      message: `${FEATURE_FIELDS[c.later]} ${later} is before ${FEATURE_FIELDS[c.earlier]} ${earlier}: ${c.why}`,
      params: { later: dateParam(later), earlier: dateParam(earlier) },
    });
  }
  return violations;
}

/** Throwing form of {@link validateRolloutDates}. */
export function validateRolloutDatesOrThrow(
  dates: Partial<RolloutDates>,
  inherited?: Partial<RolloutDates>,
): void {
  const violations = validateRolloutDates(dates, inherited);
  if (violations.length) throw new RegionError(violations);
}

/** What {@link validateFullCoverage} needs of a region. */
export interface FullCoverageFacts {
  readonly code: string;
  /** `PROVINCE` for a province-level unit. */
  readonly level: string;
  readonly walletFullCoverage: boolean | null | undefined;
  readonly walletFrom: string | null | undefined;
}

/**
 * R-WAL-2: 全域 (a provincial bureau opening the wallet province-wide) is derived from the province — only a province
 * can carry the flag, and only with a wallet date, which every region of it then inherits. Clearing the flag is
 * always allowed. (Issue #10: 天津市 without a date and the city 曲靖市 were accepted.)
 */
export function validateFullCoverage(region: FullCoverageFacts): RolloutViolation[] {
  if (!region.walletFullCoverage) return [];
  const params = { region: regionParam(region.code) };
  if (region.level !== 'PROVINCE') {
    return [
      {
        field: 'walletFullCoverage',
        code: RegionErrorCode.FULL_COVERAGE_NOT_PROVINCE,
        rule: 'R-WAL-2',
        message: `${region.code} is not a province: only a province can open province-wide`,
        params,
      },
    ];
  }
  if (!region.walletFrom) {
    return [
      {
        field: 'walletFullCoverage',
        code: RegionErrorCode.FULL_COVERAGE_WITHOUT_WALLET,
        rule: 'R-WAL-2',
        message: `${region.code} has no wallet date: it cannot open province-wide`,
        params,
      },
    ];
  }
  return [];
}
