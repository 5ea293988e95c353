import {
  type EffectivePolicy,
  type PolicySetting,
  type RegionRollout,
  effectivePolicy,
} from '@gongji/domain';
import {
  type DataSource,
  type Manager,
  type PolicySettingEntity,
  parsePayload,
  policyChainRows,
  policyDataVersion,
  stringifyPayload,
} from '@gongji/persistence';
import { toRollout } from '../region/region.service';

export class UnknownRegionError extends Error {
  constructor(readonly regionCode: string) {
    super(`No region with code "${regionCode}"`);
  }
}

/**
 * Loads what a region's policy is made of (its own row, its province's row, effective-dated settings) and asks
 * libs/domain `effectivePolicy` what applies on a date. Every money decision starts here.
 */
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inside a money mutation pass the transaction's `manager`: on PostgreSQL, taking a second pooled connection while
   * holding one can exhaust the pool under load (every transaction waiting for a connection another one holds).
   */
  effective(
    regionCode: string,
    on: string,
    manager?: Manager,
    knownVersion?: string,
  ): Promise<EffectivePolicy> {
    return loadEffectivePolicy(manager ?? this.dataSource.manager, regionCode, on, knownVersion);
  }
}

/** Cached policies per database (tests run several in one process) — region and date → policy at a data version. */
const CACHE_LIMIT = 5_000;
const caches = new WeakMap<object, Map<string, { version: string; policy: EffectivePolicy }>>();
/**
 * The effective policy of a region on a date, read through `manager` (see {@link PolicyService.effective}). Cached in
 * memory behind {@link policyDataVersion} (issue #7): one small statement instead of reading the region, its province
 * and the settings and recomputing; any change to regions or policy settings — by any process, or earlier in the
 * caller's own transaction — misses the cache, because the version is read on every call.
 */
export async function loadEffectivePolicy(
  manager: Manager,
  regionCode: string,
  on: string,
  /** The version read by the caller's own statement in the same transaction (saves a round trip). */
  knownVersion?: string,
): Promise<EffectivePolicy> {
  const current = knownVersion ?? (await policyDataVersion(manager));
  let cache = caches.get(manager.connection);
  if (!cache) {
    cache = new Map();
    caches.set(manager.connection, cache);
  }
  const key = `${regionCode}|${on}`;
  const hit = cache.get(key);
  if (hit && hit.version === current) return hit.policy;
  const policy = await computeEffectivePolicy(manager, regionCode, on);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, { version: current, policy });
  return policy;
}

async function computeEffectivePolicy(
  manager: Manager,
  regionCode: string,
  on: string,
): Promise<EffectivePolicy> {
  const rows = await policyChainRows(manager, regionCode);
  if (!rows) throw new UnknownRegionError(regionCode);
  const { region, province } = rows;
  const chain = [toRollout(region), ...(province ? [toRollout(province)] : [])] as [
    RegionRollout,
    ...RegionRollout[],
  ];
  return effectivePolicy({ chain, settings: rows.settings.map(toSetting), on });
}

/** Settings values are stored as JSON with money tagged (`{"$bigint":"…"}`), see ledger-writer stringifyPayload. */
export function toSetting(row: PolicySettingEntity): PolicySetting {
  const value = parsePayload<unknown>(JSON.stringify(row.value));
  return {
    scopeRegionCode: row.scopeRegionCode,
    effectiveFrom: row.effectiveFrom,
    kind: row.kind,
    ...(row.purpose ? { purpose: row.purpose } : {}),
    value,
  } as PolicySetting;
}

/** Inverse of {@link toSetting} for writers of settings. */
export function settingValueToJson(value: unknown): unknown {
  return JSON.parse(stringifyPayload(value));
}
