// The names behind the ids of one page of audit entries, in one request: an aliased query (p0: person(id: $p0) …)
// so 25 entries cost one round trip, never one per row. Unknown or forbidden ids come back null and stay unnamed.
import { gql } from '@apollo/client';
import { useQuery } from '@tanstack/react-query';
import { apolloClient } from '../data/apolloClient';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { type AuditNames, NO_NAMES, idsToResolve } from './auditTerms';

const FIELDS = {
  persons: { prefix: 'p', root: 'person', arg: 'id', type: 'ID!', select: 'id name' },
  institutions: { prefix: 'i', root: 'institution', arg: 'id', type: 'ID!', select: 'id code name' },
  regions: { prefix: 'r', root: 'region', arg: 'code', type: 'ID!', select: 'code name' },
  apiClients: { prefix: 'c', root: 'apiClient', arg: 'id', type: 'ID!', select: 'id name' },
} as const;

type Ids = ReturnType<typeof idsToResolve>;

/** The aliased query and its variables for a set of ids (exported for the unit test). */
export function namesQuery(ids: Ids): { text: string; variables: Record<string, string> } | null {
  const params: string[] = [];
  const parts: string[] = [];
  const variables: Record<string, string> = {};
  for (const [set, f] of Object.entries(FIELDS) as [keyof Ids, (typeof FIELDS)[keyof typeof FIELDS]][]) {
    ids[set].forEach((id, i) => {
      const alias = `${f.prefix}${i}`;
      params.push(`$${alias}: ${f.type}`);
      parts.push(`${alias}: ${f.root}(${f.arg}: $${alias}) { ${f.select} }`);
      variables[alias] = id;
    });
  }
  if (parts.length === 0) return null;
  return { text: `query AuditNames(${params.join(', ')}) { ${parts.join(' ')} }`, variables };
}

interface Named {
  readonly id?: string;
  readonly code?: string;
  readonly name?: string | null;
}

async function fetchNames(ids: Ids): Promise<AuditNames> {
  const query = namesQuery(ids);
  if (!query) return NO_NAMES;
  const result = await apolloClient.query<Record<string, Named | null>>({
    query: gql(query.text),
    variables: query.variables,
    fetchPolicy: 'network-only',
    errorPolicy: 'all',
  });
  const data = result.data ?? {};
  const pick = (set: keyof Ids) => {
    const out: Record<string, string> = {};
    ids[set].forEach((id, i) => {
      const node = data[`${FIELDS[set].prefix}${i}`];
      if (node?.name) out[id] = node.name;
    });
    return out;
  };
  return {
    persons: pick('persons'),
    institutions: pick('institutions'),
    regions: pick('regions'),
    apiClients: pick('apiClients'),
  };
}

export function useAuditNames(entries: readonly AuditEntryNode[] | undefined): AuditNames {
  const ids = idsToResolve(entries ?? []);
  const key = JSON.stringify(ids);
  const { data } = useQuery({
    queryKey: ['audit-names', key],
    queryFn: () => fetchNames(ids),
    enabled: key !== JSON.stringify(idsToResolve([])),
    staleTime: 60_000,
  });
  return data ?? NO_NAMES;
}
