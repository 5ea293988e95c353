import 'reflect-metadata';
import { QueryFailedError } from 'typeorm';
import { ENTITY_DIALECT } from '../../entities';
import { QueryCounter } from '../../query-counter';
import { type TestDatabase, createTestDatabase } from '../../testing/test-database';
import { pipelined } from '../pipeline';

/**
 * The pipeline (issue #7) on a real PostgreSQL: several statements in one round trip, each with its own results, in
 * order; a failure rejects with the failing statement's QueryFailedError, skips the rest, and leaves the connection
 * usable (named statements that were skipped are parsed again next time).
 */
(ENTITY_DIALECT === 'postgres' ? describe : describe.skip)('pipelined statements (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(
      `CREATE TABLE pipeline_probe (id int PRIMARY KEY, v bigint NOT NULL CHECK (v >= 0))`,
    );
  });
  afterAll(async () => db?.drop());

  const withRunner = async <T>(
    work: (runner: ReturnType<TestDatabase['dataSource']['createQueryRunner']>) => Promise<T>,
  ) => {
    const runner = db.dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  };

  it('runs the statements in order in one transaction and returns each one its rows', async () => {
    const rows = await withRunner((runner) =>
      pipelined(runner, [
        { text: 'BEGIN', prepared: false },
        { text: 'INSERT INTO pipeline_probe (id, v) VALUES ($1, $2) RETURNING id', values: [1, '10'] },
        { text: 'SELECT v::text AS v, $1::text AS echo FROM pipeline_probe WHERE id = 1', values: ['多'] },
        { text: 'COMMIT', prepared: false },
      ]),
    );
    expect(rows).toEqual([[], [{ id: 1 }], [{ v: '10', echo: '多' }], []]);
    expect(await db.dataSource.query('SELECT v::int AS v FROM pipeline_probe WHERE id = 1')).toEqual([
      { v: 10 },
    ]);
  });

  it('a failing statement rejects with its QueryFailedError, skips the rest; the rollback and the connection work', async () => {
    const update = { text: 'UPDATE pipeline_probe SET v = v + $1 WHERE id = 1 RETURNING v', values: ['-5'] };
    const neverParsed = { text: 'SELECT 42 AS answer, $1::int AS n', values: [1] };
    await withRunner(async (runner) => {
      const err = await pipelined(runner, [
        { text: 'BEGIN', prepared: false },
        update,
        { text: 'UPDATE pipeline_probe SET v = v - 100 WHERE id = 1' }, // CHECK (v >= 0) fails
        neverParsed,
      ]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryFailedError);
      expect((err as QueryFailedError).query).toContain('v - 100');
      expect(((err as QueryFailedError).driverError as { code?: string }).code).toBe('23514');
      // The transaction is aborted until rolled back; the skipped named statement is parsed when next used.
      await pipelined(runner, [{ text: 'ROLLBACK', prepared: false }]);
      expect(await pipelined(runner, [neverParsed, update])).toEqual([[{ answer: 42, n: 1 }], [{ v: '5' }]]);
    });
    expect(await db.dataSource.query('SELECT v::int AS v FROM pipeline_probe WHERE id = 1')).toEqual([
      { v: 5 },
    ]);
  });

  it('logs every statement and counts the pipeline as one round trip', async () => {
    const counter = new QueryCounter();
    const logger = db.dataSource.logger;
    Object.assign(db.dataSource, { logger: counter });
    try {
      await withRunner((runner) =>
        pipelined(runner, [
          { text: 'BEGIN', prepared: false },
          { text: 'SELECT 1 AS one' },
          { text: 'SELECT 2 AS two' },
          { text: 'COMMIT', prepared: false },
        ]),
      );
    } finally {
      Object.assign(db.dataSource, { logger });
    }
    expect({ statements: counter.count, roundTrips: counter.roundTrips }).toEqual({
      statements: 2,
      roundTrips: 1,
    });
  });
});
