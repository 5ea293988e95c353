// The policy-staff operations (issue #10) through the console's Apollo client, with the same error handling as
// the data provider: top-level errors become react-admin HttpErrors, whole-input refusals a validation error.
import type { DocumentNode } from '@apollo/client';
import { HttpError } from 'ra-core';
import { apolloClient } from '../apolloClient';
import { normalizeDataProviderError, userErrorsToHttpError } from '../graphqlErrors';
import {
  EFFECTIVE_POLICY_QUERY,
  KINSHIP_SCOPE_IMPACT_QUERY,
  POLICY_HISTORY_QUERY,
  REGIONS_ROLLOUT_SET_MUTATION,
} from './policyDocuments';
import type {
  EffectivePolicyView,
  KinshipScopeImpact,
  PolicySettingRow,
  RegionsRolloutSetPayload,
} from './policyTypes';

async function read<T>(query: DocumentNode, field: string, variables: Record<string, unknown>): Promise<T> {
  try {
    const result = await apolloClient.query<Record<string, T>>({
      query,
      variables,
      fetchPolicy: 'network-only',
    });
    return result.data[field];
  } catch (error) {
    throw normalizeDataProviderError(new HttpError((error as Error).message, 200, error));
  }
}

export async function regionsRolloutSet(input: Record<string, unknown>): Promise<RegionsRolloutSetPayload> {
  let payload: RegionsRolloutSetPayload | undefined;
  try {
    const result = await apolloClient.mutate<{ regionsRolloutSet: RegionsRolloutSetPayload }>({
      mutation: REGIONS_ROLLOUT_SET_MUTATION,
      variables: { input },
    });
    payload = result.data?.regionsRolloutSet;
  } catch (error) {
    throw normalizeDataProviderError(new HttpError((error as Error).message, 200, error));
  }
  if (!payload) throw new HttpError('gongji.errors.internal', 500);
  if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
  return payload;
}

export const kinshipScopeImpact = (variables: Record<string, unknown>) =>
  read<KinshipScopeImpact>(KINSHIP_SCOPE_IMPACT_QUERY, 'kinshipScopeImpact', variables);

export const effectivePolicy = (regionCode: string, on: string) =>
  read<EffectivePolicyView>(EFFECTIVE_POLICY_QUERY, 'effectivePolicy', { regionCode, on });

interface PolicyHistoryPage {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: ReadonlyArray<{ readonly node: PolicySettingRow }>;
}

/** Largest page the API answers (API.md: `first` ≤ 100). */
const HISTORY_PAGE_SIZE = 100;

/**
 * The whole settings history of one tier (a region, a province, or (null) the nation), oldest first: every page of
 * the `policySettings` connection, since the timeline merges all of them.
 */
export async function policyHistory(regionCode: string | null): Promise<PolicySettingRow[]> {
  const rows: PolicySettingRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: PolicyHistoryPage = await read<PolicyHistoryPage>(POLICY_HISTORY_QUERY, 'policySettings', {
      ...(regionCode ? { regionCode } : {}),
      first: HISTORY_PAGE_SIZE,
      ...(after ? { after } : {}),
    });
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
    after = page.pageInfo.endCursor;
  }
}
