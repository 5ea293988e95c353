// ra-data-graphql `buildQuery` branch of the `institutions` resource. `institutions` is a Relay connection (by national
// code, filtered and paged by the server); create and edit go to institutionCreate / institutionUpdate, whose
// userErrors come back as field errors of the form.
import type { BuildQuery } from 'ra-data-graphql';
import {
  CREATE,
  GET_LIST,
  GET_ONE,
  UPDATE,
  type CreateParams,
  type GetListParams,
  type GetOneParams,
  type UpdateParams,
} from 'ra-core';
import { pageToConnectionArgs } from '../cursor';
import { userErrorsToHttpError } from '../graphqlErrors';
import type { UserError } from '../graphqlTypes';
import { compactFilter, connectionToList, type Connection } from '../counter/connection';
import {
  INSTITUTION_CREATE_MUTATION,
  INSTITUTION_KINDS,
  INSTITUTION_LEVELS,
  INSTITUTION_QUERY,
  INSTITUTION_UPDATE_MUTATION,
  INSTITUTIONS_QUERY,
} from './institutionDocuments';

export const INSTITUTIONS = 'institutions';

export interface InstitutionRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly level: string;
  readonly regionCode: string;
  readonly designated: boolean;
  readonly openToAll: boolean;
  readonly acceptsWallet: boolean;
  readonly [key: string]: unknown;
}

const EDITABLE = [
  'code',
  'name',
  'kind',
  'level',
  'regionCode',
  'designated',
  'openToAll',
  'acceptsWallet',
] as const;

/**
 * react-admin filter values → `InstitutionFilter`: `q` (part of the name or code), `kind`, `level`, `regionCode`,
 * `designated` ('true'/'false' from a select, or a boolean); unknown enum values and anything else are dropped.
 */
export function toInstitutionFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out = compactFilter(filter, ['q', 'kind', 'level', 'regionCode', 'designated']);
  if (out.q === '') delete out.q;
  if (out.regionCode === '') delete out.regionCode;
  if (out.kind !== undefined && !(INSTITUTION_KINDS as readonly unknown[]).includes(out.kind))
    delete out.kind;
  if (out.level !== undefined && !(INSTITUTION_LEVELS as readonly unknown[]).includes(out.level))
    delete out.level;
  if (out.designated === 'true' || out.designated === true) out.designated = true;
  else if (out.designated === 'false' || out.designated === false) out.designated = false;
  else delete out.designated;
  return out;
}

function text(value: unknown): string {
  return String(value ?? '').trim();
}

/** The create form's values → `InstitutionCreateInput` (code upper-cased, flags as booleans). */
export function toInstitutionCreateInput(data: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {
    code: text(data.code).toUpperCase(),
    name: text(data.name),
    kind: data.kind,
    level: data.level,
    regionCode: text(data.regionCode),
    designated: data.designated === undefined ? true : Boolean(data.designated),
    openToAll: Boolean(data.openToAll),
    acceptsWallet: Boolean(data.acceptsWallet),
  };
  if (text(data.reason)) input.reason = text(data.reason);
  return input;
}

/** Only what changed goes to `institutionUpdate` (the audit row shows exactly that); the reason when given. */
export function toInstitutionUpdateInput(params: UpdateParams): Record<string, unknown> {
  const data = params.data as Record<string, unknown>;
  const previous = (params.previousData ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = { id: String(params.id) };
  for (const key of EDITABLE) {
    if (data[key] === undefined) continue;
    let value = data[key];
    if (typeof value === 'string') value = key === 'code' ? text(value).toUpperCase() : text(value);
    if (typeof previous[key] === 'boolean') value = Boolean(value);
    if (value !== previous[key]) input[key] = value;
  }
  if (text(data.reason)) input.reason = text(data.reason);
  return input;
}

function payloadOf(response: { data: Record<string, unknown> }, field: string): { data: InstitutionRecord } {
  const payload = response.data[field] as { institution: InstitutionRecord | null; userErrors: UserError[] };
  if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
  if (!payload.institution) throw new Error('ra.notification.http_error');
  return { data: payload.institution };
}

export const buildInstitutionQuery: BuildQuery = (raFetchMethod, resource, params) => {
  switch (raFetchMethod) {
    case GET_LIST: {
      // The server orders by national code only (the list's columns are not sortable).
      const { pagination, filter } = params as GetListParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return {
        query: INSTITUTIONS_QUERY,
        variables: { filter: toInstitutionFilter(filter), ...pageToConnectionArgs(page, perPage) },
        parseResponse: (response) =>
          connectionToList(response.data.institutions as Connection<InstitutionRecord>),
      };
    }
    case GET_ONE: {
      const { id } = params as GetOneParams;
      return {
        query: INSTITUTION_QUERY,
        variables: { id: String(id) },
        parseResponse: (response) => {
          const found = response.data.institution as InstitutionRecord | null;
          if (!found) throw new Error('ra.notification.item_doesnt_exist');
          return { data: found };
        },
      };
    }
    case CREATE:
      return {
        query: INSTITUTION_CREATE_MUTATION,
        variables: {
          input: toInstitutionCreateInput((params as CreateParams).data as Record<string, unknown>),
        },
        parseResponse: (response) => payloadOf(response, 'institutionCreate'),
      };
    case UPDATE:
      return {
        query: INSTITUTION_UPDATE_MUTATION,
        variables: { input: toInstitutionUpdateInput(params as UpdateParams) },
        parseResponse: (response) => payloadOf(response, 'institutionUpdate'),
      };
    default:
      throw new Error(`${resource}: ${raFetchMethod} is not offered by the API`);
  }
};
