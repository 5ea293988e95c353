// GraphQL documents of the policy-staff pages (issue #10): bulk rollout, audit trail, impact before saving, the
// policy in force and its history. Names follow apps/api/schema.graphql.
import { gql } from '@apollo/client';

export const REGIONS_ROLLOUT_SET_MUTATION = gql`
  mutation RegionsRolloutSet($input: RegionsRolloutSetInput!) {
    regionsRolloutSet(input: $input) {
      batchId
      changedCount
      refusedCount
      results {
        regionCode
        changed
        region {
          code
          name
          walletFrom
          effectiveWalletFrom
        }
        userErrors {
          code
          message
          field
          rule
        }
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

export const AUDIT_LOG_QUERY = gql`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
      }
      edges {
        cursor
        node {
          id
          at
          actorType
          actorName
          action
          entityType
          entityId
          before
          after
          reason
        }
      }
    }
  }
`;

export const KINSHIP_SCOPE_IMPACT_QUERY = gql`
  query KinshipScopeImpact(
    $regionCode: ID
    $purpose: KinPurpose!
    $relations: [Relation!]!
    $effectiveFrom: Date!
  ) {
    kinshipScopeImpact(
      regionCode: $regionCode
      purpose: $purpose
      relations: $relations
      effectiveFrom: $effectiveFrom
    ) {
      regionCode
      currentRelations
      removedRelations
      addedRelations
      periods {
        from
        until
        currentRelations
        proposedRelations
        removedRelations
        addedRelations
      }
      registrationCount
      providerCount
      providers {
        personId
        name
        regionCode
        registrationCount
        relations
      }
    }
  }
`;

export const EFFECTIVE_POLICY_QUERY = gql`
  query EffectivePolicy($regionCode: ID!, $on: Date!) {
    effectivePolicy(regionCode: $regionCode, on: $on) {
      regionCode
      on
      features {
        feature
        field
        from
        open
        rule
        sourceRegionCode
      }
      kinshipScopes {
        purpose
        relations
        effectiveFrom
        sourceRegionCode
      }
      outpatient {
        level
        inService {
          deductible
          fundRate
        }
        retiredUnder70 {
          deductible
          fundRate
        }
        retired70Plus {
          deductible
          fundRate
        }
        annualFundCap
      }
      inpatient {
        level
        firstAdmissionDeductible
        laterAdmissionDeductible
        bands {
          upTo
          fundRate
        }
        retireePersonalShareFactor
        annualFundMax
      }
      pharmacyFundRate
      spendingCaps {
        perInstitutionPerDay
        perDayAcrossInstitutions
        perYear
      }
      passwordPolicy {
        lockoutAfterFailures
        maxPasswordFreeLimit
        defaultPasswordFreeLimit
        maxRegistrationFee
        eVoucherCodeRequired
        effectiveFrom
        sourceRegionCode
      }
      cardRules {
        preReportValidDays
        reissueFee
        counterReissueWorkingDays
        effectiveFrom
        sourceRegionCode
      }
      hospitalSelection {
        maxChosenHospitals
        effectiveFrom
        sourceRegionCode
      }
      explanation {
        rule
        message
      }
    }
  }
`;

/** One page (at most 100, API.md) of a tier's settings history, oldest first; `policyHistory` reads every page. */
export const POLICY_HISTORY_QUERY = gql`
  query PolicyHistory($regionCode: ID, $first: Int, $after: String) {
    policySettings(regionCode: $regionCode, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          regionCode
          purpose
          year
          effectiveFrom
          value
          createdBy
          createdAt
        }
      }
    }
  }
`;

export const BENEFIT_SCHEDULE_SET_MUTATION = gql`
  mutation BenefitScheduleSet($input: BenefitScheduleSetInput!) {
    benefitScheduleSet(input: $input) {
      setting {
        id
        effectiveFrom
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

export const SPENDING_CAPS_SET_MUTATION = gql`
  mutation SpendingCapsSet($input: SpendingCapsSetInput!) {
    spendingCapsSet(input: $input) {
      setting {
        id
        effectiveFrom
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
