// The console's ra-data-graphql `buildQuery`: one hand-written branch per resource.
import type { BuildQuery } from 'ra-data-graphql';
import { buildKinshipScopeQuery, KINSHIP_SCOPES } from './buildKinshipScopeQuery';
import { buildRegionQuery } from './buildRegionQuery';

export const buildQuery: BuildQuery = (raFetchMethod, resource, params) =>
  resource === KINSHIP_SCOPES
    ? buildKinshipScopeQuery(raFetchMethod, resource, params)
    : buildRegionQuery(raFetchMethod, resource, params);
