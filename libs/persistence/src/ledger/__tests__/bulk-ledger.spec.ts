import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ENTITY_DIALECT, PersonEntity, PocketEntity, PostingEntity, TransactionEntity } from '../../entities';
import { type TestDatabase, createTestDatabase } from '../../testing/test-database';
import { auditLedger } from '../ledger-audit';
import {
  BulkLedgerError,
  ORDERED_UUID_SQL,
  STAGE_LINE,
  STAGE_LINE_COLUMNS,
  STAGE_TX,
  STAGE_TX_COLUMNS,
  type BulkClient,
  type StagedLine,
  copyInto,
  createLedgerStaging,
  postStaged,
  stagedLine,
  stagedTransactionLine,
} from '../bulk-ledger';

/** The set-based writer of the bulk tools (issue #11) is PostgreSQL only; SQLite runs skip it. */
(ENTITY_DIALECT === 'postgres' ? describe : describe.skip)('bulk ledger (postStaged) on PostgreSQL', () => {
  let db: TestDatabase;
  let client: Client;
  const bulk = () => client as unknown as BulkClient;
  let alice: string;
  let bob: string;

  const person = async (balance: bigint): Promise<string> => {
    const id = randomUUID();
    const now = new Date();
    await db.dataSource.getRepository(PersonEntity).insert({
      id,
      idNumber: String(Math.floor(Math.random() * 1e17)).padStart(17, '1') + '0',
      name: '测试',
      phone: null,
      birthDate: '1980-01-01',
      regionCode: '110000',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
      createdAt: now,
      updatedAt: now,
    });
    await db.dataSource
      .getRepository(PocketEntity)
      .insert({ id: randomUUID(), personId: id, kind: 'EARMARKED', balance, updatedAt: now });
    return id;
  };

  /** Stages transactions (each: its lines) and posts them in one database transaction; rolls back on failure. */
  const post = async (txs: { lines: Omit<StagedLine, 'key' | 'seq'>[] }[], createMissingPockets = false) => {
    await client.query('BEGIN');
    try {
      const now = new Date();
      await copyInto(
        bulk(),
        STAGE_TX,
        STAGE_TX_COLUMNS,
        txs.map((_, i) =>
          stagedTransactionLine({
            key: i + 1,
            id: randomUUID(),
            kind: 'TEST_BULK',
            amount: 0n,
            actor: 'test',
            explanation: [{ rule: 'R-SET-6', message: 'test' }],
            createdAt: now,
          }),
        ),
      );
      await copyInto(
        bulk(),
        STAGE_LINE,
        STAGE_LINE_COLUMNS,
        txs.flatMap((t, i) => t.lines.map((l, seq) => stagedLine({ ...l, key: i + 1, seq }))),
      );
      const result = await postStaged(bulk(), { createMissingPockets });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  };
  const credit = (personId: string, amount: bigint) => ({
    lines: [
      { accountType: 'SYSTEM' as const, systemAccount: 'CONTRIBUTION_SOURCE', amount: -amount },
      { accountType: 'POCKET' as const, personId, pocket: 'EARMARKED', amount },
    ],
  });
  const balanceOf = async (personId: string, kind = 'EARMARKED') =>
    (await db.dataSource.getRepository(PocketEntity).findOneByOrFail({ personId, kind })).balance;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    await createLedgerStaging(bulk());
    alice = await person(0n);
    bob = await person(0n);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('R-SET-6: posts many transactions at once; a pocket touched twice gets running balances after', async () => {
    const result = await post([
      credit(alice, 1_500n),
      credit(bob, 300n),
      {
        lines: [
          { accountType: 'POCKET', personId: alice, pocket: 'EARMARKED', amount: -1_200n },
          { accountType: 'SYSTEM', systemAccount: 'INSTITUTION', ref: 'inst-1', amount: 1_200n },
        ],
      },
    ]);
    expect(result).toEqual({ transactions: 3, postings: 6, pockets: 2 });
    expect(await balanceOf(alice)).toBe(300n);
    expect(await balanceOf(bob)).toBe(300n);
    const lines = await db.dataSource.getRepository(PostingEntity).findBy({ personId: alice });
    expect(lines.map((l) => l.balanceAfter).sort((a, b) => Number(b! - a!))).toEqual([1_500n, 300n]);
    const report = await auditLedger(db.dataSource);
    expect(report.violations).toEqual([]);
  });

  it('R-SET-6: an unbalanced transaction is refused and nothing is written', async () => {
    const before = await db.dataSource.getRepository(TransactionEntity).count();
    await expect(
      post([
        {
          lines: [
            { accountType: 'POCKET', personId: alice, pocket: 'EARMARKED', amount: 100n },
            { accountType: 'SYSTEM', systemAccount: 'CONTRIBUTION_SOURCE', amount: -99n },
          ],
        },
      ]),
    ).rejects.toThrow(BulkLedgerError);
    expect(await db.dataSource.getRepository(TransactionEntity).count()).toBe(before);
    expect(await balanceOf(alice)).toBe(300n);
  });

  it('R-SET-6: a pocket that would go negative at any posting refuses the whole batch', async () => {
    await expect(
      post([
        {
          lines: [
            { accountType: 'POCKET', personId: bob, pocket: 'EARMARKED', amount: -400n },
            { accountType: 'SYSTEM', systemAccount: 'CASH', amount: 400n },
          ],
        },
        credit(bob, 500n), // later in the batch: the running balance still dips below zero first
      ]),
    ).rejects.toThrow(/negative/);
    expect(await balanceOf(bob)).toBe(300n);
  });

  it('a missing pocket is refused, or created at 0 when asked', async () => {
    await expect(
      post([
        {
          lines: [
            { accountType: 'SYSTEM', systemAccount: 'CONTRIBUTION_SOURCE', amount: -50n },
            { accountType: 'POCKET', personId: bob, pocket: 'LEGACY', amount: 50n },
          ],
        },
      ]),
    ).rejects.toThrow(/does not exist/);
    await post(
      [
        {
          lines: [
            { accountType: 'SYSTEM', systemAccount: 'CONTRIBUTION_SOURCE', amount: -50n },
            { accountType: 'POCKET', personId: bob, pocket: 'LEGACY', amount: 50n },
          ],
        },
      ],
      true,
    );
    expect(await balanceOf(bob, 'LEGACY')).toBe(50n);
    expect((await auditLedger(db.dataSource)).violations).toEqual([]);
  });
  it('ORDERED_UUID_SQL: version-7 layout, unique, ordered by the millisecond', async () => {
    const { rows } = await client.query(`SELECT ${ORDERED_UUID_SQL} AS id FROM generate_series(1, 5000)`);
    const ids = rows.map((r) => String(r['id']));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const clock = ids.map((id) => id.slice(0, 13));
    expect([...clock].sort()).toEqual(clock);
    const ms = parseInt(clock[0].replace('-', ''), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });
});
