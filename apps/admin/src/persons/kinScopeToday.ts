// R-KIN-1: a registered relative whose relation is no longer in the kinship scope of the provider's region (a scope
// narrowed by policy staff) stays registered, but a settlement skips them. The person page marks such a funding
// source, reading each provider region's scope for today once.
import { gql } from '@apollo/client';
import { useEffect, useState } from 'react';
import { apolloClient } from '../data/apolloClient';
import { todayInChina } from '../data/today';

const MEDICAL_SCOPE_QUERY = gql`
  query ConsoleMedicalScope($regionCode: ID!, $on: Date!) {
    effectivePolicy(regionCode: $regionCode, on: $on) {
      kinshipScopes {
        purpose
        relations
      }
    }
  }
`;

/** The relations in the MEDICAL (就医购药) scope of one region's policy, from its kinship scopes. */
export function medicalRelations(
  scopes: ReadonlyArray<{ readonly purpose: string; readonly relations: readonly string[] }>,
): ReadonlySet<string> | null {
  const medical = scopes.find((s) => s.purpose === 'MEDICAL');
  return medical ? new Set(medical.relations) : null;
}

/** Whether a relation is outside the scope known for its region (unknown scope: not marked). */
export function outOfScope(
  relation: string,
  regionCode: string | undefined,
  scopes: ReadonlyMap<string, ReadonlySet<string> | null>,
): boolean {
  const scope = regionCode ? scopes.get(regionCode) : undefined;
  return !!scope && !scope.has(relation);
}

/** MEDICAL scope per region code, for today in Beijing (regions asked once each; failures leave no mark). */
export function useMedicalScopesToday(
  regionCodes: readonly string[],
): ReadonlyMap<string, ReadonlySet<string> | null> {
  const key = [...new Set(regionCodes)].sort().join(',');
  const [scopes, setScopes] = useState<ReadonlyMap<string, ReadonlySet<string> | null>>(new Map());
  useEffect(() => {
    let live = true;
    const codes = key ? key.split(',') : [];
    const on = todayInChina();
    void Promise.all(
      codes.map(async (regionCode) => {
        try {
          const result = await apolloClient.query<{
            effectivePolicy: { kinshipScopes: { purpose: string; relations: string[] }[] } | null;
          }>({ query: MEDICAL_SCOPE_QUERY, variables: { regionCode, on } });
          return [regionCode, medicalRelations(result.data.effectivePolicy?.kinshipScopes ?? [])] as const;
        } catch {
          return [regionCode, null] as const;
        }
      }),
    ).then((entries) => {
      if (live) setScopes(new Map(entries));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return scopes;
}
