import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ENTITY_DIALECT, NotificationEntity, insertNotification } from '@gongji/persistence';
import { createTestDatabase } from '@gongji/persistence/testing';
import pino from 'pino';
import { startApp } from '../bootstrap';
import { ConfigError, loadConfig } from '../config';
import {
  NotificationKind,
  NotificationService,
  SMS_TEXTS,
} from '../modules/notification/notification.service';
import { OutboxCipher, OutboxCipherError } from '../modules/notification/outbox-cipher';
import {
  type SmsMessage,
  type SmsSender,
  SmsGatewayError,
  UnconfiguredSmsSender,
  WebhookSmsSender,
  smsSenderFor,
} from '../modules/notification/sms-sender';
import { type TestApp, createTestApp } from '../testing/test-app';
import { register } from './payment-password.helpers';

const SECRET = 'sms-outbox-test-secret-0123456789abcdef';
const OTHER_SECRET = 'another-server-secret-0123456789abcdefgh';
const TOKEN = 'bureau-gateway-token';

/** The bureau's SMS platform, played on loopback: records each request and answers with the next status given. */
class FakeGateway {
  readonly received: { authorization?: string; contentType?: string; json: SmsMessage }[] = [];
  /** Statuses to answer, in order; 200 once empty. */
  readonly answers: number[] = [];
  /** When set, requests are never answered (timeout tests). */
  hang = false;
  private readonly server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      if (this.hang) return;
      this.received.push({
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        json: JSON.parse(raw) as SmsMessage,
      });
      res.statusCode = this.answers.shift() ?? 200;
      res.end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A pino logger writing parsed lines into `lines`. */
function capture(level = 'info'): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

describe(`SMS outbox: sealed bodies, webhook gateway, expiry (${ENTITY_DIALECT}; R-ACC-7)`, () => {
  let app: TestApp;
  let gateway: FakeGateway;
  let url: string;
  beforeAll(async () => {
    gateway = new FakeGateway();
    url = await gateway.start();
    app = await createTestApp({
      env: { GONGJI_SECRET: SECRET, GONGJI_SMS_WEBHOOK_URL: url, GONGJI_SMS_WEBHOOK_TOKEN: TOKEN },
    });
  });
  afterAll(async () => {
    await app?.close();
    await gateway?.close();
  });
  beforeEach(() => {
    gateway.received.length = 0;
    gateway.answers.length = 0;
    gateway.hang = false;
  });

  const rowOf = async (personId: string) =>
    app.db.getRepository(NotificationEntity).findOneByOrFail({ personId });
  const outbox = (options: { sender?: SmsSender; now?: () => Date; secret?: string; logger?: pino.Logger }) =>
    new NotificationService(
      app.db,
      options.sender ?? new WebhookSmsSender(url, { token: TOKEN, timeoutMs: 2_000 }),
      {
        cipher: new OutboxCipher(options.secret ?? SECRET),
        ttlHours: 72,
        logger: options.logger ?? pino({ level: 'silent' }),
        now: options.now,
      },
    );

  it('personRegister with a phone: the webhook receives the initial password once (bearer token, JSON { to, kind, body }); the row is cleared after', async () => {
    const p = await register(app, '林网关');
    expect(p.initialPaymentPassword).toMatch(/^\d{6}$/);
    const row = await rowOf(p.id);
    expect(gateway.received).toEqual([
      {
        authorization: `Bearer ${TOKEN}`,
        contentType: 'application/json',
        json: {
          to: row.recipient,
          kind: 'INITIAL_PAYMENT_PASSWORD',
          body: SMS_TEXTS[NotificationKind.INITIAL_PAYMENT_PASSWORD](p.initialPaymentPassword!),
        },
      },
    ]);
    expect(row).toMatchObject({ body: null, status: 'DELIVERED', attempts: 1, nextAttemptAt: null });
    expect(row.deliveredAt).not.toBeNull();
    expect(await outbox({}).dispatch()).toEqual({ delivered: 0, failed: 0 });
    expect(gateway.received).toHaveLength(1);
  });

  it('a non-2xx answer keeps the row pending, sealed (no password digits at rest), retried after the backoff, then delivered and cleared', async () => {
    gateway.answers.push(503);
    const p = await register(app, '林重发');
    const pending = await rowOf(p.id);
    expect(gateway.received).toHaveLength(1);
    expect(pending).toMatchObject({ status: 'PENDING', deliveredAt: null, attempts: 1 });
    expect(pending.body).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(pending.body).not.toContain(p.initialPaymentPassword);
    expect(pending.body).not.toContain('初始');
    const retryAt = pending.nextAttemptAt!.getTime();
    expect(retryAt).toBeGreaterThan(pending.createdAt.getTime());
    // Read as raw SQL too: what an operator (or a stolen backup) sees.
    const raw = (await app.db.query(
      `SELECT * FROM notification_outbox WHERE "personId" = '${p.id}'`,
    )) as unknown[];
    expect(JSON.stringify(raw)).not.toContain(p.initialPaymentPassword);

    // Before the retry time nothing is sent; a second failure doubles the wait.
    expect(await outbox({ now: () => new Date(retryAt - 1_000) }).dispatch()).toEqual({
      delivered: 0,
      failed: 0,
    });
    expect(gateway.received).toHaveLength(1);
    gateway.answers.push(500);
    expect(await outbox({ now: () => new Date(retryAt) }).dispatch()).toEqual({ delivered: 0, failed: 1 });
    const again = await rowOf(p.id);
    expect(again).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(again.nextAttemptAt!.getTime()).toBe(retryAt + 60_000);
    expect(await outbox({ now: () => new Date(retryAt + 60_000) }).dispatch()).toEqual({
      delivered: 1,
      failed: 0,
    });

    const text = SMS_TEXTS[NotificationKind.INITIAL_PAYMENT_PASSWORD](p.initialPaymentPassword!);
    expect(gateway.received.map((r) => r.json.body)).toEqual([text, text, text]);
    const done = await rowOf(p.id);
    expect(done).toMatchObject({ body: null, status: 'DELIVERED', attempts: 3, nextAttemptAt: null });
    expect(await outbox({ now: () => new Date(retryAt + 3_600_000) }).dispatch()).toEqual({
      delivered: 0,
      failed: 0,
    });
    expect(gateway.received).toHaveLength(3);
  });

  it('a gateway that does not answer within the timeout is a failed delivery (SmsGatewayError, no text in the message)', async () => {
    gateway.hang = true;
    const sender = new WebhookSmsSender(url, { timeoutMs: 200 });
    const sending = sender.send({ to: '13900001234', kind: 'PAYMENT_PASSWORD_RESET', body: '重置为482915' });
    await expect(sending).rejects.toThrow(SmsGatewayError);
    await expect(sending).rejects.toThrow(/did not answer within 200 ms.*139\*\*\*\*1234/);
    await expect(sending).rejects.not.toThrow(/482915|13900001234/);
    gateway.hang = false;
    gateway.answers.push(401);
    await expect(
      new WebhookSmsSender(url, { timeoutMs: 2_000 }).send({ to: '13900001234', kind: 'K', body: '482915' }),
    ).rejects.toMatchObject({ status: 401, message: expect.not.stringContaining('482915') });
  });

  it('a pending row older than the TTL is erased and marked EXPIRED, logged at warn without the text or the full phone; never sent', async () => {
    const p = await register(app, '林过期', { phone: null });
    const t0 = new Date();
    let now = t0;
    const { logger, lines } = capture();
    const service = outbox({ now: () => now, logger, sender: new UnconfiguredSmsSender() });
    const id = await service.enqueue(app.db.manager, {
      personId: p.id,
      recipient: '13900007777',
      kind: NotificationKind.PAYMENT_PASSWORD_RESET,
      body: SMS_TEXTS[NotificationKind.PAYMENT_PASSWORD_RESET]('604417'),
    });
    expect(await service.dispatch([id])).toEqual({ delivered: 0, failed: 1 });
    now = new Date(t0.getTime() + 71 * 3_600_000);
    expect(await service.expire()).toBe(0);
    expect((await rowOf(p.id)).body).toMatch(/^enc:v1:/);

    now = new Date(t0.getTime() + 72 * 3_600_000 + 1_000);
    // Past the TTL the dispatcher no longer sends it, even before the expiry ran.
    expect(await outbox({ now: () => now }).dispatch([id])).toEqual({ delivered: 0, failed: 0 });
    expect(gateway.received).toHaveLength(0);
    // The periodic sweep (dispatch without ids) expires it.
    expect(await service.dispatch()).toEqual({ delivered: 0, failed: 0 });
    const row = await rowOf(p.id);
    expect(row).toMatchObject({ body: null, status: 'EXPIRED', deliveredAt: null, nextAttemptAt: null });
    const warned = lines.filter((l) => l['level'] === 40);
    expect(warned).toEqual([
      expect.objectContaining({ id, kind: 'PAYMENT_PASSWORD_RESET', to: '139****7777', attempts: 1 }),
    ]);
    expect(warned[0]['msg']).toMatch(/expired/);
    expect(JSON.stringify(lines)).not.toMatch(/604417|13900007777|重置/);
    expect(await service.expire()).toBe(0);
  });

  it('a body sealed under another secret (rotated key) fails clearly: row FAILED and erased, the dispatcher goes on with the next row', async () => {
    const p = await register(app, '林换钥', { phone: null });
    const { logger, lines } = capture();
    const foreign = await outbox({ secret: OTHER_SECRET }).enqueue(app.db.manager, {
      personId: p.id,
      recipient: '13900005555',
      kind: NotificationKind.PAYMENT_PASSWORD_RESET,
      body: SMS_TEXTS[NotificationKind.PAYMENT_PASSWORD_RESET]('739102'),
    });
    const ours = await outbox({}).enqueue(app.db.manager, {
      personId: p.id,
      recipient: '13900006666',
      kind: NotificationKind.PAYMENT_PASSWORD_RESET,
      body: SMS_TEXTS[NotificationKind.PAYMENT_PASSWORD_RESET]('815260'),
    });
    expect(await outbox({ logger }).dispatch([foreign, ours])).toEqual({ delivered: 1, failed: 1 });
    expect(gateway.received.map((r) => r.json)).toEqual([
      { to: '13900006666', kind: 'PAYMENT_PASSWORD_RESET', body: expect.stringContaining('815260') },
    ]);
    const repo = app.db.getRepository(NotificationEntity);
    expect(await repo.findOneByOrFail({ id: foreign })).toMatchObject({ status: 'FAILED', body: null });
    expect(await repo.findOneByOrFail({ id: ours })).toMatchObject({ status: 'DELIVERED', body: null });
    const error = lines.find((l) => l['level'] === 50)!;
    expect(error).toMatchObject({ id: foreign, reason: 'KEY_VERSION', to: '139****5555' });
    expect(error['err']).toMatch(/key version [0-9a-f]{8}.*GONGJI_SECRET/);
    expect(JSON.stringify(lines)).not.toMatch(/739102|13900005555/);
    expect(await outbox({}).dispatch([foreign])).toEqual({ delivered: 0, failed: 0 });
  });

  it('plain bodies written before sealing are sealed at start (sealLegacy) and still delivered as written', async () => {
    const p = await register(app, '林旧行', { phone: null });
    const text = SMS_TEXTS[NotificationKind.INITIAL_PAYMENT_PASSWORD]('761035');
    await insertNotification(app.db.manager, {
      id: `legacy-${p.id.slice(0, 20)}`,
      personId: p.id,
      channel: 'SMS',
      recipient: '13900004444',
      kind: NotificationKind.INITIAL_PAYMENT_PASSWORD,
      body: text,
      attempts: 0,
      createdAt: new Date(),
      deliveredAt: null,
    });
    const { logger, lines } = capture();
    expect(await outbox({ logger }).sealLegacy()).toBeGreaterThanOrEqual(1);
    expect(lines).toEqual([expect.objectContaining({ level: 30, sealed: expect.any(Number) })]);
    const sealed = await rowOf(p.id);
    expect(sealed.body).toMatch(/^enc:v1:/);
    expect(sealed.body).not.toContain('761035');
    expect(await outbox({}).sealLegacy()).toBe(0);
    expect(await outbox({}).dispatch([sealed.id])).toEqual({ delivered: 1, failed: 0 });
    expect(gateway.received.map((r) => r.json)).toEqual([
      { to: '13900004444', kind: 'INITIAL_PAYMENT_PASSWORD', body: text },
    ]);
    expect(await rowOf(p.id)).toMatchObject({ body: null, status: 'DELIVERED' });
  });
});

describe('outbox cipher (R-ACC-7)', () => {
  const context = { id: 'row-1', recipient: '13900001111', kind: 'INITIAL_PAYMENT_PASSWORD' };

  it('AES-256-GCM with a random IV per body: two seals of one text differ, both open; a body moved to another row or altered does not open', () => {
    const cipher = new OutboxCipher(SECRET);
    const a = cipher.seal('初始支付密码为761035', context);
    const b = cipher.seal('初始支付密码为761035', context);
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).toBe(cipher.keyVersion);
    expect(Buffer.from(a.split(':')[3], 'base64url')).toHaveLength(12);
    expect(cipher.open(a, context)).toBe('初始支付密码为761035');
    expect(cipher.open(b, context)).toBe('初始支付密码为761035');
    expect(() => cipher.open(a, { ...context, id: 'row-2' })).toThrow(
      expect.objectContaining({ reason: 'TAMPERED' }),
    );
    const parts = a.split(':');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    parts[4] = data.toString('base64url');
    expect(() => cipher.open(parts.join(':'), context)).toThrow(OutboxCipherError);
    expect(() => cipher.open('enc:v1:zz', context)).toThrow(expect.objectContaining({ reason: 'MALFORMED' }));
  });

  it('the key version follows the secret: another secret refuses with KEY_VERSION', () => {
    const sealed = new OutboxCipher(OTHER_SECRET).seal('x', context);
    expect(new OutboxCipher(SECRET).keyVersion).not.toBe(new OutboxCipher(OTHER_SECRET).keyVersion);
    expect(new OutboxCipher(SECRET).keyVersion).toBe(new OutboxCipher(SECRET).keyVersion);
    expect(() => new OutboxCipher(SECRET).open(sealed, context)).toThrow(
      expect.objectContaining({ reason: 'KEY_VERSION' }),
    );
  });
});

