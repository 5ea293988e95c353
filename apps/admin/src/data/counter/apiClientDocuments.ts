// GraphQL documents of the API-client pages (issue #8): keys are shown once, argon2id-hashed on the server.
import { gql } from '@apollo/client';

const USER_ERRORS = 'userErrors { code message field rule }';

export const API_CLIENT_FIELDS = `
  id name keyPrefix scopes institutionId product rateLimitPerMinute persistedOperationsOnly
  createdAt rotatedAt revokedAt lastUsedAt
`;

export const API_CLIENTS_QUERY = gql`
  query ConsoleApiClients($filter: ApiClientFilter, $first: Int, $after: String) {
    apiClients(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage }
      edges { node { ${API_CLIENT_FIELDS} } }
    }
  }
`;

export const API_CLIENT_QUERY = gql`
  query ConsoleApiClient($id: ID!) {
    apiClient(id: $id) { ${API_CLIENT_FIELDS} }
  }
`;

export const API_CLIENT_CREATE_MUTATION = gql`
  mutation ConsoleApiClientCreate($input: ApiClientCreateInput!) {
    apiClientCreate(input: $input) { apiKey apiClient { ${API_CLIENT_FIELDS} } ${USER_ERRORS} }
  }
`;

export const API_CLIENT_ROTATE_MUTATION = gql`
  mutation ConsoleApiClientRotate($input: ApiClientIdInput!) {
    apiClientRotate(input: $input) { apiKey apiClient { ${API_CLIENT_FIELDS} } ${USER_ERRORS} }
  }
`;

export const API_CLIENT_REVOKE_MUTATION = gql`
  mutation ConsoleApiClientRevoke($input: ApiClientIdInput!) {
    apiClientRevoke(input: $input) { apiClient { ${API_CLIENT_FIELDS} } ${USER_ERRORS} }
  }
`;

export const API_CLIENT_UPDATE_MUTATION = gql`
  mutation ConsoleApiClientUpdate($input: ApiClientUpdateInput!) {
    apiClientUpdate(input: $input) { apiClient { ${API_CLIENT_FIELDS} } ${USER_ERRORS} }
  }
`;

/** Scopes an API client may hold (ApiClient.scopes in the schema). */
export const SCOPES = [
  'settlement:write',
  'premium:write',
  'wallet:transfer',
  'kin:write',
  'person:read',
  'password:write',
  'evoucher:issue',
] as const;
