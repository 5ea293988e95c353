// GraphQL documents of counter settlement (办理结算, R-SET-4/5): the institutions a clerk may settle at, the quote
// (settlementQuote: the split, no money moves) and the confirmation (settlementConfirm, with an idempotency key).
import { gql } from '@apollo/client';

const USER_ERRORS = 'userErrors { code message field rule }';

/** Institution fields the settlement dialog shows (name and kind; the national code only as a hint). */
export const SETTLE_INSTITUTION_FIELDS = 'id code name kind designated acceptsWallet openToAll';

/** API.md: `first` ≤ 100; a region has a handful of designated institutions in the demo, a page is enough. */
export const SETTLE_INSTITUTIONS_SHOWN = 100;

/** Designated institutions (R-USE-1: a non-designated one cannot settle) and the person's chosen hospitals. */
export const SETTLE_CHOICES_QUERY = gql`
  query ConsoleSettleChoices($personId: ID!, $q: String) {
    person(id: $personId) { id hospitals { ${SETTLE_INSTITUTION_FIELDS} } }
    institutions(filter: { designated: true, q: $q }, first: ${SETTLE_INSTITUTIONS_SHOWN}) {
      edges { node { ${SETTLE_INSTITUTION_FIELDS} } }
    }
  }
`;

const QUOTE_FIELDS = `
  total fundPay personalShare accountPaid ownEarmarked ownWallet cash passwordRequired
  providers { providerId relation amount }
  skippedProviders { providerId relation reason rule }
  explanation { rule message }
`;

export const SETTLEMENT_QUOTE_QUERY = gql`
  query ConsoleSettlementQuote($input: SettlementInput!) {
    settlementQuote(input: $input) { ${QUOTE_FIELDS} ${USER_ERRORS} }
  }
`;

export const SETTLEMENT_CONFIRM_MUTATION = gql`
  mutation ConsoleSettlementConfirm($input: SettlementConfirmInput!) {
    settlementConfirm(input: $input) {
      settlement { ${QUOTE_FIELDS} ${USER_ERRORS} }
      transaction { id amount status }
      ${USER_ERRORS}
    }
  }
`;
