import { ENTITY_DIALECT, RegionEntity, WalletEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
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

describe(`walletActivate and walletTransfer refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let staff: string;
  let zhangwei: string;
  let zhaomin: string;
  let liufang: string;
  const transfer = (over: Record<string, unknown>, token = staff) =>
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
    );
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

  it('issue #9: a transfer on 2024-12-01, before the national launch, cites R-WAL-3 first, then the scope (R-WAL-4)', async () => {
    const error = await refusedWithoutMoving(
      () => data(transfer({ on: '2024-12-01' })),
      'WALLET_NOT_OPEN',
      'R-WAL-3',
      ['WALLET_NOT_OPEN', 'NOT_NEAR_RELATIVE'],
    );
    expect(error.field).toEqual(['fromPersonId']);
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
    const beijing = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: liuyang, usageRegionCode: '110000', phone: '13900000003' } },
      staff,
    );
    expect(beijing.data!.walletActivate.userErrors).toMatchObject([
      { code: 'WALLET_NOT_OPEN', rule: 'R-WAL-3' },
    ]);
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
});
