// ra-data-graphql `buildQuery` branch of the `persons` resource: the counter search (`persons`) and the person page.
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
import { toPersonRegisterInput, toPersonUpdateInput } from '../../persons/personForm';
import { userErrorsToHttpError } from '../graphqlErrors';
import type { UserError } from '../graphqlTypes';
import { pageToConnectionArgs } from '../cursor';
import { compactFilter, connectionToList, type Connection } from './connection';
import {
  PERSON_QUERY,
  PERSON_REGISTER_MUTATION,
  PERSON_STAFF_QUERY,
  PERSON_UPDATE_MUTATION,
  PERSONS_QUERY,
} from './personDocuments';

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
    // Analysts search by full ID number only (`idNumberOnly`, the list's permanent filter): a name would be refused.
    if (ID_NUMBER.test(q) || filter.idNumberOnly === true) out.idNumber = q.toUpperCase();
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
    case CREATE: {
      const { data } = params as CreateParams;
      return {
        query: PERSON_REGISTER_MUTATION,
        variables: { input: toPersonRegisterInput(data as Record<string, unknown>) },
        parseResponse: (response) => {
          const payload = response.data.personRegister as {
            person: ({ id: string } & RegisteredPerson) | null;
            initialPaymentPassword: string | null;
            userErrors: UserError[];
          };
          if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
          if (!payload.person) throw new Error('ra.notification.http_error');
          return {
            data: {
              ...payload.person,
              initialPaymentPassword: payload.initialPaymentPassword,
              initialPasswordSms: initialPasswordSent(payload.person, payload.initialPaymentPassword),
            },
          };
        },
      };
    }
    case UPDATE: {
      const { id, data, previousData } = params as UpdateParams;
      return {
        query: PERSON_UPDATE_MUTATION,
        variables: {
          input: toPersonUpdateInput(
            String(id),
            data as Record<string, unknown>,
            previousData as Record<string, unknown>,
          ),
        },
        parseResponse: (response) => {
          const payload = response.data.personUpdate as {
            person: { id: string } | null;
            userErrors: UserError[];
          };
          if (payload.userErrors.length > 0) throw userErrorsToHttpError(payload.userErrors);
          if (!payload.person) throw new Error('ra.notification.http_error');
          return { data: payload.person };
        },
      };
    }
    default:
      throw new Error(`${resource}: ${raFetchMethod} is not offered by the API`);
  }
};

interface RegisteredPerson {
  readonly phone?: string | null;
  readonly paymentPassword?: { readonly set: boolean } | null;
}

/**
 * Whether personRegister sent an initial payment password by SMS (R-ACC-7): the API issues one to a person with a
 * personal account and sends it to their phone in the same transaction; `initialPaymentPassword` is its copy shown
 * outside production only. No phone, no SMS.
 */
export function initialPasswordSent(
  person: RegisteredPerson,
  initialPaymentPassword: string | null,
): boolean {
  const issued = Boolean(initialPaymentPassword) || person.paymentPassword?.set === true;
  return issued && Boolean(person.phone);
}
