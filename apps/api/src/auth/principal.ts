import { registerEnumType } from 'type-graphql';

/** Roles of API.md "Who may call what". */
export enum Role {
  ADMIN = 'ADMIN',
  COUNTER = 'COUNTER',
  ANALYST = 'ANALYST',
  PORTAL = 'PORTAL',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    'ADMIN: policy staff; COUNTER: registrations and cards; ANALYST: read-only, masked; PORTAL: API client.',
  valuesConfig: {
    ADMIN: { description: 'Policy staff (admin console).' },
    COUNTER: { description: 'Counter staff: registrations, cards.' },
    ANALYST: { description: 'Read-only, masked personal data, aggregates.' },
    PORTAL: { description: 'Third-party portal bound to one institution or product, with scopes.' },
  },
});

/** Who is calling: a console user (session token) or an API client (API key). */
export interface Principal {
  readonly kind: 'USER' | 'API_CLIENT';
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** PORTAL scopes such as `settlement:write`. */
  readonly scopes: readonly string[];
  readonly institutionId: string | null;
  readonly product: string | null;
  /** API clients: requests per minute (null = the server default for the kind of caller). */
  readonly rateLimitPerMinute?: number | null;
  /** API clients in allow-list mode run only persisted operations. */
  readonly persistedOperationsOnly?: boolean;
}

/** Policy and counter staff (ADMIN, COUNTER): their changes are audited (API.md "Who may call what"). */
export function isStaff(principal: Pick<Principal, 'role'> | null): boolean {
  return principal?.role === Role.ADMIN || principal?.role === Role.COUNTER;
}

/** How a principal is recorded as the actor of a transaction and as the idempotency scope: `KIND:id`. */
export function actorOf(principal: Pick<Principal, 'kind' | 'id'>): string {
  return `${principal.kind}:${principal.id}`;
}
