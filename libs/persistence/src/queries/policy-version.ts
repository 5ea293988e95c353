import type { EntityManager } from 'typeorm';

/**
 * A fingerprint of everything an effective policy is computed from: the regions' rollout rows (`updatedAt` is set by
 * every writer — regionUpdate, regionsRolloutSet, the reference-data loader) and the effective-dated policy settings
 * (rows are only inserted or retired). Read through the caller's manager, so a money mutation sees the version of its
 * own transaction: a change committed anywhere — by any API process — is visible to the very next decision (issue #7
 * "policy in memory"). {@link POLICY_VERSION_COLUMNS} lets a larger query (the settlement facts) carry it for free.
 */
export const POLICY_VERSION_COLUMNS = `(SELECT MAX("updatedAt") FROM "regions") AS "pv_regions",
            (SELECT COUNT(*) FROM "policy_settings") AS "pv_settings",
            (SELECT MAX("createdAt") FROM "policy_settings") AS "pv_created",
            (SELECT MAX("retiredAt") FROM "policy_settings") AS "pv_retired"`;

/** The version text of a row that selected {@link POLICY_VERSION_COLUMNS}. */
export function policyVersionOf(row: Record<string, unknown>): string {
  const text = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));
  return [row['pv_regions'], row['pv_settings'], row['pv_created'], row['pv_retired']].map(text).join('|');
}

export async function policyDataVersion(manager: EntityManager): Promise<string> {
  const [row] = (await manager.query(`SELECT ${POLICY_VERSION_COLUMNS}`)) as Record<string, unknown>[];
  return policyVersionOf(row);
}
