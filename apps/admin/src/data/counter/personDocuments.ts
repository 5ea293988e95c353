// GraphQL documents of the counter pages (persons, their relations, cards, passwords). Written by hand against
// apps/api/schema.graphql: the contract is fixed and production servers refuse introspection.
import { gql } from '@apollo/client';

const USER_ERRORS = 'userErrors { code message field rule }';

const KIN_RELATION_FIELDS = `
  id providerId beneficiaryId relation channel position registeredOn revokedAt
  provider { id name idNumber regionCode }
  beneficiary { id name idNumber }
`;

/** Fields of a person row in the search list. */
export const PERSON_LIST_FIELDS = `
  id name idNumber phone insuranceType employmentStatus regionCode
  region { code name }
  card { state }
`;

/** Everything the person page shows. `paymentPassword` is null for analysts (ADMIN and COUNTER only). */
export const PERSON_DETAIL_FIELDS = `
  ${PERSON_LIST_FIELDS}
  birthDate realNameVerified outOfRegionUsePermission bankCardLinked
  account { pockets { kind balance } total }
  fundingSources(includeRevoked: true) { ${KIN_RELATION_FIELDS} }
  beneficiaries(includeRevoked: true) { ${KIN_RELATION_FIELDS} }
  wallet { usageRegionCode phone activatedAt }
  card { state reportedOn reissueReadyOn cardNumber }
`;

export const PERSONS_QUERY = gql`
  query ConsolePersons($filter: PersonFilter, $first: Int, $after: String) {
    persons(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage }
      edges { node { ${PERSON_LIST_FIELDS} } }
    }
  }
`;

export const PERSON_QUERY = gql`
  query ConsolePerson($id: ID!) {
    person(id: $id) { ${PERSON_DETAIL_FIELDS} }
  }
`;

/**
 * Attestations the person page shows: the first page of the `relationshipAttestations` connection at the API's
 * largest page size (API.md: `first` ≤ 100), oldest first; a person has a handful.
 */
export const ATTESTATIONS_SHOWN = 100;

/** Staff-only part of the person page (ANALYST is refused these fields, so they are asked separately). */
export const PERSON_STAFF_QUERY = gql`
  query ConsolePersonStaff($id: ID!) {
    person(id: $id) {
      id
      paymentPassword {
        set
        setAt
        failures
        lockedAt
        passwordFreeLimit
      }
    }
    relationshipAttestations(personId: $id, first: ${ATTESTATIONS_SHOWN}) {
      edges {
        node {
          id
          personId
          relativePersonId
          relation
          evidenceKind
          evidenceRef
          checkedByName
          checkedAt
          revokedAt
        }
      }
    }
  }
`;

export const PERSON_BY_ID_NUMBER_QUERY = gql`
  query ConsolePersonByIdNumber($idNumber: String!) {
    personByIdNumber(idNumber: $idNumber) {
      id
      name
      idNumber
      regionCode
    }
  }
`;

export const KIN_RELATION_REGISTER_MUTATION = gql`
  mutation ConsoleKinRelationRegister($input: KinRelationRegisterInput!) {
    kinRelationRegister(input: $input) { relation { id } ${USER_ERRORS} }
  }
`;

export const KIN_RELATION_REVOKE_MUTATION = gql`
  mutation ConsoleKinRelationRevoke($input: KinRelationRevokeInput!) {
    kinRelationRevoke(input: $input) { relation { id revokedAt } ${USER_ERRORS} }
  }
`;

/** personRegister: the new person with what tells whether an initial payment password went out by SMS. */
export const PERSON_REGISTER_MUTATION = gql`
  mutation ConsolePersonRegister($input: PersonRegisterInput!) {
    personRegister(input: $input) {
      person { ${PERSON_LIST_FIELDS} paymentPassword { set } }
      initialPaymentPassword
      ${USER_ERRORS}
    }
  }
`;

export const PERSON_UPDATE_MUTATION = gql`
  mutation ConsolePersonUpdate($input: PersonUpdateInput!) {
    personUpdate(input: $input) { person { ${PERSON_DETAIL_FIELDS} } ${USER_ERRORS} }
  }
`;

export const KIN_RELATIONS_REORDER_MUTATION = gql`
  mutation ConsoleKinRelationsReorder($input: KinRelationsReorderInput!) {
    kinRelationsReorder(input: $input) { fundingSources { id providerId position } ${USER_ERRORS} }
  }
`;

export const CARD_REPORT_LOSS_MUTATION = gql`
  mutation ConsoleCardReportLoss($input: CardReportLossInput!) {
    cardReportLoss(input: $input) { card { state } preReportValidUntil temporaryCertificate ${USER_ERRORS} }
  }
`;

export const CARD_RECOVER_MUTATION = gql`
  mutation ConsoleCardRecover($input: CardRecoverInput!) {
    cardRecover(input: $input) { card { state } ${USER_ERRORS} }
  }
`;

export const CARD_REISSUE_MUTATION = gql`
  mutation ConsoleCardReissue($input: CardReissueInput!) {
    cardReissue(input: $input) { card { state } fee readyOn ${USER_ERRORS} }
  }
`;

export const CARD_REISSUE_COMPLETE_MUTATION = gql`
  mutation ConsoleCardReissueComplete($input: CardReissueCompleteInput!) {
    cardReissueComplete(input: $input) { card { state } ${USER_ERRORS} }
  }
`;

export const RELATIONSHIP_ATTESTATION_REVOKE_MUTATION = gql`
  mutation ConsoleRelationshipAttestationRevoke($input: RelationshipAttestationRevokeInput!) {
    relationshipAttestationRevoke(input: $input) { attestation { id } ${USER_ERRORS} }
  }
`;

export const PAYMENT_PASSWORD_RESET_MUTATION = gql`
  mutation ConsolePaymentPasswordReset($input: PaymentPasswordResetInput!) {
    paymentPasswordReset(input: $input) { newPaymentPassword ${USER_ERRORS} }
  }
`;

export const PAYMENT_PASSWORD_UNLOCK_MUTATION = gql`
  mutation ConsolePaymentPasswordUnlock($input: PaymentPasswordUnlockInput!) {
    paymentPasswordUnlock(input: $input) { person { id } ${USER_ERRORS} }
  }
`;

export const RELATIONSHIP_ATTESTATION_RECORD_MUTATION = gql`
  mutation ConsoleRelationshipAttestationRecord($input: RelationshipAttestationRecordInput!) {
    relationshipAttestationRecord(input: $input) { attestation { id } ${USER_ERRORS} }
  }
`;

/** 确认使用钱包 or a usage-region change (R-WAL-5), at the counter. */
export const WALLET_ACTIVATE_MUTATION = gql`
  mutation ConsoleWalletActivate($input: WalletActivateInput!) {
    walletActivate(input: $input) { changed wallet { usageRegionCode phone activatedAt } ${USER_ERRORS} }
  }
`;

/** A wallet transfer to a near relative (R-WAL-3..6), with an idempotency key (money moves). */
export const WALLET_TRANSFER_MUTATION = gql`
  mutation ConsoleWalletTransfer($input: WalletTransferInput!) {
    walletTransfer(input: $input) { transaction { id amount } ${USER_ERRORS} }
  }
`;
