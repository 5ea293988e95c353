import type { KinPurpose, Relation } from '../kin/kin';
import type { IsoDate } from '../shared/dates';
import type { PolicySetting, RegionRollout } from './policy';
import { NATIONAL_DEFAULT_SETTINGS } from './policy.defaults';
import { effectivePolicy } from './policy.rules';

/** A kinship scope staff are about to save (R-KIN-1): one row of a region (or the nation) for one purpose. */
export interface ProposedKinshipScope {
  /** Region or province of the row; `null` = national. */
  readonly scopeRegionCode: string | null;
  readonly purpose: KinPurpose;
  readonly effectiveFrom: IsoDate;
  readonly relations: readonly Relation[];
}

/** One stretch of days over which the scope before and after the change stay the same. */
export interface KinshipScopeChangePeriod {
  readonly from: IsoDate;
  /** First day no longer in the period; `null` = open-ended. */
  readonly until: IsoDate | null;
  /** What applies today (before the change). */
  readonly before: readonly Relation[];
  /** What would apply with the proposed row. */
  readonly after: readonly Relation[];
  /** In `before`, not in `after`: registrations of these relations lose effect for the purpose in the period. */
  readonly removed: readonly Relation[];
  /** In `after`, not in `before`. */
  readonly added: readonly Relation[];
}

/** Input of {@link kinshipScopeChangePeriods}. */
export interface KinshipScopeChangeInput {
  /** The region whose scope is compared, then its province (most specific first), as for `effectivePolicy`. */
  readonly chain: readonly [RegionRollout, ...RegionRollout[]];
  /** The unretired settings rows of the chain and the nation. */
  readonly settings: readonly PolicySetting[];
  readonly proposal: ProposedKinshipScope;
  /** Replaces the built-in national defaults (tests). */
  readonly defaults?: readonly PolicySetting[];
}

/**
 * R-KIN-1: what saving a kinship-scope row changes for one region (issue #10, audit C defect 1). A row applies from
 * its `effectiveFrom` until the next later row of the same region (or nation) and purpose — and, being of its tier,
 * it also overrides any later row of a *less specific* tier in that stretch (a Beijing row of 2024-01-01 hides the
 * national near-relative scope of 2024-07-01). So comparing the scope on the first day alone is not enough: the days
 * from `effectiveFrom` to the next row of the same key are cut at every date where any row of the chain starts, and
 * the scope before and after the change is compared in each stretch. Stretches where nothing changes are left out;
 * neighbouring stretches with the same comparison are merged. A pure function of its input.
 */
export function kinshipScopeChangePeriods(input: KinshipScopeChangeInput): KinshipScopeChangePeriod[] {
  const { chain, proposal } = input;
  const { purpose, effectiveFrom: from } = proposal;
  const sameKey = (s: PolicySetting) =>
    s.kind === 'KINSHIP_SCOPE' && s.purpose === purpose && s.scopeRegionCode === proposal.scopeRegionCode;
  // The proposal replaces a row of the same key and day (a correction) and ends at the next row of that key.
  const until =
    input.settings
      .filter((s) => sameKey(s) && s.effectiveFrom > from)
      .map((s) => s.effectiveFrom)
      .sort()[0] ?? null;
  const row: PolicySetting = {
    kind: 'KINSHIP_SCOPE',
    scopeRegionCode: proposal.scopeRegionCode,
    purpose,
    effectiveFrom: from,
    value: [...proposal.relations],
  };
  const after = [...input.settings.filter((s) => !(sameKey(s) && s.effectiveFrom === from)), row];
  const inChain = new Set<string | null>([null, ...chain.map((r) => r.code)]);
  const defaults = input.defaults;
  const starts = new Set<IsoDate>([from]);
  for (const s of [...input.settings, ...(defaults ?? NATIONAL_DEFAULT_SETTINGS)])
    if (
      s.kind === 'KINSHIP_SCOPE' &&
      s.purpose === purpose &&
      inChain.has(s.scopeRegionCode) &&
      s.effectiveFrom > from &&
      (until === null || s.effectiveFrom < until)
    )
      starts.add(s.effectiveFrom);
  const days = [...starts].sort();
  const scopeOn = (settings: readonly PolicySetting[], on: IsoDate) =>
    effectivePolicy({ chain, settings, on, ...(defaults ? { defaults } : {}) }).kinshipScope[purpose]
      .relations;
  const periods: KinshipScopeChangePeriod[] = [];
  days.forEach((day, i) => {
    const before = scopeOn(input.settings, day);
    const next = scopeOn(after, day);
    const removed = before.filter((r) => !next.includes(r));
    const added = next.filter((r) => !before.includes(r));
    const end = days[i + 1] ?? until;
    const last = periods[periods.length - 1];
    if (last && last.until === day && sameList(last.before, before) && sameList(last.after, next)) {
      periods[periods.length - 1] = { ...last, until: end };
      return;
    }
    if (removed.length || added.length)
      periods.push({ from: day, until: end, before, after: next, removed, added });
  });
  return periods;
}

/** The relations that leave the scope in any period (each once, in the order of first appearance). */
export function removedInAnyPeriod(periods: readonly KinshipScopeChangePeriod[]): Relation[] {
  return [...new Set(periods.flatMap((p) => p.removed))];
}

/**
 * Whether a registration of `relation` in force from `registeredOn` (R-KIN-3) loses effect in some period: a stretch
 * that removes the relation and has not ended by the day the registration starts. A sibling registered in 2025 is not
 * touched by a correction that narrows the scope for 2023 only.
 */
export function losesEffectInAnyPeriod(
  periods: readonly KinshipScopeChangePeriod[],
  relation: Relation,
  registeredOn: IsoDate,
): boolean {
  return periods.some((p) => p.removed.includes(relation) && (p.until === null || p.until > registeredOn));
}

/** The relations that join the scope in any period. */
export function addedInAnyPeriod(periods: readonly KinshipScopeChangePeriod[]): Relation[] {
  return [...new Set(periods.flatMap((p) => p.added))];
}

function sameList(a: readonly Relation[], b: readonly Relation[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
