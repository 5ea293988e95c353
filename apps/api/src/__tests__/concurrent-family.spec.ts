import {
  ENTITY_DIALECT,
  InstitutionEntity,
  PersonEntity,
  PocketEntity,
  auditLedger,
} from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

/**
 * Issue #4 concurrency acceptance, mixed: 8 wallet transfers and 8 settlements race for one account holder's money
 * (张伟, Shijiazhuang, EARMARKED 2000.00) with more demand (8 × 300.00 + 8 × 300.00) than funds. Transfers must be
 * paid in full or refused (R-WAL-6); settlements take what is left and the rest is cash (R-SET-4). No pocket goes
 * negative, money is conserved, and the successes are exactly what the funds allowed.
 */
describe(`one family's money under concurrent transfers and settlements (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('8 transfers + 8 settlements of 300.00 against 2000.00: no negative pocket, conservation, exactly the affordable successes', async () => {
    const staff = await app.login('counter');
    const persons = app.db.getRepository(PersonEntity);
    const zhangwei = (await persons.findOneByOrFail({ name: '张伟' })).id;
    const zhaomin = (await persons.findOneByOrFail({ name: '赵敏' })).id;
    const hospital = (await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code: 'H13010200001' }))
      .id;
    const activated = await app.gql<{ walletActivate: { userErrors: unknown[] } }>(
      'mutation($i: WalletActivateInput!) { walletActivate(input: $i) { userErrors { code } } }',
      // confirmed as of 2025-05-08 (staff record), before the transfers dated 2025-06-01 (R-WAL-5)
      { i: { personId: zhangwei, usageRegionCode: '130100', phone: '13900000001', on: '2025-05-08' } },
      staff,
    );
    expect(activated.data!.walletActivate.userErrors).toEqual([]);
    const pocket = (id: string, kind: string) =>
      app.db.getRepository(PocketEntity).findOneByOrFail({ personId: id, kind });
    const startBalance = (await pocket(zhangwei, 'EARMARKED')).balance;
    expect(startBalance).toBe(200_000n);
    const before = await auditLedger(app.db);

    type Transfer = {
      walletTransfer: {
        transaction: { amount: string } | null;
        userErrors: { code: string; rule: string }[];
      };
    };
    type Settle = {
      settlementConfirm: {
        settlement: { ownEarmarked: string; cash: string; fundPay: string } | null;
        userErrors: { code: string }[];
      };
    };
    const transfers = Array.from({ length: 8 }, (_, i) =>
      app.gql<Transfer>(
        `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { transaction { amount } userErrors { code rule } } }`,
        {
          i: {
            fromPersonId: zhangwei,
            toPersonId: zhaomin,
            relation: 'PARENT',
            amount: '300.00',
            source: 'EARMARKED',
            verification: 'FACE',
            on: '2025-06-01',
            idempotencyKey: `mix-t-${i}`,
          },
        },
        staff,
      ),
    );
    const settlements = Array.from({ length: 8 }, (_, i) =>
      app.gql<Settle>(
        `mutation($i: SettlementConfirmInput!) { settlementConfirm(input: $i) { settlement { ownEarmarked cash fundPay } userErrors { code } } }`,
        {
          i: {
            patientId: zhangwei,
            institutionId: hospital,
            visitType: 'OUTPATIENT',
            serviceDate: '2025-06-01',
            covered: '300.00',
            channel: 'E_VOUCHER',
            idempotencyKey: `mix-s-${i}`,
          },
        },
        staff,
      ),
    );
    // All 16 requests are in flight together; which wins each race is up to the database locks.
    const [t, s] = await Promise.all([Promise.all(transfers), Promise.all(settlements)]);
    const fen = (m: string) => BigInt(Math.round(Number(m) * 100));

    const okTransfers = t.filter((r) => r.data?.walletTransfer.transaction);
    const refusedTransfers = t.filter((r) => r.data?.walletTransfer.userErrors.length);
    expect(okTransfers.length + refusedTransfers.length).toBe(8);
    for (const r of refusedTransfers)
      expect(r.data!.walletTransfer.userErrors[0].rule).toMatch(/^R-WAL-6|^R-SET-6/);
    for (const r of s) expect(r.data?.settlementConfirm.userErrors).toEqual([]);
    const accountPaid = s.reduce(
      (sum, r) => sum + fen(r.data!.settlementConfirm.settlement!.ownEarmarked),
      0n,
    );
    const cashPaid = s.reduce((sum, r) => sum + fen(r.data!.settlementConfirm.settlement!.cash), 0n);
    const fundPaid = s.reduce((sum, r) => sum + fen(r.data!.settlementConfirm.settlement!.fundPay), 0n);
    const transferred = BigInt(okTransfers.length) * 30_000n;

    const endBalance = (await pocket(zhangwei, 'EARMARKED')).balance;
    expect(endBalance).toBeGreaterThanOrEqual(0n);
    // Conservation: what left the pocket is exactly what the successful operations say they took.
    expect(startBalance - endBalance).toBe(transferred + accountPaid);
    expect((await pocket(zhaomin, 'WALLET')).balance).toBe(transferred);
    // R-SET-1: 8 × 300.00 = 2400.00 of covered cost this year; the fund pays 50 % of what exceeds 1800.00.
    expect(fundPaid).toBe(30_000n);
    expect(fundPaid + accountPaid + cashPaid).toBe(8n * 30_000n);
    // Exactly the successes the funds allow: a transfer was refused only when less than 200.00 was left at that
    // moment, and since settlements then drain the rest, nothing that could have paid was left unpaid.
    if (refusedTransfers.length > 0) expect(endBalance).toBeLessThan(30_000n);
    expect(refusedTransfers.length).toBeGreaterThan(0); // 8 × 300.00 alone exceeds the 2000.00
    if (cashPaid > 0n) expect(endBalance).toBe(0n);
    const after = await auditLedger(app.db);
    expect(after.violations).toEqual([]);
    expect(after.pocketTotal).toBe(before.pocketTotal - accountPaid); // transfers move money between pockets only
    console.log(
      `mixed concurrency (${ENTITY_DIALECT}): ${okTransfers.length} transfers ok, ${refusedTransfers.length} refused; settlements paid ${accountPaid} fen from the account and ${cashPaid} fen cash; end balance ${endBalance} fen`,
    );
  });
});
