import { randomUUID } from 'node:crypto';
import { type Fen, PocketKind, SystemAccount, pocketAccount, systemAccount } from '@gongji/domain';
import {
  ENTITY_DIALECT,
  IdempotencyRecordEntity,
  PersonEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '../../entities';
import { type TestDatabase, createTestDatabase } from '../../testing/test-database';
import { LedgerInvariantError, LedgerWriter, type MoneyCommand } from '../ledger-writer';

interface DebitPayload {
  ok: boolean;
  transactionId: string | null;
  balanceAfter: bigint | null;
  reason?: string;
}

/** A minimal money command: pay `amount` from the person's EARMARKED pocket to CASH, refusing when short. */
function debit(
  personId: string,
  amount: bigint,
  key: string,
  clientId = 'client-a',
): MoneyCommand<DebitPayload> {
  return {
    clientId,
    operation: 'testDebit',
    idempotencyKey: key,
    request: { personId, amount },
    personIds: [personId],
    decide: async ({ pockets, transactionId }) => {
      const pocket = pockets.get(`${personId}:EARMARKED`);
      if (!pocket || pocket.balance < amount) {
        return {
          payload: { ok: false, transactionId: null, balanceAfter: null, reason: 'INSUFFICIENT_BALANCE' },
        };
      }
      return {
        payload: { ok: true, transactionId, balanceAfter: pocket.balance - amount },
        transaction: {
          kind: 'TEST_DEBIT',
          amount,
          personId,
          explanation: [{ rule: 'R-SET-6', message: 'test debit' }],
          postings: [
            { account: pocketAccount(personId, PocketKind.EARMARKED), amount: -amount as Fen },
            { account: systemAccount(SystemAccount.CASH), amount: amount as Fen },
          ],
        },
      };
    },
  };
}

describe(`LedgerWriter on ${ENTITY_DIALECT}`, () => {
  let db: TestDatabase;
  let writer: LedgerWriter;
  let personId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    writer = new LedgerWriter(db.dataSource);
  });
  afterAll(async () => db?.drop());

  beforeEach(async () => {
    personId = randomUUID();
    const now = new Date();
    await db.dataSource.getRepository(PersonEntity).insert({
      id: personId,
      idNumber: String(Math.floor(Math.random() * 1e17)).padStart(18, '1'),
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
      .insert({ id: randomUUID(), personId, kind: 'EARMARKED', balance: 10_000n, updatedAt: now });
  });

  const balance = async () =>
    (await db.dataSource.getRepository(PocketEntity).findOneByOrFail({ personId, kind: 'EARMARKED' }))
      .balance;

  it('16 concurrent debits against too little money: exactly the affordable ones succeed, no pocket negative', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => writer.execute(debit(personId, 3_000n, `k-${personId}-${i}`))),
    );
    const ok = results.filter((r) => r.outcome === 'EXECUTED' && r.payload.ok);
    expect(ok).toHaveLength(3);
    expect(await balance()).toBe(1_000n);
    const postings = await db.dataSource.getRepository(PostingEntity).findBy({ personId });
    expect(postings.reduce((s, p) => s + p.amount, 0n)).toBe(-9_000n);
    const balancesAfter = postings.map((p) => p.balanceAfter).sort((a, b) => Number((b ?? 0n) - (a ?? 0n)));
    expect(balancesAfter).toEqual([7_000n, 4_000n, 1_000n]);
  });

  it('the same key sent twice concurrently moves money once and returns identical payloads', async () => {
    const key = `dup-${personId}`;
    const [a, b] = await Promise.all([
      writer.execute(debit(personId, 2_500n, key)),
      writer.execute(debit(personId, 2_500n, key)),
    ]);
    expect(a).toHaveProperty('payload');
    expect((a as { payload: unknown }).payload).toEqual((b as { payload: unknown }).payload);
    expect([a.outcome, b.outcome].sort()).toEqual(['EXECUTED', 'REPLAYED']);
    expect(await balance()).toBe(7_500n);
    expect(await db.dataSource.getRepository(TransactionEntity).countBy({ personId })).toBe(1);
  });

  it('a refusal is stored and replayed; the key is scoped per client', async () => {
    const key = `refuse-${personId}`;
    const first = await writer.execute(debit(personId, 20_000n, key));
    expect(first).toEqual({
      outcome: 'EXECUTED',
      payload: expect.objectContaining({ ok: false, reason: 'INSUFFICIENT_BALANCE' }),
    });
    const again = await writer.execute(debit(personId, 20_000n, key));
    expect(again.outcome).toBe('REPLAYED');
    const otherClient = await writer.execute(debit(personId, 1_000n, key, 'client-b'));
    expect(otherClient).toEqual({ outcome: 'EXECUTED', payload: expect.objectContaining({ ok: true }) });
  });

  it('a key reused with another input is reported and changes nothing', async () => {
    const key = `reuse-${personId}`;
    await writer.execute(debit(personId, 1_000n, key));
    const reused = await writer.execute(debit(personId, 2_000n, key));
    expect(reused).toEqual({ outcome: 'KEY_REUSED', operation: 'testDebit' });
    expect(await balance()).toBe(9_000n);
  });

  it('R-SET-6: unbalanced postings abort the whole transaction, key included', async () => {
    const key = `unbalanced-${personId}`;
    const bad: MoneyCommand<unknown> = {
      ...debit(personId, 1_000n, key),
      decide: async () => ({
        payload: {},
        transaction: {
          kind: 'TEST',
          amount: 1n,
          explanation: [],
          postings: [{ account: pocketAccount(personId, PocketKind.EARMARKED), amount: -1n as Fen }],
        },
      }),
    };
    await expect(writer.execute(bad)).rejects.toBeInstanceOf(LedgerInvariantError);
    expect(await balance()).toBe(10_000n);
    expect(await db.dataSource.getRepository(IdempotencyRecordEntity).countBy({ key })).toBe(0);
  });
});
