// ra-data-graphql `buildQuery` branch of the `audit-log` resource (issue #10): the API's `auditLog` connection,
// newest first, filtered on the server; read-only.
import type { BuildQuery, BuildQueryResult } from 'ra-data-graphql';
import { GET_LIST, type GetListParams } from 'ra-core';
import { AUDIT_LOG_QUERY } from './policyDocuments';
import { toAuditLogVariables } from './policyRules';
import type { AuditEntryNode } from './policyTypes';

export const AUDIT_LOG = 'audit-log';

interface AuditConnection {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean };
  readonly edges: ReadonlyArray<{ readonly node: AuditEntryNode }>;
}

export const buildAuditLogQuery: BuildQuery = (raFetchMethod, resource, params): BuildQueryResult => {
  if (resource !== AUDIT_LOG || raFetchMethod !== GET_LIST) {
    throw new Error(`${AUDIT_LOG}: ${raFetchMethod} is not offered by the API`);
  }
  return {
    query: AUDIT_LOG_QUERY,
    variables: toAuditLogVariables(params as GetListParams),
    parseResponse: (response) => {
      const connection = response.data.auditLog as AuditConnection;
      return {
        data: connection.edges.map((e) => e.node),
        total: connection.totalCount,
        pageInfo: connection.pageInfo,
      };
    },
  };
};
