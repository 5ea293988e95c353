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

/** Roles allowed on a resource's pages; `Resource options={{ roles }}` hides it from the menu for the others. */
export interface ResourceRoles {
  readonly roles?: readonly Role[];
}

export function mayOpen(permissions: Permissions, roles: readonly Role[] | undefined): boolean {
  return !roles || roles.includes(permissions as Role);
}
