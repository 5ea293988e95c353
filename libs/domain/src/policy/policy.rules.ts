import type { HolidayCalendar, HolidayCalendarYear } from '../calendar/calendar';
import { KinPurpose, type Relation } from '../kin/kin';
import { explain } from '../ledger/explain';
import type { ExplanationParams } from '../messages/explanations';
import { dateParam, regionParam, termParam, termsParam } from '../messages/params';
import type { IsoDate } from '../shared/dates';
import type { Explanation } from '../shared/domain-error';
import {
  type EffectivePolicy,
  Feature,
  FEATURE_RULES,
  type FeatureState,
  type KinshipScope,
  NATIONAL_DEFAULT_ROLLOUT,
  type PolicySetting,
  type RegionRollout,
  type SettingKind,
  type SettingValues,
  type SettingSource,
  type SingleSettingKind,
} from './policy';
import { NATIONAL_DEFAULT_SETTINGS } from './policy.defaults';
import { PolicyError, PolicyErrorCode } from './policy.errors';

/** Input of {@link effectivePolicy}. */
export interface EffectivePolicyInput {
  /** The region, then its province (most specific first). */
  readonly chain: readonly [RegionRollout, ...RegionRollout[]];
  /** Effective-dated rows from the database; rows of regions outside the chain are ignored. */
  readonly settings: readonly PolicySetting[];
  readonly on: IsoDate;
  /** Last tier below national rows; {@link NATIONAL_DEFAULT_SETTINGS} unless a test replaces it. */
  readonly defaults?: readonly PolicySetting[];
}

/**
 * The policy that applies to a region on a date (issue #3): a pure function of the region chain, the settings rows
 * and the date, so that an answer for a past date never changes when rows are added for later dates.
 *
 * Rollout dates: the region's own date, else the province's, else the national default ({@link
 * NATIONAL_DEFAULT_ROLLOUT}: nothing, except the book-entry account from 2022-09-01, R-ACC-3 — the same fallback the
 * ledger credits months by, R-ACC-4). The wallet is the exception (R-WAL-2): a province's `walletFrom` reaches its
 * regions only when the province opened 全域 (`walletFullCoverage`), because elsewhere regions open one by one.
 *
 * Settings (kinship scope per purpose, benefit schedule, spending caps, password policy): tiers are the chain's
 * regions in order, then national rows, then the built-in defaults. The first tier holding any row with
 * `effectiveFrom ≤ on` decides, and within it the row with the latest `effectiveFrom` (on a tie, the later row in
 * `settings`, i.e. the later correction). A more specific tier wins even with an older row: a city that set its own
 * scope in 2023 keeps it until it sets another, whatever the nation does later.
 */
