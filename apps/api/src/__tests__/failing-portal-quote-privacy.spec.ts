import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { XIEHE, servingPortal } from './payment-password.helpers';
import { QUOTE, type Quote, institutionId, personId } from './settlement-helpers';

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
});
