// Who may do what in the console, mirroring the API's @Authorized lists (apps/api/src/modules/*/…resolver.ts), so
// a user never sees an action the server would refuse.
import type { Role } from '../data/graphqlTypes';

export type Permissions = Role | undefined | null | unknown;

/** Counter work: cards, passwords, relations, attestations, cancellations and refunds (ADMIN and COUNTER). */
export function canDoCounterWork(permissions: Permissions): boolean {
  return permissions === 'ADMIN' || permissions === 'COUNTER';
}

/** Policy pages and API clients (ADMIN only). */
export function isAdmin(permissions: Permissions): boolean {
  return permissions === 'ADMIN';
}

/** The policy version timeline (policySettings history): ADMIN and ANALYST; the API refuses COUNTER (FORBIDDEN). */
export function canReadPolicyHistory(permissions: Permissions): boolean {
  return permissions === 'ADMIN' || permissions === 'ANALYST';
}

/** Rollout dates of a region (regionUpdate is ADMIN-only in the API): the 编辑 button shows for ADMIN only. */
export function canEditRegions(permissions: Permissions): boolean {
  return isAdmin(permissions);
}

/**
 * The `actions` of a Show page whose only default action is 编辑: react-admin's default (with the edit button) for
 * a role that may edit, none for the others — a button that leads to 无权访问 is not shown.
 */
export function showActionsFor(mayEdit: boolean): false | undefined {
  return mayEdit ? undefined : false;
}

/** Roles allowed on a resource's pages; `Resource options={{ roles }}` hides it from the menu for the others. */
export interface ResourceRoles {
  readonly roles?: readonly Role[];
}

export function mayOpen(permissions: Permissions, roles: readonly Role[] | undefined): boolean {
  return !roles || roles.includes(permissions as Role);
}
