import {
  type KinPurpose,
  type KinshipScopeChangePeriod,
  type RegionRollout,
  type Relation,
  addedInAnyPeriod,
  effectivePolicy,
  kinshipScopeChangePeriods,
  losesEffectInAnyPeriod,
  normalizeKinshipScope,
  removedInAnyPeriod,
} from '@gongji/domain';
import {
  type Manager,
  type PersonEntity,
  type RegionEntity,
  nationalPolicySettings,
  policyChainRows,
  providerRegistrations,
  regionOfCode,
} from '@gongji/persistence';
import type { GraphQLContext } from '../../context';
import type { KinshipScopeImpact } from './kinship-scope-impact.types';
import { UnknownRegionError, loadEffectivePolicy, toSetting } from './policy.service';

const MAX_PROVIDERS = 50;
/** Chain code of the national tier (no region row applies). */
const NATIONAL = '000000';

type Proposal = Parameters<typeof kinshipScopeChangePeriods>[0]['proposal'];

function toPeriod(p: KinshipScopeChangePeriod) {
  return {
    from: p.from,
    until: p.until,
    currentRelations: [...p.before],
    proposedRelations: [...p.after],
    removedRelations: [...p.removed],
    addedRelations: [...p.added],
  };
}

/**
 * kinshipScopeImpact (issue #10): the registrations of providers insured where the scope applies (the region; every
 * region of a province; everywhere for the national default) whose relation is in the scope today but not with the
 * proposed row, in any stretch of days from its date until the next row of the same region and purpose (R-KIN-1,
 * libs/domain `kinshipScopeChangePeriods`: a Beijing row of 2024-01-01 also hides the national near-relative scope of
 * 2024-07-01, so comparing the first day alone told staff nothing was narrowed — audit C #1). Per provider region,
 * since a region or province with its own row is not reached by a change of a less specific tier. Mutual aid is
 * decided by the provider's region (kin.service providerPolicy).
 */
export class KinshipScopeImpactService {
  constructor(private readonly ctx: GraphQLContext) {}

  async impact(
    regionCode: string | null,
    purpose: KinPurpose,
    relations: readonly Relation[],
    effectiveFrom: string,
  ): Promise<KinshipScopeImpact> {
    const manager = this.ctx.dataSource.manager;
    const region = regionCode ? await regionOfCode(manager, regionCode) : null;
    if (regionCode && !region) throw new UnknownRegionError(regionCode);
    const current = region
      ? (await loadEffectivePolicy(manager, region.code, effectiveFrom)).kinshipScope[purpose].relations
      : await this.nationalScope(manager, purpose, effectiveFrom);
    const proposed = normalizeKinshipScope([...relations]);
    const proposal = { scopeRegionCode: region?.code ?? null, purpose, effectiveFrom, relations: proposed };
    const periods = region
      ? await this.regionPeriods(manager, region.code, proposal)
      : kinshipScopeChangePeriods({
          chain: [{ code: NATIONAL, dates: {} }],
          settings: (await nationalPolicySettings(manager)).map(toSetting),
          proposal,
        });
    const removed = removedInAnyPeriod(periods);
    const added = addedInAnyPeriod(periods);
    const rows = await this.affected(manager, region, proposal);
    const byProvider = new Map<string, { person: PersonEntity; relations: Set<Relation>; n: number }>();
    for (const { relation, person } of rows) {
      const entry = byProvider.get(person.id) ?? { person, relations: new Set<Relation>(), n: 0 };
      entry.relations.add(relation);
      entry.n += 1;
      byProvider.set(person.id, entry);
    }
    const providers = [...byProvider.values()]
      .sort((a, b) => b.n - a.n || a.person.id.localeCompare(b.person.id))
      .slice(0, MAX_PROVIDERS)
      .map((e) => ({
        personId: e.person.id,
        name: e.person.name,
        regionCode: e.person.regionCode,
        registrationCount: e.n,
        relations: [...e.relations],
      }));
    return {
      regionCode: region?.code ?? null,
      purpose,
      effectiveFrom,
      currentRelations: [...current],
      removedRelations: removed,
      addedRelations: added,
      periods: periods.map(toPeriod),
      registrationCount: rows.length,
      providerCount: byProvider.size,
      providers,
    };
  }

  private async nationalScope(manager: Manager, purpose: KinPurpose, on: string) {
    const national = await nationalPolicySettings(manager);
    return effectivePolicy({ chain: [{ code: NATIONAL, dates: {} }], settings: national.map(toSetting), on })
      .kinshipScope[purpose].relations;
  }

  /** The stretches of days in which the proposal changes the scope of `code` (its own rows, its province's, national). */
  private async regionPeriods(
    manager: Manager,
    code: string,
    proposal: Proposal,
  ): Promise<KinshipScopeChangePeriod[]> {
    const rows = await policyChainRows(manager, code);
    if (!rows) throw new UnknownRegionError(code);
    const chain = [
      { code: rows.region.code, dates: {} },
      ...(rows.province ? [{ code: rows.province.code, dates: {} }] : []),
    ] as [RegionRollout, ...RegionRollout[]];
    return kinshipScopeChangePeriods({ chain, settings: rows.settings.map(toSetting), proposal });
  }

  /**
   * Registrations that lose effect, region by region: what a provider's region loses in any stretch of days (its own
   * scope before minus after the change). A region is shielded, stretch by stretch, where its scope comes from a more
   * specific tier than the one being changed (a region row under a province or national change, a province row
   * under a national change) — `effectivePolicy` decides that the same way with and without the proposed row.
   */
  private async affected(
    manager: Manager,
    region: RegionEntity | null,
    proposal: Proposal,
  ): Promise<{ relation: Relation; registeredOn: string; person: PersonEntity }[]> {
    const rows = await this.registrations(manager, region, null);
    const periodsByRegion = new Map<string, readonly KinshipScopeChangePeriod[]>();
    for (const code of new Set(rows.map((r) => r.person.regionCode)))
      periodsByRegion.set(code, await this.regionPeriods(manager, code, proposal));
    // Only a stretch the registration is in force in counts: one registered after it ended keeps its effect.
    return rows.filter((r) =>
      losesEffectInAnyPeriod(periodsByRegion.get(r.person.regionCode) ?? [], r.relation, r.registeredOn),
    );
  }

  private async registrations(
    manager: Manager,
    region: RegionEntity | null,
    removed: readonly Relation[] | null,
  ): Promise<{ relation: Relation; registeredOn: string; person: PersonEntity }[]> {
    return (await providerRegistrations(manager, region, removed)) as {
      relation: Relation;
      registeredOn: string;
      person: PersonEntity;
    }[];
  }
}
