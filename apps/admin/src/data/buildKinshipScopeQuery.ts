// ra-data-graphql `buildQuery` branch of the `kinship-scopes` resource: the KINSHIP_SCOPE rows of the
// append-only policy history (R-KIN-1). `policySettings` is a Relay connection: the server filters (region, purpose),
// pages and orders (oldest first; the list's columns are not sortable).
import type { BuildQuery, BuildQueryResult } from 'ra-data-graphql';
import { CREATE, GET_LIST, type CreateParams, type GetListParams } from 'ra-core';
import { connectionToList, type Connection } from './counter/connection';
import { pageToConnectionArgs } from './cursor';
import { userErrorsToHttpError } from './graphqlErrors';
import type { UserError } from './graphqlTypes';
import { KINSHIP_SCOPE_SET_MUTATION, POLICY_SETTINGS_QUERY } from './kinshipScopeDocuments';

export const KINSHIP_SCOPES = 'kinship-scopes';
export const KINSHIP_SCOPE_KIND = 'KINSHIP_SCOPE';

export const KIN_PURPOSES = [
  'MEDICAL',
  'RESIDENT_CONTRIBUTION',
  'LONG_TERM_CARE',
  'SUPPLEMENTARY_PREMIUM',
  'WALLET_TRANSFER',
] as const;
export type KinPurpose = (typeof KIN_PURPOSES)[number];

/** R-KIN-1 relations, in the order of the Civil Code's near relatives. */
export const RELATIONS = [
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'MATERNAL_GRANDPARENT',
  'GRANDCHILD',
  'MATERNAL_GRANDCHILD',
] as const;
export type Relation = (typeof RELATIONS)[number];

export interface PolicySettingView {
  readonly id: string;
  readonly kind: string;
  readonly regionCode: string | null;
  readonly purpose: KinPurpose | null;
  readonly effectiveFrom: string;
  readonly value: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface KinshipScopeRecord {
  readonly id: string;
  readonly regionCode: string | null;
  readonly purpose: KinPurpose | null;
  readonly relations: readonly Relation[];
  readonly effectiveFrom: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** `value` is JSON text; a kinship scope is the array of allowed relations (anything else reads as empty). */
export function parseRelations(value: string): Relation[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((item): item is Relation => RELATIONS.includes(item as Relation));
  } catch {
    return [];
  }
}

export function toKinshipScopeRecord(view: PolicySettingView): KinshipScopeRecord {
  return {
    id: view.id,
    regionCode: view.regionCode,
    purpose: view.purpose,
    relations: parseRelations(view.value),
    effectiveFrom: view.effectiveFrom,
    createdBy: view.createdBy,
    createdAt: view.createdAt,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The list filter → `policySettings` arguments: an empty region code means the national rows; `purpose` only when it
 * is one of the kin purposes.
 */
export function toPolicySettingsVariables(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const regionCode = text(filter.regionCode);
  const purpose = text(filter.purpose);
  return {
    kind: KINSHIP_SCOPE_KIND,
    ...(regionCode ? { regionCode } : {}),
    ...(KIN_PURPOSES.includes(purpose as KinPurpose) ? { purpose } : {}),
  };
}

/** The create form → `KinshipScopeSetInput` (empty region = national default, blank reason omitted). */
export function toKinshipScopeSetInput(data: Record<string, unknown>): Record<string, unknown> {
  const regionCode = text(data.regionCode);
  const reason = text(data.reason);
  const relations = Array.isArray(data.relations) ? data.relations : [];
  return {
    ...(regionCode ? { regionCode } : {}),
    purpose: data.purpose,
    relations: RELATIONS.filter((relation) => relations.includes(relation)),
    effectiveFrom: data.effectiveFrom,
    ...(reason ? { reason } : {}),
  };
}

export const buildKinshipScopeQuery: BuildQuery = (raFetchMethod, resource, params): BuildQueryResult => {
  if (resource !== KINSHIP_SCOPES) throw new Error(`Unknown resource ${resource}`);
  switch (raFetchMethod) {
    case GET_LIST: {
      const { pagination, filter } = params as GetListParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return {
        query: POLICY_SETTINGS_QUERY,
        variables: { ...toPolicySettingsVariables(filter ?? {}), ...pageToConnectionArgs(page, perPage) },
        parseResponse: (response) => {
          const list = connectionToList(response.data.policySettings as Connection<PolicySettingView>);
          return { ...list, data: list.data.map(toKinshipScopeRecord) };
        },
      };
    }
    case CREATE: {
      const { data } = params as CreateParams;
      return {
        query: KINSHIP_SCOPE_SET_MUTATION,
        variables: { input: toKinshipScopeSetInput(data as Record<string, unknown>) },
        parseResponse: (response) => {
          const payload = response.data.kinshipScopeSet as {
            setting: PolicySettingView | null;
            userErrors: UserError[];
          };
          if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
          if (!payload.setting) throw new Error('ra.notification.http_error');
          return { data: toKinshipScopeRecord(payload.setting) };
        },
      };
    }
    default:
      throw new Error(`${KINSHIP_SCOPES}: ${raFetchMethod} is not offered by the API`);
  }
};
