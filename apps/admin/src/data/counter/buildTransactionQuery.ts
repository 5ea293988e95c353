// ra-data-graphql `buildQuery` branch of the `transactions` resource (the ledger, newest first).
import type { BuildQuery } from 'ra-data-graphql';
import {
  GET_LIST,
  GET_MANY_REFERENCE,
  GET_ONE,
  type GetListParams,
  type GetManyReferenceParams,
  type GetOneParams,
} from 'ra-core';
import { pageToConnectionArgs } from '../cursor';
import { compactFilter, connectionToList, type Connection } from './connection';
import { TRANSACTION_QUERY, TRANSACTIONS_QUERY } from './transactionDocuments';

export const TRANSACTIONS = 'transactions';

/** Start of a calendar day in Beijing (UTC+8) as an ISO instant: the console's dates are China dates. */
export function chinaDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The day after `date`, for an inclusive "to" date turned into the API's exclusive `to` instant. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** react-admin filter values → `TransactionFilter`: `kind` (one) → `kinds`, dates (inclusive, UTC+8) → instants. */
export function toTransactionFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const plain = compactFilter(filter, [
    'personId',
    'originalTransactionId',
    'kind',
    'kinds',
    'fromDate',
    'toDate',
  ]);
  const out: Record<string, unknown> = {};
  if (plain.personId) out.personId = plain.personId;
  if (plain.originalTransactionId) out.originalTransactionId = plain.originalTransactionId;
  if (Array.isArray(plain.kinds)) out.kinds = plain.kinds;
  else if (typeof plain.kind === 'string') out.kinds = [plain.kind];
  if (typeof plain.fromDate === 'string') out.from = chinaDayStart(plain.fromDate);
  if (typeof plain.toDate === 'string') out.to = chinaDayStart(nextDay(plain.toDate));
  return out;
}

function listQuery(filter: Record<string, unknown>, page: number, perPage: number) {
  return {
    query: TRANSACTIONS_QUERY,
    variables: { filter: toTransactionFilter(filter), ...pageToConnectionArgs(page, perPage) },
    parseResponse: (response: { data: Record<string, unknown> }) =>
      connectionToList(response.data.transactions as Connection<{ id: string }>),
  };
}

export const buildTransactionQuery: BuildQuery = (raFetchMethod, resource, params) => {
  switch (raFetchMethod) {
    case GET_LIST: {
      const { pagination, filter } = params as GetListParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return listQuery(filter ?? {}, page, perPage);
    }
    case GET_MANY_REFERENCE: {
      const { target, id, pagination, filter } = params as GetManyReferenceParams;
      const { page, perPage } = pagination ?? { page: 1, perPage: 10 };
      return listQuery({ ...filter, [target]: String(id) }, page, perPage);
    }
    case GET_ONE: {
      const { id } = params as GetOneParams;
      return {
        query: TRANSACTION_QUERY,
        variables: { id: String(id) },
        parseResponse: (response) => {
          const node = response.data.transaction as { id: string } | null;
          if (!node) throw new Error('ra.notification.item_doesnt_exist');
          return { data: node };
        },
      };
    }
    default:
      throw new Error(`${resource}: ${raFetchMethod} is not offered by the API`);
  }
};
