import { ENTITY_DIALECT, TransactionEntity, auditLedger } from '@gongji/persistence';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CANCEL,
  CONFIRM,
  type ConfirmData,
  QUOTE,
  type Quote,
  REFUND,
  accumulators,
  balances,
  earmarked,
  institutionId,
  personId,
  transactionCount,
} from './settlement-helpers';

const XIEHE = 'H11010100001';

describe(`settlement over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let xiehe: string;
  let wangli: string;
  let wangjianguo: string;
  let wangxiaoming: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
    xiehe = await institutionId(app, XIEHE);
    wangli = await personId(app, '王丽');
    wangjianguo = await personId(app, '王建国');
    wangxiaoming = await personId(app, '王小明');
  });
  afterAll(async () => app?.close());

  const bill = (patientId: string, covered: string, extra: Record<string, unknown> = {}) => ({
    patientId,
    institutionId: xiehe,
    visitType: 'OUTPATIENT',
    serviceDate: '2025-03-10',
    covered,
    channel: 'CARD',
    password: DEMO_PAYMENT_PASSWORD,
    ...extra,
  });

  it('R-SET-1 / R-SET-5 worked example: quote then confirm, fund 100.00, personal 1900.00 from the own account', async () => {
    const before = await earmarked(app, wangli);
    const quoted = await app.gql<{ settlementQuote: Quote }>(
      QUOTE,
      { input: bill(wangli, '2000.00') },
      token,
    );
    expect(quoted.errors).toBeUndefined();
    expect(quoted.data!.settlementQuote).toMatchObject({
      total: '2000.00',
      fundPay: '100.00',
      personalShare: '1900.00',
      ownEarmarked: '1900.00',
      cash: '0.00',
      passwordRequired: true,
      nhsa: {
        medfee_sumamt: '2000.00',
        fund_pay_sumamt: '100.00',
        acct_pay: '1900.00',
        psn_cash_pay: '0.00',
      },
    });
    expect(await earmarked(app, wangli)).toBe(before); // R-SET-5: a quote moves no money

    const res = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...bill(wangli, '2000.00'), idempotencyKey: 'worked-example' } },
      token,
    );
    expect(res.errors).toBeUndefined();
    const { transaction, settlement, userErrors } = res.data!.settlementConfirm;
    expect(userErrors).toEqual([]);
    expect(settlement).toEqual(quoted.data!.settlementQuote);
    expect(transaction).toMatchObject({ kind: 'SETTLEMENT', status: 'POSTED', amount: '2000.00' });
    expect(transaction!.postings.reduce((s, p) => s + Number(p.amount.replace('.', '')), 0)).toBe(0);
    expect(await earmarked(app, wangli)).toBe(before - 190_000n);
    expect(await accumulators(app, wangli, 2025)).toEqual({
      outpatientCovered: 200_000n,
      outpatientFundPaid: 10_000n,
      inpatientAdmissions: 0,
      inpatientFundPaid: 0n,
      accountPaid: 190_000n,
    });
    const stored = await app.db.getRepository(TransactionEntity).findOneByOrFail({ id: transaction!.id });
    expect(stored.details['accumulatorDelta']).toEqual({
      year: 2025,
      outpatientCovered: '200000',
      outpatientFundPaid: '10000',
      inpatientAdmissions: 0,
      inpatientFundPaid: '0',
      accountPaid: '190000',
    });
    expect(stored.details['nhsa']).toMatchObject({ medfee_sumamt: '200000', acct_pay: '190000' });
    // R-ACC-7: the password is never stored, neither with the transaction nor in the idempotency record.
    const records: { response: string; requestHash: string }[] = await app.db.query(
      'SELECT response, ' +
        (ENTITY_DIALECT === 'postgres' ? '"requestHash"' : 'requestHash') +
        ' FROM idempotency_records',
    );
    expect(JSON.stringify([stored.details, stored.explanation, records])).not.toContain(
      DEMO_PAYMENT_PASSWORD,
    );
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });

  it('R-KIN-4 / R-SET-4: 王小明 (no own account) is paid by 王丽 then 王建国 in registered order, the second partly', async () => {
    const liBefore = await earmarked(app, wangli);
    const jgBefore = await earmarked(app, wangjianguo);
    const quoted = await app.gql<{ settlementQuote: Quote }>(
      QUOTE,
      { input: bill(wangxiaoming, '6000.00') },
      token,
    );
    const q = quoted.data!.settlementQuote;
    expect(q.ownEarmarked).toBe('0.00');
    expect(q.providers.map((p) => [p.providerId, p.relation])).toEqual([
      [wangli, 'CHILD'],
      [wangjianguo, 'GRANDCHILD'],
    ]);
    expect(q.providers[0].amount).toBe((Number(liBefore) / 100).toFixed(2)); // 王丽 used up first
    const jgAmount = BigInt(q.providers[1].amount.replace('.', ''));
    expect(jgAmount).toBeGreaterThan(0n);
    expect(jgAmount).toBeLessThan(jgBefore); // 王建国 only partly used
    expect(q.nhsa['acct_mulaid_pay_items']).toEqual(
      q.providers.map((p) => ({ psn_no: p.providerId, amount: p.amount })),
    );

    const res = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...bill(wangxiaoming, '6000.00'), idempotencyKey: 'xiaoming-1' } },
      token,
    );
    expect(res.data!.settlementConfirm.userErrors).toEqual([]);
    expect(res.data!.settlementConfirm.settlement).toEqual(q);
    expect(await earmarked(app, wangli)).toBe(0n);
    expect(await earmarked(app, wangjianguo)).toBe(jgBefore - jgAmount);

    // R-USE-5: a refund returns to the relatives in reverse order and names them by their position in this
    // settlement (第2位, then 第1位共济人), never by id, in Chinese (the default) as in English.
    const refundOf = async (amount: string, key: string, headers?: Record<string, string>) =>
      (
        await app.gql<{
          refundIssue: { transaction: { id: string } | null; userErrors: unknown[] };
        }>(
          REFUND,
          {
            input: {
              transactionId: res.data!.settlementConfirm.transaction!.id,
              amount,
              idempotencyKey: key,
            },
          },
          token,
          headers,
        )
      ).data!.refundIssue;
    // All but 0.01: the covered cost above the deductible is all back, so the fund takes back its 3245.00 (R-SET-1)
    // and the personal 2754.99 goes to relative no. 2 in full, then to relative no. 1.
    const refund = await refundOf('5999.99', 'xiaoming-refund-1');
    expect(refund.userErrors).toEqual([]);
    const explained = async (headers?: Record<string, string>) =>
      (
        await app.gql<{ transaction: { explanation: { rule: string; message: string }[] } }>(
          'query($id: ID!) { transaction(id: $id) { explanation { rule message } } }',
          { id: refund.transaction!.id },
          token,
          headers,
        )
      )
        .data!.transaction.explanation.map((l) => l.message)
        .join(' ');
    const zh = await explained({ 'accept-language': '' });
    expect(zh).toMatch(
      /第2位共济人的个人账户（记账）[\d.]+ 元、第1位共济人的个人账户（记账）[\d.]+ 元、统筹基金3245\.00 元；尚余0\.01 元可退/,
    );
    expect(await explained()).toMatch(/relative no\. 2 .+, relative no\. 1 .+3245\.00/);
    expect(zh + (await explained())).not.toContain(wangli);
    expect(zh + (await explained())).not.toContain(wangjianguo);

    // The billing institution travels with the transaction (one and in a page), named, for the console's lists.
    const named = await app.gql<{
      transaction: { institution: { code: string; name: string } | null };
      transactions: { edges: { node: { id: string; institution: { code: string } | null } }[] };
    }>(
      `query($id: ID!) { transaction(id: $id) { institution { code name } }
         transactions(first: 20) { edges { node { id kind institution { code } } } } }`,
      { id: res.data!.settlementConfirm.transaction!.id },
      token,
    );
    expect(named.errors).toBeUndefined();
    expect(named.data!.transaction.institution).toEqual({ code: 'H11010100001', name: expect.any(String) });
    const inPage = named.data!.transactions.edges.find((e) => e.node.id === refund.transaction!.id);
    expect(inPage?.node.institution).toEqual({ code: 'H11010100001' });

    // 王丽's own statement lists the settlement her account paid and the refund that paid her back (R-KIN-4).
    const hers = await app.gql<{ transactions: { edges: { node: { id: string } }[] } }>(
      'query($p: ID!) { transactions(filter: { personId: $p }, first: 100) { edges { node { id } } } }',
      { p: wangli },
      token,
    );
    const ids = hers.data!.transactions.edges.map((e) => e.node.id);
    expect(ids).toContain(res.data!.settlementConfirm.transaction!.id);
    expect(ids).toContain(refund.transaction!.id);
  });

  it('API.md idempotency: confirming twice with the same key posts one transaction and returns the identical payload', async () => {
    const input = { ...bill(wangjianguo, '300.00'), idempotencyKey: 'same-key-twice' };
    const first = await app.gql<ConfirmData>(CONFIRM, { input }, token);
    expect(first.data!.settlementConfirm.userErrors).toEqual([]);
    const count = await transactionCount(app);
    const money = await balances(app);
    const second = await app.gql<ConfirmData>(CONFIRM, { input }, token);
    expect(second).toEqual(first);
    expect(await transactionCount(app)).toBe(count);
    expect(await balances(app)).toEqual(money);
  });

  it('R-USE-4: excluded items are paid in cash only, never from the account', async () => {
    const before = await earmarked(app, wangjianguo);
    const res = await app.gql<ConfirmData>(
      CONFIRM,
      {
        input: {
          ...bill(wangjianguo, '0.00', { excluded: '300.00' }),
          idempotencyKey: 'excluded-cash',
        },
      },
      token,
    );
    const { settlement, userErrors } = res.data!.settlementConfirm;
    expect(userErrors).toEqual([]);
    expect(settlement).toMatchObject({ fundPay: '0.00', accountPaid: '0.00', cash: '300.00' });
    expect(await earmarked(app, wangjianguo)).toBe(before);
  });

  it('R-USE-5: a cancellation restores every balance and the accumulators exactly; the ledger audit holds', async () => {
    const money = await balances(app);
    const acc = await accumulators(app, wangxiaoming, 2025);
    const res = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...bill(wangxiaoming, '800.00'), idempotencyKey: 'to-cancel' } },
      token,
    );
    const settled = res.data!.settlementConfirm.transaction!;
    expect(await balances(app)).not.toEqual(money);
    const cancelled = await app.gql<{
      settlementCancel: {
        transaction: { kind: string; originalTransactionId: string };
        userErrors: unknown[];
      };
    }>(CANCEL, { input: { transactionId: settled.id, idempotencyKey: 'cancel-1' } }, token);
    expect(cancelled.data!.settlementCancel.userErrors).toEqual([]);
    expect(cancelled.data!.settlementCancel.transaction).toMatchObject({
      kind: 'SETTLEMENT_CANCEL',
      originalTransactionId: settled.id,
    });
    expect(await balances(app)).toEqual(money);
    expect(await accumulators(app, wangxiaoming, 2025)).toEqual(acc);
    const original = await app.db.getRepository(TransactionEntity).findOneByOrFail({ id: settled.id });
    expect(original.status).toBe('CANCELLED');
    expect((await auditLedger(app.db)).violations).toEqual([]);

    const again = await app.gql<{ settlementCancel: { userErrors: { code: string; rule: string }[] } }>(
      CANCEL,
      { input: { transactionId: settled.id, idempotencyKey: 'cancel-2' } },
      token,
    );
    expect(again.data!.settlementCancel.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_CANCELLED', rule: 'R-USE-5' }),
    ]);
    expect(await balances(app)).toEqual(money);
  });

  it('R-USE-5: a partial refund returns cash first, then accounts; refunding the rest restores everything', async () => {
    const money = await balances(app);
    const acc = await accumulators(app, wangjianguo, 2025);
    const res = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...bill(wangjianguo, '1000.00', { excluded: '50.00' }), idempotencyKey: 'to-refund' } },
      token,
    );
    const settled = res.data!.settlementConfirm;
    expect(settled.userErrors).toEqual([]);
    expect(settled.settlement!.cash).toBe('50.00');
    type R = {
      refundIssue: {
        refund: {
          amount: string;
          cashReturned: string;
          accountReturned: string;
          remaining: string;
          settlementStatus: string;
        };
        userErrors: unknown[];
      };
    };
    const part = await app.gql<R>(
      REFUND,
      { input: { transactionId: settled.transaction!.id, amount: '100.00', idempotencyKey: 'refund-1' } },
      token,
    );
    expect(part.data!.refundIssue.userErrors).toEqual([]);
    expect(part.data!.refundIssue.refund).toMatchObject({
      amount: '100.00',
      cashReturned: '50.00',
      accountReturned: '50.00',
      settlementStatus: 'PARTIALLY_REFUNDED',
    });
    const remaining = part.data!.refundIssue.refund.remaining;
    // The settlement says what was refunded and what is left (what refundIssue accepts at most).
    const state = async () =>
      (
        await app.gql<{
          transaction: { amount: string; status: string; refunded: string; refundable: string };
        }>(
          'query($id: ID!) { transaction(id: $id) { amount status refunded refundable } }',
          { id: settled.transaction!.id },
          token,
        )
      ).data!.transaction;
    expect(await state()).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refunded: '100.00',
      refundable: remaining,
    });
    const rest = await app.gql<R>(
      REFUND,
      { input: { transactionId: settled.transaction!.id, amount: remaining, idempotencyKey: 'refund-2' } },
      token,
    );
    expect(rest.data!.refundIssue.userErrors).toEqual([]);
    expect(rest.data!.refundIssue.refund).toMatchObject({ remaining: '0.00', settlementStatus: 'REFUNDED' });
    const after = await state();
    expect(after).toMatchObject({ status: 'REFUNDED', refundable: '0.00', refunded: after.amount });
    // The ledger finds a settlement's reversals by their original (TransactionFilter.originalTransactionId).
    const reversals = await app.gql<{
      transactions: { totalCount: number; edges: { node: { id: string; amount: string } }[] };
    }>(
      'query($f: TransactionFilter) { transactions(filter: $f) { totalCount edges { node { id amount } } } }',
      { f: { originalTransactionId: settled.transaction!.id } },
      token,
    );
    expect(reversals.errors).toBeUndefined();
    expect(reversals.data!.transactions.totalCount).toBe(2);
    expect(reversals.data!.transactions.edges.map((e) => e.node.amount).sort()).toEqual(
      ['100.00', remaining].sort(),
    );
    expect(await balances(app)).toEqual(money);
    expect(await accumulators(app, wangjianguo, 2025)).toEqual(acc);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });
});
