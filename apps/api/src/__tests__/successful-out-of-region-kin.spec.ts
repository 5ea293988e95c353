import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { institutionId, personId } from './settlement-helpers';
import { key } from './wallet.helpers';

/**
 * R-KIN-6 through the API: out-of-region care uses relatives' accounts only when the beneficiary switched on the
 * out-of-region "use" permission, or pays with the electronic voucher. Without either, the bill goes to the patient's
 * own money and cash, the quote lists every relative in force as skipped under R-KIN-6, and a confirmation moves
 * nothing out of the relatives' accounts.
 */
const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  total fundPay personalShare ownEarmarked accountPaid cash
  providers { providerId amount } skippedProviders { providerId relation rule reason }
  explanation { rule message } userErrors { code rule } } }`;
const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
  transaction { id postings { personId pocket amount } }
  settlement { providers { providerId amount } skippedProviders { providerId rule } cash }
  userErrors { code rule message } } }`;

interface Quote {
  total: string | null;
  personalShare: string | null;
  accountPaid: string | null;
  cash: string | null;
  providers: { providerId: string; amount: string }[];
  skippedProviders: { providerId: string; relation: string | null; rule: string; reason: string }[];
  explanation: { rule: string; message: string }[];
  userErrors: { code: string; rule: string | null }[];
}

describe(`R-KIN-6: relatives' accounts for out-of-region care (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let hebei: string;
  let xiaoming: string;

  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    hebei = await institutionId(app, 'H13010200001'); // Shijiazhuang: outside the patient's Beijing
    xiaoming = await personId(app, '王小明'); // Beijing, no own account, relatives registered in order
  });
  afterAll(async () => app?.close());

  const bill = (channel: string) => ({
    patientId: xiaoming,
    institutionId: hebei,
    visitType: 'INPATIENT',
    serviceDate: '2025-03-10',
    covered: '800.00',
    channel,
  });
  const quote = async (channel: string): Promise<Quote> => {
    const res = await app.gql<{ settlementQuote: Quote }>(QUOTE, { input: bill(channel) }, counter);
    expect(res.errors).toBeUndefined();
    return res.data!.settlementQuote;
  };

  it('by card without the permission: no relative pays, each one is listed as skipped under R-KIN-6, the rest is cash', async () => {
    const q = await quote('CARD');
    expect(q.userErrors).toEqual([]);
    expect(q.providers).toEqual([]);
    expect(q.accountPaid).toBe('0.00');
    expect(q.cash).toBe(q.personalShare);
    expect(q.explanation.map((e) => e.rule)).toContain('R-KIN-6');
    expect(q.skippedProviders.length).toBeGreaterThan(0);
    for (const s of q.skippedProviders) {
      expect(s.rule).toBe('R-KIN-6');
      expect(s.reason).toMatch(/out-of-region/);
      expect(s.relation).toBeTruthy();
    }
  });

  it('with the electronic voucher the relatives pay in registered order, and none is skipped', async () => {
    const byCard = await quote('CARD');
    const q = await quote('E_VOUCHER');
    expect(q.providers.length).toBeGreaterThan(0);
    expect(q.skippedProviders).toEqual([]);
    expect(q.explanation.map((e) => e.rule)).not.toContain('R-KIN-6');
    // The same relatives that were skipped by card, in the same (registered) order, now pay.
    expect(q.providers.map((p) => p.providerId)).toEqual(
      byCard.skippedProviders.map((s) => s.providerId).slice(0, q.providers.length),
    );
  });

  it('a confirmed card payment without the permission takes nothing from the relatives; switching it on changes that', async () => {
    const confirm = async (k: string) => {
      const res = await app.gql<{
        settlementConfirm: {
          transaction: {
            postings: { personId: string | null; pocket: string | null; amount: string }[];
          } | null;
          settlement: { providers: unknown[]; skippedProviders: { rule: string }[] } | null;
          userErrors: unknown[];
        };
      }>(CONFIRM, { input: { ...bill('CARD'), idempotencyKey: key(k) } }, counter);
      expect(res.errors).toBeUndefined();
      return res.data!.settlementConfirm;
    };
    const before = await confirm('r-kin-6-off');
    expect(before.userErrors).toEqual([]);
    expect(before.transaction!.postings.filter((p) => p.pocket === 'EARMARKED')).toEqual([]);
    expect(before.settlement!.skippedProviders.map((s) => s.rule)).toContain('R-KIN-6');

    const update = await app.gql<{ personUpdate: { userErrors: unknown[] } }>(
      `mutation($i: PersonUpdateInput!) { personUpdate(input: $i) { userErrors { code message } } }`,
      {
        i: { id: xiaoming, outOfRegionUsePermission: true, reason: 'R-KIN-6: patient asked at the counter' },
      },
      counter,
    );
    expect(update.data?.personUpdate.userErrors).toEqual([]);
    const after = await quote('CARD');
    expect(after.providers.length).toBeGreaterThan(0);
    expect(after.skippedProviders).toEqual([]);
  });
});
