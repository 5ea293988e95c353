import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver';
import { applyPersonReadPolicy } from './auth/person-read-policy';
import { limitReasons } from './common/reason-limit';
import { answerFromPageJson } from './common/page-json-fields';
import { AttestationResolver } from './modules/attestation/attestation.resolver';
import { CardResolver } from './modules/card/card.resolver';
import { CreditingResolver } from './modules/crediting/crediting.resolver';
import { KinResolver } from './modules/kin/kin.resolver';
import { HospitalSelectionResolver } from './modules/hospital-selection/hospital-selection.resolver';
import { PersonAdminResolver } from './modules/person-admin/person-admin.resolver';
import { PAYMENT_PASSWORD_RESOLVERS } from './modules/payment-password/payment-password.resolver';
import { PremiumResolver } from './modules/premium/premium.resolver';
import { SettlementResolver } from './modules/settlement/settlement.resolver';
import { WalletResolver } from './modules/wallet/wallet.resolver';
import { ApiClientResolver } from './modules/api-client/api-client.resolver';
import { KinRelationResolver, PersonResolver } from './modules/person/person.resolver';
import { PolicySettingsResolver } from './modules/policy/policy-settings.resolver';
import { PolicyResolver } from './modules/policy/policy.resolver';
import { RegionResolver } from './modules/region/region.resolver';
import { RolloutResolver } from './modules/rollout/rollout.resolver';
import { SessionResolver } from './modules/session/session.resolver';
import { TransactionResolver } from './modules/transaction/transaction.resolver';
import { UserErrorResolver } from './common/user-error.resolver';
import { ExplanationLineResolver } from './modules/transaction/explanation-line.resolver';
import { SettlementProviderSkipResolver } from './modules/settlement/provider-skip.resolver';
import { AuditLogResolver } from './modules/audit/audit-log.resolver';
import { KinshipScopeImpactResolver } from './modules/policy/kinship-scope-impact.resolver';
import { RolloutBulkResolver } from './modules/rollout/rollout-bulk.resolver';
import { InstitutionResolver } from './modules/institution/institution.resolver';

export const RESOLVERS = [
  AnalyticsResolver,
  ApiClientResolver,
  AttestationResolver,
  CardResolver,
  CreditingResolver,
  KinResolver,
  HospitalSelectionResolver,
  PersonAdminResolver,
  ...PAYMENT_PASSWORD_RESOLVERS,
  PremiumResolver,
  SettlementResolver,
  WalletResolver,
  KinRelationResolver,
  PersonResolver,
  PolicyResolver,
  PolicySettingsResolver,
  RegionResolver,
  RolloutResolver,
  SessionResolver,
  TransactionResolver,
  UserErrorResolver,
  ExplanationLineResolver,
  SettlementProviderSkipResolver,
  // issue #10, policy staff console
  AuditLogResolver,
  KinshipScopeImpactResolver,
  RolloutBulkResolver,
  InstitutionResolver,
] as const;

/** API.md: "every type and field has a description" — type-graphql leaves the root types bare. */
const ROOT_DESCRIPTIONS = {
  query:
    'Reads: regions and rollout, policy, persons, the ledger, settlement quotes and aggregates (API.md).',
  mutation:
    'Changes, each `<object><Action>(input)` returning a payload with `userErrors`; money mutations take an `idempotencyKey` (API.md).',
} as const;

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query && !query.description) query.description = ROOT_DESCRIPTIONS.query;
  if (mutation && !mutation.description) mutation.description = ROOT_DESCRIPTIONS.mutation;
  return schema;
}

/** Builds the public schema with the person read policy applied (committed as apps/api/schema.graphql; CI fails when it drifts). */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    authChecker,
    validate: false,
    emitSchemaFile: false,
  });
  return applyPersonReadPolicy(limitReasons(answerFromPageJson(describeRootTypes(schema)))).schema;
}
