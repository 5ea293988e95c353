// ra-data-graphql `buildQuery` branch of the `api-clients` resource. `apiClients` is a Relay connection (newest
// first, filtered and paged by the server, like persons); create/rotate/revoke are page actions because their key is
// shown once.
import type { BuildQuery } from 'ra-data-graphql';
import { GET_LIST, GET_ONE, UPDATE, type GetListParams, type GetOneParams, type UpdateParams } from 'ra-core';
import { pageToConnectionArgs } from '../cursor';
import { userErrorsToHttpError } from '../graphqlErrors';
import type { UserError } from '../graphqlTypes';
import { compactFilter, connectionToList, type Connection } from './connection';
import { API_CLIENT_QUERY, API_CLIENT_UPDATE_MUTATION, API_CLIENTS_QUERY } from './apiClientDocuments';

export const API_CLIENTS = 'api-clients';

export interface ApiClientRecord {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly institutionId: string | null;
  readonly product: string | null;
  readonly rateLimitPerMinute: number | null;
  readonly persistedOperationsOnly: boolean;
  readonly revokedAt: string | null;
  readonly [key: string]: unknown;
}

/**
 * react-admin filter values → `ApiClientFilter`: `q` (part of the name, any case, or of the institution id) and
 * `status` (ACTIVE / REVOKED); anything else is dropped.
 */
export function toApiClientFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out = compactFilter(filter, ['q', 'status']);
  if (out.status !== 'ACTIVE' && out.status !== 'REVOKED') delete out.status;
  if (out.q === '') delete out.q;
  return out;
}

/** Only what changed goes to `apiClientUpdate`; the reason always goes (audited). */
export function toApiClientUpdateInput(params: UpdateParams): Record<string, unknown> {
  const data = params.data as Record<string, unknown>;
  const previous = (params.previousData ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = { id: String(params.id), reason: String(data.reason ?? '').trim() };
  const scopes = [...((data.scopes as string[] | undefined) ?? [])].sort();
  if (JSON.stringify(scopes) !== JSON.stringify([...((previous.scopes as string[]) ?? [])].sort())) {
    input.scopes = scopes;
  }
  if (data.persistedOperationsOnly !== previous.persistedOperationsOnly) {
    input.persistedOperationsOnly = Boolean(data.persistedOperationsOnly);
  }
  const limit =
    data.rateLimitPerMinute === '' || data.rateLimitPerMinute == null
      ? null
      : Number(data.rateLimitPerMinute);
  if (limit !== (previous.rateLimitPerMinute ?? null) && limit !== null) input.rateLimitPerMinute = limit;
  return input;
}

export const buildApiClientQuery: BuildQuery = (raFetchMethod, resource, params) => {
  switch (raFetchMethod) {
    case GET_LIST: {
      // The server lists newest first only (the list's columns are not sortable).
      const { pagination, filter } = params as GetListParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return {
        query: API_CLIENTS_QUERY,
        variables: { filter: toApiClientFilter(filter), ...pageToConnectionArgs(page, perPage) },
        parseResponse: (response) =>
          connectionToList(response.data.apiClients as Connection<ApiClientRecord>),
      };
    }
    case GET_ONE: {
      const { id } = params as GetOneParams;
      return {
        query: API_CLIENT_QUERY,
        variables: { id: String(id) },
        parseResponse: (response) => {
          const found = response.data.apiClient as ApiClientRecord | null;
          if (!found) throw new Error('ra.notification.item_doesnt_exist');
          return { data: found };
        },
      };
    }
    case UPDATE:
      return {
        query: API_CLIENT_UPDATE_MUTATION,
        variables: { input: toApiClientUpdateInput(params as UpdateParams) },
        parseResponse: (response) => {
          const payload = response.data.apiClientUpdate as {
            apiClient: ApiClientRecord | null;
            userErrors: UserError[];
          };
          if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
          if (!payload.apiClient) throw new Error('ra.notification.http_error');
          return { data: payload.apiClient };
        },
      };
    default:
      throw new Error(`${resource}: ${raFetchMethod} is not offered by the API`);
  }
};
