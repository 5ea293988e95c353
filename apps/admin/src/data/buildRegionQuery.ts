// ra-data-graphql `buildQuery` for the Relay-style contract. The contract is fixed (API.md), so queries are written
// by hand instead of generated from introspection — production Apollo servers switch introspection off.
import type { BuildQuery, BuildQueryResult } from 'ra-data-graphql';
import {
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  UPDATE,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type UpdateParams,
} from 'ra-core';
import { pageToConnectionArgs } from './cursor';
import { userErrorsToHttpError } from './graphqlErrors';
import { REGION_QUERY, REGION_UPDATE_MUTATION, REGIONS_QUERY } from './regionDocuments';
import { ROLLOUT_DATE_FIELDS, type RegionNode, type RegionRecord, type UserError } from './graphqlTypes';
import { todayInChina } from './today';

export const REGIONS = 'regions';

const ORDER_FIELDS: Record<string, string> = {
  id: 'CODE',
  code: 'CODE',
  name: 'NAME',
  level: 'LEVEL',
  walletFrom: 'WALLET_FROM',
  effectiveWalletFrom: 'WALLET_FROM',
};

const FILTER_KEYS = ['q', 'provinceCode', 'level', 'walletOpenOn', 'isPool', 'ids'] as const;

/** react-admin filter values → `RegionFilter` (drops empty strings the filter inputs leave behind). */
export function toRegionFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === null || value === '') continue;
    out[key] = key === 'q' && typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

export function toRegionRecord(node: RegionNode): RegionRecord {
  return { ...node, nodeId: node.id, id: node.code };
}

interface RegionConnection {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean };
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: RegionNode }>;
}

function listQuery(filter: Record<string, unknown>, variables: Record<string, unknown>): BuildQueryResult {
  const on =
    typeof filter.walletOpenOn === 'string' && filter.walletOpenOn ? filter.walletOpenOn : todayInChina();
  return {
    query: REGIONS_QUERY,
    variables: { filter: toRegionFilter(filter), on, ...variables },
    parseResponse: (response) => {
      const connection = response.data.regions as RegionConnection;
      return {
        data: connection.edges.map((edge) => toRegionRecord(edge.node)),
        total: connection.totalCount,
        pageInfo: connection.pageInfo,
      };
    },
  };
}

/**
 * Only what changed goes to `regionUpdate` (explicit `null` clears a date: the region inherits the province's),
 * so the audit log records the officer's actual edit; `code` and the `reason` always go.
 */
export function toRegionUpdateInput(params: UpdateParams): Record<string, unknown> {
  const data = params.data as Record<string, unknown>;
  const previous = (params.previousData ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = { code: String(params.id) };
  const editable = ['name', ...ROLLOUT_DATE_FIELDS, 'walletFullCoverage'] as const;
  for (const key of editable) {
    if (!(key in data)) continue;
    const value = data[key] === '' || data[key] === undefined ? null : data[key];
    const before = previous[key] === undefined ? null : previous[key];
    if (value !== before) input[key] = value;
  }
  if (typeof data.reason === 'string' && data.reason.trim()) input.reason = data.reason.trim();
  return input;
}

export const buildRegionQuery: BuildQuery = (raFetchMethod, resource, params) => {
  if (resource !== REGIONS) throw new Error(`Unknown resource ${resource}`);
  switch (raFetchMethod) {
    case GET_LIST: {
      const { pagination, sort, filter } = params as GetListParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      const orderField = sort && ORDER_FIELDS[sort.field];
      return listQuery(filter ?? {}, {
        ...pageToConnectionArgs(page, perPage),
        ...(orderField
          ? { orderBy: { field: orderField, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' } }
          : {}),
      });
    }
    case GET_MANY: {
      const { ids } = params as GetManyParams;
      return listQuery({ ids: ids.map(String) }, { first: Math.min(100, Math.max(1, ids.length)) });
    }
    case GET_MANY_REFERENCE: {
      // Regions reference their province: `provinceCode` is the only reference the contract filters on.
      const { target, id, pagination, filter } = params as GetManyReferenceParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return listQuery({ ...filter, [target]: String(id) }, { ...pageToConnectionArgs(page, perPage) });
    }
    case GET_ONE: {
      const { id } = params as GetOneParams;
      return {
        query: REGION_QUERY,
        variables: { code: String(id), on: todayInChina() },
        parseResponse: (response) => {
          const node = response.data.region as RegionNode | null;
          if (!node) throw new Error('ra.notification.item_doesnt_exist');
          return { data: toRegionRecord(node) };
        },
      };
    }
    case UPDATE: {
      return {
        query: REGION_UPDATE_MUTATION,
        variables: { input: toRegionUpdateInput(params as UpdateParams), on: todayInChina() },
        parseResponse: (response) => {
          const payload = response.data.regionUpdate as {
            region: RegionNode | null;
            userErrors: UserError[];
          };
          if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
          if (!payload.region) throw new Error('ra.notification.http_error');
          return { data: toRegionRecord(payload.region) };
        },
      };
    }
    default:
      throw new Error(`regions: ${raFetchMethod} is not offered by the API`);
  }
};
