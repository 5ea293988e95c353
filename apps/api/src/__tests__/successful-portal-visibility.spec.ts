import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { key, personId, portal } from './wallet.helpers';

/** API.md: "a portal sees only the people it is serving" — after serving someone, it sees them and its transactions. */
describe(`portal visibility (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('an insurer portal reads a person only after charging them, and lists only its own transactions', async () => {
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

    const paid = await app.gql<{ premiumPay: { userErrors: unknown[] } }>(
      `mutation($i: PremiumPayInput!) { premiumPay(input: $i) { userErrors { code message } } }`,
      {
        i: {
          payerId: wangli,
          insuredId: wangli,
          insuredIdNumber: '110105198006010381',
          product: 'BEIJING_PUHUI',
          amount: '20.00',
          idempotencyKey: key('visibility'),
        },
      },
      token,
    );
    expect(paid.data!.premiumPay.userErrors).toEqual([]);
    const after = await app.gql<{ person: { name: string } }>(read, { id: wangli }, token);
    expect(after.data!.person.name).toBe('王丽');
    const list = await mine();
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.kind).toBe('PREMIUM');
  });
});
