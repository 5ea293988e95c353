import type { EffectivePolicy } from '@gongji/domain';
import type { Manager as EntityManager } from '@gongji/persistence';
import { loadEffectivePolicy } from '../policy/policy.service';

/**
 * The effective policy of a region on a date, read through the caller's transaction manager (a second pooled
 * PostgreSQL connection taken while a money mutation holds one deadlocks the pool under load), cached per decision.
 */
export async function effectivePolicyIn(
  manager: EntityManager,
  regionCode: string,
  on: string,
  cache?: Map<string, EffectivePolicy>,
  knownVersion?: string,
): Promise<EffectivePolicy> {
  const cached = cache?.get(regionCode);
  if (cached) return cached;
  const policy = await loadEffectivePolicy(manager, regionCode, on, knownVersion);
  cache?.set(regionCode, policy);
  return policy;
}
