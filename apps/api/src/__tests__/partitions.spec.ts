import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import {
  ENTITY_DIALECT,
  PersonEntity,
  PostingEntity,
  TransactionEntity,
  archivedPocketTotals,
  auditLedger,
  createPostingPartitions,
  detachPostingPartitionsBefore,
  ensurePostingPartitions,
  listPostingPartitions,
  monthOf,
  partitionName,
} from '@gongji/persistence';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@gongji/persistence/testing';
import { type TestApp, createTestApp } from '../testing/test-app';

/**
 * Issue #11: `postings` partitioned by month of booking (China Standard Time) on PostgreSQL. Writes land in their
 * month's partition (through the API's ledger writer, and a month nobody prepared lands in the default partition and
 * moves into its own when it is created); `npm run partitions -- --ensure-ahead N` creates months ahead; a detached
 * month's postings leave `postings` but stay in a table of their own, their per-account totals kept. PostgreSQL only.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const describePg = ENTITY_DIALECT === 'postgres' ? describe : describe.skip;

/** A balanced booking between two system accounts (no pocket: pocket balances stay the writer's), booked at `at`. */
async function bookOld(db: DataSource, at: string, fen: bigint): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (m) => {
    await m.getRepository(TransactionEntity).insert({
      id,
      kind: 'CONTRIBUTION_CREDIT',
      status: 'POSTED',
      amount: fen,
      personId: null,
      counterpartyPersonId: null,
      institutionId: null,
      serviceDate: null,
      channel: null,
      product: null,
      originalTransactionId: null,
      actor: 'partitions-spec',
      explanation: [{ rule: 'R-ACC-4', message: 'test booking' }],
      details: {},
      createdAt: new Date(at),
    });
    const leg = (seq: number, systemAccount: string, amount: bigint) => ({
      id: randomUUID(),
      transactionId: id,
      seq,
      accountType: 'SYSTEM',
      personId: null,
      pocket: null,
      systemAccount,
      ref: null,
      amount,
      balanceAfter: null,
      bookedAt: new Date(at),
    });
    await m
      .getRepository(PostingEntity)
      .insert([leg(0, 'CONTRIBUTION_SOURCE', -fen), leg(1, 'FUND_POOL', fen)]);
  });
  return id;
}

