import type { EntityManager } from 'typeorm';

/**
 * A fingerprint of everything an effective policy is computed from: the regions' rollout rows (`updatedAt` is set by
 * every writer — regionUpdate, regionsRolloutSet, the reference-data loader) and the effective-dated policy settings
 * (rows are only inserted or retired). One indexed-free but tiny statement, read through the caller's manager, so a
 * money mutation sees the version of its own transaction: a change committed anywhere — by any API process — is
 * visible to the very next decision (issue #7 "policy in memory").
 */
export async function policyDataVersion(manager: EntityManager): Promise<string> {
  const [row] = (await manager.query(
    `SELECT (SELECT MAX("updatedAt") FROM "regions") AS "regions",
            (SELECT COUNT(*) FROM "policy_settings") AS "settings",
            (SELECT MAX("createdAt") FROM "policy_settings") AS "created",
            (SELECT MAX("retiredAt") FROM "policy_settings") AS "retired"`,
  )) as Record<string, unknown>[];
  const text = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));
  return [row['regions'], row['settings'], row['created'], row['retired']].map(text).join('|');
}
