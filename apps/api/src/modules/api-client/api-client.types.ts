import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { DateTimeScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';

/** Scopes a PORTAL client may hold (API.md). */
export const PORTAL_SCOPES = [
  'settlement:write',
  'premium:write',
  'wallet:transfer',
  'kin:write',
  'person:read',
  'password:write',
  'evoucher:issue',
] as const;

@ObjectType({ description: 'A third-party portal (PORTAL role) bound to one institution or product.' })
export class ApiClient {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field({ description: 'Name of the portal.' })
  name!: string;

  @Field({ description: 'Public prefix of the key (`gj_<prefix>_…`), to recognise it in logs.' })
  keyPrefix!: string;

  @Field(() => [String], { description: `Scopes: ${PORTAL_SCOPES.join(', ')}.` })
  scopes!: string[];

  @Field(() => ID, { nullable: true, description: 'Institution the portal settles for.' })
  institutionId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Supplementary-insurance product the portal charges premiums for.',
  })
  product!: string | null;

  @Field(() => DateTimeScalar, { description: 'Created at.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Revoked at; a revoked key stops working within seconds in every API process.',
  })
  revokedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key was last rotated.' })
  rotatedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Last authenticated request (recorded at most once a minute per API process).',
  })
  lastUsedAt!: Date | null;

  @Field({ description: 'Allow-list mode: the client may run only persisted operations.' })
  persistedOperationsOnly!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per minute for this client; null = the server default (GONGJI_RATE_LIMITS).',
  })
  rateLimitPerMinute!: number | null;
}

/** Whether a client's key still works. */
export enum ApiClientStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiClientStatus, {
  name: 'ApiClientStatus',
  description: 'Whether an API client may still call the API.',
  valuesConfig: {
    ACTIVE: { description: 'Not revoked: its key works.' },
    REVOKED: { description: 'Revoked for good: its key is refused.' },
  },
});

@InputType({ description: 'Filter of `apiClients`; all given conditions must hold.' })
export class ApiClientFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name (case-insensitive) or of the institution id.',
  })
  q?: string | null;

  @Field(() => ApiClientStatus, { nullable: true, description: 'Only active or only revoked clients.' })
  status?: ApiClientStatus | null;
}

@ArgsType()
export class ApiClientsArgs {
  @Field(() => ApiClientFilter, { nullable: true, description: 'Conditions.' })
  filter?: ApiClientFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ObjectType('ApiClientConnection', {
  simpleResolvers: true,
  description: 'A page of API clients, newest first (Relay connection).',
})
export class ApiClientConnection extends ConnectionType(ApiClient, 'ApiClient') {}

@InputType({ description: 'A new API client.' })
export class ApiClientCreateInput {
  @Field({ description: 'Name of the portal (1–128 characters).' })
  name!: string;

  @Field(() => [String], { description: `Scopes, from: ${PORTAL_SCOPES.join(', ')}.` })
  scopes!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Institution id or national code (H11010100001), for hospital and pharmacy portals.',
  })
  institutionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Product code, for the supplementary-insurance portal.',
  })
  product?: string | null;
}

@ObjectType({ description: 'Result of apiClientCreate. The key is shown only here, once.' })
export class ApiClientCreatePayload {
  @Field(() => ApiClient, { nullable: true, description: 'The client.' })
  apiClient!: ApiClient | null;

  @Field(() => String, {
    nullable: true,
    description: 'The API key: store it now, it cannot be shown again.',
  })
  apiKey!: string | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Which client.' })
export class ApiClientIdInput {
  @Field(() => ID, { description: 'API client id.' })
  id!: string;

  @Field({ description: 'Why (kept in the audit log).' })
  reason!: string;
}

@InputType({ description: 'Changes to an API client; omitted fields stay as they are.' })
export class ApiClientUpdateInput {
  @Field(() => ID, { description: 'API client id.' })
  id!: string;

  @Field(() => [String], { nullable: true, description: `Scopes, from: ${PORTAL_SCOPES.join(', ')}.` })
  scopes?: string[] | null;

  @Field({ nullable: true, description: 'Allow-list mode: only persisted operations.' })
  persistedOperationsOnly?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per minute (1–100000); 0 = back to the server default.',
  })
  rateLimitPerMinute?: number | null;

  @Field({ description: 'Why (kept in the audit log).' })
  reason!: string;
}

@ObjectType({ description: 'Result of apiClientUpdate or apiClientRevoke.' })
export class ApiClientPayload {
  @Field(() => ApiClient, { nullable: true, description: 'The client after the change.' })
  apiClient!: ApiClient | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'A GraphQL document to put on the allow-list.' })
export class PersistedOperationRegisterInput {
  @Field({ description: 'Name, e.g. HospitalSettle (1–128 characters).' })
  name!: string;

  @Field({ description: 'The document text, exactly as clients will hash it (sha256, hex).' })
  document!: string;
}

@ObjectType({ description: 'An allow-listed GraphQL document.' })
export class PersistedOperation {
  @Field({ description: 'sha256 of the document (hex): send it as extensions.persistedQuery.sha256Hash.' })
  sha256Hash!: string;

  @Field({ description: 'Name.' })
  name!: string;
}

@ObjectType({ description: 'Result of persistedOperationRegister.' })
export class PersistedOperationRegisterPayload {
  @Field(() => PersistedOperation, { nullable: true, description: 'The registered operation.' })
  persistedOperation!: PersistedOperation | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}
