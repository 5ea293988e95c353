import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { XIEHE, servingPortal } from './payment-password.helpers';
import { CONFIRM, QUOTE, type Quote, institutionId, personId } from './settlement-helpers';
import { key } from './wallet.helpers';

/**
 * API.md: "a portal sees only the people it is serving". A black-box tester read a relative's balance through a
 * hospital portal's settlementQuote for the patient: the explanation said `共济人<id>个人账户支付10.00 元（余额400.00
 * 元）`, though reading that relative is FORBIDDEN to the portal. Explanation lines (quoted, and stored with the
 * transaction) now name a relative by place in the registered order and never carry the relative's balance.
 */
describe(`a settlement's explanation does not reveal a relative to the portal (R-KIN-4, ${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let xiaoming: string;
  let wangli: string;
  beforeAll(async () => {
    app = await createTestApp();
    xiaoming = await personId(app, '王小明'); // resident: no account of his own; 王丽 (3,500.00) pays first
    wangli = await personId(app, '王丽');
  });
  afterAll(async () => app?.close());

  it('the hospital serving the patient sees the split and "relative no. 1 pays", not her id or balance', async () => {
    const portal = await servingPortal(app, xiaoming);
    const input = {
      patientId: xiaoming,
      institutionId: await institutionId(app, XIEHE),
      visitType: 'OUTPATIENT',
      serviceDate: '2026-11-02',
      covered: '0.00',
      outOfCatalogue: '10.00',
      channel: 'E_VOUCHER',
    };
    for (const headers of [{ 'accept-language': '' }, { 'accept-language': 'en' }]) {
      const res = await app.gql<{ settlementQuote: Quote }>(QUOTE, { input }, portal, headers);
      expect(res.errors).toBeUndefined();
      const quote = res.data!.settlementQuote;
      expect(quote.providers).toEqual([{ providerId: wangli, relation: 'CHILD', amount: '10.00' }]);
      const text = quote.explanation.map((l) => l.message).join('\n');
      expect(text).toMatch(/第1位共济人个人账户支付10\.00|relative no\. 1 pays 10\.00/);
      expect(text).not.toContain(wangli);
      expect(text).not.toMatch(/3[,]?[45]\d\d\.\d\d|余额|of 3/);
    }
  });

  it("the hospital's settlement, its replay and its reads show the relative's share but not her balance after it", async () => {
    const portal = await servingPortal(app, xiaoming);
    const admin = await app.login('admin');
    const input = {
      patientId: xiaoming,
      institutionId: await institutionId(app, XIEHE),
      visitType: 'OUTPATIENT',
      serviceDate: '2026-11-03',
      covered: '0.00',
      outOfCatalogue: '12.00',
      channel: 'E_VOUCHER',
      idempotencyKey: key('relative-balance'),
    };
    type Posting = { personId: string | null; amount: string; balanceAfter: string | null };
    const ofWangli = (postings: Posting[]) => postings.filter((p) => p.personId === wangli);
    const first = await app.gql<{ settlementConfirm: { transaction: { id: string; postings: Posting[] } } }>(
      CONFIRM,
      { input },
      portal,
    );
    expect(first.errors).toBeUndefined();
    const tx = first.data!.settlementConfirm.transaction;
    expect(ofWangli(tx.postings)).toEqual([
      { personId: wangli, pocket: 'EARMARKED', systemAccount: null, amount: '-12.00', balanceAfter: null },
    ]);
    const replay = await app.gql<{ settlementConfirm: { transaction: { postings: Posting[] } } }>(
      CONFIRM,
      { input },
      portal,
    );
    expect(ofWangli(replay.data!.settlementConfirm.transaction.postings)[0]!.balanceAfter).toBeNull();
    const POSTINGS = 'postings { personId amount balanceAfter }';
    const one = await app.gql<{ transaction: { postings: Posting[] } }>(
      `query($id: ID!) { transaction(id: $id) { ${POSTINGS} } }`,
      { id: tx.id },
      portal,
    );
    expect(ofWangli(one.data!.transaction.postings)).toEqual([
      { personId: wangli, amount: '-12.00', balanceAfter: null },
    ]);
    const page = await app.gql<{ transactions: { edges: { node: { id: string; postings: Posting[] } }[] } }>(
      `query { transactions(first: 20) { edges { node { id ${POSTINGS} } } } }`,
      {},
      portal,
    );
    const node = page.data!.transactions.edges.find((e) => e.node.id === tx.id)!.node;
    expect(ofWangli(node.postings)[0]!.balanceAfter).toBeNull();
    // The patient's own lines and the staff's view keep their balances.
    const staff = await app.gql<{ transaction: { postings: Posting[] } }>(
      `query($id: ID!) { transaction(id: $id) { ${POSTINGS} } }`,
      { id: tx.id },
      admin,
    );
    expect(ofWangli(staff.data!.transaction.postings)[0]!.balanceAfter).toMatch(/^\d+\.\d\d$/);
  });
});
