import { randomUUID } from 'node:crypto';
import { ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  TX,
  type TxOut,
  USER_ERRORS,
  type UserErrorOut,
  attestRelation,
  balance,
  expectLedgerClean,
  key,
  ledgerSize,
  personId,
  portal,
} from './wallet.helpers';

const PAY = `mutation($i: PremiumPayInput!) { premiumPay(input: $i) { pocket regime ${TX} ${USER_ERRORS} } }`;
const PRODUCT = '北京普惠健康保';

type Pay = {
  premiumPay: {
    pocket: string | null;
    regime: string | null;
    transaction: TxOut | null;
    userErrors: UserErrorOut[];
  };
};

describe(`premiumPay refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let staff: string;
  let ids: Record<string, string>;
  const ID_NUMBERS: Record<string, string> = {
    王建国: '110105195203150179',
    李秀英: '110105195411200265',
    王强: '110105198309090112',
    王丽: '110105198006010381',
    张伟: '130102198805120135',
    刘洋: '370202199001010357',
  };
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
          insuredIdNumber: ID_NUMBERS[insured],
          product: PRODUCT,
          amount: '100.00',
          idempotencyKey: key('prem-fail'),
          ...over,
        },
      },
      token,
      headers,
    );
  /** Expects one userError with `code` and `rule`, and nothing charged. */
  const refused = async (act: () => ReturnType<typeof pay>, code: string, rule: string | null) => {
    const before = await ledgerSize(app);
    const payers = await Promise.all(Object.values(ids).map((id) => balance(app, id, 'EARMARKED')));
    const res = await act();
    expect(res.errors).toBeUndefined();
    const payload = res.data!.premiumPay;
    expect(payload.transaction).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code, rule });
    expect(await ledgerSize(app)).toEqual(before);
    expect(await Promise.all(Object.values(ids).map((id) => balance(app, id, 'EARMARKED')))).toEqual(payers);
    return payload.userErrors[0];
  };

  beforeAll(async () => {
    app = await createTestApp();
    staff = await app.login('counter');
    ids = {};
    for (const name of ['王建国', '王丽', '王强', '李秀英', '张伟', '刘洋'])
      ids[name] = await personId(app, name);
    // 王强 registered as 王丽's beneficiary: a SIBLING (R-KIN-1 scope decides whether she may pay for him).
    await app.db.getRepository(KinRelationEntity).insert({
      id: randomUUID(),
      providerId: ids['王丽'],
      beneficiaryId: ids['王强'],
      relation: 'SIBLING',
      channel: 'COUNTER',
      position: 1,
      registeredOn: '2022-10-20',
      proxyOnly: false,
      createdAt: new Date(),
      revokedAt: null,
    });
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-USE-3: premiums for a registered parent are refused before 2022-12-01 in Beijing', async () => {
    await refused(() => pay('王丽', '王建国', { on: '2022-11-30' }), 'KIN_PREMIUM_NOT_OPEN', 'R-USE-3');
  });

  it('R-KIN-1: a sibling is outside the supplementary-premium scope on 2023-06-01', async () => {
    await refused(() => pay('王丽', '王强', { on: '2023-06-01' }), 'RELATION_NOT_IN_SCOPE', 'R-KIN-1');
  });

  it('R-USE-3: a person with no registration to the payer (李秀英 for 王丽) is refused', async () => {
    await refused(() => pay('李秀英', '王丽'), 'RELATION_NOT_IN_SCOPE', 'R-KIN-1');
  });

  it('R-USE-3 2021 regime: with nothing on record between payer and insured (李秀英 for 王丽) the refusal says so, the same in both languages', async () => {
    const error = await refused(
      () => pay('李秀英', '王丽', { on: '2022-01-01' }),
      'RELATION_NOT_IN_SCOPE',
      'R-USE-3',
    );
    expect(error.field).toEqual(['insuredId']);
    expect(error.message).toBe(
      'Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only; no kin relation between payer and insured is registered or attested at a counter (R-USE-3)',
    );
    const zh = await pay('李秀英', '王丽', { on: '2022-01-01' }, staff, { 'accept-language': '' });
    expect(zh.data!.premiumPay.userErrors.map((e) => e.message)).toEqual([
      '2021年政策下，个人账户只能为本人、配偶、子女和父母缴纳补充医疗保险；缴费人与参保人之间没有已备案或经柜台核验的亲属关系（R-USE-3）',
    ]);
  });

  it('R-USE-3 2021 regime: a sibling on record (王丽 for 王强) is not a spouse, child or parent', async () => {
    const error = await refused(
      () => pay('王丽', '王强', { on: '2022-01-01' }),
      'RELATION_NOT_IN_SCOPE',
      'R-USE-3',
    );
    expect(error.message).toBe(
      'Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only, not for a sibling (R-USE-3)',
    );
    const zh = await pay('王丽', '王强', { on: '2022-01-01' }, staff, { 'accept-language': '' });
    expect(zh.data!.premiumPay.userErrors.map((e) => e.message)).toEqual([
      '2021年政策下，个人账户只能为本人、配偶、子女和父母缴纳补充医疗保险，不能为兄弟姐妹缴纳（R-USE-3）',
    ]);
  });

  it('R-USE-3 2021 regime: a relation attested at the counter (either direction) is enough — 李秀英 for her son 王强 then stops only at 足额支付 (her historical balance is 0.00)', async () => {
    await refused(() => pay('李秀英', '王强', { on: '2022-01-01' }), 'RELATION_NOT_IN_SCOPE', 'R-USE-3');
    // Recorded for 王强 about his mother: the inverse relation (CHILD) is what 王强 is to 李秀英.
    await attestRelation(app, ids['王强'], ids['李秀英'], 'PARENT');
    const error = await refused(
      () => pay('李秀英', '王强', { on: '2022-01-01' }),
      'INSUFFICIENT_BALANCE',
      'R-USE-3',
    );
    expect(error.message).toBe('The legacy (passbook) balance 0.00 yuan is lower than 100.00 yuan (R-USE-3)');
  });

  it('R-USE-3: 足额支付 — 李秀英 (500.00) cannot pay 600.00: nothing is charged', async () => {
    const error = await refused(
      () => pay('李秀英', '李秀英', { amount: '600.00' }),
      'INSUFFICIENT_BALANCE',
      'R-USE-3',
    );
    expect(error.field).toEqual(['amount']);
    expect(await balance(app, ids['李秀英'], 'EARMARKED')).toBe('500.00');
  });

  it("R-USE-3: the portal's ID number must equal the insured's registered one", async () => {
    await refused(
      () => pay('王建国', '王建国', { insuredIdNumber: '110105195411200265' }),
      'ID_NUMBER_MISMATCH',
      'R-USE-3',
    );
  });

  it("R-USE-3: other cities' accounts cannot pay (Beijing payer, Shijiazhuang insured)", async () => {
    await refused(() => pay('王建国', '张伟'), 'OTHER_REGION', 'R-USE-3');
  });

  it('R-USE-3: nothing could be paid from the account before 2021-08-26 (the refusal names the input field `on`)', async () => {
    const error = await refused(
      () => pay('王建国', '王建国', { on: '2021-08-25' }),
      'PREMIUM_NOT_OPEN',
      'R-USE-3',
    );
    expect(error).toMatchObject({ field: ['on'] });
  });

  it('R-USE-3 (audit finding 1): in Qingdao, where supplementary-premium payment is not configured, a premium today is PREMIUM_NOT_OPEN — not the 2021 regime charging LEGACY', async () => {
    const legacy = await balance(app, ids['刘洋'], 'LEGACY');
    const error = await refused(
      () => pay('刘洋', '刘洋', { amount: '50.00' }),
      'PREMIUM_NOT_OPEN',
      'R-USE-3',
    );
    expect(error.field).toEqual(['payerId']);
    expect(error.message).toMatch(
      /^Premiums from the account are not offered in 青岛市 \(370200\): none can be paid on .+ \(R-USE-3\)$/,
    );
    const zh = await pay('刘洋', '刘洋', { amount: '50.00' }, staff, { 'accept-language': '' });
    expect(zh.data!.premiumPay.userErrors[0]!.message).toMatch(
      /^青岛市未开通用个人账户缴纳补充医疗保险，\d+年\d+月\d+日不能缴纳（R-USE-3）$/,
    );
    // Nor in the 2021 window: the 2021 regime is Beijing's 本市补充医疗保险, not a fallback for other cities.
    await refused(
      () => pay('刘洋', '刘洋', { on: '2022-01-01', amount: '1.00' }),
      'PREMIUM_NOT_OPEN',
      'R-USE-3',
    );
    expect(await balance(app, ids['刘洋'], 'LEGACY')).toBe(legacy);
  });

  it('R-USE-3: a blank product code is INVALID_INPUT on `product`; nothing goes to an insurer without a product', async () => {
    for (const product of ['', '   ']) {
      const error = await refused(() => pay('王建国', '王建国', { product }), 'INVALID_INPUT', 'R-USE-3');
      expect(error.field).toEqual(['product']);
      const zh = await pay('王建国', '王建国', { product }, staff, { 'accept-language': '' });
      expect(zh.data!.premiumPay.userErrors.map((e) => e.message)).toEqual([
        '请填写补充医疗保险的产品代码：保费缴入该产品（R-USE-3）',
      ]);
    }
  });

  it('issue #4: a key reused with another amount is IDEMPOTENCY_KEY_REUSED and charges nothing more', async () => {
    const k = key('prem-reuse');
    const first = await pay('王建国', '王建国', { amount: '10.00', idempotencyKey: k });
    expect(first.data!.premiumPay.userErrors).toEqual([]);
    await refused(
      () => pay('王建国', '王建国', { amount: '11.00', idempotencyKey: k }),
      'IDEMPOTENCY_KEY_REUSED',
      null,
    );
  });

  it('auth: a portal of another product is FORBIDDEN; a portal may not choose the date', async () => {
    const other = await portal(app, ['premium:write'], { product: '惠民保-other' });
    const res = await pay('王建国', '王建国', {}, other);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const own = await portal(app, ['premium:write'], { product: PRODUCT });
    const dated = await pay('王建国', '王建国', { on: '2023-01-01' }, own);
    expect(dated.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