async function partitionsOf(db: DataSource, transactionId: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT DISTINCT tableoid::regclass::text AS part FROM postings WHERE "transactionId" = $1`,
    [transactionId],
  )) as { part: string }[];
  return rows.map((r) => r.part);
}

const count = async (db: DataSource, sql: string, params: unknown[] = []): Promise<number> =>
  Number(((await db.query(sql, params)) as { n: string }[])[0].n);

describePg(`postings partitioned by month (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('the migration made postings a partitioned table: current month and 3 ahead, a default; the ledger still audits clean', async () => {
    const parts = await listPostingPartitions(app.db);
    const current = monthOf(new Date());
    expect(parts.map((p) => p.name)).toEqual(
      expect.arrayContaining([partitionName(current), 'postings_default']),
    );
    expect(parts.filter((p) => p.from !== null && p.from >= current)).toHaveLength(4);
    // The demo population's opening balances were written after the migration: all in this month's partition.
    expect(
      await count(app.db, `SELECT count(*) AS n FROM postings WHERE tableoid = 'postings_default'::regclass`),
    ).toBe(0);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });

  it("a settlement through the API (the ledger writer) lands in this month's partition", async () => {
    const token = await app.login('admin');
    const patient = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王丽' });
    const [hospital] = (await app.db.query(`SELECT id FROM institutions WHERE code = 'H11010100001'`)) as {
      id: string;
    }[];
    const r = await app.gql<{ settlementConfirm: { transaction: { id: string }; userErrors: unknown[] } }>(
      `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) { transaction { id } userErrors { code } } }`,
      {
        input: {
          patientId: patient.id,
          institutionId: hospital.id,
          visitType: 'OUTPATIENT',
          serviceDate: '2025-06-01',
          covered: '30.00',
          outOfCatalogue: '0.00',
          excluded: '0.00',
          channel: 'E_VOUCHER',
          idempotencyKey: 'partitions-spec-settlement',
        },
      },
      token,
    );
    expect(r.data?.settlementConfirm.userErrors).toEqual([]);
    const id = r.data!.settlementConfirm.transaction.id;
    expect(await partitionsOf(app.db, id)).toEqual([partitionName(monthOf(new Date()))]);
    expect((await auditLedger(app.db)).violations).toEqual([]);
  });

  it('a posting of a month without a partition lands in the default one and moves into its month when that is created', async () => {
    const id = await bookOld(app.db, '2031-07-15T10:00:00+08:00', 500n);
    expect(await partitionsOf(app.db, id)).toEqual(['postings_default']);
    expect(await createPostingPartitions(app.db, '2031-07', '2031-07')).toEqual(['postings_y2031m07']);
    expect(await partitionsOf(app.db, id)).toEqual(['postings_y2031m07']);
    expect(await count(app.db, `SELECT count(*) AS n FROM postings_default`)).toBe(0);
    // Month boundaries are China Standard Time: 1 August 00:30 CST is 31 July 16:30 UTC, yet it is August.
    const edge = await bookOld(app.db, '2031-08-01T00:30:00+08:00', 100n);
    expect(await partitionsOf(app.db, edge)).toEqual(['postings_default']);
    // ensure-ahead from a clock set to June 2031: June…September; July exists; August takes the edge posting.
    expect(
      await ensurePostingPartitions(app.db, { ahead: 3, now: new Date('2031-06-10T00:00:00Z') }),
    ).toEqual(['postings_y2031m06', 'postings_y2031m08', 'postings_y2031m09']);
    expect(await partitionsOf(app.db, edge)).toEqual(['postings_y2031m08']);
  });

  it('npm run partitions -- --ensure-ahead 6 creates what is missing and prints the partitions', () => {
    const r = spawnSync('npm', ['run', '-s', 'partitions', '--', '--ensure-ahead', '6'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: app.databaseUrl },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The migration made 3 ahead; 6 ahead adds months +4, +5 and +6.
    expect(r.stdout).toMatch(/created 3: /);
    expect(r.stdout).toMatch(/\| postings_default \| DEFAULT \|/);
  });

  it('a detached month: its postings are gone from postings but still in the detached table, totals archived', async () => {
    await createPostingPartitions(app.db, '2024-11', '2025-01');
    const nov = await bookOld(app.db, '2024-11-20T09:00:00+08:00', 1_000n);
    const dec = await bookOld(app.db, '2024-12-31T23:59:00+08:00', 2_000n);
    const jan = await bookOld(app.db, '2025-01-01T00:01:00+08:00', 4_000n);
    expect(await partitionsOf(app.db, dec)).toEqual(['postings_y2024m12']);
    expect(await partitionsOf(app.db, jan)).toEqual(['postings_y2025m01']);
    const liveBefore = await count(app.db, `SELECT count(*) AS n FROM postings`);

    const detached = await detachPostingPartitionsBefore(app.db, '2025-01');
    expect(detached).toEqual([
      { name: 'postings_y2024m11', month: '2024-11', postings: 2 },
      { name: 'postings_y2024m12', month: '2024-12', postings: 2 },
    ]);
    // Gone from the table…
    expect(await partitionsOf(app.db, nov)).toEqual([]);
    expect(await partitionsOf(app.db, dec)).toEqual([]);
    expect(await count(app.db, `SELECT count(*) AS n FROM postings`)).toBe(liveBefore - 4);
    // …but still in the detached tables, which are plain tables now.
    expect(
      await count(app.db, `SELECT count(*) AS n FROM postings_y2024m12 WHERE "transactionId" = $1`, [dec]),
    ).toBe(2);
    expect(
      await count(
        app.db,
        `SELECT count(*) AS n FROM pg_class WHERE relname = 'postings_y2024m12' AND relispartition`,
      ),
    ).toBe(0);
    // January stays, and its postings are still found through postings.
    expect(await partitionsOf(app.db, jan)).toEqual(['postings_y2025m01']);
    const totals = (await app.db.query(
      `SELECT "systemAccount" AS account, SUM(amount)::text AS amount FROM posting_archive_totals GROUP BY 1 ORDER BY 1`,
    )) as { account: string; amount: string }[];
    expect(totals).toEqual([
      { account: 'CONTRIBUTION_SOURCE', amount: '-3000' },
      { account: 'FUND_POOL', amount: '3000' },
    ]);
    expect((await archivedPocketTotals(app.db)).size).toBe(0); // no pocket was posted to in those months
    // The ledger audit counts detached months through their archived totals: still no violation.
    expect((await auditLedger(app.db)).violations).toEqual([]);
    // Detaching again finds nothing; a new write for today still lands in today's partition.
    expect(await detachPostingPartitionsBefore(app.db, '2025-01')).toEqual([]);
    const now = await bookOld(app.db, new Date().toISOString(), 10n);
    expect(await partitionsOf(app.db, now)).toEqual([partitionName(monthOf(new Date()))]);
  });

  it('the migration down and up again: existing postings are copied into the months of their transactions', async () => {
    const db = await createTestDatabase();
    try {
      const march = await bookOld(db.dataSource, '2025-03-15T12:00:00+08:00', 700n);
      const today = await bookOld(db.dataSource, new Date().toISOString(), 300n);
      // Undo down to (and including) PartitionedPostings, whatever later migrations exist.
      const applied = async () =>
        count(
          db.dataSource,
          `SELECT count(*) AS n FROM migrations WHERE name = 'PartitionedPostings1796142119801'`,
        );
      while ((await applied()) > 0) await db.dataSource.undoLastMigration({ transaction: 'each' });
      expect(
        await count(
          db.dataSource,
          `SELECT count(*) AS n FROM pg_partitioned_table WHERE partrelid = 'postings'::regclass`,
        ),
      ).toBe(0);
      expect(await count(db.dataSource, `SELECT count(*) AS n FROM postings`)).toBe(4);
      await db.dataSource.runMigrations({ transaction: 'each' });
      expect(await partitionsOf(db.dataSource, march)).toEqual(['postings_y2025m03']);
      expect(await partitionsOf(db.dataSource, today)).toEqual([partitionName(monthOf(new Date()))]);
      // Every month from the first posting's to three ahead exists.
      const months = (await listPostingPartitions(db.dataSource)).filter((p) => p.from !== null);
      expect(months[0].name).toBe('postings_y2025m03');
      expect((await auditLedger(db.dataSource)).violations).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
