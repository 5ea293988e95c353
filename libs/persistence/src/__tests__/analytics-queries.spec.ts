import 'reflect-metadata';
import { ENTITY_DIALECT, TransactionEntity } from '../entities';
import { AnalyticsColumns1796133664498 } from '../migrations/postgres/1796133664498-AnalyticsColumns';
import { AnalyticsColumns1796133663304 } from '../migrations/sqlite/1796133663304-AnalyticsColumns';
import { ledgerStatsQuery, provinceFlowsQuery, reconciliationQuery } from '../queries/analytics.queries';
import { type TestDatabase, createTestDatabase } from '../testing/test-database';

const row = (id: string, kind: string, details: Record<string, unknown>) => ({
  id,
  kind,
  status: 'POSTED',
  amount: 100n,
  personId: null,
  counterpartyPersonId: null,
  institutionId: null,
  serviceDate: null,
  originalTransactionId: null,
  actor: 'USER:test',
  explanation: [],
  details,
  createdAt: new Date('2026-11-30T16:30:00.000Z'), // 2026-12-01 00:30 in China Standard Time
});

describe(`analytics queries and the AnalyticsColumns migration on ${ENTITY_DIALECT}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('an empty ledger: no stats rows, no flows, a reconciliation total of zeros', async () => {
    const range = { from: '2026-01-01', to: '2026-12-31' };
    expect(
      await ledgerStatsQuery(db.dataSource, { groupBy: ['MONTH', 'REGION'], ...range, minPersons: 5 }),
    ).toEqual([]);
    expect(await provinceFlowsQuery(db.dataSource, { ...range, minPersons: 5 })).toEqual([]);
    const lines = await reconciliationQuery(db.dataSource, { institutionId: 'none', ...range });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ date: null, settlementCount: 0, billTotal: 0n, netCashPaid: 0n });
  });

  it('the migration backfills channel (settlements) and product (premiums) from the stored details', async () => {
    const repo = db.dataSource.getRepository(TransactionEntity);
    await repo.insert(row('t-settle', 'SETTLEMENT', { bill: { channel: 'E_VOUCHER' } }) as never);
    await repo.insert(row('t-premium', 'PREMIUM', { product: '北京普惠健康保' }) as never);
    await repo.insert(row('t-transfer', 'WALLET_TRANSFER', { product: 'not a premium' }) as never);
    const migration =
      ENTITY_DIALECT === 'postgres'
        ? new AnalyticsColumns1796133664498()
        : new AnalyticsColumns1796133663304();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const byId = new Map((await repo.find()).map((t) => [t.id, t]));
    expect(byId.get('t-settle')).toMatchObject({ channel: 'E_VOUCHER', product: null });
    expect(byId.get('t-premium')).toMatchObject({ channel: null, product: '北京普惠健康保' });
    expect(byId.get('t-transfer')).toMatchObject({ channel: null, product: null });
    // Booking dates are China Standard Time: 16:30 UTC on 30 November is 1 December in Beijing.
    const cells = await ledgerStatsQuery(db.dataSource, {
      groupBy: ['MONTH', 'PRODUCT'],
      from: '2026-12-01',
      to: '2026-12-01',
      minPersons: 2,
    });
    expect(cells.map((c) => [c.remainder, ...c.values.map((v) => v.code)])).toEqual([
      [false, '2026-12', null],
      [false, '2026-12', '北京普惠健康保'],
      [true, null, null],
    ]);
    // No person at all: every cell is suppressed, and so is the remainder of the two.
    expect(cells.every((c) => c.suppressed && c.amount === null && c.transactionCount === null)).toBe(true);
    expect(cells[2].cells).toBe(2);
    expect(
      await ledgerStatsQuery(db.dataSource, { groupBy: ['MONTH'], to: '2026-11-30', minPersons: 2 }),
    ).toEqual([]);
  });
});