export function effectivePolicy(input: EffectivePolicyInput): EffectivePolicy {
  const { chain, on } = input;
  const explanation: Explanation[] = [];
  const tiers: { code: string | null; rows: readonly PolicySetting[]; builtIn: boolean }[] = [
    ...chain.map((r) => ({
      code: r.code as string | null,
      rows: input.settings.filter((s) => s.scopeRegionCode === r.code),
      builtIn: false,
    })),
    { code: null, rows: input.settings.filter((s) => s.scopeRegionCode === null), builtIn: false },
    { code: null, rows: input.defaults ?? NATIONAL_DEFAULT_SETTINGS, builtIn: true },
  ];

  const features = {} as Record<Feature, FeatureState>;
  for (const feature of Object.values(Feature)) {
    const state = featureState(chain, feature, on);
    features[feature] = state;
    explanation.push(
      explain(
        FEATURE_RULES[feature],
        `${feature} ${state.open ? 'open' : 'not open'} on ${on}: ${
          state.from ? `from ${state.from}` : 'no date set'
        } (${state.sourceRegionCode ? `region ${state.sourceRegionCode}` : 'national default'})`,
        state.open ? 'POLICY_FEATURE_OPEN' : 'POLICY_FEATURE_NOT_OPEN',
        {
          feature: termParam('feature', feature),
          on: dateParam(on),
          ...(state.from ? { from: dateParam(state.from) } : {}),
          ...sourceParams(state.sourceRegionCode, 'NATIONAL_DEFAULT'),
        },
      ),
    );
  }

  function pick<K extends SettingKind>(kind: K, purpose?: string): Picked<K> | null {
    for (const tier of tiers) {
      let best: PolicySetting | null = null;
      for (const row of tier.rows) {
        if (row.kind !== kind || row.effectiveFrom > on) continue;
        if (purpose && 'purpose' in row && row.purpose !== purpose) continue;
        if (!best || row.effectiveFrom >= best.effectiveFrom) best = row;
      }
      if (best) {
        const national = tier.builtIn ? 'NATIONAL_DEFAULT' : 'NATIONAL_SETTING';
        return {
          value: best.value as SettingValues[K],
          source: { effectiveFrom: best.effectiveFrom, sourceRegionCode: tier.code },
          from: best.effectiveFrom,
          label: tier.code ? `region ${tier.code}` : tier.builtIn ? 'national default' : 'national setting',
          labelParams: sourceParams(tier.code, national),
        };
      }
    }
    return null;
  }

  const kinshipScope = {} as Record<KinPurpose, KinshipScope>;
  for (const purpose of Object.values(KinPurpose)) {
    const found = pick('KINSHIP_SCOPE', purpose);
    kinshipScope[purpose] = found
      ? { relations: found.value, ...found.source }
      : { relations: [], effectiveFrom: null, sourceRegionCode: null };
    explanation.push(
      found
        ? explain(
            'R-KIN-1',
            `Kinship scope for ${purpose}: ${found.value.join(', ') || 'nobody'} since ${found.source.effectiveFrom} (${found.label})`,
            'POLICY_KINSHIP_SCOPE',
            {
              purpose: termParam('purpose', purpose),
              relations: termsParam('relation', found.value),
              from: dateParam(found.from),
              ...found.labelParams,
            },
          )
        : explain(
            'R-KIN-1',
            `Kinship scope for ${purpose}: nobody on ${on} (no scope configured yet)`,
            'POLICY_KINSHIP_SCOPE_NONE',
            { purpose: termParam('purpose', purpose), on: dateParam(on) },
          ),
    );
  }

  const schedule = pickOrDefault('BENEFIT_SCHEDULE', 'R-SET-1', 'Benefit schedule');
  // Residents: configured or nothing (no built-in default; issue #9).
  const residentSchedule = pick('RESIDENT_BENEFIT_SCHEDULE');
  const resident = termParam('policySetting', 'RESIDENT_BENEFIT_SCHEDULE');
  explanation.push(
    residentSchedule
      ? explain(
          'R-SET-1',
          `Resident benefit schedule since ${residentSchedule.source.effectiveFrom} (${residentSchedule.label})`,
          'POLICY_SETTING',
          {
            setting: resident,
            from: dateParam(residentSchedule.from),
            ...residentSchedule.labelParams,
          },
        )
      : explain('R-SET-1', `Resident benefit schedule: none configured on ${on}`, 'POLICY_SETTING_NONE', {
          setting: resident,
          on: dateParam(on),
        }),
  );
  const caps = pickOrDefault('SPENDING_CAPS', 'R-USE-6', 'Spending caps');
  const password = pickOrDefault('PASSWORD_POLICY', 'R-ACC-7', 'Password policy');
  const card = pickOrDefault('CARD_RULES', 'R-CARD-1', 'Card rules');
  const hospitals = pickOrDefault('HOSPITAL_SELECTION', 'R-USE-1', 'Hospital selection');

  // Holiday calendar: each year known on `on` (in any tier) is picked on its own, so a region that publishes its own
  // 2025 calendar (e.g. an extra regional holiday) keeps the national one for the other years.
  const holidayCalendar: Record<string, HolidayCalendarYear> = {};
  const holidayCalendarSources: Record<string, SettingSource> = {};
  const years = new Set(
    tiers.flatMap((t) =>
      t.rows.flatMap((r) => (r.kind === 'HOLIDAY_CALENDAR' && r.effectiveFrom <= on ? [r.purpose] : [])),
    ),
  );
  for (const year of [...years].sort()) {
    const found = pick('HOLIDAY_CALENDAR', year);
    /* istanbul ignore next -- the year came from a row in force, so some tier has it */
    if (!found) continue;
    holidayCalendar[year] = found.value;
    holidayCalendarSources[year] = found.source;
    explanation.push(
      explain(
        'R-CARD-1',
        `Holiday calendar ${year}: ${found.value.holidays.length} holidays, ${found.value.makeUpWorkdays.length} make-up working days, since ${found.source.effectiveFrom} (${found.label})`,
        'POLICY_HOLIDAY_CALENDAR',
        {
          year,
          holidays: found.value.holidays.length,
          makeUpWorkdays: found.value.makeUpWorkdays.length,
          from: dateParam(found.from),
          ...found.labelParams,
        },
      ),
    );
  }

  function pickOrDefault<K extends SingleSettingKind>(kind: K, rule: string, what: string) {
    const found = pick(kind) ?? pickFrom(NATIONAL_DEFAULT_SETTINGS, kind);
    explanation.push(
      explain(rule, `${what} since ${found.source.effectiveFrom} (${found.label})`, 'POLICY_SETTING', {
        setting: termParam('policySetting', kind),
        from: dateParam(found.from),
        ...found.labelParams,
      }),
    );
    return found;
  }

  return {
    regionCode: chain[0].code,
    on,
    features,
    kinshipScope,
    benefitSchedule: schedule.value,
    residentBenefitSchedule: residentSchedule?.value ?? null,
    spendingCaps: caps.value,
    passwordPolicy: password.value,
    cardRules: card.value,
    hospitalSelection: hospitals.value,
    holidayCalendar: holidayCalendar as HolidayCalendar,
    holidayCalendarSources,
    settingSources: {
      BENEFIT_SCHEDULE: schedule.source,
      RESIDENT_BENEFIT_SCHEDULE: residentSchedule?.source ?? { effectiveFrom: null, sourceRegionCode: null },
      SPENDING_CAPS: caps.source,
      PASSWORD_POLICY: password.source,
      CARD_RULES: card.source,
      HOSPITAL_SELECTION: hospitals.source,
    },
    explanation,
  };
}

