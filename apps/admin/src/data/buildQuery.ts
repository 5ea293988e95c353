// The console's ra-data-graphql `buildQuery`: one hand-written branch per resource.
import type { BuildQuery } from 'ra-data-graphql';
import { buildKinshipScopeQuery, KINSHIP_SCOPES } from './buildKinshipScopeQuery';
import { buildRegionQuery } from './buildRegionQuery';
import { API_CLIENTS, buildApiClientQuery } from './counter/buildApiClientQuery';
import { buildPersonQuery, PERSON_STAFF, PERSONS } from './counter/buildPersonQuery';
import { buildTransactionQuery, TRANSACTIONS } from './counter/buildTransactionQuery';
import { AUDIT_LOG, buildAuditLogQuery } from './policy/buildAuditLogQuery';
import { buildInstitutionQuery, INSTITUTIONS } from './institutions/buildInstitutionQuery';

/** Counter and operations resources (persons, ledger, API clients), one builder each. */
const COUNTER_BUILDERS: Record<string, BuildQuery> = {
  [PERSONS]: buildPersonQuery,
  [PERSON_STAFF]: buildPersonQuery,
  [TRANSACTIONS]: buildTransactionQuery,
  [API_CLIENTS]: buildApiClientQuery,
  [INSTITUTIONS]: buildInstitutionQuery,
};

export const buildQuery: BuildQuery = (raFetchMethod, resource, params) =>
  COUNTER_BUILDERS[resource]
    ? COUNTER_BUILDERS[resource](raFetchMethod, resource, params)
    : resource === AUDIT_LOG
      ? buildAuditLogQuery(raFetchMethod, resource, params)
      : resource === KINSHIP_SCOPES
        ? buildKinshipScopeQuery(raFetchMethod, resource, params)
        : buildRegionQuery(raFetchMethod, resource, params);
