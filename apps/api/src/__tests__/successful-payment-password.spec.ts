import { Writable } from 'node:stream';
import {
  AuditLogEntity,
  ENTITY_DIALECT,
  NotificationEntity,
  PersonEntity,
  hashSecret,
  verifyPaymentPin,
  verifySecret,
} from '@gongji/persistence';
import pino from 'pino';
import { loadConfig } from '../config';
import { NotificationKind, NotificationService } from '../modules/notification/notification.service';
import { OutboxCipher } from '../modules/notification/outbox-cipher';
import {
  LoggingSmsSender,
  type SmsMessage,
  type SmsSender,
  UnconfiguredSmsSender,
  smsSenderFor,
} from '../modules/notification/sms-sender';
import { shownOnce } from '../modules/payment-password/payment-password.credentials';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CHANGE,
  FREE_LIMIT,
  type Payload,
  RESET,
  STATUS,
  credit,
  holder,
  outbox,
  payByCard,
  register,
  servingPortal,
} from './payment-password.helpers';
import { earmarked, transactionCount } from './settlement-helpers';

describe(`payment passwords over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
  });
  afterAll(async () => app?.close());

  it('R-ACC-7: registration issues a 6-digit initial password, stored only as a peppered argon2id hash, sent through the outbox (delivered: body cleared)', async () => {
    const p = await register(app, '林初始');
    expect(p.initialPaymentPassword).toMatch(/^\d{6}$/);
    const row = await holder(app, p.id);
    expect(row.paymentPasswordHash).toMatch(/^\$gongji-pepper-v1\$argon2id\$v=19\$m=4096,p=1,t=2\$/);
    expect(row.paymentPasswordHash).not.toContain(p.initialPaymentPassword);
    // keyed with the server's pepper: the database alone cannot check a guess (an offline attack needs the key too)
    const stored = row.paymentPasswordHash!;
    const plain = p.initialPaymentPassword!;
    expect(await verifyPaymentPin(app.config.paymentPepper, stored, plain)).toBe(true);
    expect(await verifyPaymentPin('another-pepper-'.padEnd(40, 'z'), stored, plain)).toBe(false);
    expect(await verifySecret(stored.slice('$gongji-pepper-v1'.length), plain)).toBe(false);
    expect(row.paymentPasswordSetAt).not.toBeNull();
    expect(row.paymentPasswordFailures).toBe(0);
    const sms = await outbox(app, p.id);
    expect(sms).toEqual([
      expect.objectContaining({
        channel: 'SMS',
        recipient: row.phone,
        kind: 'INITIAL_PAYMENT_PASSWORD',
        body: null,
        attempts: 1,
      }),
    ]);
    expect(sms[0].deliveredAt).not.toBeNull();
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'personRegister', entityId: p.id });
    expect(audit.after).toMatchObject({ paymentPasswordIssued: true });
    const audited = JSON.stringify(audit);
    expect(audited).not.toContain(p.initialPaymentPassword);
    expect(audited).not.toContain(row.paymentPasswordHash);
  });

  it('R-ACC-7: the initial password pays a CARD bill above the password-free limit; a replay returns the first payload', async () => {
    const p = await register(app, '林付款');
    await credit(app, p.id, '1000.00');
    const count = await transactionCount(app);
    const extra = { idempotencyKey: `initial-pays-${p.id}` };
    const paid = await payByCard(app, p.id, '500.00', p.initialPaymentPassword, extra);
    expect(paid.userErrors).toEqual([]);
    expect(paid.settlement).toMatchObject({ accountPaid: '500.00', passwordRequired: true });
    expect(await earmarked(app, p.id)).toBe(50_000n);
    const replay = await payByCard(app, p.id, '500.00', p.initialPaymentPassword, extra);
    expect(replay).toEqual(paid);
    expect(await earmarked(app, p.id)).toBe(50_000n);
    expect(await transactionCount(app)).toBe(count + 1);
  });

  it('R-ACC-7: a correct password resets the count of earlier wrong ones', async () => {
    const p = await register(app, '林重试');
    await credit(app, p.id, '1000.00');
    const wrong = await payByCard(app, p.id, '100.00', '000001');
    expect(wrong.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(1);
    const right = await payByCard(app, p.id, '100.00', p.initialPaymentPassword);
    expect(right.userErrors).toEqual([]);
    expect((await holder(app, p.id)).paymentPasswordFailures).toBe(0);
  });

  it('R-ACC-7: the holder changes the password through a portal serving them; the new one pays, the old one no longer does', async () => {
    const p = await register(app, '林改密');
    await credit(app, p.id, '1000.00');
    const portal = await servingPortal(app, p.id);
    const res = await app.gql<{ paymentPasswordChange: Payload }>(
      CHANGE,
      { input: { personId: p.id, oldPassword: p.initialPaymentPassword, newPassword: '275913' } },
      portal,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.paymentPasswordChange).toEqual({ person: { id: p.id }, userErrors: [] });
    const old = await payByCard(app, p.id, '100.00', p.initialPaymentPassword);
    expect(old.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_CREDENTIALS', rule: 'R-ACC-7' }),
    ]);
    const now = await payByCard(app, p.id, '100.00', '275913');
    expect(now.userErrors).toEqual([]);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'paymentPasswordChange', entityId: p.id });
    expect(audit.actorType).toBe('API_CLIENT');
    expect(JSON.stringify(audit)).not.toMatch(/275913|argon2/);
  });

  it('R-ACC-7: counter staff reset after an identity check: a new password by SMS (shown once outside production), failures cleared, audited without secrets', async () => {
    const p = await register(app, '林重置');
    await credit(app, p.id, '1000.00');
    await payByCard(app, p.id, '100.00', '000002'); // one failure, cleared by the reset
    const res = await app.gql<{
      paymentPasswordReset: Payload & {
        person: { paymentPassword: { set: boolean; failures: number; lockedAt: string | null } };
      };
    }>(
      RESET,
      {
        input: {
          personId: p.id,
          identityCheck: { document: 'ID_CARD', idNumber: p.idNumber },
          reason: 'forgot the SMS password',
        },
      },
      counter,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.paymentPasswordReset;
    expect(payload.userErrors).toEqual([]);
    expect(payload.newPaymentPassword).toMatch(/^\d{6}$/);
    expect(payload.person.paymentPassword).toEqual({ set: true, failures: 0, lockedAt: null });
    const fresh = payload.newPaymentPassword!;
    if (fresh !== p.initialPaymentPassword) {
      const old = await payByCard(app, p.id, '100.00', p.initialPaymentPassword);
      expect(old.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
    }
    expect((await payByCard(app, p.id, '100.00', fresh)).userErrors).toEqual([]);
    const sms = await outbox(app, p.id);
    expect(sms.map((m) => [m.kind, m.body, m.deliveredAt !== null])).toEqual([
      ['INITIAL_PAYMENT_PASSWORD', null, true],
      ['PAYMENT_PASSWORD_RESET', null, true],
    ]);
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'paymentPasswordReset', entityId: p.id });
    expect(audit).toMatchObject({ actorType: 'USER', reason: 'forgot the SMS password' });
    expect(audit.after).toMatchObject({ identityDocument: 'ID_CARD', paymentPasswordFailures: 0 });
    const audited = JSON.stringify(audit);
    expect(audited).not.toContain(fresh);
    expect(audited).not.toContain('argon2');
  });

  it('R-ACC-7: passwordFreeLimitSet within the maximum: account payments up to the limit need no password', async () => {
    const p = await register(app, '林免密');
    await credit(app, p.id, '1000.00');
    const portal = await servingPortal(app, p.id);
    const res = await app.gql<{ passwordFreeLimitSet: Payload }>(
      FREE_LIMIT,
      { input: { personId: p.id, limit: '300.00', password: p.initialPaymentPassword } },
      portal,
    );
    expect(res.data!.passwordFreeLimitSet).toEqual({ person: { id: p.id }, userErrors: [] });
    expect((await holder(app, p.id)).passwordFreeLimit).toBe(30_000n);
    const within = await payByCard(app, p.id, '250.00', null);
    expect(within.userErrors).toEqual([]);
    expect(within.settlement).toMatchObject({ accountPaid: '250.00', passwordRequired: false });
    const status = await app.gql<{ person: { paymentPassword: Record<string, unknown> } }>(
      STATUS,
      { id: p.id },
      counter,
    );
    expect(status.data!.person.paymentPassword).toMatchObject({
      set: true,
      failures: 0,
      lockedAt: null,
      passwordFreeLimit: '300.00',
    });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'passwordFreeLimitSet', entityId: p.id });
    expect(audit.after).toEqual({ passwordFreeLimit: '300.00' });
  });

  it('R-ACC-7: the outbox dispatcher keeps a row pending while delivery fails, then (after the backoff) delivers it and clears the body', async () => {
    const p = await register(app, '林短信', { phone: null });
    const failing: SmsSender = { send: () => Promise.reject(new Error('gateway down')) };
    const sent: SmsMessage[] = [];
    const recording: SmsSender = {
      send: (m) => {
        sent.push(m);
        return Promise.resolve();
      },
    };
    let now = new Date();
    const outboxWith = (sender: SmsSender) =>
      new NotificationService(app.db, sender, {
        cipher: new OutboxCipher(loadConfig({ NODE_ENV: 'test' }).secret),
        ttlHours: 72,
        logger: pino({ level: 'silent' }),
        now: () => now,
      });
    const id = await outboxWith(failing).enqueue(app.db.manager, {
      personId: p.id,
      recipient: '13900009999',
      kind: NotificationKind.PAYMENT_PASSWORD_RESET,
      body: 'test body 918273',
    });
    expect(await outboxWith(failing).dispatch([id])).toEqual({
      delivered: 0,
      failed: 1,
    });
    const pending = await app.db.getRepository(NotificationEntity).findOneByOrFail({ id });
    expect(pending).toMatchObject({ deliveredAt: null, attempts: 1, status: 'PENDING' });
    expect(pending.body).toMatch(/^enc:v1:/);
    expect(pending.body).not.toContain('918273');
    expect(await outboxWith(recording).dispatch()).toEqual({ delivered: 0, failed: 0 }); // backoff
    now = new Date(now.getTime() + 31_000);
    expect(await outboxWith(recording).dispatch()).toMatchObject({ delivered: 1 });
    expect(sent).toEqual([{ to: '13900009999', kind: 'PAYMENT_PASSWORD_RESET', body: 'test body 918273' }]);
    const done = await app.db.getRepository(NotificationEntity).findOneByOrFail({ id });
    expect(done).toMatchObject({ body: null, attempts: 2, status: 'DELIVERED' });
    expect(done.deliveredAt).not.toBeNull();
    expect(await outboxWith(recording).dispatch()).toEqual({ delivered: 0, failed: 0 });
  });

  it('R-ACC-7: a password stored before the pepper (plain argon2id) still pays; changing it stores the peppered form', async () => {
    const p = await register(app, '林旧哈希');
    await credit(app, p.id, '1000.00');
    await app.db
      .getRepository(PersonEntity)
      .update({ id: p.id }, { paymentPasswordHash: await hashSecret('482915') });
    const wrong = await payByCard(app, p.id, '100.00', '482916');
    expect(wrong.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_CREDENTIALS', rule: 'R-ACC-7' }),
    ]);
    const paid = await payByCard(app, p.id, '100.00', '482915');
    expect(paid.userErrors).toEqual([]);
    expect(await earmarked(app, p.id)).toBe(90_000n);
    const portal = await servingPortal(app, p.id);
    const changed = await app.gql<{ paymentPasswordChange: Payload }>(
      CHANGE,
      { input: { personId: p.id, oldPassword: '482915', newPassword: '739164' } },
      portal,
    );
    expect(changed.data!.paymentPasswordChange.userErrors).toEqual([]);
    expect((await holder(app, p.id)).paymentPasswordHash).toMatch(/^\$gongji-pepper-v1\$argon2id\$/);
    expect((await payByCard(app, p.id, '100.00', '739164')).userErrors).toEqual([]);
  });
});

describe('payment password delivery configuration (R-ACC-7)', () => {
  const production = loadConfig({
    NODE_ENV: 'production',
    GONGJI_SECRET: 'x'.repeat(40),
    GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
  });
  const development = loadConfig({ NODE_ENV: 'development' });
  const issued = { plain: '275913', hash: '$argon2id$…' };

  it('R-ACC-7: the password is shown once outside production only', () => {
    expect(shownOnce(development, issued)).toBe('275913');
    expect(shownOnce(production, issued)).toBeNull();
    expect(shownOnce(development, null)).toBeNull();
  });

  it('R-ACC-7: production has no logging adapter (messages stay pending); development logs the text at info', async () => {
    expect(smsSenderFor(production)).toBeInstanceOf(UnconfiguredSmsSender);
    await expect(smsSenderFor(production).send({ to: '13900001111', kind: 'K', body: '1' })).rejects.toThrow(
      /no SMS gateway/,
    );
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const sender = smsSenderFor(development, pino({ level: 'info' }, sink));
    expect(sender).toBeInstanceOf(LoggingSmsSender);
    await sender.send({ to: '13900001111', kind: 'INITIAL_PAYMENT_PASSWORD', body: '初始支付密码为275913' });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, to: '139****1111', kind: 'INITIAL_PAYMENT_PASSWORD' });
    expect(line['msg']).toContain('275913');
  });
});
