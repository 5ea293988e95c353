import { randomUUID } from 'node:crypto';
import { ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  TX,
  type TxOut,
  USER_ERRORS,
  type UserErrorOut,
  balance,
  expectLedgerClean,
  key,
  ledgerSize,
  personId,
  portal,
} from './wallet.helpers';

const PAY = `mutation($i: ResidentContributionPayInput!) { residentContributionPay(input: $i) { ${TX} ${USER_ERRORS} } }`;

type Pay = { residentContributionPay: { transaction: TxOut | null; userErrors: UserErrorOut[] } };

const NAMES = ['王建国', '李秀英', '王丽', '王强', '王小明', '张伟', '赵敏', '刘洋', '刘芳'];

describe(`residentContributionPay refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let staff: string;
  let ids: Record<string, string>;
  const pay = (
    payer: string,
    insured: string,
    over: Record<string, unknown> = {},
    token = staff,
    headers?: Record<string, string>,
  ) =>
    app.gql<Pay>(
      PAY,
      {
        i: {
          payerId: ids[payer],
          insuredId: ids[insured],
          scheme: 'RESIDENT_BASIC',
          amount: '100.00',
          on: '2023-06-01',
          idempotencyKey: key('rc-fail'),
          ...over,
        },
      },
      token,
      headers,
    );
  const pockets = () =>
    Promise.all(
      Object.values(ids).flatMap((id) => [balance(app, id, 'EARMARKED'), balance(app, id, 'WALLET')]),
    );
  /** Expects one userError with `code` and `rule`, and nothing charged. */
  const refused = async (act: () => ReturnType<typeof pay>, code: string, rule: string | null) => {
    const before = await ledgerSize(app);
    const balances = await pockets();
    const res = await act();
    expect(res.errors).toBeUndefined();
    const payload = res.data!.residentContributionPay;
    expect(payload.transaction).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code, rule });
    expect(await ledgerSize(app)).toEqual(before);
    expect(await pockets()).toEqual(balances);
    return payload.userErrors[0];
  };
  const relation = (provider: string, beneficiary: string, rel: string, extra: Partial<KinRelationEntity>) =>
    app.db.getRepository(KinRelationEntity).insert({
      id: randomUUID(),
      providerId: ids[provider],
      beneficiaryId: ids[beneficiary],
      relation: rel,
      channel: 'COUNTER',
      position: 9,
      registeredOn: '2022-10-20',
      proxyOnly: false,
      createdAt: new Date(),
      revokedAt: null,
      ...extra,
    });

  beforeAll(async () => {
    app = await createTestApp();
    staff = await app.login('counter');
    ids = {};
    for (const name of NAMES) ids[name] = await personId(app, name);
    // Fixtures: 李秀英 registered her daughter 王丽 and revoked it on 2023-01-01 (history kept, R-KIN-5);
    // 王建国 registered a son insured in Shijiazhuang, Hebei (another province than Beijing, R-KIN-2).
    await relation('李秀英', '王丽', 'CHILD', { revokedAt: new Date('2023-01-01T04:00:00Z') });
    await relation('王建国', '张伟', 'CHILD', {});
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it("R-WAL-7 (audit finding 3): wallet money on a decision date before the insured region's wallet opened is refused", async () => {
    // 赵敏 (Jinan, whose wallet opens 2025-05-08; confirmed that day), her own resident contribution the day before.
    // Checked before her balance (an empty wallet would otherwise answer INSUFFICIENT_BALANCE).
    const closed = await refused(
      () =>
        pay('赵敏', '赵敏', { source: 'WALLET', amount: '1.00', on: '2025-05-07' }, staff, {
          'accept-language': '',
        }),
      'WALLET_NOT_OPEN',
      'R-WAL-7',
    );
    expect(closed.field).toEqual(['payerId']);
    expect(closed.message).toContain('2025年5月8日');
  });

  it('R-USE-2: someone insured as an employee (职工医保) owes no resident basic contribution — 王强 for himself, his registered parent 王建国 (retired employee), his sister 王丽 (employee)', async () => {
    for (const insured of ['王强', '王建国', '王丽']) {
      const error = await refused(() => pay('王强', insured), 'INSURED_AS_EMPLOYEE', 'R-USE-2');
      expect(error.field).toEqual(['insuredId']);
      expect(error.message).toBe(
        'The insured is insured as an employee (职工医保) and owes no resident basic medical insurance contribution (R-USE-2)',
      );
    }
    // The same refusal in Chinese (the default language).
    const zh = await pay('王强', '王建国', {}, staff, { 'accept-language': '' });
    expect(zh.data!.residentContributionPay.userErrors).toEqual([
      expect.objectContaining({
        code: 'INSURED_AS_EMPLOYEE',
        message: '参保人参加的是职工基本医疗保险（职工医保），无需缴纳城乡居民基本医疗保险费（R-USE-2）',
      }),
    ]);
    expect(zh.data!.residentContributionPay.transaction).toBeNull();
  });

  it('R-USE-2/R-ACC-1 (audit finding 6): a FLEXIBLE (灵活就业) participant owes no resident basic contribution — 刘芳 for herself from her wallet, her son 刘洋 for her from EARMARKED', async () => {
    for (const [payer, over] of [
      ['刘芳', { source: 'WALLET', on: null }],
      ['刘洋', { source: 'EARMARKED' }],
    ] as const) {
      const error = await refused(() => pay(payer, '刘芳', over), 'INSURED_AS_FLEXIBLE', 'R-USE-2');
      expect(error.field).toEqual(['insuredId']);
      expect(error.message).toBe(
        'The insured is insured as a flexible-employment participant (灵活就业, employee scheme) and owes no resident basic medical insurance contribution (R-USE-2)',
      );
    }
    const zh = await pay('刘芳', '刘芳', { source: 'WALLET', on: null }, staff, { 'accept-language': '' });
    expect(zh.data!.residentContributionPay.userErrors).toEqual([
      expect.objectContaining({
        code: 'INSURED_AS_FLEXIBLE',
        field: ['insuredId'],
        message:
          '参保人以灵活就业人员身份参加职工基本医疗保险，不是居民医保参保人，无需缴纳城乡居民基本医疗保险费（R-USE-2）',
      }),
    ]);
  });

  it('R-USE-2: a relative whose registration was revoked (李秀英 for 王丽, long-term care) is not registered', async () => {
    // 王丽 is insured as an employee: only her long-term care contribution can be paid (INSURED_AS_EMPLOYEE otherwise).
    const error = await refused(
      () => pay('李秀英', '王丽', { scheme: 'LONG_TERM_CARE' }),
      'NOT_REGISTERED',
      'R-USE-2',
    );
    expect(error.field).toEqual(['insuredId']);
  });

  it('R-KIN-1: a person with no registration to the payer (王强 for 王小明) is refused', async () => {
    await refused(() => pay('王强', '王小明'), 'RELATION_NOT_IN_SCOPE', 'R-KIN-1');
  });

  it('R-KIN-1: a registered grandchild is out of scope on 2023-06-01, before the near-relative scope', async () => {
    await refused(
      () => pay('王建国', '王小明', { scheme: 'LONG_TERM_CARE' }),
      'RELATION_NOT_IN_SCOPE',
      'R-KIN-1',
    );
  });

  it('R-KIN-3: mutual-aid use is not open before 2022-12-01 in Beijing', async () => {
    await refused(() => pay('王丽', '王小明', { on: '2022-11-30' }), 'KIN_USE_NOT_OPEN', 'R-KIN-3');
  });

  it('R-KIN-2: a registered son insured in another province (Hebei) is refused (long-term care: he is an employee)', async () => {
    await refused(() => pay('王建国', '张伟', { scheme: 'LONG_TERM_CARE' }), 'OTHER_PROVINCE', 'R-KIN-2');
  });

  it('R-USE-2: 足额支付 — 李秀英 (500.00) cannot pay 600.00 for herself: nothing is charged', async () => {
    const error = await refused(
      () => pay('李秀英', '李秀英', { amount: '600.00', scheme: 'LONG_TERM_CARE' }),
      'INSUFFICIENT_BALANCE',
      'R-USE-2',
    );
    expect(error.field).toEqual(['amount']);
    expect(await balance(app, ids['李秀英'], 'EARMARKED')).toBe('500.00');
  });

  it('R-ACC-1: a resident without a personal account cannot pay from EARMARKED (王小明 for himself)', async () => {
    await refused(() => pay('王小明', '王小明'), 'NO_PERSONAL_ACCOUNT', 'R-ACC-1');
  });

  it("R-WAL-7: WALLET money pays only the holder's own RESIDENT_BASIC contribution", async () => {
    await refused(() => pay('王丽', '王小明', { source: 'WALLET' }), 'WALLET_NOT_ALLOWED', 'R-WAL-7');
    await refused(
      () => pay('赵敏', '赵敏', { source: 'WALLET', scheme: 'LONG_TERM_CARE' }),
      'WALLET_NOT_ALLOWED',
      'R-WAL-7',
    );
  });

  it('validation: an unknown payer is NOT_FOUND; a non-positive amount is refused', async () => {
    const error = await refused(() => pay('王丽', '王小明', { payerId: randomUUID() }), 'NOT_FOUND', null);
    expect(error.field).toEqual(['payerId']);
    // The domain's shared amount check cites R-USE-3 (premiums and contributions share it).
    const zero = await refused(() => pay('王丽', '王小明', { amount: '0.00' }), 'INVALID_AMOUNT', 'R-USE-3');
    expect(zero.field).toEqual(['amount']);
  });

  it('issue #4: a key reused with another input is IDEMPOTENCY_KEY_REUSED and charges nothing more', async () => {
    const k = key('rc-reuse');
    const first = await pay('王丽', '王小明', { amount: '10.00', idempotencyKey: k });
    expect(first.data!.residentContributionPay.userErrors).toEqual([]);
    await refused(
      () => pay('王丽', '王小明', { amount: '11.00', idempotencyKey: k }),
      'IDEMPOTENCY_KEY_REUSED',
      null,
    );
    await refused(
      () => pay('王丽', '王小明', { amount: '10.00', scheme: 'LONG_TERM_CARE', idempotencyKey: k }),
      'IDEMPOTENCY_KEY_REUSED',
      null,
    );
  });

  it('auth: an analyst and a portal without premium:write are FORBIDDEN; a portal may not choose the date', async () => {
    const analyst = await pay('王丽', '王小明', {}, await app.login('analyst'));
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const other = await portal(app, ['settlement:write'], { institutionId: 'H11010100001' });
    expect((await pay('王丽', '王小明', {}, other)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const own = await portal(app, ['premium:write']);
    const before = await ledgerSize(app);
    const dated = await pay('王丽', '王小明', {}, own);
    expect(dated.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await ledgerSize(app)).toEqual(before);
  });
});
