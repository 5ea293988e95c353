// The console's dataProvider: the official ra-data-graphql adapter with our buildQuery, plus two read-only
// dashboard methods that reuse the adapter's Apollo client. No hand-rolled fetch layer.
import buildGraphQLProvider from 'ra-data-graphql';
import { HttpError, type DataProvider } from 'ra-core';
import { apolloClient } from './apolloClient';
import { buildQuery } from './buildQuery';
import { asSignedOut, normalizeDataProviderError } from './graphqlErrors';
import type { RolloutPoint, RolloutSummary } from './graphqlTypes';
import { ROLLOUT_SUMMARY_QUERY, ROLLOUT_TIMELINE_QUERY } from './regionDocuments';
import { readSession } from '../auth/sessionStore';
import { TRANSACTIONS } from './counter/buildTransactionQuery';
import { PERSON_BY_ID_NUMBER_QUERY } from './counter/personDocuments';
import {
  cachedPersonLookup,
  listTransactionsByPerson,
  type PersonRef,
} from './counter/transactionPersonFilter';
import { PERSONS } from './counter/buildPersonQuery';
import { personSearch } from '../persons/personForm';
import { readInPages } from './paging';
import { todayInChina } from './today';

export interface GongjiDataProvider extends DataProvider {
  rolloutSummary(on: string): Promise<RolloutSummary>;
  rolloutTimeline(from: string, to: string): Promise<readonly RolloutPoint[]>;
}

const graphqlProvider = buildGraphQLProvider({
  client: apolloClient,
  // The contract is fixed, so no introspection round trip (and production servers refuse introspection).
  introspection: false,
  buildQuery: () => buildQuery,
});

const METHODS = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'update',
  'updateMany',
  'create',
  'delete',
  'deleteMany',
] as const;

function withNormalizedErrors(provider: DataProvider): DataProvider {
  const wrapped: Record<string, unknown> = {};
  for (const method of METHODS) {
    const original = provider[method] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = (...args: unknown[]) =>
      original(...args).catch((error: unknown) => {
        throw asSignedOut(normalizeDataProviderError(error), readSession() !== null);
      });
  }
  return wrapped as unknown as DataProvider;
}

async function query<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asSignedOut(
      normalizeDataProviderError(
        error instanceof HttpError ? error : new HttpError((error as Error).message, 200, error),
      ),
      readSession() !== null,
    );
  }
}

/** ID number → person for the ledger's person filter, asked once per number and session (analysts have a budget). */
const personLookup = cachedPersonLookup(
  (idNumber) =>
    query(async () => {
      const result = await apolloClient.query<{ personByIdNumber: PersonRef | null }>({
        query: PERSON_BY_ID_NUMBER_QUERY,
        variables: { idNumber },
      });
      return result.data.personByIdNumber;
    }),
  { scope: () => readSession()?.token ?? '' },
);

const provider = withNormalizedErrors(graphqlProvider);

export const dataProvider: GongjiDataProvider = {
  ...provider,
  // The ledger's person filter takes an ID number as well as a person id (transactionPersonFilter.ts).
  getList: ((resource: string, params: Parameters<DataProvider['getList']>[1]) =>
    readInPages(
      (paged) =>
        // An ID number still being typed (or impossible) is not sent: each look-up counts against an analyst's
        // hourly budget and the server refuses an impossible number. The list shows the hint instead.
        resource === PERSONS &&
        personSearch(paged.filter?.q, paged.filter?.idNumberOnly === true, todayInChina()).kind === 'hold'
          ? Promise.resolve({ data: [], total: 0 })
          : resource === TRANSACTIONS
            ? listTransactionsByPerson(
                (p) => provider.getList(resource, p),
                paged,
                personLookup,
                todayInChina(),
              )
            : provider.getList(resource, paged),
      params,
    )) as DataProvider['getList'],
  rolloutSummary: (on) =>
    query(async () => {
      const result = await apolloClient.query<{ rolloutSummary: RolloutSummary }>({
        query: ROLLOUT_SUMMARY_QUERY,
        variables: { on },
      });
      return result.data.rolloutSummary;
    }),
  rolloutTimeline: (from, to) =>
    query(async () => {
      const result = await apolloClient.query<{ rolloutTimeline: RolloutPoint[] }>({
        query: ROLLOUT_TIMELINE_QUERY,
        variables: { from, to },
      });
      return result.data.rolloutTimeline;
    }),
};
