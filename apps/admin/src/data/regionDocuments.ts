// GraphQL documents of the `regions` resource and the rollout dashboard. Names follow the public contract.
import { gql } from '@apollo/client';

const REGION_FIELDS = gql`
  fragment RegionFields on Region {
    id
    code
    name
    level
    provinceCode
    province {
      code
      name
      earmarkedFrom
      mutualAidRegistrationFrom
      mutualAidUseFrom
      walletFrom
      usageLocationChangeFrom
      supplementaryPremiumSelfFrom
      supplementaryPremiumKinFrom
    }
    isPool
    synthetic
    walletFullCoverage
    walletRegionsEnumerated
    walletFromBasis
    earmarkedFrom
    mutualAidRegistrationFrom
    mutualAidUseFrom
    walletFrom
    usageLocationChangeFrom
    supplementaryPremiumSelfFrom
    supplementaryPremiumKinFrom
    effectiveWalletFrom
    walletOpen(on: $on)
    regionCount
    updatedAt
  }
`;

export const REGIONS_QUERY = gql`
  query Regions($filter: RegionFilter, $first: Int, $after: String, $orderBy: RegionOrder, $on: Date) {
    regions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
      }
      edges {
        cursor
        node {
          ...RegionFields
        }
      }
    }
  }
  ${REGION_FIELDS}
`;

export const REGION_QUERY = gql`
  query Region($code: ID!, $on: Date) {
    region(code: $code) {
      ...RegionFields
    }
  }
  ${REGION_FIELDS}
`;

export const REGION_UPDATE_MUTATION = gql`
  mutation RegionUpdate($input: RegionUpdateInput!, $on: Date) {
    regionUpdate(input: $input) {
      region {
        ...RegionFields
      }
      userErrors {
        code
        message
        field
        rule
      }
    }
  }
  ${REGION_FIELDS}
`;

export const ROLLOUT_SUMMARY_QUERY = gql`
  query RolloutSummary($on: Date!) {
    rolloutSummary(on: $on) {
      on
      regionsOpen
      reportedRegionsOpen
      reportedAsOf
      reportedSource
      provincesOpen
      fullCoverageProvinces {
        code
        name
      }
      usageChangeProvinces {
        code
        name
      }
      provinces {
        province {
          code
          name
        }
        walletFrom
        regionsOpen
        regionsEnumerated
        fullCoverage
        usageLocationChange
      }
    }
  }
`;

export const ROLLOUT_TIMELINE_QUERY = gql`
  query RolloutTimeline($from: Date!, $to: Date!) {
    rolloutTimeline(from: $from, to: $to) {
      date
      regionsOpen
      provincesOpen
    }
  }
`;

/** Signs the officer out on the server: every session token of theirs is refused from now on (退出登录). */
export const SESSION_END_MUTATION = gql`
  mutation SessionEnd {
    sessionEnd {
      endedAt
    }
  }
`;

export const SESSION_CREATE_MUTATION = gql`
  mutation SessionCreate($input: SessionCreateInput!) {
    sessionCreate(input: $input) {
      token
      expiresAt
      user {
        id
        username
        displayName
        role
      }
      userErrors {
        code
        message
        field
        rule
      }
    }
  }
`;
