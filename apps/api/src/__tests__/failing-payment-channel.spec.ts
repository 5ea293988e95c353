import { ENTITY_DIALECT, auditLedger } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CONFIRM,
  type ConfirmData,
  QUOTE_FIELDS,
  type Quote,
  type UserErr,
  balances,
  institutionId,
  personId,
  transactionCount,
} from './settlement-helpers';

const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  ${QUOTE_FIELDS} userErrors { code message field rule } } }`;

type QuoteData = { settlementQuote: (Quote & { userErrors: UserErr[] }) | Record<string, null> };

/**
 * R-ACC-7: the password-exempt channels apply only to the payments they name. REGISTRATION_FEE is the registration
 * fee of an outpatient/emergency visit; CROSS_REGION_DIRECT is out-of-region care (the institution outside the
 * patient's insured region, the notion of R-KIN-6). Claimed for any other bill: CHANNEL_NOT_APPLICABLE, field
 * channel, nothing moves — and the quote says the same.
 */
describe(`R-ACC-7 password-exempt channels only where they apply (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let xiehe: string;
  let pharmacy: string;
  let shandong: string;
  let wangqiang: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
    xiehe = await institutionId(app, 'H11010100001');
    pharmacy = await institutionId(app, 'P11010500003');
    shandong = await institutionId(app, 'H37010200001');
    wangqiang = await personId(app, '王强');
  });
  afterAll(async () => app?.close());

  const bill = (input: Record<string, unknown>) => ({
    patientId: wangqiang,
    institutionId: xiehe,
    visitType: 'OUTPATIENT',
    serviceDate: '2025-04-01',
    covered: '3000.00',
    ...input,
  });
  const confirm = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    app.gql<ConfirmData>(CONFIRM, { input: bill(input) }, token, headers);
  const quote = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    app.gql<QuoteData>(QUOTE, { input: bill(input) }, token, headers);

  async function movesNothing(act: () => Promise<void>): Promise<void> {
    const money = await balances(app);
    const count = await transactionCount(app);
    await act();
    expect(await balances(app)).toEqual(money);
    expect(await transactionCount(app)).toBe(count);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  }

  it.each([
    ['an INPATIENT bill', 'INPATIENT', '5000.00', false],
    ['a PHARMACY purchase', 'PHARMACY', '300.00', true],
  ])(
    'REGISTRATION_FEE for %s is CHANNEL_NOT_APPLICABLE (quote and confirm, both languages), nothing moves',
    async (_label, visitType, covered, atPharmacy) => {
      const input = {
        visitType,
        covered,
        ...(atPharmacy ? { institutionId: pharmacy } : {}),
        channel: 'REGISTRATION_FEE',
      };
      await movesNothing(async () => {
        const res = await confirm({ ...input, idempotencyKey: `reg-${visitType}` });
        expect(res.errors).toBeUndefined();
        expect(res.data!.settlementConfirm).toMatchObject({ transaction: null, settlement: null });
        expect(res.data!.settlementConfirm.userErrors).toEqual([
          {
            code: 'CHANNEL_NOT_APPLICABLE',
            rule: 'R-ACC-7',
            field: ['channel'],
            message: expect.stringMatching(
              /^The registration-fee channel \(挂号费\) applies only to an outpatient\/emergency visit, not to this (inpatient|pharmacy) bill \(R-ACC-7\)$/,
            ),
          },
        ]);
        const zh = await confirm(
          { ...input, idempotencyKey: `reg-zh-${visitType}` },
          { 'accept-language': '' },
        );
        expect(zh.data!.settlementConfirm.userErrors.map((e) => e.message)).toEqual([
          expect.stringMatching(/^挂号费渠道只适用于门急诊挂号，.+账单不能按挂号费免密支付（R-ACC-7）$/),
        ]);
        const q = await quote(input);
        expect(q.data!.settlementQuote).toMatchObject({
          total: null,
          accountPaid: null,
          passwordRequired: null,
        });
        expect(q.data!.settlementQuote.userErrors).toEqual(res.data!.settlementConfirm.userErrors);
      });
    },
  );

  it('REGISTRATION_FEE for an OUTPATIENT visit settles from the account without a password', async () => {
    const q = await quote({ channel: 'REGISTRATION_FEE', covered: '30.00' });
    expect(q.data!.settlementQuote.userErrors).toEqual([]);
    const res = await confirm({
      channel: 'REGISTRATION_FEE',
      covered: '30.00',
      idempotencyKey: 'reg-outpatient',
    });
    expect(res.data!.settlementConfirm.userErrors).toEqual([]);
    expect(res.data!.settlementConfirm.transaction).toMatchObject({ kind: 'SETTLEMENT' });
    const settled = res.data!.settlementConfirm.settlement!;
    expect(Number(settled.accountPaid)).toBeGreaterThan(0);
    expect(settled.passwordRequired).toBe(false);
    expect(q.data!.settlementQuote).toMatchObject({
      accountPaid: settled.accountPaid,
      passwordRequired: false,
    });
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });

  it('REGISTRATION_FEE for an outpatient bill above the registration-fee ceiling (100.00) is CHANNEL_NOT_APPLICABLE, nothing moves', async () => {
    // A black-box audit settled a 5000.00 outpatient bill from the account without the password by calling it a
    // registration fee. The ceiling is a policy value (effectivePolicy.passwordPolicy.maxRegistrationFee).
    const policy = await app.gql<{ effectivePolicy: { passwordPolicy: { maxRegistrationFee: string } } }>(
      'query { effectivePolicy(regionCode: "110000", on: "2025-04-01") { passwordPolicy { maxRegistrationFee } } }',
      {},
      token,
    );
    expect(policy.data!.effectivePolicy.passwordPolicy.maxRegistrationFee).toBe('100.00');
    await movesNothing(async () => {
      const res = await confirm(
        { channel: 'REGISTRATION_FEE', covered: '5000.00', idempotencyKey: 'reg-too-big' },
        { 'accept-language': '' },
      );
      expect(res.data!.settlementConfirm).toMatchObject({ transaction: null, settlement: null });
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        {
          code: 'CHANNEL_NOT_APPLICABLE',
          rule: 'R-ACC-7',
          field: ['channel'],
          message:
            '5000.00 元的账单不是挂号费（本地挂号费渠道最多100.00 元），不能免密支付；请刷卡并输入支付密码，或使用医保电子凭证（R-ACC-7）',
        },
      ]);
      const q = await quote({ channel: 'REGISTRATION_FEE', covered: '100.01' });
      expect((q.data!.settlementQuote.userErrors as UserErr[]).map((e) => e.code)).toEqual([
        'CHANNEL_NOT_APPLICABLE',
      ]);
    });
  });

  it('CROSS_REGION_DIRECT for a Beijing patient at a Beijing hospital is CHANNEL_NOT_APPLICABLE (not out-of-region care), nothing moves', async () => {
    await movesNothing(async () => {
      const res = await confirm({
        channel: 'CROSS_REGION_DIRECT',
        covered: '500.00',
        idempotencyKey: 'xr-in',
      });
      expect(res.data!.settlementConfirm).toMatchObject({ transaction: null, settlement: null });
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        {
          code: 'CHANNEL_NOT_APPLICABLE',
          rule: 'R-ACC-7',
          field: ['channel'],
          message: expect.stringMatching(/not out-of-region care.*\(R-ACC-7\)$/),
        },
      ]);
      const zh = await confirm(
        { channel: 'CROSS_REGION_DIRECT', covered: '500.00', idempotencyKey: 'xr-in-zh' },
        { 'accept-language': '' },
      );
      expect(zh.data!.settlementConfirm.userErrors.map((e) => e.message)).toEqual([
        expect.stringMatching(/^机构所在地.+属于患者的参保地.+，不是异地就医，.+（R-ACC-7）$/),
      ]);
      const q = await quote({ channel: 'CROSS_REGION_DIRECT', covered: '500.00' });
      expect(q.data!.settlementQuote.userErrors).toEqual(res.data!.settlementConfirm.userErrors);
    });
  });

  it('CROSS_REGION_DIRECT out of region (a Beijing patient at a Shandong hospital) settles without a password', async () => {
    const input = { channel: 'CROSS_REGION_DIRECT', institutionId: shandong, covered: '500.00' };
    const q = await quote(input);
    expect(q.data!.settlementQuote.userErrors).toEqual([]);
    const res = await confirm({ ...input, idempotencyKey: 'xr-out' });
    expect(res.data!.settlementConfirm.userErrors).toEqual([]);
    expect(res.data!.settlementConfirm.transaction).toMatchObject({ kind: 'SETTLEMENT' });
    const settled = res.data!.settlementConfirm.settlement!;
    expect(Number(settled.accountPaid)).toBeGreaterThan(0);
    expect(settled.passwordRequired).toBe(false);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });
});
