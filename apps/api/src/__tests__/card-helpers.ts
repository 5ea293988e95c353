/** Shared by successful-card and failing-card. */
export const CARD_REPORT_LOSS = `mutation($input: CardReportLossInput!) { cardReportLoss(input: $input) {
  person { id card { state reportedOn reissueReadyOn } }
  card { state reportedOn reissueReadyOn }
  preReportValidUntil temporaryCertificate
  userErrors { code message field rule }
} }`;

export const CARD_RECOVER = `mutation($input: CardRecoverInput!) { cardRecover(input: $input) {
  person { id } card { state reportedOn } userErrors { code message field rule }
} }`;

export const CARD_REISSUE = `mutation($input: CardReissueInput!) { cardReissue(input: $input) {
  person { id card { state reissueReadyOn } account { pockets { kind balance } } }
  card { state reportedOn reissueReadyOn } fee readyOn
  userErrors { code message field rule }
} }`;

export type CardUserError = { code: string; message: string; field: string[] | null; rule: string | null };
