import { ENTITY_DIALECT, TransactionEntity } from '@gongji/persistence';
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

describe(`residentContributionPay over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let staff: string;
  let ids: Record<string, string>;
  const pay = (payer: string, insured: string, over: Record<string, unknown> = {}, token = staff) =>
    app.gql<Pay>(
      PAY,
      {
        i: {
          payerId: ids[payer],
          insuredId: ids[insured],
          scheme: 'RESIDENT_BASIC',
          amount: '380.00',
          idempotencyKey: key('rc-ok'),
          ...over,
        },
      },
      token,
    );

  beforeAll(async () => {
    app = await createTestApp();
    staff = await app.login('counter');
    ids = {};
    for (const name of ['王丽', '王小明', '王建国', '王强', '张伟', '赵敏'])
      ids[name] = await personId(app, name);
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it("R-USE-2: 王丽 pays her registered son 王小明's resident contribution (Beijing, 2023-01-15)", async () => {
    const res = await pay('王丽', '王小明', { on: '2023-01-15' });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.residentContributionPay;
    expect(payload.userErrors).toEqual([]);
    expect(payload.transaction).toMatchObject({
      kind: 'RESIDENT_CONTRIBUTION',
      status: 'POSTED',
      amount: '380.00',
      personId: ids['王丽'],
      counterpartyPersonId: ids['王小明'],
    });
    expect(payload.transaction!.postings).toEqual(
      expect.arrayContaining([
        {
          personId: ids['王丽'],
          pocket: 'EARMARKED',
          systemAccount: null,
          amount: '-380.00',
          balanceAfter: '3120.00',
        },
        expect.objectContaining({ personId: null, amount: '380.00' }),
      ]),
    );
    expect(payload.transaction!.explanation.map((e) => e.rule)).toContain('R-USE-2');
    expect(await balance(app, ids['王丽'], 'EARMARKED')).toBe('3120.00');
  });

  it('R-USE-2: the long-term care contribution of a registered parent (王丽 for 王建国)', async () => {
    const res = await pay('王丽', '王建国', { scheme: 'LONG_TERM_CARE', amount: '120.00', on: '2023-02-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.residentContributionPay.userErrors).toEqual([]);
    expect(res.data!.residentContributionPay.transaction).toMatchObject({
      kind: 'RESIDENT_CONTRIBUTION',
      amount: '120.00',
    });
    expect(await balance(app, ids['王丽'], 'EARMARKED')).toBe('3000.00');
  });

  it('R-USE-2: self payment from the own EARMARKED account needs no registration (王强, today)', async () => {
    const res = await pay('王强', '王强', { scheme: 'LONG_TERM_CARE', amount: '100.00' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.residentContributionPay.userErrors).toEqual([]);
    expect(res.data!.residentContributionPay.transaction).toMatchObject({
      personId: ids['王强'],
      counterpartyPersonId: ids['王强'],
    });
    expect(await balance(app, ids['王强'], 'EARMARKED')).toBe('2500.00');
  });

  it('auth: a portal with premium:write pays on today’s date (王丽 for 王小明)', async () => {
    const token = await portal(app, ['premium:write'], { serving: [ids['王丽']] });
    const res = await pay('王丽', '王小明', { amount: '10.00' }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.residentContributionPay.userErrors).toEqual([]);
    expect(await balance(app, ids['王丽'], 'EARMARKED')).toBe('2990.00');
  });

  it('R-KIN-1: a registered grandchild is in scope once the near-relative scope applies (2025-01-01)', async () => {
    const res = await pay('王建国', '王小明', { amount: '200.00', on: '2025-01-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.residentContributionPay.userErrors).toEqual([]);
    expect(await balance(app, ids['王建国'], 'EARMARKED')).toBe('7800.00');
  });

  it("R-WAL-7: 赵敏 pays her own resident basic contribution from her own WALLET (filled by her son's transfer)", async () => {
    await app.gql(
      `mutation($i: WalletActivateInput!) { walletActivate(input: $i) { userErrors { code } } }`,
      { i: { personId: ids['张伟'], usageRegionCode: '130100', phone: '13900000001' } },
      staff,
    );
    const transfer = await app.gql<{ walletTransfer: { userErrors: UserErrorOut[] } }>(
      `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { ${USER_ERRORS} } }`,
      {
        i: {
          fromPersonId: ids['张伟'],
          toPersonId: ids['赵敏'],
          relation: 'PARENT',
          amount: '300.00',
          source: 'EARMARKED',
          verification: 'FACE',
          idempotencyKey: key('rc-wal'),
        },
      },
      staff,
    );
    expect(transfer.data!.walletTransfer.userErrors).toEqual([]);
    const res = await pay('赵敏', '赵敏', { source: 'WALLET', amount: '250.00' });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.residentContributionPay;
    expect(payload.userErrors).toEqual([]);
    expect(payload.transaction!.postings).toEqual(
      expect.arrayContaining([
        {
          personId: ids['赵敏'],
          pocket: 'WALLET',
          systemAccount: null,
          amount: '-250.00',
          balanceAfter: '50.00',
        },
      ]),
    );
    expect(payload.transaction!.explanation.map((e) => e.rule)).toContain('R-WAL-7');
    expect(await balance(app, ids['赵敏'], 'WALLET')).toBe('50.00');
  });

  it('issue #4: the same key and input replays the stored result; the money moves once', async () => {
    const k = key('rc-replay');
    const first = await pay('王丽', '王小明', { amount: '10.00', on: '2023-03-01', idempotencyKey: k });
    expect(first.data!.residentContributionPay.userErrors).toEqual([]);
    const size = await ledgerSize(app);
    const again = await pay('王丽', '王小明', { amount: '10.00', on: '2023-03-01', idempotencyKey: k });
    expect(again.errors).toBeUndefined();
    expect(again.data!.residentContributionPay).toEqual(first.data!.residentContributionPay);
    expect(await ledgerSize(app)).toEqual(size);
    expect(await balance(app, ids['王丽'], 'EARMARKED')).toBe('2980.00');
    expect(await app.db.getRepository(TransactionEntity).countBy({ kind: 'RESIDENT_CONTRIBUTION' })).toBe(7);
  });
});
