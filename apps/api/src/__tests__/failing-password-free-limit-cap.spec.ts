import { ENTITY_DIALECT, auditLedger } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  FREE_LIMIT,
  type Payload,
  STATUS,
  XIEHE,
  credit,
  holder,
  payByCard,
  register,
  servingPortal,
} from './payment-password.helpers';
import { PASSWORD_POLICY_SET } from './policy-from-data.helpers';
import { QUOTE, type Quote, balances, institutionId, transactionCount } from './settlement-helpers';

/**
 * R-ACC-7: the password-free limit (限额免密) that applies is the holder's own capped by the password policy's maximum
 * in force — lowering the maximum caps limits holders set before; raising it back restores them (the stored limit is
 * never rewritten, and the person's `paymentPassword.passwordFreeLimit` shows it as set by the holder).
 */
describe(`R-ACC-7 a lowered policy maximum caps password-free limits already set (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let counter: string;
  let patientId: string;
  let password: string;
  const today = todayInChina();
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    counter = await app.login('counter');
    const p = await register(app, '林上限');
    patientId = p.id;
    password = p.initialPaymentPassword!;
    await credit(app, p.id, '2000.00');
    const portal = await servingPortal(app, p.id);
    const set = await app.gql<{ passwordFreeLimitSet: Payload }>(
      FREE_LIMIT,
      { input: { personId: p.id, limit: '300.00', password } },
      portal,
    );
    expect(set.data!.passwordFreeLimitSet.userErrors).toEqual([]);
  });
  afterAll(async () => app?.close());

  const setMaximum = async (maxPasswordFreeLimit: string, effectiveFrom: string) => {
    const res = await app.gql<{ passwordPolicySet: { userErrors: unknown[] } }>(
      PASSWORD_POLICY_SET,
      { i: { regionCode: '110000', effectiveFrom, maxPasswordFreeLimit } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.passwordPolicySet.userErrors).toEqual([]);
  };
  const quote = async (covered: string, serviceDate: string) =>
    (
      await app.gql<{ settlementQuote: Quote }>(
        QUOTE,
        {
          input: {
            patientId,
            institutionId: await institutionId(app, XIEHE),
            visitType: 'OUTPATIENT',
            serviceDate,
            covered,
            channel: 'CARD',
          },
        },
        counter,
      )
    ).data!.settlementQuote;

  it('before: a CARD bill of 250.00 within the holder’s 300.00 pays without a password', async () => {
    const paid = await payByCard(app, patientId, '250.00', null, { serviceDate: today });
    expect(paid.userErrors).toEqual([]);
    expect(paid.settlement).toMatchObject({ accountPaid: '250.00', passwordRequired: false });
  });

  it('after ADMIN lowers the maximum to 100.00 from today: 250.00 needs the password (VERIFICATION_REQUIRED without, nothing moves), for today and for an earlier service date; 100.00 still does not', async () => {
    await setMaximum('100.00', today);
    expect(await quote('250.00', today)).toMatchObject({ accountPaid: '250.00', passwordRequired: true });
    const money = await balances(app);
    const count = await transactionCount(app);
    for (const serviceDate of [today, '2025-04-01']) {
      const refused = await payByCard(app, patientId, '250.00', null, { serviceDate });
      expect(refused).toMatchObject({ transaction: null, settlement: null });
      expect(refused.userErrors).toEqual([
        expect.objectContaining({ code: 'VERIFICATION_REQUIRED', rule: 'R-ACC-7', field: ['password'] }),
      ]);
    }
    expect(await balances(app)).toEqual(money);
    expect(await transactionCount(app)).toBe(count);

    const withPassword = await payByCard(app, patientId, '250.00', password, { serviceDate: today });
    expect(withPassword.userErrors).toEqual([]);
    expect(withPassword.settlement).toMatchObject({ accountPaid: '250.00', passwordRequired: true });
    const atMaximum = await payByCard(app, patientId, '100.00', null, { serviceDate: today });
    expect(atMaximum.userErrors).toEqual([]);
    expect(atMaximum.settlement).toMatchObject({ accountPaid: '100.00', passwordRequired: false });
    const fenAbove = await payByCard(app, patientId, '100.01', null, { serviceDate: today });
    expect(fenAbove.userErrors).toEqual([expect.objectContaining({ code: 'VERIFICATION_REQUIRED' })]);

    // The holder's own limit is kept (not rewritten) and shown as set; the maximum caps it.
    expect((await holder(app, patientId)).passwordFreeLimit).toBe(30_000n);
    const status = await app.gql<{ person: { paymentPassword: { passwordFreeLimit: string } } }>(
      STATUS,
      { id: patientId },
      counter,
    );
    expect(status.data!.person.paymentPassword.passwordFreeLimit).toBe('300.00');
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });

  it("raising the maximum back (from tomorrow) restores the holder's 300.00 for bills on that date; today stays capped", async () => {
    await setMaximum('300.00', tomorrow);
    expect(await quote('250.00', tomorrow)).toMatchObject({ accountPaid: '250.00', passwordRequired: false });
    expect(await quote('300.00', tomorrow)).toMatchObject({ passwordRequired: false });
    expect(await quote('300.01', tomorrow)).toMatchObject({ passwordRequired: true });
    expect(await quote('250.00', today)).toMatchObject({ passwordRequired: true });
  });

  it("raising the maximum back from today restores the holder's 300.00: 250.00 pays without a password again", async () => {
    await setMaximum('300.00', today);
    const paid = await payByCard(app, patientId, '250.00', null, { serviceDate: today });
    expect(paid.userErrors).toEqual([]);
    expect(paid.settlement).toMatchObject({ accountPaid: '250.00', passwordRequired: false });
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });
});
