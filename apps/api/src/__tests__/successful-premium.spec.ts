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

describe(`premiumPay over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let wangjianguo: string;
  let wangli: string;
  beforeAll(async () => {
    app = await createTestApp();
    wangjianguo = await personId(app, '王建国');
    wangli = await personId(app, '王丽');
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-USE-3: 王建国 pays his own premium in full from EARMARKED; the insurer is credited', async () => {
    const res = await app.gql<Pay>(
      PAY,
      {
        i: {
          payerId: wangjianguo,
          insuredId: wangjianguo,
          insuredIdNumber: '110105195203150179',
          product: PRODUCT,
          amount: '195.00',
          idempotencyKey: key('prem-self'),
        },
      },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.premiumPay;
    expect(payload).toMatchObject({ pocket: 'EARMARKED', regime: 'EARMARKED_2022', userErrors: [] });
    expect(payload.transaction).toMatchObject({ kind: 'PREMIUM', amount: '195.00', personId: wangjianguo });
    expect(payload.transaction!.postings).toEqual([
      {
        personId: wangjianguo,
        pocket: 'EARMARKED',
        systemAccount: null,
        amount: '-195.00',
        balanceAfter: '7805.00',
      },
      { personId: null, pocket: null, systemAccount: 'INSURER', amount: '195.00', balanceAfter: null },
    ]);
    expect(await balance(app, wangjianguo, 'EARMARKED')).toBe('7805.00');
  });

  it('R-USE-3: from 2022-12-01 王丽 pays for her registered parent 王建国 in Beijing', async () => {
    const res = await app.gql<Pay>(
      PAY,
      {
        i: {
          payerId: wangli,
          insuredId: wangjianguo,
          insuredIdNumber: '110105195203150179',
          product: PRODUCT,
          amount: '100.00',
          on: '2022-12-01',
          idempotencyKey: key('prem-parent'),
        },
      },
      await app.login('admin'),
    );
    expect(res.data!.premiumPay.userErrors).toEqual([]);
    expect(res.data!.premiumPay.transaction).toMatchObject({ counterpartyPersonId: wangjianguo });
    expect(await balance(app, wangli, 'EARMARKED')).toBe('3400.00');
  });

  it('R-USE-3 / R-ACC-6: under the 2021 regime (2022-01-10) the historical balance (LEGACY) pays', async () => {
    const res = await app.gql<Pay>(
      PAY,
      {
        i: {
          payerId: wangjianguo,
          insuredId: wangjianguo,
          insuredIdNumber: '110105195203150179',
          product: PRODUCT,
          amount: '59.00',
          on: '2022-01-10',
          idempotencyKey: key('prem-2021'),
        },
      },
      await app.login('admin'),
    );
    expect(res.data!.premiumPay).toMatchObject({
      pocket: 'LEGACY',
      regime: 'HISTORICAL_BALANCE_2021',
      userErrors: [],
    });
    expect(await balance(app, wangjianguo, 'LEGACY')).toBe('1141.00');
  });

  it('R-USE-3 2021 regime: no registration needed — 王建国 pays for his son 王强, his daughter 王丽 and his spouse 李秀英 from the historical balance; the children are on record only as his providers (inverse relation)', async () => {
    const staff = await app.login('counter');
    const insured: [string, string, string][] = [
      ['王强', '110105198309090112', 'CHILD'],
      ['王丽', '110105198006010381', 'CHILD'],
      ['李秀英', '110105195411200265', 'SPOUSE'],
    ];
    for (const [name, idNumber, relation] of insured) {
      const id = await personId(app, name);
      const before = await balance(app, wangjianguo, 'LEGACY');
      const res = await app.gql<Pay>(
        PAY,
        {
          i: {
            payerId: wangjianguo,
            insuredId: id,
            insuredIdNumber: idNumber,
            product: PRODUCT,
            amount: '1.00',
            on: '2022-01-01',
            idempotencyKey: key('prem-2021-kin'),
          },
        },
        staff,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.premiumPay).toMatchObject({
        pocket: 'LEGACY',
        regime: 'HISTORICAL_BALANCE_2021',
        userErrors: [],
      });
      expect(res.data!.premiumPay.transaction).toMatchObject({ counterpartyPersonId: id });
      expect(res.data!.premiumPay.transaction!.explanation[0]).toEqual({
        rule: 'R-USE-3',
        message: `2021 regime: historical balance pays for ${relation}, no registration needed`,
      });
      expect(Number(await balance(app, wangjianguo, 'LEGACY'))).toBeCloseTo(Number(before) - 1, 2);
    }
  });

  it('R-USE-3: the insurer portal charges its own product; a retry with the key replays the same reply', async () => {
    const token = await portal(app, ['premium:write'], { product: PRODUCT, serving: [wangli] });
    const variables = {
      i: {
        payerId: wangli,
        insuredId: wangli,
        insuredIdNumber: '110105198006010381',
        product: PRODUCT,
        amount: '20.00',
        idempotencyKey: key('prem-portal'),
      },
    };
    const before = await app.db.getRepository(TransactionEntity).countBy({ kind: 'PREMIUM' });
    const [a, b] = await Promise.all([
      app.gql<Pay>(PAY, variables, token),
      app.gql<Pay>(PAY, variables, token),
    ]);
    expect(a.data!.premiumPay.userErrors).toEqual([]);
    expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data));
    expect(await app.db.getRepository(TransactionEntity).countBy({ kind: 'PREMIUM' })).toBe(before + 1);
    expect(await balance(app, wangli, 'EARMARKED')).toBe('3380.00');
  });
});
