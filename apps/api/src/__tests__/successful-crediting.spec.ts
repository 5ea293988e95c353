import {
  AuditLogEntity,
  ContributionCreditEntity,
  ENTITY_DIALECT,
  InterestRunEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  TX,
  type TxOut,
  USER_ERRORS,
  type UserErrorOut,
  balance,
  expectLedgerClean,
  key,
  ledgerSize,
  personId,
} from './wallet.helpers';

const CREDIT = `mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) {
  month credited creditedTotal alreadyCredited alreadyCreditedTotal notCollected
  rows { personId amount outcome } ${TX} ${USER_ERRORS} } }`;
const INTEREST = `mutation($i: InterestPostInput!) { interestPost(input: $i) {
  interestRun { year annualRate accounts total } ${TX} transactionIds ${USER_ERRORS} } }`;
const WITHDRAW = `mutation($i: LegacyWithdrawInput!) { legacyWithdraw(input: $i) { ${TX} ${USER_ERRORS} } }`;

type Credit = {
  contributionsCredit: {
    credited: number;
    creditedTotal: string;
    alreadyCredited: number;
    alreadyCreditedTotal: string;
    notCollected: number;
    rows: { personId: string; amount: string; outcome: string }[];
    transaction: TxOut | null;
    userErrors: UserErrorOut[];
  };
};
type Interest = {
  interestPost: {
    interestRun: { year: number; annualRate: number; accounts: number; total: string } | null;
    transaction: TxOut | null;
    transactionIds: string[];
    userErrors: UserErrorOut[];
  };
};
type Withdraw = { legacyWithdraw: { transaction: TxOut | null; userErrors: UserErrorOut[] } };

