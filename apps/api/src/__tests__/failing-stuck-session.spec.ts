import { ENTITY_DIALECT } from '@gongji/persistence';
import { Client } from 'pg';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { raw } from './gateway.helpers';
import { institutionId, personId } from './settlement-helpers';
import { key } from './wallet.helpers';

const CONFIRM = `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
  transaction { id } userErrors { code } } }`;

/**
 * Audit D: an API process frozen or cut off inside a transaction kept its row locks for as long as the cut lasted; a
 * healthy process's statements queued behind them until its whole pool was waiting, so other families' payments and
 * `/health` hung for 30 s and more. Every pooled session now has `lock_timeout` (a wait for a lock is answered as a
 * retryable outage, 503 SERVICE_UNAVAILABLE) and `idle_in_transaction_session_timeout` (PostgreSQL ends the stuck
 * session, which releases its locks; the retry with the same key then settles once).
 */
(ENTITY_DIALECT === 'postgres' ? describe : describe.skip)(
  `a session stuck inside a transaction (${ENTITY_DIALECT})`,
  () => {
    let app: TestApp;
    let counter: string;
    let stuck: Client;
    let wangqiang: string;
    let wangli: string;
    let xiehe: string;
    const bill = (patientId: string, idempotencyKey: string) => ({
      patientId,
      institutionId: xiehe,
      visitType: 'OUTPATIENT',
      serviceDate: todayInChina(),
      covered: '10.00',
      channel: 'E_VOUCHER',
      idempotencyKey,
    });
    const confirm = (input: Record<string, unknown>) =>
      raw(app, {
        body: JSON.stringify({ query: CONFIRM, variables: { input } }),
        headers: { authorization: `Bearer ${counter}` },
      });

    beforeAll(async () => {
      app = await createTestApp({
        env: { GONGJI_DB_LOCK_TIMEOUT_MS: '800', GONGJI_DB_IDLE_TX_TIMEOUT_MS: '2500' },
      });
      counter = await app.login('counter');
      wangqiang = await personId(app, '王强');
      wangli = await personId(app, '王丽');
      xiehe = await institutionId(app, 'H11010100001');
      // Another API process of the same deployment: its sessions carry the same limit.
      stuck = new Client({ connectionString: app.databaseUrl, idle_in_transaction_session_timeout: 2500 });
      stuck.on('error', () => undefined); // ended by the server below
      await stuck.connect();
    });
    afterAll(async () => {
      await stuck?.end().catch(() => undefined);
      await app?.close();
    });

    it('every pooled session carries the limits', async () => {
      const [lock] = await app.serverDb.query('SHOW lock_timeout');
      const [idle] = await app.serverDb.query('SHOW idle_in_transaction_session_timeout');
      expect(lock.lock_timeout).toBe('800ms');
      expect(idle.idle_in_transaction_session_timeout).toBe('2500ms');
    });

    it("a payment behind the stuck session's locks is a quick 503; another family's pays; the retry settles once", async () => {
      // Another process's transaction holds 王强's pockets and then stops (frozen, or its network cut).
      await stuck.query('BEGIN');
      await stuck.query('SELECT balance FROM pockets WHERE "personId" = $1 FOR UPDATE', [wangqiang]);

      const blockedKey = key('stuck');
      const started = Date.now();
      const [blocked, other] = await Promise.all([
        confirm(bill(wangqiang, blockedKey)),
        confirm(bill(wangli, key('other-family'))),
      ]);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(blocked.status).toBe(503);
      expect(blocked.body!.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      expect(blocked.headers.get('retry-after')).toBe('1');
      expect(other.status).toBe(200);
      expect(other.body!.data?.['settlementConfirm']).toMatchObject({ userErrors: [] });
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(200);

      // PostgreSQL ends the session idle in its transaction: the locks go, and the retry under the same key settles.
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      await expect(stuck.query('SELECT 1')).rejects.toThrow();
      const retried = await confirm(bill(wangqiang, blockedKey));
      expect(retried.status).toBe(200);
      const settled = retried.body!.data?.['settlementConfirm'] as { transaction: { id: string } | null };
      expect(settled.transaction?.id).toBeTruthy();
      const again = await confirm(bill(wangqiang, blockedKey));
      expect(
        (again.body!.data?.['settlementConfirm'] as { transaction: { id: string } }).transaction.id,
      ).toBe(settled.transaction?.id);
    });

    it('the server ending every session (pg_terminate_backend) never brings the process down', async () => {
      // Held and idle connections alike; node-postgres then emits `error` on clients no query runner listens to.
      const inFlight = Array.from({ length: 4 }, (_, i) => confirm(bill(wangli, key(`terminated-${i}`))));
      const admin = new Client({ connectionString: app.databaseUrl });
      await admin.connect();
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      await admin.end();
      for (const res of await Promise.all(inFlight)) expect([200, 503]).toContain(res.status);
      // The process is alive and reconnects by itself.
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await confirm(bill(wangli, key('after-terminate')))).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    });
  },
);
