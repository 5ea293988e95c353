import {
  PersonEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
  auditLedger,
} from '@gongji/persistence';
import type { TestApp } from '../testing/test-app';

/** Helpers of the wallet / premium / crediting API tests (issue #4). */

export const TX = `transaction { id kind status amount personId counterpartyPersonId
  postings { personId pocket systemAccount amount balanceAfter } explanation { rule message } }`;

export const USER_ERRORS = 'userErrors { code message field rule }';

export interface TxOut {
  id: string;
  kind: string;
  amount: string;
  personId: string | null;
  counterpartyPersonId: string | null;
  postings: {
    personId: string | null;
    pocket: string | null;
    systemAccount: string | null;
    amount: string;
    balanceAfter: string | null;
  }[];
  explanation: { rule: string; message: string }[];
}

export interface UserErrorOut {
  code: string;
  message: string;
  field: string[] | null;
  rule: string | null;
}

export async function personId(app: TestApp, name: string): Promise<string> {
  return (await app.db.getRepository(PersonEntity).findOneByOrFail({ name })).id;
}

/** Balance of a pocket as the Money string ("0.00" when the pocket does not exist). */
export async function balance(app: TestApp, id: string, kind: string): Promise<string> {
  const pocket = await app.db.getRepository(PocketEntity).findOneBy({ personId: id, kind });
  const fen = pocket?.balance ?? 0n;
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}

/** Number of transactions and postings: "nothing moved" means both unchanged. */
export async function ledgerSize(app: TestApp): Promise<{ transactions: number; postings: number }> {
  return {
    transactions: await app.db.getRepository(TransactionEntity).count(),
    postings: await app.db.getRepository(PostingEntity).count(),
  };
}

export async function expectLedgerClean(app: TestApp): Promise<void> {
  const report = await auditLedger(app.db);
  expect(report.violations).toEqual([]);
}

let seq = 0;
/** A fresh idempotency key. */
export function key(prefix: string): string {
  seq += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${seq}`;
}

/** An API client (PORTAL) created by the admin; returns its key. */
export async function portal(
  app: TestApp,
  scopes: string[],
  /** `serving`: persons who then show their e-voucher code at its desk, so the portal may act for them (issue #8). */
  extra: { product?: string; institutionId?: string; serving?: readonly string[] } = {},
): Promise<string> {
  const res = await app.gql<{ apiClientCreate: { apiKey: string } }>(
    `mutation($s: [String!]!, $p: String, $i: ID) {
      apiClientCreate(input: { name: "test portal", scopes: $s, product: $p, institutionId: $i }) { apiKey userErrors { code } } }`,
    { s: scopes, p: extra.product ?? null, i: extra.institutionId ?? null },
    await app.login('admin'),
  );
  const apiKey = res.data!.apiClientCreate.apiKey;
  for (const personId of extra.serving ?? []) await presentEVoucher(app, apiKey, personId);
  return apiKey;
}

/** Counter staff record the household register of `personId` and `relativePersonId` (R-WAL-4 evidence). */
export async function attestRelation(
  app: TestApp,
  personId: string,
  relativePersonId: string,
  relation: string,
): Promise<void> {
  const res = await app.gql<{ relationshipAttestationRecord: { userErrors: unknown[] } }>(
    `mutation($i: RelationshipAttestationRecordInput!) { relationshipAttestationRecord(input: $i) { userErrors { code message } } }`,
    {
      i: {
        personId,
        relativePersonId,
        relation,
        evidenceKind: 'HOUSEHOLD_REGISTER',
        reason: 'household register checked',
      },
    },
    await app.login('counter'),
  );
  if (res.data?.relationshipAttestationRecord.userErrors.length !== 0)
    throw new Error(`attestation failed: ${JSON.stringify(res)}`);
}

/**
 * The person shows the e-voucher code at the portal's desk (issued here by counter staff, as the national app would)
 * and the portal looks them up with it: from then on the portal serves the person.
 */
export async function presentEVoucher(app: TestApp, portalKey: string, personId: string): Promise<void> {
  const person = await app.db.getRepository(PersonEntity).findOneByOrFail({ id: personId });
  const issued = await app.gql<{ eVoucherCodeIssue: { code: string } }>(
    'mutation($i: EVoucherCodeIssueInput!) { eVoucherCodeIssue(input: $i) { code userErrors { code } } }',
    { i: { personId } },
    await app.login('counter'),
  );
  const code = issued.data!.eVoucherCodeIssue.code;
  const found = await app.gql<{ personByIdNumber: { id: string } | null }>(
    'query($n: String!, $c: String!) { personByIdNumber(idNumber: $n, eVoucherCode: $c) { id } }',
    { n: person.idNumber, c: code },
    portalKey,
  );
  if (found.data?.personByIdNumber?.id !== personId)
    throw new Error(`e-voucher look-up failed: ${JSON.stringify(found)}`);
}

export type ContributionPaid = {
  residentContributionPay: {
    transaction: { kind: string; status: string; counterpartyPersonId: string | null } | null;
    userErrors: { code: string; rule: string | null }[];
  };
};

/** `payerId` pays `insuredId`'s RESIDENT_BASIC contribution of `amount` (R-USE-2) as `token`, under a fresh key. */
export function payResidentContribution(
  app: TestApp,
  token: string,
  payerId: string,
  insuredId: string,
  amount: string,
  keyName: string,
) {
  return app.gql<ContributionPaid>(
    `mutation($i: ResidentContributionPayInput!) { residentContributionPay(input: $i) {
      transaction { kind status counterpartyPersonId } userErrors { code rule } } }`,
    { i: { payerId, insuredId, scheme: 'RESIDENT_BASIC', amount, idempotencyKey: key(keyName) } },
    token,
  );
}
