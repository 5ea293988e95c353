import { Field, ID, InputType, ObjectType } from 'type-graphql';
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

  @Field(() => DateTimeScalar, { nullable: true, description: 'Revoked at; a revoked key stops working.' })
  revokedAt!: Date | null;
}

@InputType({ description: 'A new API client.' })
export class ApiClientCreateInput {
  @Field({ description: 'Name of the portal (1–128 characters).' })
  name!: string;

  @Field(() => [String], { description: `Scopes, from: ${PORTAL_SCOPES.join(', ')}.` })
  scopes!: string[];

  @Field(() => ID, { nullable: true, description: 'Institution id, for hospital and pharmacy portals.' })
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
