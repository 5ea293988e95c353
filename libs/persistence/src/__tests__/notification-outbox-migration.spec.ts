import 'reflect-metadata';
import { ENTITY_DIALECT, NotificationEntity } from '../entities';
import { type TestDatabase, createTestDatabase } from '../testing/test-database';

const MIGRATION =
  ENTITY_DIALECT === 'postgres'
    ? 'NotificationOutboxStatus1796183604825'
    : 'NotificationOutboxStatus1796183598830';

describe(`notification outbox status migration on ${ENTITY_DIALECT} (R-ACC-7)`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('rows written before the migration: delivered ones become DELIVERED, pending ones PENDING (bodies kept for sealing at start); down and up again', async () => {
    const applied = async () =>
      Number(
        (
          (await db.dataSource.query(`SELECT count(*) AS n FROM migrations WHERE name = '${MIGRATION}'`)) as {
            n: string | number;
          }[]
        )[0].n,
      );
    while ((await applied()) > 0) await db.dataSource.undoLastMigration({ transaction: 'each' });
    const insert = `INSERT INTO notification_outbox (id, "personId", channel, recipient, kind, body, attempts, "createdAt", "deliveredAt") VALUES `;
    const ts = ENTITY_DIALECT === 'postgres' ? `now()` : `datetime('now')`;
    await db.dataSource.query(
      `${insert} ('sent', 'p1', 'SMS', '13900001111', 'INITIAL_PAYMENT_PASSWORD', NULL, 1, ${ts}, ${ts})`,
    );
    await db.dataSource.query(
      `${insert} ('waiting', 'p2', 'SMS', '13900002222', 'INITIAL_PAYMENT_PASSWORD', '初始支付密码为761035', 3, ${ts}, NULL)`,
    );
    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await db.dataSource.showMigrations()).toBe(false);
    const rows = await db.dataSource.getRepository(NotificationEntity).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => [r.id, r.status, r.body, r.attempts, r.nextAttemptAt])).toEqual([
      ['sent', 'DELIVERED', null, 1, null],
      ['waiting', 'PENDING', '初始支付密码为761035', 3, null],
    ]);
  });
});
