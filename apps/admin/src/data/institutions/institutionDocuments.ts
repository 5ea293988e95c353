// GraphQL documents of the institution pages: designated hospitals and pharmacies (定点医药机构), ADMIN-edited.
import { gql } from '@apollo/client';

const USER_ERRORS = 'userErrors { code message field rule }';

export const INSTITUTION_FIELDS = 'id code name kind level regionCode designated openToAll acceptsWallet';

export const INSTITUTIONS_QUERY = gql`
  query ConsoleInstitutions($filter: InstitutionFilter, $first: Int, $after: String) {
    institutions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage }
      edges { node { ${INSTITUTION_FIELDS} } }
    }
  }
`;

export const INSTITUTION_QUERY = gql`
  query ConsoleInstitution($id: ID!) {
    institution(id: $id) { ${INSTITUTION_FIELDS} }
  }
`;

export const INSTITUTION_CREATE_MUTATION = gql`
  mutation ConsoleInstitutionCreate($input: InstitutionCreateInput!) {
    institutionCreate(input: $input) { institution { ${INSTITUTION_FIELDS} } ${USER_ERRORS} }
  }
`;

export const INSTITUTION_UPDATE_MUTATION = gql`
  mutation ConsoleInstitutionUpdate($input: InstitutionUpdateInput!) {
    institutionUpdate(input: $input) { institution { ${INSTITUTION_FIELDS} } ${USER_ERRORS} }
  }
`;

/** InstitutionKind and InstitutionLevel of the schema. */
export const INSTITUTION_KINDS = ['HOSPITAL', 'PHARMACY'] as const;
export const INSTITUTION_LEVELS = ['TERTIARY', 'SECONDARY', 'PRIMARY', 'OTHER'] as const;
