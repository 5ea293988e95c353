import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { payResidentContribution, personId, portal } from './wallet.helpers';

const PERSON = 'query($id: ID!) { person(id: $id) { id name idNumber } }';

/**
 * Audit A #1 (API.md "a portal sees only the people it is serving"): a portal that paid 1.00 of contribution for a
 * relative — whose id leaks through the payer's funding sources — was then serving that relative, read their ID number
 * and phone, and debited them as a payer. Only the parties money needs presence of (patient, payer, sender) are served
 * through a transaction; the insured of a contribution or premium and the recipient of a transfer are not.
 */
describe(`the insured of a contribution is not served by it (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let wangli: string;
  let xiaoming: string;
  let insurer: string;
  beforeAll(async () => {
    app = await createTestApp();
    wangli = await personId(app, '王丽');
    xiaoming = await personId(app, '王小明');
    insurer = await portal(app, ['premium:write'], { serving: [wangli] });
  });
  afterAll(async () => app?.close());

  it('王丽 (present) pays her son’s contribution; the portal still may neither read nor debit him', async () => {
    const paid = await payResidentContribution(app, insurer, wangli, xiaoming, '1.00', 'served-cp');
    expect(paid.data!.residentContributionPay.userErrors).toEqual([]);
    expect(paid.data!.residentContributionPay.transaction).toMatchObject({
      status: 'POSTED',
      counterpartyPersonId: xiaoming,
    });

    const read = await app.gql(PERSON, { id: xiaoming }, insurer);
    expect(read.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(read)).not.toContain('王小明');

    const debit = await payResidentContribution(app, insurer, xiaoming, xiaoming, '1.00', 'served-cp-2');
    expect(debit.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // The payer stays served: her own record is readable.
    const own = await app.gql<{ person: { id: string } }>(PERSON, { id: wangli }, insurer);
    expect(own.data!.person.id).toBe(wangli);
  });
});
