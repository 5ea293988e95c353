import { ENTITY_DIALECT } from '@gongji/persistence';
import { addDays } from '@gongji/domain';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  TX,
  USER_ERRORS,
  type UserErrorOut,
  attestRelation,
  balance,
  expectLedgerClean,
  key,
  ledgerSize,
  personId,
} from './wallet.helpers';

/**
 * Staff may enter a money decision for an earlier day (`on`), never for a later one: a date still to come would move
 * money today under rules that do not apply yet (a wallet region opening next month, R-WAL-3; next year's premium
 * scope, R-USE-3). Each refusal is DECISION_DATE_IN_FUTURE on `on`, with the rule the decision is taken under, and
 * moves nothing; the same input for today is decided as usual.
 */
describe(`a decision date after today is refused (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let staff: string;
  const ids: Record<string, string> = {};
  const tomorrow = () => addDays(todayInChina(), 1);

  beforeAll(async () => {
    app = await createTestApp();
    staff = await app.login('counter');
    for (const name of ['张伟', '赵敏', '王建国', '李秀英', '王小明']) ids[name] = await personId(app, name);
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  /** Sends `mutation` with `input` and expects DECISION_DATE_IN_FUTURE (`rule`, field `on`) and no money moved. */
  const refusedTomorrow = async (
    mutation: string,
    field: string,
    input: Record<string, unknown>,
    rule: string,
  ) => {
    const before = await ledgerSize(app);
    const pockets = await Promise.all(Object.values(ids).map((id) => balance(app, id, 'EARMARKED')));
    const res = await app.gql<Record<string, { userErrors: UserErrorOut[] }>>(
      mutation,
      { i: { ...input, on: tomorrow() } },
      staff,
    );
    expect(res.errors).toBeUndefined();
    const errors = res.data![field].userErrors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'DECISION_DATE_IN_FUTURE', rule, field: ['on'] });
    expect(errors[0].message).toMatch(/^The decision date .+ is after today \(.+, Beijing time\)/);
    expect(await ledgerSize(app)).toEqual(before);
    expect(await Promise.all(Object.values(ids).map((id) => balance(app, id, 'EARMARKED')))).toEqual(pockets);
    return errors[0];
  };

  it('walletActivate (R-WAL-5) and walletTransfer (R-WAL-3): no wallet business dated tomorrow', async () => {
    await refusedTomorrow(
      `mutation($i: WalletActivateInput!) { walletActivate(input: $i) { changed ${USER_ERRORS} } }`,
      'walletActivate',
      { personId: ids['张伟'], usageRegionCode: '130100', phone: '13900000001' },
      'R-WAL-5',
    );
    await refusedTomorrow(
      `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { ${TX} ${USER_ERRORS} } }`,
      'walletTransfer',
      {
        fromPersonId: ids['张伟'],
        toPersonId: ids['赵敏'],
        relation: 'PARENT',
        amount: '1.00',
        source: 'EARMARKED',
        verification: 'FACE',
        idempotencyKey: key('future-transfer'),
      },
      'R-WAL-3',
    );
  });

  it('premiumPay (R-USE-3) and residentContributionPay (R-USE-2): refused for tomorrow, decided for today', async () => {
    const premium = {
      payerId: ids['王建国'],
      insuredId: ids['王建国'],
      insuredIdNumber: '110105195203150179',
      product: '北京普惠健康保',
      amount: '1.00',
    };
    const PREMIUM = `mutation($i: PremiumPayInput!) { premiumPay(input: $i) { ${TX} ${USER_ERRORS} } }`;
    await refusedTomorrow(
      PREMIUM,
      'premiumPay',
      { ...premium, idempotencyKey: key('future-premium') },
      'R-USE-3',
    );
    const today = await app.gql<{ premiumPay: { transaction: unknown; userErrors: UserErrorOut[] } }>(
      PREMIUM,
      { i: { ...premium, on: todayInChina(), idempotencyKey: key('today-premium') } },
      staff,
    );
    expect(today.data!.premiumPay.userErrors).toEqual([]);
    expect(today.data!.premiumPay.transaction).not.toBeNull();

    await refusedTomorrow(
      `mutation($i: ResidentContributionPayInput!) { residentContributionPay(input: $i) { ${TX} ${USER_ERRORS} } }`,
      'residentContributionPay',
      {
        payerId: ids['王建国'],
        insuredId: ids['王小明'],
        scheme: 'RESIDENT_BASIC',
        amount: '1.00',
        idempotencyKey: key('future-resident'),
      },
      'R-USE-2',
    );
  });

  it('the refusal is in Chinese by default and replays under its key', async () => {
    const input = {
      fromPersonId: ids['张伟'],
      toPersonId: ids['赵敏'],
      relation: 'PARENT',
      amount: '1.00',
      source: 'EARMARKED',
      verification: 'FACE',
      on: tomorrow(),
      idempotencyKey: key('future-zh'),
    };
    await attestRelation(app, ids['张伟'], ids['赵敏'], 'PARENT');
    const TRANSFER = `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { ${USER_ERRORS} } }`;
    type Out = { walletTransfer: { userErrors: UserErrorOut[] } };
    const first = await app.gql<Out>(TRANSFER, { i: input }, staff, { 'accept-language': '' });
    expect(first.data!.walletTransfer.userErrors[0].message).toMatch(
      /^业务日期\d{4}年\d{1,2}月\d{1,2}日晚于今天/,
    );
    const again = await app.gql<Out>(TRANSFER, { i: input }, staff, { 'accept-language': '' });
    expect(again.data!.walletTransfer).toEqual(first.data!.walletTransfer);
  });
});