/**
 * Fallback when even the defaults have no row on `on` (a date before {@link POLICY_EPOCH}, or replaced defaults):
 * the earliest built-in row, because settlement needs *some* schedule and the oldest one is the closest to the past.
 */
function pickFrom<K extends SingleSettingKind>(rows: readonly PolicySetting[], kind: K): Picked<K> {
  const row = rows
    .filter((r) => r.kind === kind)
    .reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a));
  return {
    value: row.value as SettingValues[K],
    source: { effectiveFrom: row.effectiveFrom, sourceRegionCode: null },
    from: row.effectiveFrom,
    label: 'earliest national default',
    labelParams: sourceParams(null, 'EARLIEST_NATIONAL_DEFAULT'),
  };
}

interface Picked<K extends SettingKind> {
  readonly value: SettingValues[K];
  readonly source: SettingSource;
  /** `source.effectiveFrom`, never null for a picked row. */
  readonly from: IsoDate;
  /** Where the value came from, in English lines: `region 110000`, `national default`, … */
  readonly label: string;
  /** The same for the explanation catalogue: `{ region }` for a region's own row, else `{ source }` in words. */
  readonly labelParams: ExplanationParams;
}

/** National tiers of a setting or rollout date, as explanation lines name them (term set `policySource`). */
type NationalSource = 'NATIONAL_SETTING' | 'NATIONAL_DEFAULT' | 'EARLIEST_NATIONAL_DEFAULT';

function sourceParams(regionCode: string | null, national: NationalSource): ExplanationParams {
  return regionCode ? { region: regionParam(regionCode) } : { source: termParam('policySource', national) };
}

function featureState(chain: readonly RegionRollout[], feature: Feature, on: IsoDate): FeatureState {
  for (let i = 0; i < chain.length; i++) {
    const level = chain[i];
    // R-WAL-2: only a province that opened 全域 passes its wallet date down to its regions.
    if (i > 0 && feature === Feature.WALLET && !level.walletFullCoverage) continue;
    const from = level.dates[feature];
    if (from != null) return { from, open: on >= from, sourceRegionCode: level.code };
  }
  const from = NATIONAL_DEFAULT_ROLLOUT[feature];
  return { from, open: from != null && on >= from, sourceRegionCode: null };
}

/**
 * The rollout date of `feature` that applies to the chain's first region (its own, else its province's — the wallet
 * only under 全域 —, else the national default), whatever the day: what staff see as the region's date in force.
 */
export function effectiveRolloutDate(chain: readonly RegionRollout[], feature: Feature): IsoDate | null {
  return featureState(chain, feature, '0001-01-01').from;
}

/**
 * Refuses when `feature` is not open in the policy's region on its date (code `FEATURE_NOT_OPEN`), citing `rule`
 * — by default the feature's own rule ({@link FEATURE_RULES}: KIN_* → R-KIN-3, WALLET → R-WAL-3, …).
 */
export function isFeatureOpenOrThrow(
  policy: EffectivePolicy,
  feature: Feature,
  rule: string = FEATURE_RULES[feature],
): FeatureState {
  const state = policy.features[feature];
  if (!state.open) {
    throw new PolicyError(
      PolicyErrorCode.FEATURE_NOT_OPEN,
      state.from
        ? `${feature} opens in region ${policy.regionCode} on ${state.from}, after ${policy.on}`
        : `${feature} is not open in region ${policy.regionCode} (no date set)`,
      rule,
      undefined,
      {
        feature: termParam('feature', feature),
        region: regionParam(policy.regionCode),
        on: dateParam(policy.on),
        ...(state.from ? { from: dateParam(state.from) } : {}),
      },
    );
  }
  return state;
}

/** True when `relation` is in the kinship scope of `purpose` in the policy's region on its date (R-KIN-1). */
export function relationInScope(policy: EffectivePolicy, purpose: KinPurpose, relation: Relation): boolean {
  return policy.kinshipScope[purpose].relations.includes(relation);
}
