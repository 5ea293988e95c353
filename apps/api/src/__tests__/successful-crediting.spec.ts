import {
  AuditLogEntity,
  ContributionCreditEntity,
  ENTITY_DIALECT,
  InterestRunEntity,
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
  interestRun { year annualRate accounts total } ${TX} ${USER_ERRORS} } }`;
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

  it('R-ACC-4: interest is posted once for the year to every EARMARKED balance, half-up to the fen', async () => {
    const year = 2025;
    const res = await app.gql<Interest>(INTEREST, { i: { year, annualRate: 150 } }, admin);
    expect(res.errors).toBeUndefined();
    const p = res.data!.interestPost;
    expect(p.userErrors).toEqual([]);
    // 王丽 5110.00 × 1.50 % = 76.65
    expect(p.transaction!.postings).toContainEqual({
      personId: wangli,
      pocket: 'EARMARKED',
      systemAccount: null,
      amount: '76.65',
      balanceAfter: '5186.65',
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
