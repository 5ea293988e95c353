import { ENTITY_DIALECT, PostingEntity, TransactionEntity, auditLedger } from '@gongji/persistence';
import { In } from 'typeorm';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  CONFIRM,
  type ConfirmData,
  earmarked,
  institutionId,
  personId,
  yuanToFen,
} from './settlement-helpers';

describe(`settlement under concurrency (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('R-KIN-4 / R-SET-6: 16 concurrent bills for 王小明 drain 王丽 then 王建国 in order; no negative pocket, money conserved, cash covers the rest', async () => {
    const token = await app.login('counter');
    const [xiaoming, li, jianguo, xiehe] = await Promise.all([
      personId(app, '王小明'),
      personId(app, '王丽'),
      personId(app, '王建国'),
      institutionId(app, 'H11010100001'),
    ]);
    const funds = (await earmarked(app, li)) + (await earmarked(app, jianguo));
    const before = await auditLedger(app.db);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        app.gql<ConfirmData>(
          CONFIRM,
          {
            input: {
              patientId: xiaoming,
              institutionId: xiehe,
              visitType: 'OUTPATIENT',
              serviceDate: '2025-06-01',
              covered: '1500.00',
              channel: 'CARD',
              password: DEMO_PAYMENT_PASSWORD,
              idempotencyKey: `concurrent-${i}`,
            },
          },
          token,
        ),
      ),
    );
    for (const r of results) expect(r.data?.settlementConfirm.userErrors).toEqual([]);
    const splits = results.map((r) => r.data!.settlementConfirm.settlement!);
    const demand = splits.reduce((s, q) => s + yuanToFen(q.personalShare), 0n);
    expect(demand).toBeGreaterThan(funds); // more demand than funds

    // Every relative's account used up, nobody negative, every bill = fund + accounts + cash.
    expect(await earmarked(app, li)).toBe(0n);
    expect(await earmarked(app, jianguo)).toBe(0n);
    const accounts = splits.reduce((s, q) => s + yuanToFen(q.accountPaid), 0n);
    expect(accounts).toBe(funds);
    for (const q of splits)
      expect(yuanToFen(q.fundPay) + yuanToFen(q.accountPaid) + yuanToFen(q.cash)).toBe(yuanToFen(q.total));

    // Money conserved: all transactions balance, every pocket = its postings, none negative; pockets fell by exactly
    // what the accounts paid (the rest is fund and cash on the system side).
    const after = await auditLedger(app.db);
    expect(after.violations).toEqual([]);
    expect(before.pocketTotal - after.pocketTotal).toBe(funds);

    // Registered order: in every settlement that debited 王建国, 王丽's balance seen under lock minus what she paid
    // in that same settlement was zero; and what each saw is a balance 王丽 really had (opening or a balanceAfter).
    const ids = results.map((r) => r.data!.settlementConfirm.transaction!.id);
    const txs = await app.db.getRepository(TransactionEntity).findBy({ id: In(ids) });
    const postings = await app.db.getRepository(PostingEntity).findBy({ transactionId: In(ids) });
    const liBalances = new Set(postings.filter((p) => p.personId === li).map((p) => String(p.balanceAfter)));
    liBalances.add('350000');
    let jianguoUsed = 0;
    for (const t of txs) {
      const seen = (t.details['fundsSeen'] as { providers: { personId: string; earmarked: string }[] })
        .providers;
      expect(seen.map((p) => p.personId)).toEqual([li, jianguo]);
      const liSeen = BigInt(seen[0].earmarked);
      expect(liBalances.has(liSeen.toString())).toBe(true);
      const paid = (id: string) =>
        -postings
          .filter((p) => p.transactionId === t.id && p.personId === id)
          .reduce((s, p) => s + p.amount, 0n);
      if (paid(jianguo) > 0n) {
        jianguoUsed++;
        expect(liSeen - paid(li)).toBe(0n);
      }
    }
    expect(jianguoUsed).toBeGreaterThan(0);
  });
});
