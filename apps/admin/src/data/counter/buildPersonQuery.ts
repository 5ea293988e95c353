// ra-data-graphql `buildQuery` branch of the `persons` resource: the counter search (`persons`) and the person page.
import type { BuildQuery } from 'ra-data-graphql';
import { GET_LIST, GET_ONE, type GetListParams, type GetOneParams } from 'ra-core';
import { pageToConnectionArgs } from '../cursor';
import { compactFilter, connectionToList, type Connection } from './connection';
import { PERSON_QUERY, PERSON_STAFF_QUERY, PERSONS_QUERY } from './personDocuments';

export const PERSONS = 'persons';
/** Staff-only part of a person (payment password, attestations), read with `useGetOne('person-staff', …)`. */
export const PERSON_STAFF = 'person-staff';

/** An 18-character resident ID number (last character a digit or X), as typed at the counter. */
const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * react-admin filter values → `PersonFilter`. The one search box (`q`) takes either an ID number or a name, as a
 * clerk types whatever the citizen hands over.
 */
export function toPersonFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out = compactFilter(filter, ['idNumber', 'name', 'regionCode']);
  const q = typeof filter.q === 'string' ? filter.q.trim() : '';
  if (q) {
    if (ID_NUMBER.test(q)) out.idNumber = q.toUpperCase();
    else out.name = q;
  }
  if (typeof out.idNumber === 'string') out.idNumber = out.idNumber.toUpperCase();
  return out;
}

export const buildPersonQuery: BuildQuery = (raFetchMethod, resource, params) => {
  switch (raFetchMethod) {
    case GET_LIST: {
      const { pagination, filter } = params as GetListParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return {
        query: PERSONS_QUERY,
        variables: { filter: toPersonFilter(filter), ...pageToConnectionArgs(page, perPage) },
        parseResponse: (response) => connectionToList(response.data.persons as Connection<{ id: string }>),
      };
    }
    case GET_ONE: {
      const { id } = params as GetOneParams;
      if (resource === PERSON_STAFF) {
        return {
          query: PERSON_STAFF_QUERY,
          variables: { id: String(id) },
          parseResponse: (response) => ({
            data: {
              id: String(id),
              paymentPassword:
                (response.data.person as { paymentPassword?: unknown } | null)?.paymentPassword ?? null,
              attestations:
                (response.data.relationshipAttestations as { edges: { node: unknown }[] } | null)?.edges.map(
                  (edge) => edge.node,
                ) ?? [],
            },
          }),
        };
      }
      return {
        query: PERSON_QUERY,
        variables: { id: String(id) },
        parseResponse: (response) => {
          const node = response.data.person as { id: string } | null;
          if (!node) throw new Error('ra.notification.item_doesnt_exist');
          return { data: node };
        },
      };
    }
    default:
      throw new Error(`${resource}: ${raFetchMethod} is not offered by the API`);
  }
};
