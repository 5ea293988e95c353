import {
  CardEntity,
  ENTITY_DIALECT,
  InstitutionEntity,
  PersonEntity,
  auditLedger,
} from '@gongji/persistence';
import { hashSecret } from '../auth/passwords';
import { todayInChina } from '../common/clock';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import { presentEVoucher } from './gateway.helpers';
import {
  CONFIRM,
  type ConfirmData,
  balances,
  institutionId,
  personId,
  transactionCount,
} from './settlement-helpers';

const QUOTE_REFUSAL = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  total accountPaid passwordRequired providers { providerId } userErrors { code message field rule } } }`;

interface QuoteRefusal {
  total: string | null;
  accountPaid: string | null;
  passwordRequired: boolean | null;
  providers: { providerId: string }[];
  userErrors: { code: string; message: string; field: string[] | null; rule: string | null }[];
}

describe(`settlement refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let xiehe: string;
  let wangqiang: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
    xiehe = await institutionId(app, 'H11010100001');
    wangqiang = await personId(app, '王强');
  });
  afterAll(async () => app?.close());

  const confirm = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    app.gql<ConfirmData>(
      CONFIRM,
      {
        input: {
          patientId: wangqiang,
          institutionId: xiehe,
          visitType: 'OUTPATIENT',
          serviceDate: '2025-04-01',
          covered: '500.00',
          channel: 'CARD',
          password: DEMO_PAYMENT_PASSWORD,
          ...input,
        },
      },
      token,
      headers,
    );

  /** Runs `act` and checks it moved no money and posted nothing. */
  async function movesNothing(act: () => Promise<void>): Promise<void> {
    const money = await balances(app);
    const count = await transactionCount(app);
    await act();
    expect(await balances(app)).toEqual(money);
    expect(await transactionCount(app)).toBe(count);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  }

  it('R-SET-5: an empty bill (covered 0.00, nothing else) says it is empty, the same in Chinese and English', async () => {
    await movesNothing(async () => {
      const en = await confirm({ covered: '0.00', idempotencyKey: 'empty-en' });
      expect(en.data!.settlementConfirm.transaction).toBeNull();
      expect(en.data!.settlementConfirm.userErrors).toEqual([
        {
          code: 'INVALID_AMOUNT',
          rule: 'R-SET-5',
          field: ['covered'],
          message:
            'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero (R-SET-5)',
        },
      ]);
      const zh = await confirm({ covered: '0.00', idempotencyKey: 'empty-zh' }, { 'accept-language': '' });
      expect(zh.data!.settlementConfirm.userErrors.map((e) => e.message)).toEqual([
        '账单为空：目录内、目录外和不予报销的金额均为零（R-SET-5）',
      ]);
    });
  });

  it('R-USE-1: a non-designated institution cannot settle at all (NOT_DESIGNATED), no money moves', async () => {
    const code = 'H11010500002';
    await app.db.getRepository(InstitutionEntity).update({ code }, { designated: false });
    try {
      await movesNothing(async () => {
        const res = await confirm({ institutionId: await institutionId(app, code), idempotencyKey: 'nd-1' });
        expect(res.data!.settlementConfirm).toMatchObject({ transaction: null, settlement: null });
        expect(res.data!.settlementConfirm.userErrors).toEqual([
          expect.objectContaining({ code: 'NOT_DESIGNATED', rule: 'R-USE-1', field: ['institutionId'] }),
        ]);
      });
    } finally {
      await app.db.getRepository(InstitutionEntity).update({ code }, { designated: true });
    }
  });

  it('R-SET-5: a bill for a service date after today (Beijing time) is SERVICE_DATE_IN_FUTURE and moves nothing; today settles; a quote may look ahead', async () => {
    const today = todayInChina();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await movesNothing(async () => {
      const res = await confirm({ serviceDate: tomorrow, idempotencyKey: 'future-1' });
      expect(res.data!.settlementConfirm.transaction).toBeNull();
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'SERVICE_DATE_IN_FUTURE', rule: 'R-SET-5', field: ['serviceDate'] }),
      ]);
      expect(res.data!.settlementConfirm.userErrors[0]!.message).toMatch(
        /^The service date .* is after today \(.*, Beijing time\)/,
      );
      // The stored refusal replayed without Accept-Language: the API's default, Chinese.
      const zh = await confirm(
        { serviceDate: tomorrow, idempotencyKey: 'future-1' },
        { 'accept-language': '' },
      );
      expect(zh.data!.settlementConfirm.userErrors[0]!.message).toMatch(/^就诊日期.*晚于今天（.*北京时间）/);
    });
    const quote = await app.gql<{ settlementQuote: QuoteRefusal }>(
      QUOTE_REFUSAL,
      {
        input: {
          patientId: wangqiang,
          institutionId: xiehe,
          visitType: 'OUTPATIENT',
          serviceDate: tomorrow,
          covered: '500.00',
          channel: 'E_VOUCHER',
        },
      },
      token,
    );
    expect(quote.data!.settlementQuote.userErrors).toEqual([]);
    expect(quote.data!.settlementQuote.total).toBe('500.00');
    const now = await confirm({ serviceDate: today, channel: 'E_VOUCHER', idempotencyKey: 'today-1' });
    expect(now.data!.settlementConfirm.userErrors).toEqual([]);
    expect(now.data!.settlementConfirm.transaction).not.toBeNull();
  });

  it('API.md: the same key with a different input is IDEMPOTENCY_KEY_REUSED and moves nothing', async () => {
    const first = await confirm({ idempotencyKey: 'reuse-1' });
    expect(first.data!.settlementConfirm.userErrors).toEqual([]);
    await movesNothing(async () => {
      const res = await confirm({ idempotencyKey: 'reuse-1', covered: '501.00' });
      expect(res.data!.settlementConfirm.transaction).toBeNull();
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['idempotencyKey'] }),
      ]);
    });
  });

  it('R-ACC-7: a missing password is refused (VERIFICATION_REQUIRED) when the account pays above the free limit', async () => {
    await movesNothing(async () => {
      const res = await confirm({ idempotencyKey: 'nopw-1', password: null });
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'VERIFICATION_REQUIRED', rule: 'R-ACC-7', field: ['password'] }),
      ]);
    });
  });

  it('API.md: the same key first without the password, then with it, is IDEMPOTENCY_KEY_REUSED — not a replay of the first refusal (R-ACC-7)', async () => {
    const first = await confirm({ idempotencyKey: 'nopw-then-pw', password: null });
    expect(first.data!.settlementConfirm.userErrors).toEqual([
      expect.objectContaining({ code: 'VERIFICATION_REQUIRED', rule: 'R-ACC-7' }),
    ]);
    await movesNothing(async () => {
      const res = await confirm({ idempotencyKey: 'nopw-then-pw' });
      expect(res.data!.settlementConfirm.transaction).toBeNull();
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['idempotencyKey'] }),
      ]);
    });
    // the same input again (no password) still replays the first reply
    const again = await confirm({ idempotencyKey: 'nopw-then-pw', password: null });
    expect(again.data!.settlementConfirm).toEqual(first.data!.settlementConfirm);
  });
  it('R-ACC-7: wrong passwords move no money, are counted, and the 5th locks account payment (PASSWORD_LOCKED)', async () => {
    const persons = app.db.getRepository(PersonEntity);
    await persons.update({ id: wangqiang }, { paymentPasswordHash: await hashSecret('right-one') });
    await movesNothing(async () => {
      for (let i = 1; i <= 4; i++) {
        const res = await confirm({ idempotencyKey: `wrong-${i}`, password: 'wrong-one' });
        expect(res.data!.settlementConfirm.userErrors).toEqual([
          expect.objectContaining({ code: 'INVALID_CREDENTIALS', rule: 'R-ACC-7', field: ['password'] }),
        ]);
        expect((await persons.findOneByOrFail({ id: wangqiang })).paymentPasswordFailures).toBe(i);
      }
      const fifth = await confirm({ idempotencyKey: 'wrong-5', password: 'wrong-one' });
      expect(fifth.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'PASSWORD_LOCKED', rule: 'R-ACC-7' }),
      ]);
      const locked = await confirm({ idempotencyKey: 'after-lock', password: 'right-one' });
      expect(locked.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'PASSWORD_LOCKED', rule: 'R-ACC-7' }),
      ]);
    });
    expect((await persons.findOneByOrFail({ id: wangqiang })).paymentLockedAt).not.toBeNull();
    // The electronic voucher needs no password, but account payment stays locked (decision); cash-only bills pass.
    const cashOnly = await confirm({ idempotencyKey: 'locked-cash', covered: '0.00', excluded: '20.00' });
    expect(cashOnly.data!.settlementConfirm.userErrors).toEqual([]);
  });

  it('API.md Money: "1.234" is a malformed request (top-level BAD_USER_INPUT), nothing is stored', async () => {
    await movesNothing(async () => {
      const res = await confirm({ idempotencyKey: 'malformed', covered: '1.234' });
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });

  it('R-SET-5: a quote refusal is a userError like settlementConfirm’s, with the split fields null', async () => {
    const res = await app.gql<{ settlementQuote: QuoteRefusal }>(
      QUOTE_REFUSAL,
      {
        input: {
          patientId: wangqiang,
          institutionId: await institutionId(app, 'P11010500003'),
          visitType: 'OUTPATIENT',
          serviceDate: '2025-04-01',
          covered: '10.00',
          channel: 'CARD',
        },
      },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.settlementQuote).toEqual({
      total: null,
      accountPaid: null,
      passwordRequired: null,
      providers: [],
      userErrors: [expect.objectContaining({ code: 'VISIT_TYPE_MISMATCH', rule: 'R-USE-1' })],
    });
  });

  it('API.md: a hospital portal settles only at its own institution (FORBIDDEN elsewhere); ANALYST may not settle', async () => {
    const created = await app.gql<{ apiClientCreate: { apiKey: string | null; userErrors: unknown[] } }>(
      `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { apiKey userErrors { code message } } }`,
      { input: { name: '协和 portal', scopes: ['settlement:write'], institutionId: xiehe } },
      await app.login('admin'),
    );
    const apiKey = created.data!.apiClientCreate.apiKey!;
    expect(apiKey).toBeTruthy();
    const input = {
      patientId: await personId(app, '李秀英'),
      visitType: 'PHARMACY',
      serviceDate: '2025-04-01',
      covered: '10.00',
      channel: 'E_VOUCHER',
      idempotencyKey: 'portal-1',
    };
    await movesNothing(async () => {
      const elsewhere = await app.gql(
        CONFIRM,
        { input: { ...input, institutionId: await institutionId(app, 'P11010500003') } },
        apiKey,
      );
      expect(elsewhere.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
      const analyst = await app.gql(
        CONFIRM,
        { input: { ...input, institutionId: xiehe } },
        await app.login('analyst'),
      );
      expect(analyst.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
      // At its own institution, but for a patient who never proved presence there (an id learnt elsewhere):
      // FORBIDDEN, nothing moves, the patient stays unreadable (issue #8).
      const unseen = await app.gql(
        CONFIRM,
        { input: { ...input, visitType: 'OUTPATIENT', institutionId: 'H11010100001' } },
        apiKey,
      );
      expect(unseen.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
      expect(unseen.errors?.[0].message).toMatch(/does not serve|并非都由本接入机构服务/);
    });
    // She shows her e-voucher code at the hospital's desk: the hospital serves her and settles her bill.
    await presentEVoucher(app, apiKey, input.patientId);
    const own = await app.gql<ConfirmData>(
      CONFIRM,
      {
        input: {
          ...input,
          visitType: 'OUTPATIENT',
          institutionId: 'H11010100001',
          idempotencyKey: 'portal-2',
        },
      },
      apiKey,
    );
    expect(own.data!.settlementConfirm.userErrors).toEqual([]);
  });

  it('R-CARD-1: after a pre-report (cardReportLoss), a CARD bill on the service date is CARD_FROZEN in quote and confirm, no money moves; the e-voucher still settles', async () => {
    const wangli = await personId(app, '王丽');
    const today = todayInChina();
    const reported = await app.gql<{ cardReportLoss: { userErrors: unknown[] } }>(
      `mutation($input: CardReportLossInput!) { cardReportLoss(input: $input) { userErrors { code } } }`,
      { input: { personId: wangli, stage: 'PRE' } },
      token,
    );
    expect(reported.data!.cardReportLoss.userErrors).toEqual([]);
    const bill = { patientId: wangli, serviceDate: today };
    await movesNothing(async () => {
      const res = await confirm({ ...bill, idempotencyKey: 'frozen-pre-1' });
      expect(res.data!.settlementConfirm).toMatchObject({ transaction: null, settlement: null });
      expect(res.data!.settlementConfirm.userErrors).toEqual([
        expect.objectContaining({ code: 'CARD_FROZEN', rule: 'R-CARD-1' }),
      ]);
      const quote = await app.gql<{ settlementQuote: QuoteRefusal }>(
        QUOTE_REFUSAL,
        {
          input: {
            ...bill,
            institutionId: xiehe,
            visitType: 'OUTPATIENT',
            covered: '500.00',
            channel: 'CARD',
          },
        },
        token,
      );
      expect(quote.data!.settlementQuote.userErrors).toEqual([
        expect.objectContaining({ code: 'CARD_FROZEN', rule: 'R-CARD-1' }),
      ]);
    });
    const voucher = await confirm({ ...bill, channel: 'E_VOUCHER', idempotencyKey: 'frozen-pre-voucher' });
    expect(voucher.data!.settlementConfirm.userErrors).toEqual([]);
    expect(voucher.data!.settlementConfirm.transaction).toMatchObject({ kind: 'SETTLEMENT' });
  });

  it('R-CARD-1: a card pre-reported today is frozen now — a CARD bill for an earlier service date (before the report) is CARD_FROZEN too, no money moves', async () => {
    const wangjianguo = await personId(app, '王建国');
    const report = await app.gql<{ cardReportLoss: { userErrors: unknown[] } }>(
      `mutation($input: CardReportLossInput!) { cardReportLoss(input: $input) { userErrors { code } } }`,
      { input: { personId: wangjianguo, stage: 'PRE' } },
      token,
    );
    expect(report.data!.cardReportLoss.userErrors).toEqual([]);
    try {
      await movesNothing(async () => {
        for (const channel of ['CARD', 'REGISTRATION_FEE']) {
          const res = await confirm({
            patientId: wangjianguo,
            serviceDate: '2025-04-01',
            channel,
            idempotencyKey: `frozen-earlier-${channel}`,
          });
          expect(res.data!.settlementConfirm.userErrors).toEqual([
            expect.objectContaining({ code: 'CARD_FROZEN', rule: 'R-CARD-1' }),
          ]);
        }
      });
    } finally {
      const recovered = await app.gql<{ cardRecover: { userErrors: unknown[] } }>(
        `mutation($input: CardRecoverInput!) { cardRecover(input: $input) { userErrors { code } } }`,
        { input: { personId: wangjianguo } },
        token,
      );
      expect(recovered.data!.cardRecover.userErrors).toEqual([]);
    }
  });

  it('R-CARD-1: a formally reported card (stored state) refuses CARD and every channel presenting the card (REGISTRATION_FEE, CROSS_REGION_DIRECT); E_VOUCHER settles', async () => {
    const lixiuying = await personId(app, '李秀英');
    // Cross-region direct settlement applies only out of region (R-ACC-7): a Beijing patient at a Shandong hospital.
    const shandong = await institutionId(app, 'H37010200001');
    const cards = app.db.getRepository(CardEntity);
    await cards.update({ personId: lixiuying }, { state: 'REPORTED', reportedOn: '2025-03-20' });
    try {
      await movesNothing(async () => {
        for (const channel of ['CARD', 'REGISTRATION_FEE', 'CROSS_REGION_DIRECT']) {
          const res = await confirm({
            patientId: lixiuying,
            channel,
            ...(channel === 'CROSS_REGION_DIRECT' ? { institutionId: shandong } : {}),
            idempotencyKey: `frozen-formal-${channel}`,
          });
          expect(res.data!.settlementConfirm.userErrors).toEqual([
            expect.objectContaining({ code: 'CARD_FROZEN', rule: 'R-CARD-1' }),
          ]);
        }
      });
      const voucher = await confirm({
        patientId: lixiuying,
        channel: 'E_VOUCHER',
        idempotencyKey: 'frozen-formal-voucher',
      });
      expect(voucher.data!.settlementConfirm.userErrors).toEqual([]);
      expect(voucher.data!.settlementConfirm.transaction).toMatchObject({ kind: 'SETTLEMENT' });
    } finally {
      await cards.update({ personId: lixiuying }, { state: 'ACTIVE', reportedOn: null });
    }
  });
});
