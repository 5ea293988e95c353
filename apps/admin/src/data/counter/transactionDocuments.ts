// GraphQL documents of the transaction pages (ledger, R-SET-6) and of cancellation / refund (R-USE-5).
import { gql } from '@apollo/client';

const USER_ERRORS = 'userErrors { code message field rule }';

export const TRANSACTION_FIELDS = `
  id kind status amount personId counterpartyPersonId institutionId serviceDate originalTransactionId createdAt
  person { id name idNumber }
  institution { id code name }
`;

export const TRANSACTIONS_QUERY = gql`
  query ConsoleTransactions($filter: TransactionFilter, $first: Int, $after: String) {
    transactions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage }
      edges { node { ${TRANSACTION_FIELDS} explanation { rule message } postings { personId pocket amount } } }
    }
  }
`;

export const TRANSACTION_QUERY = gql`
  query ConsoleTransaction($id: ID!) {
    transaction(id: $id) {
      ${TRANSACTION_FIELDS}
      refunded refundable
      postings { account personId pocket systemAccount amount balanceAfter }
      explanation { rule message }
    }
  }
`;

export const SETTLEMENT_CANCEL_MUTATION = gql`
  mutation ConsoleSettlementCancel($input: SettlementCancelInput!) {
    settlementCancel(input: $input) { transaction { id status } ${USER_ERRORS} }
  }
`;

export const REFUND_ISSUE_MUTATION = gql`
  mutation ConsoleRefundIssue($input: RefundIssueInput!) {
    refundIssue(input: $input) { transaction { id status } refund { remaining } ${USER_ERRORS} }
  }
`;
