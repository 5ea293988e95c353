import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  TX,
  USER_ERRORS,
  type UserErrorOut,
  balance,
  expectLedgerClean,
  key,
  ledgerSize,
  personId,
} from './wallet.helpers';

const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { userErrors { code field } } }`;
const PAY = `mutation($i: PremiumPayInput!) { premiumPay(input: $i) { pocket regime ${TX} ${USER_ERRORS} } }`;
type Pay = {
  premiumPay: {
    pocket: string | null;
    regime: string | null;
    transaction: unknown;
    userErrors: UserErrorOut[];
  };
};

/**
 * R-ACC-6: under the 2021 regime a holder whose passbook is linked to a bank card for free withdrawal cannot pay
 * supplementary-insurance premiums from the account; from 2022-09-01 every employee participant can. Counter staff
 * record the link with personUpdate (or at registration); the refusal then moves nothing.
 */
describe(`R-ACC-6 passbook linked to a bank card (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let wang: string;
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    wang = await personId(app, '王建国');
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  const pay = (on: string) =>
    app.gql<Pay>(
      PAY,
      {
        i: {
          payerId: wang,
          insuredId: wang,
          insuredIdNumber: '110105195203150179',
          product: '北京普惠健康保',
          amount: '10.00',
          on,
          idempotencyKey: key('passbook'),
        },
      },
      counter,
    );

  it('linked: the 2021-regime premium is refused (R-ACC-6) and nothing moves; the 2022 regime pays', async () => {
    const linked = await app.gql<{ personUpdate: { userErrors: unknown[] } }>(
      UPDATE,
      { input: { id: wang, bankCardLinked: true, reason: 'passbook linked to a bank card (bank notice)' } },
      counter,
    );
    expect(linked.data!.personUpdate.userErrors).toEqual([]);
    // Readable, so the console's edit form shows the value in force (it could only send it before).
    const read = await app.gql<{ person: { bankCardLinked: boolean } }>(
      'query($id: ID!) { person(id: $id) { bankCardLinked } }',
      { id: wang },
      counter,
    );
    expect(read.data!.person.bankCardLinked).toBe(true);
    const before = [await ledgerSize(app), await balance(app, wang, 'LEGACY')];
    const refused = (await pay('2022-01-10')).data!.premiumPay;
    expect(refused.transaction).toBeNull();
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: 'PASSBOOK_LINKED_TO_BANK_CARD', rule: 'R-ACC-6', field: ['payerId'] }),
    ]);
    expect([await ledgerSize(app), await balance(app, wang, 'LEGACY')]).toEqual(before);
    const later = (await pay('2022-09-01')).data!.premiumPay;
    expect(later.userErrors).toEqual([]);
    expect(later.pocket).toBe('EARMARKED');
  });

  it('unlinked again: the 2021-regime premium is paid from the historical balance (LEGACY)', async () => {
    await app.gql(UPDATE, { input: { id: wang, bankCardLinked: false, reason: 'link removed' } }, counter);
    const paid = (await pay('2022-01-11')).data!.premiumPay;
    expect(paid.userErrors).toEqual([]);
    expect(paid.pocket).toBe('LEGACY');
  });
});