describe('SMS gateway configuration (R-ACC-7)', () => {
  const production = {
    NODE_ENV: 'production',
    GONGJI_SECRET: 'x'.repeat(40),
    GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
  };

  it('GONGJI_SMS_WEBHOOK_URL selects the webhook adapter in any mode; GONGJI_SMS_TTL_HOURS defaults to 72', () => {
    const config = loadConfig({ ...production, GONGJI_SMS_WEBHOOK_URL: 'https://sms.example.internal/send' });
    expect(config.sms).toEqual({
      webhookUrl: 'https://sms.example.internal/send',
      webhookToken: undefined,
      webhookTimeoutMs: 10_000,
      ttlHours: 72,
    });
    expect(smsSenderFor(config)).toBeInstanceOf(WebhookSmsSender);
    expect(smsSenderFor(loadConfig(production))).toBeInstanceOf(UnconfiguredSmsSender);
    expect(loadConfig({ GONGJI_SMS_TTL_HOURS: '0.5' }).sms.ttlHours).toBe(0.5);
    expect(() => loadConfig({ GONGJI_SMS_TTL_HOURS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ GONGJI_SMS_WEBHOOK_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ GONGJI_SMS_WEBHOOK_URL: 'not a url' })).toThrow(/GONGJI_SMS_WEBHOOK_URL/);
    expect(() => loadConfig({ GONGJI_SMS_TIMEOUT_MS: '-1' })).toThrow(ConfigError);
  });

  it('a production start without a gateway logs one warning that initial passwords cannot be delivered; with one, none', async () => {
    for (const [extra, expected] of [
      [{}, 1],
      [{ GONGJI_SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms' }, 0],
    ] as const) {
      const database = await createTestDatabase();
      const { logger, lines } = capture('warn');
      const started = await startApp(
        loadConfig({
          ...production,
          ...extra,
          PORT: '0',
          HOST: '127.0.0.1',
          GONGJI_ADMIN_DIR: '',
          DATABASE_URL: database.url,
        }),
        logger,
      );
      try {
        const warnings = lines.filter((l) => /no SMS gateway/.test(String(l['msg'])));
        expect(warnings).toHaveLength(expected);
        if (expected) {
          expect(warnings[0]).toMatchObject({ level: 40, ttlHours: 72 });
          expect(warnings[0]['msg']).toMatch(/initial .*payment passwords cannot be delivered/);
        }
      } finally {
        await started.close();
        await database.drop();
      }
    }
  });
});
