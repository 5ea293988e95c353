import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { presentEVoucher } from './gateway.helpers';
import { key, personId, portal } from './wallet.helpers';

/**
 * API.md: "a portal sees only the people it is serving" — a portal serves a person who proved presence at its desk
 * (e-voucher code or card number); only then may it charge them, and it sees them and its own transactions. An id
 * learnt elsewhere is no proof: charging before it is FORBIDDEN and moves nothing (a black-box tester debited and
 * then read persons a portal had never seen).
 */
describe(`portal visibility (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('an insurer portal charges and reads a person only after proof of presence, and lists only its own transactions', async () => {
    const token = await portal(app, ['premium:write'], { product: 'BEIJING_PUHUI' });
    const wangli = await personId(app, '王丽');
    const read = `query($id: ID!) { person(id: $id) { name } }`;
    const before = await app.gql(read, { id: wangli }, token);
    expect(before.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const mine = async () =>
      (
        await app.gql<{ transactions: { totalCount: number; edges: { node: { kind: string } }[] } }>(
          '{ transactions(first: 100) { totalCount edges { node { kind } } } }',
          {},
          token,
        )
      ).data!.transactions;
    expect((await mine()).totalCount).toBe(0); // demo credits exist, but they are not this portal's

    const pay = (idempotencyKey: string) =>
      app.gql<{ premiumPay: { userErrors: unknown[] } }>(
        `mutation($i: PremiumPayInput!) { premiumPay(input: $i) { userErrors { code message } } }`,
        {
          i: {
            payerId: wangli,
            insuredId: wangli,
            insuredIdNumber: '110105198006010381',
            product: 'BEIJING_PUHUI',
            amount: '20.00',
            idempotencyKey,
          },
        },
        token,
      );
    // Her id alone: refused before anything moves, and she stays unreadable.
    const balance = async () =>
      (
        await app.gql<{ person: { account: { total: string } } }>(
          'query($id: ID!) { person(id: $id) { account { total } } }',
          { id: wangli },
          await app.login('counter'),
        )
      ).data!.person.account.total;
    const total = await balance();
    const blind = await pay(key('visibility-blind'));
    expect(blind.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await balance()).toBe(total);
    expect((await app.gql(read, { id: wangli }, token)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await mine()).totalCount).toBe(0);

    // She shows her e-voucher code at the insurer's desk: now it may charge her.
    await presentEVoucher(app, token, wangli);
    const paid = await pay(key('visibility'));
    expect(paid.data!.premiumPay.userErrors).toEqual([]);
    const after = await app.gql<{ person: { name: string } }>(read, { id: wangli }, token);
    expect(after.data!.person.name).toBe('王丽');
    const list = await mine();
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.kind).toBe('PREMIUM');
  });
});