describe(`contributionsCredit, interestPost and legacyWithdraw over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let wangli: string;
  let wangqiang: string;
  let wangjianguo: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    wangli = await personId(app, '王丽');
    wangqiang = await personId(app, '王强');
    wangjianguo = await personId(app, '王建国');
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-ACC-4: a month is credited to EARMARKED; a row with nothing collected gets no credit', async () => {
    const res = await app.gql<Credit>(
      CREDIT,
      {
        i: {
          month: '2026-10',
          rows: [
            { personId: wangli, amount: '800.00' },
            { personId: wangqiang, amount: '0.00' },
          ],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.contributionsCredit;
    expect(p).toMatchObject({
      credited: 1,
      creditedTotal: '800.00',
      alreadyCredited: 0,
      notCollected: 1,
      userErrors: [],
    });
    expect(p.rows).toEqual([
      { personId: wangli, amount: '800.00', outcome: 'CREDITED' },
      { personId: wangqiang, amount: '0.00', outcome: 'NOT_COLLECTED' },
    ]);
    expect(p.transaction!.postings).toEqual([
      {
        personId: null,
        pocket: null,
        systemAccount: 'CONTRIBUTION_SOURCE',
        amount: '-800.00',
        balanceAfter: null,
      },
      {
        personId: wangli,
        pocket: 'EARMARKED',
        systemAccount: null,
        amount: '800.00',
        balanceAfter: '4300.00',
      },
    ]);
    expect(await app.db.getRepository(ContributionCreditEntity).findBy({ month: '2026-10' })).toMatchObject([
      { personId: wangli, amount: 80000n, transactionId: p.transaction!.id },
    ]);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'contributionsCredit' })).toBe(1);
  });

  it('R-ACC-4: the same batch again is a no-op reported as already credited', async () => {
    const before = await ledgerSize(app);
    const res = await app.gql<Credit>(
      CREDIT,
      { i: { month: '2026-10', rows: [{ personId: wangli, amount: '800.00' }] } },
      admin,
    );
    expect(res.data!.contributionsCredit).toMatchObject({
      credited: 0,
      alreadyCredited: 1,
      alreadyCreditedTotal: '800.00',
      transaction: null,
      userErrors: [],
      rows: [{ personId: wangli, outcome: 'ALREADY_CREDITED' }],
    });
    expect(await ledgerSize(app)).toEqual(before);
    expect(await balance(app, wangli, 'EARMARKED')).toBe('4300.00');
  });

  it('R-ACC-4: the same new batch sent twice concurrently credits each person-month once', async () => {
    const variables = {
      i: {
        month: '2026-11',
        rows: [
          { personId: wangli, amount: '810.00' },
          { personId: wangqiang, amount: '720.00' },
        ],
      },
    };
    const [a, b] = await Promise.all([
      app.gql<Credit>(CREDIT, variables, admin),
      app.gql<Credit>(CREDIT, variables, admin),
    ]);
    const results = [a.data!.contributionsCredit, b.data!.contributionsCredit];
    expect(results.map((r) => r.userErrors)).toEqual([[], []]);
    expect(results.map((r) => r.credited).sort()).toEqual([0, 2]);
    expect(results.map((r) => r.alreadyCredited).sort()).toEqual([0, 2]);
    expect(await app.db.getRepository(ContributionCreditEntity).countBy({ month: '2026-11' })).toBe(2);
    expect(await balance(app, wangli, 'EARMARKED')).toBe('5110.00');
    expect(await balance(app, wangqiang, 'EARMARKED')).toBe('3320.00');
  });

  it('R-ACC-4: months before earmarkedFrom (2022-09-01 in Beijing) went to the passbook: LEGACY', async () => {
    const res = await app.gql<Credit>(
      CREDIT,
      { i: { month: '2022-08', rows: [{ personId: wangqiang, amount: '300.00' }] } },
      admin,
    );
    expect(res.data!.contributionsCredit.userErrors).toEqual([]);
    expect(res.data!.contributionsCredit.transaction!.postings[1]).toMatchObject({
      personId: wangqiang,
      pocket: 'LEGACY',
      amount: '300.00',
    });
    expect(await balance(app, wangqiang, 'LEGACY')).toBe('300.00');
  });

  it('R-ACC-4: interest is posted once for the year on every EARMARKED balance at the end of it, half-up to the fen', async () => {
    const year = 2025;
    // The demo ledger was booked today; date it in mid-2024, so its balances are those at the end of 2024 and 2025 …
    await app.db
      .getRepository(TransactionEntity)
      .createQueryBuilder()
      .update()
      .set({ createdAt: new Date('2024-06-01T04:00:00Z') })
      .execute();
    // … then credit 王丽 now (2026): money booked after the year earns nothing for it (black-box audit: a person born
    // in 2026 was paid interest for 2023 on money credited in 2026-11).
    const credit = await app.gql<Credit>(
      CREDIT,
      { i: { month: '2026-07', rows: [{ personId: wangli, amount: '200.00' }], idempotencyKey: key('c') } },
      admin,
    );
    expect(credit.data!.contributionsCredit.credited).toBe(1);
    const res = await app.gql<Interest>(INTEREST, { i: { year, annualRate: 150 } }, admin);
    expect(res.errors).toBeUndefined();
    const p = res.data!.interestPost;
    expect(p.userErrors).toEqual([]);
    // 王丽 5110.00 at the end of 2025 × 1.50 % = 76.65 (not 5310.00 × 1.50 % = 79.65); balance after: 5310 + 76.65
    expect(p.transaction!.postings).toContainEqual({
      personId: wangli,
      pocket: 'EARMARKED',
      systemAccount: null,
      amount: '76.65',
      balanceAfter: '5386.65',
    });
    expect(p.transaction!.postings[0]).toMatchObject({
      systemAccount: 'INTEREST',
      amount: `-${p.interestRun!.total}`,
    });
    expect(p.interestRun).toMatchObject({
      year,
      annualRate: 150,
      accounts: p.transaction!.postings.length - 1,
    });
    expect(await app.db.getRepository(InterestRunEntity).countBy({ year })).toBe(1);
    expect(p.transaction!.explanation[0]!.rule).toBe('R-ACC-4');
    expect(p.transaction!.explanation[0]!.message).toMatch(
      /^2025 interest: EARMARKED balance at the end of 2025 × 1\.5%, half-up to the fen; \d+ accounts, total /,
    );
    const zh = await app.gql<{ transaction: { explanation: { message: string }[] } }>(
      'query($id: ID!) { transaction(id: $id) { explanation { message } } }',
      { id: p.transaction!.id },
      admin,
      { 'accept-language': '' },
    );
    const zhLine = zh.data!.transaction.explanation[0]!.message;
    expect(zhLine).toMatch(/^2025年度计息：按2025年末的个人账户余额×1\.5%计算，四舍五入到分/);
  });

  it('R-ACC-3/R-ACC-4 (audit finding 1): in Qingdao (no earmarkedFrom of its own) effectivePolicy and the ledger agree — EARMARKED from the national 2022-09-01', async () => {
    const liuyang = await personId(app, '刘洋');
    const policy = await app.gql<{
      effectivePolicy: {
        features: { feature: string; from: string | null; open: boolean; sourceRegionCode: string | null }[];
      };
    }>(
      'query { effectivePolicy(regionCode: "370200", on: "2026-12-02") { features { feature from open sourceRegionCode } } }',
      {},
      admin,
    );
    const features = policy.data!.effectivePolicy.features;
    expect(features.find((f) => f.feature === 'EARMARKED_ACCOUNT')).toEqual({
      feature: 'EARMARKED_ACCOUNT',
      from: '2022-09-01',
      open: true,
      sourceRegionCode: null,
    });
    // Supplementary premiums are not configured in Qingdao: closed (premiumPay refuses PREMIUM_NOT_OPEN).
    expect(features.find((f) => f.feature === 'SUPPLEMENTARY_PREMIUM_SELF')).toMatchObject({
      from: null,
      open: false,
    });
    // The ledger splits at the same date: 2022-08 → LEGACY, 2022-09 → EARMARKED.
    for (const [month, pocket] of [
      ['2022-08', 'LEGACY'],
      ['2022-09', 'EARMARKED'],
    ] as const) {
      const res = await app.gql<Credit>(
        CREDIT,
        { i: { month, rows: [{ personId: liuyang, amount: '10.00' }] } },
        admin,
      );
      expect(res.data!.contributionsCredit.userErrors).toEqual([]);
      expect(res.data!.contributionsCredit.transaction!.postings[1]).toMatchObject({
        personId: liuyang,
        pocket,
        amount: '10.00',
      });
    }
    const before = await app.gql<{
      effectivePolicy: { features: { feature: string; from: string | null; open: boolean }[] };
    }>(
      'query { effectivePolicy(regionCode: "370200", on: "2022-08-31") { features { feature from open } } }',
      {},
      admin,
    );
    expect(before.data!.effectivePolicy.features.find((f) => f.feature === 'EARMARKED_ACCOUNT')).toEqual({
      feature: 'EARMARKED_ACCOUNT',
      from: '2022-09-01',
      open: false,
    });
  });

  it('API.md: contributionsCredit with a client idempotency key replays the first payload and moves nothing', async () => {
    const idempotencyKey = key('credit');
    const variables = {
      i: { month: '2026-09', rows: [{ personId: wangli, amount: '790.00' }], idempotencyKey },
    };
    const first = await app.gql<Credit>(CREDIT, variables, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data!.contributionsCredit).toMatchObject({
      credited: 1,
      creditedTotal: '790.00',
      userErrors: [],
    });
    const before = await ledgerSize(app);
    const balanceBefore = await balance(app, wangli, 'EARMARKED');
    const again = await app.gql<Credit>(CREDIT, variables, admin);
    // The first payload again (CREDITED, same transaction), not ALREADY_CREDITED: the key is the client's.
    expect(again.data!.contributionsCredit).toEqual(first.data!.contributionsCredit);
    expect(await ledgerSize(app)).toEqual(before);
    expect(await balance(app, wangli, 'EARMARKED')).toBe(balanceBefore);
    const reused = await app.gql<Credit>(
      CREDIT,
      { i: { ...variables.i, rows: [{ personId: wangqiang, amount: '790.00' }] } },
      admin,
    );
    expect(reused.data!.contributionsCredit.userErrors[0]).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: ['idempotencyKey'],
    });
    expect(await ledgerSize(app)).toEqual(before);
  });

  it('R-ACC-4: interestPost runs in batches of holders under the client key; a retry replays, nobody is paid twice', async () => {
    const year = 2024;
    const holders = await app.db.getRepository(PocketEntity).countBy({ kind: 'EARMARKED' });
    expect(holders).toBeGreaterThan(2);
    process.env['INTEREST_BATCH_SIZE'] = '2';
    try {
      const idempotencyKey = key('interest');
      const variables = { i: { year, annualRate: 100, idempotencyKey } };
      const first = await app.gql<Interest>(INTEREST, variables, admin);
      expect(first.errors).toBeUndefined();
      const p = first.data!.interestPost;
      expect(p.userErrors).toEqual([]);
      // Several batches, each its own INTEREST transaction locking at most 2 holders.
      expect(p.transactionIds.length).toBeGreaterThan(1);
      expect(p.transaction).toBeNull();
      const batches = await app.db
        .getRepository(TransactionEntity)
        .findBy({ kind: 'INTEREST', serviceDate: `${year}-12-31` });
      expect(batches.map((t) => t.id).sort()).toEqual([...p.transactionIds].sort());
      const paid = await app.db
        .getRepository(PostingEntity)
        .createQueryBuilder('p')
        .where('p.transactionId IN (:...ids)', { ids: p.transactionIds })
        .andWhere('p.accountType = :t', { t: 'POCKET' })
        .getMany();
      expect(paid.every((x) => x.pocket === 'EARMARKED')).toBe(true);
      expect(new Set(paid.map((x) => x.personId)).size).toBe(paid.length); // once per person-year
      expect(p.interestRun).toMatchObject({ year, annualRate: 100, accounts: paid.length });
      expect(p.interestRun!.total).toBe(
        (paid.reduce((sum, x) => sum + x.amount, 0n) / 100n).toString() +
          '.' +
          String(paid.reduce((sum, x) => sum + x.amount, 0n) % 100n).padStart(2, '0'),
      );
      expect(await app.db.getRepository(InterestRunEntity).countBy({ year })).toBe(1);

      const before = await ledgerSize(app);
      const again = await app.gql<Interest>(INTEREST, variables, admin);
      expect(again.data!.interestPost).toEqual(p);
      expect(await ledgerSize(app)).toEqual(before);

      const other = await app.gql<Interest>(
        INTEREST,
        { i: { year, annualRate: 100, idempotencyKey: key('interest') } },
        admin,
      );
      expect(other.data!.interestPost.userErrors[0]).toMatchObject({
        code: 'INTEREST_ALREADY_POSTED',
        rule: 'R-ACC-4',
      });
      expect(await ledgerSize(app)).toEqual(before);
    } finally {
      delete process.env['INTEREST_BATCH_SIZE'];
    }
  });

  it('R-ACC-5: LEGACY passbook money is withdrawn in cash through the bank', async () => {
    const res = await app.gql<Withdraw>(
      WITHDRAW,
      { i: { personId: wangjianguo, amount: '200.00', idempotencyKey: key('withdraw') } },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.legacyWithdraw.userErrors).toEqual([]);
    expect(res.data!.legacyWithdraw.transaction).toMatchObject({
      kind: 'LEGACY_WITHDRAWAL',
      amount: '200.00',
    });
    expect(res.data!.legacyWithdraw.transaction!.postings).toEqual([
      {
        personId: wangjianguo,
        pocket: 'LEGACY',
        systemAccount: null,
        amount: '-200.00',
        balanceAfter: '1000.00',
      },
      { personId: null, pocket: null, systemAccount: 'BANK', amount: '200.00', balanceAfter: null },
    ]);
    expect(await balance(app, wangjianguo, 'LEGACY')).toBe('1000.00');
    expect(await app.db.getRepository(TransactionEntity).countBy({ kind: 'LEGACY_WITHDRAWAL' })).toBe(1);
  });
});
