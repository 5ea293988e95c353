import { ENTITY_DIALECT } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REGISTER } from './kin-helpers';
import { CONFIRM, type ConfirmData, institutionId, personId } from './settlement-helpers';
import { key } from './wallet.helpers';

type Skip = { providerId: string; relation: string | null; rule: string; reason: string };
type QuoteOut = {
  settlementQuote: {
    providers: { providerId: string; amount: string }[];
    skippedProviders: Skip[];
    explanation: { rule: string; message: string }[];
    userErrors: { code: string }[];
  };
};

/**
 * Issue #9 "one answer per date": a settlement dated in the past uses the relatives in force on its service date
 * (the domain's relationsInForceOn), like premiums and wallet transfers; a relative registered later is skipped,
 * visibly — in the quote's skippedProviders and as an explanation line.
 */
describe(`relations in force on the service date (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let ids: Record<string, string>;
  let xiehe: string;
  beforeAll(async () => {
    app = await createTestApp();
    ids = {
      xiaoming: await personId(app, '王小明'),
      xiuying: await personId(app, '李秀英'),
      li: await personId(app, '王丽'),
    };
    xiehe = await institutionId(app, 'H11010100001');
    // 李秀英 registers her grandson today (after the bill's service date below)
    const registered = await app.gql<{ kinRelationRegister: { userErrors: unknown[] } }>(
      KIN_REGISTER,
      {
        input: {
          providerId: ids.xiuying,
          beneficiaryId: ids.xiaoming,
          relation: 'GRANDCHILD',
          channel: 'COUNTER',
          reason: 'counter registration',
        },
      },
      await app.login('counter'),
    );
    expect(registered.data!.kinRelationRegister.userErrors).toEqual([]);
  });
  afterAll(async () => app?.close());

  const bill = (serviceDate: string) => ({
    patientId: ids.xiaoming,
    institutionId: xiehe,
    visitType: 'OUTPATIENT',
    serviceDate,
    covered: '100.00',
    channel: 'E_VOUCHER',
  });
  const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
    providers { providerId amount } skippedProviders { providerId relation rule reason }
    explanation { rule message } userErrors { code } } }`;

  it('a bill of 2025-03-10 does not use a relative registered today: skipped with R-KIN-5, in the quote and the explanation', async () => {
    const res = await app.gql<QuoteOut>(QUOTE, { input: bill('2025-03-10') }, await app.login('counter'));
    const quote = res.data!.settlementQuote;
    expect(quote.userErrors).toEqual([]);
    expect(quote.providers.map((p) => p.providerId)).not.toContain(ids.xiuying);
    expect(quote.skippedProviders).toEqual([
      expect.objectContaining({ providerId: ids.xiuying, relation: 'GRANDCHILD', rule: 'R-KIN-3' }),
    ]);
    expect(quote.skippedProviders[0].reason).toMatch(/not in force on 2025-03-10/);
    expect(quote.explanation).toContainEqual(
      expect.objectContaining({ rule: 'R-KIN-3', message: expect.stringContaining(ids.xiuying) }),
    );
  });

  it('confirmed, the same bill pays from the relatives of that day only; a bill of today may use her', async () => {
    const res = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...bill('2025-03-10'), idempotencyKey: key('on-date') } },
      await app.login('counter'),
    );
    const confirmed = res.data!.settlementConfirm;
    expect(confirmed.userErrors).toEqual([]);
    const payers = confirmed
      .transaction!.postings.filter((p) => p.pocket === 'EARMARKED')
      .map((p) => p.personId);
    expect(payers).not.toContain(ids.xiuying);
    expect(payers).toContain(ids.li);
    const today = await app.gql<QuoteOut>(QUOTE, { input: bill(todayInChina()) }, await app.login('counter'));
    expect(today.data!.settlementQuote.skippedProviders.map((s) => s.providerId)).not.toContain(ids.xiuying);
  });
});
