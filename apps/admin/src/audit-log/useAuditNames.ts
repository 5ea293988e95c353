// The names behind the ids of one page of audit entries, in a few requests: regions by one list query
// (`regions(filter: { ids })`, up to 100 codes), persons, institutions and API clients by aliased look-ups
// (p0: person(id: $p0) …). The API refuses more than 10 root fields per request (QUERY_TOO_COMPLEX), so the root
// fields are split into requests of at most 10, sent together. Unknown or forbidden ids come back null and stay
// unnamed; a failed request sets `failed`, which the page shows.
import { gql } from '@apollo/client';
import { useQuery } from '@tanstack/react-query';
import { apolloClient } from '../data/apolloClient';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { type AuditNames, NO_NAMES, idsToResolve } from './auditTerms';

/** The API's limit on root fields per request (apps/api query limits). */
export const MAX_ROOT_FIELDS = 10;
/** The most codes `regions(filter: { ids })` takes in one call. */
export const MAX_REGION_IDS = 100;

const LOOKUPS = {
  persons: { prefix: 'p', root: 'person', select: 'id name' },
  institutions: { prefix: 'i', root: 'institution', select: 'id code name' },
  apiClients: { prefix: 'c', root: 'apiClient', select: 'id name' },
} as const;

type Ids = ReturnType<typeof idsToResolve>;
type Set_ = keyof Ids;

/** One root field of a names request: a look-up of one id, or one regions list call for up to 100 codes. */
type RootField =
  | { readonly set: keyof typeof LOOKUPS; readonly alias: string; readonly id: string }
  | { readonly set: 'regions'; readonly alias: string; readonly codes: readonly string[] };

export interface NamesQuery {
  readonly text: string;
  readonly variables: Record<string, string | readonly string[]>;
  readonly fields: readonly RootField[];
}

/** The root fields needed for a set of ids, in order: regions list calls first, then one look-up per id. */
function rootFields(ids: Ids): RootField[] {
  const fields: RootField[] = [];
  for (let i = 0; i < ids.regions.length; i += MAX_REGION_IDS) {
    fields.push({
      set: 'regions',
      alias: `r${i / MAX_REGION_IDS}`,
      codes: ids.regions.slice(i, i + MAX_REGION_IDS),
    });
  }
  for (const set of Object.keys(LOOKUPS) as (keyof typeof LOOKUPS)[]) {
    ids[set].forEach((id, i) => fields.push({ set, alias: `${LOOKUPS[set].prefix}${i}`, id }));
  }
  return fields;
}

/**
 * The requests (aliased query and variables) for a set of ids, each with at most {@link MAX_ROOT_FIELDS} root
 * fields; empty when there is nothing to look up (exported for the unit test).
 */
export function namesQueries(ids: Ids): NamesQuery[] {
  const all = rootFields(ids);
  const queries: NamesQuery[] = [];
  for (let start = 0; start < all.length; start += MAX_ROOT_FIELDS) {
    const fields = all.slice(start, start + MAX_ROOT_FIELDS);
    const params: string[] = [];
    const parts: string[] = [];
    const variables: Record<string, string | readonly string[]> = {};
    for (const f of fields) {
      if (f.set === 'regions') {
        params.push(`$${f.alias}: [ID!]`);
        parts.push(
          `${f.alias}: regions(first: ${MAX_REGION_IDS}, filter: { ids: $${f.alias} }) { edges { node { code name } } }`,
        );
        variables[f.alias] = f.codes;
      } else {
        const lookup = LOOKUPS[f.set];
        params.push(`$${f.alias}: ID!`);
        parts.push(`${f.alias}: ${lookup.root}(id: $${f.alias}) { ${lookup.select} }`);
        variables[f.alias] = f.id;
      }
    }
    queries.push({
      text: `query AuditNames(${params.join(', ')}) { ${parts.join(' ')} }`,
      variables,
      fields,
    });
  }
  return queries;
}

interface Named {
  readonly id?: string;
  readonly code?: string;
  readonly name?: string | null;
  readonly edges?: ReadonlyArray<{ readonly node: { readonly code: string; readonly name?: string | null } }>;
}

type Mutable = { -readonly [K in Set_]: Record<string, string> };

/** Puts the names of one request's answer into `out`. */
export function collectNames(
  fields: readonly RootField[],
  data: Record<string, Named | null>,
  out: Mutable,
): void {
  for (const f of fields) {
    const node = data[f.alias];
    if (!node) continue;
    if (f.set === 'regions') {
      for (const edge of node.edges ?? []) if (edge.node.name) out.regions[edge.node.code] = edge.node.name;
    } else if (node.name) {
      out[f.set][f.id] = node.name;
    }
  }
}

async function fetchNames(ids: Ids): Promise<AuditNames> {
  const queries = namesQueries(ids);
  if (queries.length === 0) return NO_NAMES;
  const out: Mutable = { persons: {}, institutions: {}, regions: {}, apiClients: {} };
  const answers = await Promise.allSettled(
    queries.map((query) =>
      apolloClient.query<Record<string, Named | null>>({
        query: gql(query.text),
        variables: query.variables,
        fetchPolicy: 'network-only',
        errorPolicy: 'all',
      }),
    ),
  );
  let failed = false;
  answers.forEach((answer, i) => {
    if (answer.status === 'rejected') {
      failed = true;
      return;
    }
    const { data, errors } = answer.value;
    // A whole request refused (no data at all) is a failure; a null for an unknown id is not.
    if (!data || ((errors?.length ?? 0) > 0 && Object.keys(data).length === 0)) failed = true;
    collectNames(queries[i].fields, data ?? {}, out);
  });
  return { ...out, failed };
}

export function useAuditNames(entries: readonly AuditEntryNode[] | undefined): AuditNames {
  const ids = idsToResolve(entries ?? []);
  const key = JSON.stringify(ids);
  const { data, isError } = useQuery({
    queryKey: ['audit-names', key],
    queryFn: () => fetchNames(ids),
    enabled: key !== JSON.stringify(idsToResolve([])),
    staleTime: 60_000,
  });
  if (isError) return { ...NO_NAMES, failed: true };
  return data ?? NO_NAMES;
}
