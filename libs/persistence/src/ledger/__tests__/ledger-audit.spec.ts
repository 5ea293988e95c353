import { randomUUID } from 'node:crypto';
import { type Fen, PocketKind, SystemAccount, pocketAccount, systemAccount } from '@gongji/domain';
import { AccumulatorEntity, ENTITY_DIALECT, PersonEntity, PocketEntity } from '../../entities';
import { type TestDatabase, createTestDatabase } from '../../testing/test-database';
import { auditLedger } from '../ledger-audit';
import { LedgerWriter } from '../ledger-writer';

describe(`ledger audit on ${ENTITY_DIALECT}`, () => {
  let db: TestDatabase;
  const personId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    const now = new Date();
    await db.dataSource.getRepository(PersonEntity).insert({
      id: personId,
      idNumber: '110105194912310021',
      name: '审计',
      phone: null,
      birthDate: '1949-12-31',
      regionCode: '110000',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'RETIRED',
      createdAt: now,
      updatedAt: now,
    });
    await db.dataSource
      .getRepository(PocketEntity)
      .insert({ id: randomUUID(), personId, kind: 'EARMARKED', balance: 0n, updatedAt: now });
    const writer = new LedgerWriter(db.dataSource);
    await writer.execute({
      clientId: 'audit',
      operation: 'credit',
      idempotencyKey: 'k1',
      request: {},
      personIds: [personId],
      decide: async () => ({
        payload: {},
        transaction: {
          kind: 'CONTRIBUTION_CREDIT',
          amount: 50_000n,
          personId,
          explanation: [{ rule: 'R-ACC-4', message: 'credit' }],
          postings: [
            { account: systemAccount(SystemAccount.CONTRIBUTION_SOURCE), amount: -50_000n as Fen },
            { account: pocketAccount(personId, PocketKind.EARMARKED), amount: 50_000n as Fen },
          ],
        },
      }),
    });
    await writer.execute({
      clientId: 'audit',
      operation: 'settle',
      idempotencyKey: 'k2',
      request: {},
      personIds: [personId],
      decide: async () => ({
        payload: {},
        transaction: {
          kind: 'SETTLEMENT',
          amount: 20_000n,
          personId,
          explanation: [{ rule: 'R-SET-4', message: 'settle' }],
          details: {
            accumulatorDelta: {
              year: 2025,
              outpatientCovered: '20000',
              outpatientFundPaid: '0',
              inpatientAdmissions: 0,
              inpatientFundPaid: '0',
              accountPaid: '20000',
            },
          },
          postings: [
            { account: pocketAccount(personId, PocketKind.EARMARKED), amount: -20_000n as Fen },
            { account: systemAccount(SystemAccount.INSTITUTION, 'h1'), amount: 20_000n as Fen },
          ],
        },
        after: async (manager) => {
          await manager.getRepository(AccumulatorEntity).insert({
            personId,
            year: 2025,
            outpatientCovered: 20_000n,
            outpatientFundPaid: 0n,
            inpatientAdmissions: 0,
            inpatientFundPaid: 0n,
            accountPaid: 20_000n,
          });
        },
      }),
    });
  });
  afterAll(async () => db?.drop());

  it('a consistent ledger has no violations', async () => {
    const report = await auditLedger(db.dataSource);
    expect(report).toMatchObject({
      transactions: 2,
      postings: 4,
      pockets: 1,
      accumulators: 1,
      pocketTotal: 30_000n,
      violations: [],
    });
  });

  it('a pocket changed behind the ledger and a drifted accumulator are reported', async () => {
    await db.dataSource.getRepository(PocketEntity).update({ personId }, { balance: 30_001n });
    await db.dataSource
      .getRepository(AccumulatorEntity)
      .update({ personId, year: 2025 }, { outpatientCovered: 1n });
    const report = await auditLedger(db.dataSource);
    expect(report.violations).toEqual([
      expect.objectContaining({
        check: 'balance = sum of postings',
        detail: 'balance 30001 fen, postings sum 30000 fen',
      }),
      expect.objectContaining({
        check: 'accumulators match settlements',
        detail: 'outpatientCovered is 1, settlements give 20000',
      }),
    ]);
    await db.dataSource.getRepository(PocketEntity).update({ personId }, { balance: 30_000n });
    await db.dataSource
      .getRepository(AccumulatorEntity)
      .update({ personId, year: 2025 }, { outpatientCovered: 20_000n });
  });
});
