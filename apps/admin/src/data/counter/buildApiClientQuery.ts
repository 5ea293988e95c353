// ra-data-graphql `buildQuery` branch of the `api-clients` resource. `apiClients` is a plain list (a bureau has a
// few dozen clients), so paging and the status filter happen here; create/rotate/revoke are page actions because
// their key is shown once.
import type { BuildQuery } from 'ra-data-graphql';
import { GET_LIST, GET_ONE, UPDATE, type GetListParams, type GetOneParams, type UpdateParams } from 'ra-core';
import { userErrorsToHttpError } from '../graphqlErrors';
import type { UserError } from '../graphqlTypes';
import { API_CLIENT_UPDATE_MUTATION, API_CLIENTS_QUERY } from './apiClientDocuments';

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

/** Filters (`q` on name, `status` ACTIVE/REVOKED), sorts and pages the whole list in memory. */
export function pageApiClients(
  all: readonly ApiClientRecord[],
  params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>,
): { data: ApiClientRecord[]; total: number } {
  const filter = params.filter ?? {};
  const q = typeof filter.q === 'string' ? filter.q.trim().toLowerCase() : '';
  const rows = all.filter(
    (c) =>
      (!q || c.name.toLowerCase().includes(q) || String(c.institutionId ?? '').includes(q)) &&
      (filter.status !== 'ACTIVE' || c.revokedAt === null) &&
      (filter.status !== 'REVOKED' || c.revokedAt !== null),
  );
  const { field, order } = params.sort ?? { field: 'createdAt', order: 'DESC' };
  const sorted = [...rows].sort((a, b) => {
    const x = String(a[field] ?? '');
    const y = String(b[field] ?? '');
    return order === 'DESC' ? y.localeCompare(x) : x.localeCompare(y);
  });
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  return { data: sorted.slice((page - 1) * perPage, page * perPage), total: rows.length };
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
    case GET_LIST:
      return {
        query: API_CLIENTS_QUERY,
        variables: {},
        parseResponse: (response) =>
          pageApiClients(response.data.apiClients as ApiClientRecord[], params as GetListParams),
      };
    case GET_ONE: {
      const { id } = params as GetOneParams;
      return {
        query: API_CLIENTS_QUERY,
        variables: {},
        parseResponse: (response) => {
          const found = (response.data.apiClients as ApiClientRecord[]).find((c) => c.id === String(id));
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
