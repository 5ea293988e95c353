import { ENTITY_DIALECT } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { key, personId } from './wallet.helpers';

const FLOWS = `query($from: Date!, $to: Date!) { crossProvinceFlows(from: $from, to: $to) {
  fromProvince { code } toProvince { code } crossProvince } }`;
type Flows = {
  crossProvinceFlows: {
    fromProvince: { code: string };
    toProvince: { code: string };
    crossProvince: boolean;
  }[];
};

/**
 * crossProvinceFlows counts a wallet transfer between the provinces the two persons were insured in when it was
 * booked (R-WAL-3): an independent tester moved the recipient to Hebei afterwards and saw a Hebei → Shandong transfer
 * turn into Hebei → Hebei, not cross-province, in the same day's figures.
 */
describe(`cross-province flows as booked (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('a Hebei → Shandong transfer stays Hebei → Shandong after the recipient moves to Hebei', async () => {
    const counter = await app.login('counter');
    const zhangwei = await personId(app, '张伟');
    const zhaomin = await personId(app, '赵敏');
    const activated = await app.gql<{ walletActivate: { userErrors: unknown[] } }>(
      'mutation($i: WalletActivateInput!) { walletActivate(input: $i) { userErrors { code } } }',
      { i: { personId: zhangwei, usageRegionCode: '130100', phone: '13900000001' } },
      counter,
    );
    expect(activated.data!.walletActivate.userErrors).toEqual([]);
    const sent = await app.gql<{ walletTransfer: { userErrors: unknown[] } }>(
      'mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { userErrors { code } } }',
      {
        i: {
          fromPersonId: zhangwei,
          toPersonId: zhaomin,
          amount: '1.00',
          source: 'EARMARKED',
          verification: 'FACE',
          idempotencyKey: key('flow'),
        },
      },
      counter,
    );
    expect(sent.data!.walletTransfer.userErrors).toEqual([]);
    const range = { from: todayInChina(), to: todayInChina() };
    const analyst = await app.login('analyst');
    const before = (await app.gql<Flows>(FLOWS, range, analyst)).data!.crossProvinceFlows;
    expect(before).toEqual([
      { fromProvince: { code: '130000' }, toProvince: { code: '370000' }, crossProvince: true },
    ]);

    const moved = await app.gql<{ personUpdate: { userErrors: unknown[] } }>(
      'mutation($i: PersonUpdateInput!) { personUpdate(input: $i) { userErrors { code } } }',
      { i: { id: zhaomin, regionCode: '130100', reason: 'moved to Shijiazhuang' } },
      counter,
    );
    expect(moved.data!.personUpdate.userErrors).toEqual([]);
    const after = (await app.gql<Flows>(FLOWS, range, analyst)).data!.crossProvinceFlows;
    expect(after).toEqual(before);
  });
});
