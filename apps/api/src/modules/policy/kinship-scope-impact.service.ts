import { type KinPurpose, type Relation, effectivePolicy, normalizeKinshipScope } from '@gongji/domain';
import {
  type Manager,
  type PersonEntity,
  type RegionEntity,
  nationalPolicySettings,
  providerRegistrations,
  regionOfCode,
} from '@gongji/persistence';
import type { GraphQLContext } from '../../context';
import type { KinshipScopeImpact } from './kinship-scope-impact.types';
import { UnknownRegionError, loadEffectivePolicy, toSetting } from './policy.service';

const MAX_PROVIDERS = 50;

/**
 * kinshipScopeImpact (issue #10): the registrations of providers insured where the scope applies (the region; every
 * region of a province; everywhere for the national default) whose relation is in force on the date today but not
 * in the proposed scope — per provider region, since a region or province with its own row is not reached by a
 * change of a less specific tier. Mutual aid is decided by the provider's region (kin.service providerPolicy).
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
    const removed = current.filter((r) => !proposed.includes(r));
    const added = proposed.filter((r) => !current.includes(r));
    const rows = await this.affected(manager, region, purpose, proposed, effectiveFrom);
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
      registrationCount: rows.length,
      providerCount: byProvider.size,
      providers,
    };
  }

  private async nationalScope(manager: Manager, purpose: KinPurpose, on: string) {
    const national = await nationalPolicySettings(manager);
    return effectivePolicy({ chain: [{ code: '000000', dates: {} }], settings: national.map(toSetting), on })
      .kinshipScope[purpose].relations;
  }

  /**
   * Registrations that lose effect, region by region: a provider's region is shielded when its scope on the date
   * comes from a more specific tier than the one being changed (a region row under a province or national change, a
   * province row under a national change); otherwise what it loses is its own scope in force minus the proposal.
   */
  private async affected(
    manager: Manager,
    region: RegionEntity | null,
    purpose: KinPurpose,
    proposed: readonly Relation[],
    on: string,
  ): Promise<{ relation: Relation; person: PersonEntity }[]> {
    const tier = !region ? 0 : region.level === 'PROVINCE' ? 1 : 2;
    const rows = await this.registrations(manager, region, null);
    const lostByRegion = new Map<string, readonly Relation[]>();
    for (const code of new Set(rows.map((r) => r.person.regionCode))) {
      const scope = (await loadEffectivePolicy(manager, code, on)).kinshipScope[purpose];
      const source = !scope.sourceRegionCode ? 0 : scope.sourceRegionCode === code ? 2 : 1;
      lostByRegion.set(code, source > tier ? [] : scope.relations.filter((r) => !proposed.includes(r)));
    }
    return rows.filter((r) => lostByRegion.get(r.person.regionCode)?.includes(r.relation));
  }

  private async registrations(
    manager: Manager,
    region: RegionEntity | null,
    removed: readonly Relation[] | null,
  ): Promise<{ relation: Relation; person: PersonEntity }[]> {
    return (await providerRegistrations(manager, region, removed)) as {
      relation: Relation;
      person: PersonEntity;
    }[];
  }
}
