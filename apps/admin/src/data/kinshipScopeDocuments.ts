// GraphQL documents of the `kinship-scopes` resource (R-KIN-1 policy settings). Names follow the public contract.
import { gql } from '@apollo/client';

const POLICY_SETTING_FIELDS = gql`
  fragment PolicySettingFields on PolicySettingView {
    id
    kind
    regionCode
    purpose
    effectiveFrom
    value
    createdBy
    createdAt
  }
`;

export const POLICY_SETTINGS_QUERY = gql`
  query PolicySettings($regionCode: ID, $kind: String, $purpose: KinPurpose, $first: Int, $after: String) {
    policySettings(regionCode: $regionCode, kind: $kind, purpose: $purpose, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
      }
      edges {
        node {
          ...PolicySettingFields
        }
      }
    }
  }
  ${POLICY_SETTING_FIELDS}
`;

export const KINSHIP_SCOPE_SET_MUTATION = gql`
  mutation KinshipScopeSet($input: KinshipScopeSetInput!) {
    kinshipScopeSet(input: $input) {
      setting {
        ...PolicySettingFields
      }
      userErrors {
        code
        message
        field
        rule
      }
    }
  }
  ${POLICY_SETTING_FIELDS}
`;
