import { ENTITY_DIALECT, RegionEntity, WalletEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { todayInChina } from '../common/clock';
import { formatDate } from '@gongji/domain';
import {
  attestRelation,
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

const ACTIVATE = `mutation($i: WalletActivateInput!) { walletActivate(input: $i) {
  wallet { usageRegionCode } changed ${USER_ERRORS} } }`;
const TRANSFER = `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { ${TX} ${USER_ERRORS} } }`;

type Activate = {
  walletActivate: {
    wallet: { usageRegionCode: string } | null;
    changed: boolean;
    userErrors: UserErrorOut[];
  };
};
type Transfer = { walletTransfer: { transaction: TxOut | null; userErrors: UserErrorOut[] } };
/** No Accept-Language: Chinese, the default (the test app sends English otherwise). */
const CHINESE = { 'accept-language': '' };

describe(`walletActivate and walletTransfer refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let staff: string;
  let zhangwei: string;
  let zhaomin: string;
  let liufang: string;
  const transfer = (over: Record<string, unknown>, token = staff, headers?: Record<string, string>) =>
    app.gql<Transfer>(
      TRANSFER,
      {
        i: {
          fromPersonId: zhangwei,
          toPersonId: zhaomin,
          relation: 'PARENT',
          amount: '100.00',
          source: 'EARMARKED',
          verification: 'FACE',
          idempotencyKey: key('wal-fail'),
          ...over,
        },
      },
      token,
      headers,
    );
  const activate = (i: Record<string, unknown>, headers?: Record<string, string>) =>
    app.gql<Activate>(ACTIVATE, { i }, staff, headers).then((r) => r.data!.walletActivate);
  const usageRegionOf = async (id: string) =>
    (await app.db.getRepository(WalletEntity).findOneBy({ personId: id }))?.usageRegionCode ?? null;
  /**
   * Runs `act`, expects the first userError to have `code` and `rule` and the others (issue #9: every refusal at
   * once, most fundamental first) to have the codes `also`, and that no money moved.
   */
  const refusedWithoutMoving = async (
    act: () => Promise<Transfer>,
    code: string,
    rule: string,
    also: string[] = [],
  ) => {
    const before = await ledgerSize(app);
    const balances = [await balance(app, zhangwei, 'EARMARKED'), await balance(app, zhaomin, 'WALLET')];
    const payload = (await act()).walletTransfer;
    expect(payload.transaction).toBeNull();
    expect(payload.userErrors.map((e) => e.code)).toEqual([code, ...also]);
    expect(payload.userErrors[0]).toMatchObject({ code, rule });
    expect(await ledgerSize(app)).toEqual(before);
    expect([await balance(app, zhangwei, 'EARMARKED'), await balance(app, zhaomin, 'WALLET')]).toEqual(
      balances,
    );
    return payload.userErrors[0];
  };
  const data = async (p: Promise<{ data?: Transfer; errors?: unknown }>) => {
    const res = await p;
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    app = await createTestApp();
    staff = await app.login('counter');
    zhangwei = await personId(app, '张伟');
    zhaomin = await personId(app, '赵敏');
    liufang = await personId(app, '刘芳');
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-WAL-5: the sender must confirm the wallet before using it', async () => {
    const error = await refusedWithoutMoving(() => data(transfer({})), 'WALLET_NOT_ACTIVATED', 'R-WAL-5');
    expect(error.field).toEqual(['fromPersonId']);
    const activated = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: zhangwei, usageRegionCode: '130100', phone: '13900000001' } },
      staff,
    );
    expect(activated.data!.walletActivate.userErrors).toEqual([]);
  });

  it('API.md: without `relation` and with nothing on record (张伟 → 刘芳 before any attestation), RELATION_NOT_ESTABLISHED (R-WAL-4)', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ toPersonId: liufang, relation: undefined })),
      'RELATION_NOT_ESTABLISHED',
      'R-WAL-4',
      ['WALLET_NOT_ACTIVATED'],
    );
    expect(error.field).toEqual(['relation']);
  });

  it('R-WAL-5: refused before the recipient confirmed the wallet (刘芳, Qingdao, no confirmation)', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ toPersonId: liufang, relation: 'SIBLING' })),
      'RELATION_NOT_ESTABLISHED',
      'R-WAL-4',
      ['WALLET_NOT_ACTIVATED'],
    );
    expect(error.field).toEqual(['relation']);
    // with the relation attested, the one remaining refusal is the recipient's missing confirmation
    await attestRelation(app, zhangwei, liufang, 'SIBLING');
    const second = await refusedWithoutMoving(
      () => data(transfer({ toPersonId: liufang, relation: 'SIBLING' })),
      'WALLET_NOT_ACTIVATED',
      'R-WAL-5',
    );
    expect(second.field).toEqual(['toPersonId']);
  });

  it('R-WAL-3: refused on 2025-05-01, before the wallet opened in Shijiazhuang and Jinan (confirmed by 2025-05-08)', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ on: '2025-05-01' })),
      'WALLET_NOT_OPEN',
      'R-WAL-3',
      ['WALLET_NOT_OPEN'],
    );
    expect(error.field).toEqual(['fromPersonId']);
  });

  it("R-WAL-3: refused today when the recipient's region opens later", async () => {
    const regions = app.db.getRepository(RegionEntity);
    // updatedAt as every writer sets it: the policy cache is keyed on the regions' latest change (issue #7)
    await regions.update({ code: '370100' }, { walletFrom: '2099-01-01', updatedAt: new Date() });
    try {
      const error = await refusedWithoutMoving(() => data(transfer({})), 'WALLET_NOT_OPEN', 'R-WAL-3');
      expect(error.field).toEqual(['toPersonId']);
    } finally {
      await regions.update({ code: '370100' }, { walletFrom: '2025-05-08', updatedAt: new Date() });
    }
  });

  it('R-WAL-1/3: a transfer on 2024-12-01, before the national launch, says the wallet is not open — not NOT_NEAR_RELATIVE', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ on: '2024-12-01' }, staff, CHINESE)),
      'WALLET_NOT_OPEN',
      'R-WAL-3',
      ['WALLET_NOT_OPEN'],
    );
    expect(error.field).toEqual(['fromPersonId']);
    expect(error.message).toBe(
      '转出人参保地的医保钱包自2025年5月8日起开通，2024年12月1日尚未开通（R-WAL-3）',
    );
  });

  it('issue #9: a request breaking three rules gets three userErrors, most fundamental first', async () => {
    // before the wallet opens (R-WAL-3 ×2), a relation never established (R-WAL-4), more than the balance (R-WAL-6)
    const payload = (await data(transfer({ on: '2025-05-01', relation: 'SPOUSE', amount: '99999.00' })))
      .walletTransfer;
    expect(payload.userErrors.map((e) => [e.code, e.rule])).toEqual([
      ['WALLET_NOT_OPEN', 'R-WAL-3'],
      ['WALLET_NOT_OPEN', 'R-WAL-3'],
      ['RELATION_NOT_ESTABLISHED', 'R-WAL-4'],
      ['INSUFFICIENT_BALANCE', 'R-WAL-6'],
    ]);
  });

  it('R-WAL-4: a relation only declared by the caller, with no registration or attestation, is RELATION_NOT_ESTABLISHED', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ relation: 'SPOUSE' })),
      'RELATION_NOT_ESTABLISHED',
      'R-WAL-4',
    );
    expect(error.field).toEqual(['relation']);
  });

  it('R-WAL-6: insufficient EARMARKED balance moves nothing', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ amount: '5000.00' })),
      'INSUFFICIENT_BALANCE',
      'R-WAL-6',
    );
    expect(error.field).toEqual(['amount']);
  });

  it('R-WAL-6: zero is not an amount', async () => {
    await refusedWithoutMoving(() => data(transfer({ amount: '0.00' })), 'INVALID_AMOUNT', 'R-WAL-6');
  });

  it('R-WAL-4: no transfer to oneself', async () => {
    await refusedWithoutMoving(() => data(transfer({ toPersonId: zhangwei })), 'SELF_TRANSFER', 'R-WAL-4');
  });

  it('issue #4: a key reused with another input is IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
    const k = key('wal-reuse');
    const first = await data(transfer({ amount: '10.00', idempotencyKey: k }));
    expect(first.walletTransfer.userErrors).toEqual([]);
    const error = await refusedWithoutMoving(
      () => data(transfer({ amount: '20.00', idempotencyKey: k })),
      'IDEMPOTENCY_KEY_REUSED',
      null as unknown as string,
    );
    expect(error.field).toEqual(['idempotencyKey']);
  });

  it('R-WAL-5: Shandong does not offer usage-location change, so 赵敏 keeps Jinan', async () => {
    const res = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: zhaomin, usageRegionCode: '370200', phone: '13900000002' } },
      staff,
    );
    expect(res.data!.walletActivate).toMatchObject({
      wallet: null,
      changed: false,
      userErrors: [{ code: 'USAGE_CHANGE_NOT_OFFERED', rule: 'R-WAL-5' }],
    });
    expect(
      (await app.db.getRepository(WalletEntity).findOneByOrFail({ personId: zhaomin })).usageRegionCode,
    ).toBe('370100');
  });

  it('R-WAL-5: a confirmation needs a mainland mobile number and an open usage region', async () => {
    const liuyang = await personId(app, '刘洋');
    const phone = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: liuyang, usageRegionCode: '370200', phone: '12345' } },
      staff,
    );
    expect(phone.data!.walletActivate.userErrors).toMatchObject([{ code: 'INVALID_PHONE', rule: 'R-WAL-5' }]);
    // Beijing is in another province than Qingdao (and closed): R-WAL-7 refuses it before its opening date matters
    const beijing = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: liuyang, usageRegionCode: '110000', phone: '13900000003' } },
      staff,
    );
    expect(beijing.data!.walletActivate.userErrors).toMatchObject([
      { code: 'OUT_OF_PROVINCE', rule: 'R-WAL-7', field: ['usageRegionCode'] },
    ]);
    // Jinan, in Shandong like Qingdao, but not open on the date
    const regions = app.db.getRepository(RegionEntity);
    await regions.update({ code: '370100' }, { walletFrom: '2099-01-01', updatedAt: new Date() });
    try {
      expect(
        (await activate({ personId: liuyang, usageRegionCode: '370100', phone: '13900000003' })).userErrors,
      ).toMatchObject([{ code: 'WALLET_NOT_OPEN', rule: 'R-WAL-3', field: ['usageRegionCode'] }]);
    } finally {
      await regions.update({ code: '370100' }, { walletFrom: '2025-05-08', updatedAt: new Date() });
    }
    expect(await app.db.getRepository(WalletEntity).countBy({ personId: liuyang })).toBe(0);
  });

  it('R-WAL-5: a usage-region change with a malformed phone is INVALID_PHONE and changes nothing (张伟, Hebei offers the change)', async () => {
    const res = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: zhangwei, usageRegionCode: '130200', phone: '12345' } },
      staff,
    );
    expect(res.data!.walletActivate).toMatchObject({
      wallet: null,
      changed: false,
      userErrors: [{ code: 'INVALID_PHONE', rule: 'R-WAL-5', field: ['phone'] }],
    });
    expect(
      (await app.db.getRepository(WalletEntity).findOneByOrFail({ personId: zhangwei })).usageRegionCode,
    ).toBe('130100');
  });

  it('auth: an analyst may not transfer; a portal may not choose the date', async () => {
    const analyst = await transfer({}, await app.login('analyst'));
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const token = await portal(app, ['wallet:transfer']);
    const dated = await transfer({ on: '2025-06-01' }, token);
    expect(dated.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it("R-WAL-5: 王丽 (Beijing) cannot confirm while her insured region's wallet is closed, whatever usage region she names", async () => {
    const wangli = await personId(app, '王丽');
    const res = await activate(
      { personId: wangli, usageRegionCode: '370200', phone: '13900139000' },
      CHINESE,
    );
    expect(res).toMatchObject({ wallet: null, changed: false });
    expect(res.userErrors).toMatchObject([{ code: 'WALLET_NOT_OPEN', rule: 'R-WAL-5', field: ['personId'] }]);
    expect(res.userErrors[0].message).toMatch(/^参保地北京市在\d+年\d+月\d+日尚未开通医保钱包（R-WAL-5）$/);
    expect(await usageRegionOf(wangli)).toBeNull();
  });

  it('R-WAL-5/R-WAL-7: 张伟 (Hebei, which offers 使用地变更) cannot move his usage region into Shandong', async () => {
    const res = await activate({ personId: zhangwei, usageRegionCode: '370200', phone: '13900000001' });
    expect(res).toMatchObject({
      wallet: null,
      changed: false,
      userErrors: [{ code: 'OUT_OF_PROVINCE', rule: 'R-WAL-7', field: ['usageRegionCode'] }],
    });
    expect(res.userErrors[0].message).toBe(
      'The usage region 青岛市 (370200) is outside the insured province 河北省 (130000): the wallet is used in the insured province (R-WAL-7)',
    );
    const zh = await activate(
      { personId: zhangwei, usageRegionCode: '370200', phone: '13900000001' },
      CHINESE,
    );
    expect(zh.userErrors[0].message).toBe(
      '钱包使用地青岛市不在参保地所在的河北省，医保钱包只能在参保地省内使用（R-WAL-7）',
    );
    expect(await usageRegionOf(zhangwei)).toBe('130100');
  });

  it('R-WAL-5: a sender who confirmed the wallet today cannot send on an earlier date; the refusal names both dates', async () => {
    const today = todayInChina();
    const error = await refusedWithoutMoving(
      () => data(transfer({ on: '2025-06-01' }, staff, CHINESE)),
      'WALLET_NOT_ACTIVATED',
      'R-WAL-5',
    );
    expect(error.field).toEqual(['fromPersonId']);
    expect(error.message).toBe(
      `转出人于${formatDate(today, 'zh')}才确认使用医保钱包，2025年6月1日尚不能使用（R-WAL-5）`,
    );
  });

  it('R-WAL-5: a recipient who confirmed later receives nothing dated earlier; a staff confirmation dated in the past counts from that date', async () => {
    const liuyang = await personId(app, '刘洋');
    // 刘洋's confirmation is recorded by staff as of 2025-05-08 (Qingdao's opening day); 刘芳 (his mother) confirms today
    expect(
      (
        await activate({
          personId: liuyang,
          usageRegionCode: '370200',
          phone: '13900000003',
          on: '2025-05-08',
        })
      ).userErrors,
    ).toEqual([]);
    expect(
      (await activate({ personId: liufang, usageRegionCode: '370200', phone: '13900000004' })).userErrors,
    ).toEqual([]);
    const before = await ledgerSize(app);
    const payload = (
      await data(
        transfer({
          fromPersonId: liuyang,
          toPersonId: liufang,
          relation: 'PARENT',
          amount: '1.00',
          on: '2025-06-01',
        }),
      )
    ).walletTransfer;
    expect(payload.transaction).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        code: 'WALLET_NOT_ACTIVATED',
        rule: 'R-WAL-5',
        field: ['toPersonId'],
        message: `The recipient confirmed the wallet on ${formatDate(todayInChina(), 'en')}, after 1 June 2025 (R-WAL-5)`,
      },
    ]);
    expect(await ledgerSize(app)).toEqual(before);
    expect(await balance(app, liufang, 'WALLET')).toBe('0.00');
  });

  it('R-ACC-1: 刘芳 (FLEXIBLE, no personal account) sending from EARMARKED gets NO_PERSONAL_ACCOUNT only, not also INSUFFICIENT_BALANCE', async () => {
    const liuyang = await personId(app, '刘洋');
    const payload = (
      await data(transfer({ fromPersonId: liufang, toPersonId: liuyang, relation: 'CHILD', amount: '10.00' }))
    ).walletTransfer;
    expect(payload.transaction).toBeNull();
    expect(payload.userErrors).toMatchObject([
      { code: 'NO_PERSONAL_ACCOUNT', rule: 'R-ACC-1', field: ['source'] },
    ]);
  });

  it('R-WAL-4: the English kinship-scope refusal starts with a capital letter', async () => {
    const admin = await app.login('admin');
    const scope = await app.gql<{ kinshipScopeSet: { userErrors: UserErrorOut[] } }>(
      `mutation($i: KinshipScopeSetInput!) { kinshipScopeSet(input: $i) { ${USER_ERRORS} } }`,
      {
        i: {
          regionCode: '130100',
          purpose: 'WALLET_TRANSFER',
          effectiveFrom: todayInChina(),
          relations: ['SPOUSE', 'CHILD'],
          reason: 'test: parents out of the wallet-transfer scope',
        },
      },
      admin,
    );
    expect(scope.data!.kinshipScopeSet.userErrors).toEqual([]);
    const error = await refusedWithoutMoving(
      () => data(transfer({ amount: '1.00' })),
      'NOT_NEAR_RELATIVE',
      'R-WAL-4',
    );
    expect(error.message).toMatch(
      /^The parent relation is not in the wallet-transfer kinship scope .* \(R-WAL-4\)$/,
    );
  });
});
