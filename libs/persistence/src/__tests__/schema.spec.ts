import 'reflect-metadata';
import { ENTITY_DIALECT } from '../entities';
import { type TestDatabase, createTestDatabase } from '../testing/test-database';

describe(`schema on ${ENTITY_DIALECT}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('checked-in migrations build exactly the schema the entities describe (no drift)', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('no migration is left pending after start', async () => {
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  it('decorator metadata is present (STACK.md: a bundler without it breaks column types)', () => {
    const pocket = db.dataSource.getMetadata('PocketEntity');
    expect(pocket.findColumnWithPropertyName('balance')?.type).toBe('bigint');
    expect(
      Reflect.getMetadata('design:type', (pocket.target as { prototype: object }).prototype, 'kind'),
    ).toBe(String);
  });

  it('R-SET-6: the database itself refuses a negative pocket', async () => {
    const repo = db.dataSource.getRepository('PocketEntity');
    await db.dataSource.query(
      ENTITY_DIALECT === 'postgres'
        ? `INSERT INTO persons (id, "idNumber", name, "birthDate", "regionCode", "insuranceType", "createdAt", "updatedAt", version) VALUES ('p1', '110105194912310021', 'x', '1949-12-31', '110000', 'EMPLOYEE', now(), now(), 1)`
        : `INSERT INTO persons (id, idNumber, name, birthDate, regionCode, insuranceType, createdAt, updatedAt, version) VALUES ('p1', '110105194912310021', 'x', '1949-12-31', '110000', 'EMPLOYEE', datetime('now'), datetime('now'), 1)`,
    );
    await expect(
      repo.insert({
        id: 'k1',
        personId: 'p1',
        kind: 'EARMARKED',
        balance: -1n,
        updatedAt: new Date(),
        version: 1,
      }),
    ).rejects.toThrow(/CHECK|check/);
  });
});
