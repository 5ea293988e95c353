import {
  AccumulatorEntity,
  InstitutionEntity,
  PersonEntity,
  PocketEntity,
  TransactionEntity,
} from '@gongji/persistence';
import type { TestApp } from '../testing/test-app';

export const QUOTE_FIELDS = `total fundPay personalShare ownEarmarked ownWallet accountPaid cash passwordRequired
  providers { providerId relation amount }
  explanation { rule message }
  nhsa { medfee_sumamt fund_pay_sumamt psn_part_amt acct_pay acct_mulaid_pay psn_cash_pay acct_mulaid_pay_items { psn_no amount } }`;

export const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) { ${QUOTE_FIELDS} } }`;

export const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
  transaction { id kind status amount personId institutionId serviceDate postings { personId pocket systemAccount amount balanceAfter } explanation { rule message } }
  settlement { ${QUOTE_FIELDS} }
  userErrors { code message field rule }
} }`;

export const CANCEL = `mutation($input: SettlementCancelInput!) { settlementCancel(input: $input) {
  transaction { id kind status amount originalTransactionId postings { personId pocket systemAccount amount } }
  userErrors { code message field rule }
} }`;

export const REFUND = `mutation($input: RefundIssueInput!) { refundIssue(input: $input) {
  transaction { id kind amount originalTransactionId postings { personId pocket systemAccount amount } }
  refund { amount cashReturned accountReturned fundReturned remaining settlementStatus }
  userErrors { code message field rule }
} }`;

export interface Quote {
  total: string;
  fundPay: string;
  personalShare: string;
  ownEarmarked: string;
  ownWallet: string;
  accountPaid: string;
  cash: string;
  passwordRequired: boolean;
  providers: { providerId: string; relation: string | null; amount: string }[];
  explanation: { rule: string; message: string }[];
  nhsa: Record<string, unknown>;
}

export interface UserErr {
  code: string;
  message: string;
  field: string[] | null;
  rule: string | null;
}

export interface ConfirmData {
  settlementConfirm: {
    transaction: {
      id: string;
      kind: string;
      status: string;
      postings: {
        personId: string | null;
        pocket: string | null;
        systemAccount: string | null;
        amount: string;
      }[];
    } | null;
    settlement: Quote | null;
    userErrors: UserErr[];
  };
}

export async function personId(app: TestApp, name: string): Promise<string> {
  return (await app.db.getRepository(PersonEntity).findOneByOrFail({ name })).id;
}

export async function institutionId(app: TestApp, code: string): Promise<string> {
  return (await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code })).id;
}

/** Every pocket balance, keyed `${personId}:${kind}`, in fen. */
export async function balances(app: TestApp): Promise<Record<string, bigint>> {
  const rows = await app.db.getRepository(PocketEntity).find();
  return Object.fromEntries(rows.map((p) => [`${p.personId}:${p.kind}`, p.balance]));
}

export async function earmarked(app: TestApp, id: string): Promise<bigint> {
  return (await app.db.getRepository(PocketEntity).findOneByOrFail({ personId: id, kind: 'EARMARKED' }))
    .balance;
}

export async function accumulators(app: TestApp, id: string, year: number) {
  const row = await app.db.getRepository(AccumulatorEntity).findOneBy({ personId: id, year });
  return row
    ? {
        outpatientCovered: row.outpatientCovered,
        outpatientFundPaid: row.outpatientFundPaid,
        inpatientAdmissions: row.inpatientAdmissions,
        inpatientFundPaid: row.inpatientFundPaid,
        accountPaid: row.accountPaid,
      }
    : null;
}

export function transactionCount(app: TestApp): Promise<number> {
  return app.db.getRepository(TransactionEntity).count();
}

export function yuanToFen(text: string): bigint {
  const [y, f = '00'] = text.split('.');
  return BigInt(y) * 100n + BigInt(f.padEnd(2, '0'));
}
