import { AuditLogEntity, ENTITY_DIALECT, auditLedger } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CHANGE,
  FREE_LIMIT,
  type Payload,
  RESET,
  STATUS,
  UNLOCK,
  credit,
  holder,
  outbox,
  payByCard,
  register,
  servingPortal,
} from './payment-password.helpers';
import { balances, transactionCount } from './settlement-helpers';

describe(`payment password refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
  });
  afterAll(async () => app?.close());

  /** Runs `act` and checks it moved no money and posted nothing. */
  async function movesNothing(act: () => Promise<void>): Promise<void> {
    const money = await balances(app);
    const count = await transactionCount(app);
    await act();
    expect(await balances(app)).toEqual(money);
    expect(await transactionCount(app)).toBe(count);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  }

  const unlock = (personId: string, reason: string) =>
    app.gql<{ paymentPasswordUnlock: Payload }>(UNLOCK, { input: { personId, reason } }, counter);

  it('R-ACC-7: a wrong password is refused and counted, and moves nothing', async () => {
    const p = await register(app, '赵错密');
    await credit(app, p.id, '1000.00');
    await movesNothing(async () => {
      const res = await payByCard(app, p.id, '500.00', '000000');
      expect(res).toMatchObject({ transaction: null, settlement: null });
      expect(res.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_CREDENTIALS', rule: 'R-ACC-7', field: ['password'] }),
      ]);
    });
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(1);
  });

  it('R-ACC-7: no password given is VERIFICATION_REQUIRED, the amount stated in yuan', async () => {
    const p = await register(app, '赵无密');
    await credit(app, p.id, '1000.00');
    await movesNothing(async () => {
      const res = await payByCard(app, p.id, '300.00', null);
      expect(res.userErrors).toEqual([
        {
          code: 'VERIFICATION_REQUIRED',
          message: "The patient's payment password is required for 300.00 yuan from the account (R-ACC-7)",
          field: ['password'],
          rule: 'R-ACC-7',
        },
      ]);
    });
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(0);
  });

  it('R-ACC-7: five wrong passwords lock account payment; the right one is then refused; staff unlock (reason required, audited)', async () => {
    const p = await register(app, '赵锁定');
    await credit(app, p.id, '1000.00');
    await movesNothing(async () => {
      for (let i = 1; i <= 4; i++) {
        const res = await payByCard(app, p.id, '500.00', '000000');
        expect(res.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
        expect((await holder(app, p.id)).paymentPasswordFailures).toBe(i);
      }
      const fifth = await payByCard(app, p.id, '500.00', '000000');
      expect(fifth.userErrors).toEqual([
        expect.objectContaining({ code: 'PASSWORD_LOCKED', rule: 'R-ACC-7' }),
      ]);
      const sixth = await payByCard(app, p.id, '500.00', p.initialPaymentPassword);
      expect(sixth.userErrors).toEqual([
        expect.objectContaining({ code: 'PASSWORD_LOCKED', rule: 'R-ACC-7' }),
      ]);
    });
    const status = await app.gql<{
      person: { paymentPassword: { failures: number; lockedAt: string | null } };
    }>(STATUS, { id: p.id }, counter);
    expect(status.data!.person.paymentPassword.failures).toBe(5);
    expect(status.data!.person.paymentPassword.lockedAt).not.toBeNull();

    const noReason = await unlock(p.id, '  ');
    expect(noReason.data!.paymentPasswordUnlock).toEqual({
      person: null,
      userErrors: [expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'], rule: 'R-ACC-7' })],
    });
    expect((await holder(app, p.id)).paymentLockedAt).not.toBeNull();

    const unlocked = await unlock(p.id, 'holder identified at the counter');
    expect(unlocked.data!.paymentPasswordUnlock).toMatchObject({
      person: { paymentPassword: { failures: 0, lockedAt: null } },
      userErrors: [],
    });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'paymentPasswordUnlock', entityId: p.id });
    expect(audit).toMatchObject({
      reason: 'holder identified at the counter',
      before: { paymentPasswordFailures: 5 },
      after: { paymentPasswordFailures: 0, paymentLockedAt: null },
    });
    expect((await payByCard(app, p.id, '500.00', p.initialPaymentPassword)).userErrors).toEqual([]);

    const again = await unlock(p.id, 'nothing to do');
    expect(again.data!.paymentPasswordUnlock.userErrors).toEqual([
      expect.objectContaining({ code: 'PASSWORD_NOT_LOCKED', rule: 'R-ACC-7' }),
    ]);
  });

  it('R-ACC-7: a person registered without a phone gets no password and cannot pay from the account with a guess', async () => {
    const p = await register(app, '赵无机', { phone: null });
    expect(p.initialPaymentPassword).toBeNull();
    expect((await holder(app, p.id)).paymentPasswordHash).toBeNull();
    expect(await outbox(app, p.id)).toEqual([]);
    await credit(app, p.id, '1000.00');
    await movesNothing(async () => {
      for (const guess of ['123456', '000000', 'x']) {
        const res = await payByCard(app, p.id, '500.00', guess);
        expect(res.userErrors).toEqual([
          expect.objectContaining({ code: 'PASSWORD_NOT_SET', rule: 'R-ACC-7', field: ['password'] }),
        ]);
      }
    });
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(0);
    // The electronic voucher needs no password (R-ACC-7) and still pays.
    expect((await payByCard(app, p.id, '10.00', null, { channel: 'E_VOUCHER' })).userErrors).toEqual([]);
    // A reset needs a phone to deliver the new password.
    const reset = await app.gql<{ paymentPasswordReset: Payload }>(
      RESET,
      {
        input: { personId: p.id, identityCheck: { document: 'ID_CARD', idNumber: p.idNumber }, reason: 'r' },
      },
      counter,
    );
    expect(reset.data!.paymentPasswordReset.userErrors).toEqual([
      expect.objectContaining({ code: 'PASSWORD_UNDELIVERABLE', rule: 'R-ACC-7' }),
    ]);
  });

  it("R-ACC-7: a resident registered with a phone (no account, R-ACC-1) still gets an initial password for card payments with relatives' money", async () => {
    // Black-box audit: a resident beneficiary paying by CARD from relatives' accounts met PASSWORD_NOT_SET, as the
    // patient's own password applies (R-ACC-7) and none had been issued.
    const p = await register(app, '赵居民', { insuranceType: 'RESIDENT' });
    expect(p.initialPaymentPassword).toMatch(/^\d{6}$/);
    expect((await holder(app, p.id)).paymentPasswordHash).not.toBeNull();
    expect(await outbox(app, p.id)).toHaveLength(1);
  });

  it('R-ACC-7: paymentPasswordChange refuses a wrong old password (counted), weak new ones (not counted), a locked password, and callers that may not act', async () => {
    const p = await register(app, '赵改密');
    const portal = await servingPortal(app, p.id);
    const change = (oldPassword: string | null, newPassword: string, token = portal) =>
      app.gql<{ paymentPasswordChange: Payload }>(
        CHANGE,
        { input: { personId: p.id, oldPassword, newPassword } },
        token,
      );
    const hash = (await holder(app, p.id)).paymentPasswordHash;

    const wrongOld = await change('000000', '275913');
    expect(wrongOld.data!.paymentPasswordChange).toEqual({
      person: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS', field: ['oldPassword'] })],
    });
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(1);

    for (const weak of ['123456', '654321', '777777', '12345', 'abcdef', p.initialPaymentPassword!]) {
      const res = await change(p.initialPaymentPassword, weak);
      expect(res.data!.paymentPasswordChange.userErrors).toEqual([
        expect.objectContaining({ code: 'PASSWORD_TOO_WEAK', rule: 'R-ACC-7', field: ['newPassword'] }),
      ]);
    }
    expect(await holder(app, p.id)).toMatchObject({ paymentPasswordHash: hash, paymentPasswordFailures: 1 });

    const counterTries = await change(p.initialPaymentPassword, '275913', counter);
    expect(counterTries.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');

    const other = await register(app, '赵旁人');
    const notServing = await app.gql(
      CHANGE,
      { input: { personId: other.id, oldPassword: other.initialPaymentPassword, newPassword: '275913' } },
      portal,
    );
    expect(notServing.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');

    const withoutScope = await servingPortal(app, p.id, ['settlement:write']);
    const unscoped = await change(p.initialPaymentPassword, '275913', withoutScope);
    expect(unscoped.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');

    for (let i = 0; i < 4; i++) await change('000000', '275913');
    expect((await holder(app, p.id)).paymentLockedAt).not.toBeNull();
    const locked = await change(p.initialPaymentPassword, '275913');
    expect(locked.data!.paymentPasswordChange.userErrors).toEqual([
      expect.objectContaining({ code: 'PASSWORD_LOCKED', rule: 'R-ACC-7' }),
    ]);
    expect((await holder(app, p.id)).paymentPasswordHash).toBe(hash);
  });

  it('R-ACC-2 / R-ACC-7: paymentPasswordReset refuses an ID number that does not match, and a missing reason; nothing changes', async () => {
    const p = await register(app, '赵核验');
    const before = await holder(app, p.id);
    const reset = (idNumber: string, reason: string) =>
      app.gql<{ paymentPasswordReset: Payload }>(
        RESET,
        { input: { personId: p.id, identityCheck: { document: 'ID_CARD', idNumber }, reason } },
        counter,
      );
    const other = await register(app, '赵冒名');
    const mismatch = await reset(other.idNumber, 'forgot');
    expect(mismatch.data!.paymentPasswordReset).toEqual({
      person: null,
      newPaymentPassword: null,
      userErrors: [
        expect.objectContaining({
          code: 'IDENTITY_MISMATCH',
          rule: 'R-ACC-2',
          field: ['identityCheck', 'idNumber'],
        }),
      ],
    });
    const noReason = await reset(p.idNumber, '');
    expect(noReason.data!.paymentPasswordReset.userErrors).toEqual([
      expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'] }),
    ]);
    expect((await holder(app, p.id)).paymentPasswordHash).toBe(before.paymentPasswordHash);
    expect((await outbox(app, p.id)).map((m) => m.kind)).toEqual(['INITIAL_PAYMENT_PASSWORD']);
    expect(
      await app.db.getRepository(AuditLogEntity).countBy({ action: 'paymentPasswordReset', entityId: p.id }),
    ).toBe(0);
    const portal = await servingPortal(app, p.id);
    const byPortal = await app.gql(
      RESET,
      {
        input: { personId: p.id, identityCheck: { document: 'ID_CARD', idNumber: p.idNumber }, reason: 'r' },
      },
      portal,
    );
    expect(byPortal.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('R-ACC-7: passwordFreeLimitSet above the maximum is refused in yuan; a wrong password is counted', async () => {
    const p = await register(app, '赵限额');
    const portal = await servingPortal(app, p.id);
    const setLimit = (limit: string, password: string) =>
      app.gql<{ passwordFreeLimitSet: Payload }>(
        FREE_LIMIT,
        { input: { personId: p.id, limit, password } },
        portal,
      );
    const tooHigh = await setLimit('300.01', p.initialPaymentPassword!);
    expect(tooHigh.data!.passwordFreeLimitSet.userErrors).toEqual([
      {
        code: 'PASSWORD_FREE_LIMIT_TOO_HIGH',
        message:
          'The password-free limit must be between 0.00 yuan and 300.00 yuan; 300.01 yuan was asked (R-ACC-7)',
        field: ['limit'],
        rule: 'R-ACC-7',
      },
    ]);
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(0);
    const wrong = await setLimit('100.00', '000000');
    expect(wrong.data!.passwordFreeLimitSet.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_CREDENTIALS', field: ['password'] }),
    ]);
    expect(await holder(app, p.id)).toMatchObject({ passwordFreeLimit: 0n, paymentPasswordFailures: 1 });
    const negative = await setLimit('-1.00', p.initialPaymentPassword!);
    expect(negative.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('API.md: Person.paymentPassword is for staff only', async () => {
    const p = await register(app, '赵可见');
    const portal = await servingPortal(app, p.id, ['settlement:write', 'password:write', 'person:read']);
    const res = await app.gql(STATUS, { id: p.id }, portal);
    expect(res.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });
});
