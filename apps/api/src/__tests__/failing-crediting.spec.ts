import { ContributionCreditEntity, ENTITY_DIALECT, InterestRunEntity } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
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
  credited alreadyCredited notCollected ${TX} ${USER_ERRORS} } }`;
const INTEREST = `mutation($i: InterestPostInput!) { interestPost(input: $i) {
  interestRun { year accounts total } ${TX} ${USER_ERRORS} } }`;
const WITHDRAW = `mutation($i: LegacyWithdrawInput!) { legacyWithdraw(input: $i) { ${TX} ${USER_ERRORS} } }`;

type Payload = { transaction: TxOut | null; userErrors: UserErrorOut[] };

/** `YYYY-MM` `n` months after today's month in China (the server's business date), so no test depends on the date. */
function monthFromNow(n: number): string {
  const [y, m] = todayInChina().split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe(`contributionsCredit, interestPost and legacyWithdraw refusals over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let wangli: string;
  let wangqiang: string;
  let wangjianguo: string;
  let wangxiaoming: string;
  /** Runs a mutation, expects one userError with `code` and `rule`, and that no money moved. */
  const refused = async (
    query: string,
    field: string,
    input: Record<string, unknown>,
    code: string,
    rule: string,
    token = admin,
  ) => {
    const before = await ledgerSize(app);
    const res = await app.gql<Record<string, Payload>>(query, { i: input }, token);
    expect(res.errors).toBeUndefined();
    const payload = res.data![field]!;
    expect(payload.transaction).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code, rule });
    expect(await ledgerSize(app)).toEqual(before);
    return payload.userErrors[0]!;
  };

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    wangli = await personId(app, '王丽');
    wangqiang = await personId(app, '王强');
    wangjianguo = await personId(app, '王建国');
    wangxiaoming = await personId(app, '王小明');
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-ACC-4: a different amount for a credited person-month refuses the whole batch (CONFLICTING_CREDIT)', async () => {
    const first = await app.gql<{ contributionsCredit: Payload }>(
      CREDIT,
      { i: { month: '2026-09', rows: [{ personId: wangli, amount: '800.00' }] } },
      admin,
    );
    expect(first.data!.contributionsCredit.userErrors).toEqual([]);
    const error = await refused(
      CREDIT,
      'contributionsCredit',
      {
        month: '2026-09',
        rows: [
          { personId: wangqiang, amount: '700.00' },
          { personId: wangli, amount: '900.00' },
        ],
      },
      'CONFLICTING_CREDIT',
      'R-ACC-4',
    );
    expect(error.message).toContain(wangli);
    // The new row of the refused batch was not credited either.
    expect(await app.db.getRepository(ContributionCreditEntity).countBy({ month: '2026-09' })).toBe(1);
    expect(await balance(app, wangli, 'EARMARKED')).toBe('4300.00');
    expect(await balance(app, wangqiang, 'EARMARKED')).toBe('2600.00');
  });

  it('R-ACC-4: one person listed twice with different amounts is a conflict', async () => {
    await refused(
      CREDIT,
      'contributionsCredit',
      {
        month: '2026-08',
        rows: [
          { personId: wangqiang, amount: '700.00' },
          { personId: wangqiang, amount: '701.00' },
        ],
      },
      'CONFLICTING_CREDIT',
      'R-ACC-4',
    );
  });

  it('R-ACC-1: a resident participant has no personal account to credit', async () => {
    await refused(
      CREDIT,
      'contributionsCredit',
      { month: '2026-09', rows: [{ personId: wangxiaoming, amount: '50.00' }] },
      'NO_PERSONAL_ACCOUNT',
      'R-ACC-1',
    );
  });

  it('API.md (audit finding 10): row refusals name the row with one field-path form, ["rows", "N", "personId"]', async () => {
    const unknown = await refused(
      CREDIT,
      'contributionsCredit',
      {
        month: '2026-09',
        rows: [
          { personId: wangqiang, amount: '1.00' },
          { personId: '00000000-0000-4000-8000-000000000000', amount: '1.00' },
        ],
      },
      'NOT_FOUND',
      null as unknown as string,
    );
    expect(unknown.field).toEqual(['rows', '1', 'personId']);
    const resident = await refused(
      CREDIT,
      'contributionsCredit',
      {
        month: '2026-09',
        rows: [
          { personId: wangqiang, amount: '1.00' },
          { personId: wangxiaoming, amount: '1.00' },
        ],
      },
      'NO_PERSONAL_ACCOUNT',
      'R-ACC-1',
    );
    expect(resident.field).toEqual(['rows', '1', 'personId']);
  });

  it("R-ACC-4 (audit finding 7): a month before the person's birth month is refused on the row (MONTH_BEFORE_BIRTH); the batch credits nobody", async () => {
    // 王丽 was born in 1980-06 (110105198006010381), 王建国 in 1952-03: for 1980-05 only 王丽's row (index 1) is
    // refused, and with it the batch — 王建国's valid row is not credited either.
    const before = await balance(app, wangli, 'LEGACY');
    const fatherBefore = await balance(app, wangjianguo, 'LEGACY');
    for (const [month, rows, index] of [
      [
        '1980-05',
        [
          { personId: wangjianguo, amount: '1.00' },
          { personId: wangli, amount: '1.00' },
        ],
        '1',
      ],
      ['1900-01', [{ personId: wangli, amount: '1.00' }], '0'],
    ] as const) {
      const error = await refused(
        CREDIT,
        'contributionsCredit',
        { month, rows },
        'MONTH_BEFORE_BIRTH',
        'R-ACC-4',
      );
      expect(error.field).toEqual(['rows', index, 'personId']);
      expect(error.message).toBe(
        `${month} is before the birth month of the person (1980-06): nothing was collected for it, so nothing is credited (R-ACC-4)`,
      );
      expect(await app.db.getRepository(ContributionCreditEntity).countBy({ month })).toBe(0);
    }
    const zh = await app.gql<{ contributionsCredit: Payload }>(
      CREDIT,
      { i: { month: '1900-01', rows: [{ personId: wangli, amount: '1.00' }] } },
      admin,
      { 'accept-language': '' },
    );
    expect(zh.data!.contributionsCredit.userErrors.map((e) => e.message)).toEqual([
      '1900-01早于参保人的出生月份（1980-06）：该月不可能征收医保费，不能划入（R-ACC-4）',
    ]);
    expect(await balance(app, wangli, 'LEGACY')).toBe(before);
    expect(await balance(app, wangjianguo, 'LEGACY')).toBe(fatherBefore);
  });

  it('R-ACC-4: the month must be YYYY-MM', async () => {
    await refused(
      CREDIT,
      'contributionsCredit',
      { month: '2026-13', rows: [{ personId: wangli, amount: '1.00' }] },
      'INVALID_MONTH',
      'R-ACC-4',
    );
  });

  it('R-ACC-4: a month after the current month (Beijing time) is refused (MONTH_IN_FUTURE): nothing collected, nothing moves', async () => {
    const current = monthFromNow(0);
    for (const month of [monthFromNow(1), monthFromNow(13), '2099-12']) {
      const error = await refused(
        CREDIT,
        'contributionsCredit',
        { month, rows: [{ personId: wangli, amount: '800.00' }] },
        'MONTH_IN_FUTURE',
        'R-ACC-4',
      );
      expect(error.field).toEqual(['month']);
      expect(error.message).toContain(month);
      expect(error.message).toContain(current);
      expect(await app.db.getRepository(ContributionCreditEntity).countBy({ month })).toBe(0);
    }
    // Even an empty batch, and with an idempotency key: the refusal is the stored answer, a replay repeats it.
    const idempotencyKey = key('credit-future');
    const input = { month: monthFromNow(1), rows: [], idempotencyKey };
    const first = await refused(CREDIT, 'contributionsCredit', input, 'MONTH_IN_FUTURE', 'R-ACC-4');
    const again = await refused(CREDIT, 'contributionsCredit', input, 'MONTH_IN_FUTURE', 'R-ACC-4');
    expect(again).toEqual(first);
  });

  it('R-ACC-4: the refusal of a future month reads in English too', async () => {
    const month = monthFromNow(1);
    const res = await app.gql<{ contributionsCredit: Payload }>(
      CREDIT,
      { i: { month, rows: [{ personId: wangli, amount: '1.00' }] } },
      admin,
      { 'accept-language': 'en' },
    );
    expect(res.data!.contributionsCredit.userErrors[0]!.message).toMatch(
      new RegExp(`^${month} is after the current month`),
    );
  });

  it('R-ACC-4: the current month (Beijing time) is still credited', async () => {
    const month = monthFromNow(0);
    const before = await balance(app, wangqiang, 'EARMARKED');
    const res = await app.gql<{ contributionsCredit: Payload & { credited: number } }>(
      CREDIT,
      { i: { month, rows: [{ personId: wangqiang, amount: '1.00' }] } },
      admin,
    );
    expect(res.data!.contributionsCredit).toMatchObject({ credited: 1, userErrors: [] });
    expect(await app.db.getRepository(ContributionCreditEntity).countBy({ month })).toBe(1);
    expect(Number(await balance(app, wangqiang, 'EARMARKED'))).toBeCloseTo(Number(before) + 1, 2);
  });

  it('R-ACC-4: interest is posted once per year; a second run is refused and moves nothing', async () => {
    const first = await app.gql<{ interestPost: Payload }>(
      INTEREST,
      { i: { year: 2024, annualRate: 150 } },
      admin,
    );
    expect(first.data!.interestPost.userErrors).toEqual([]);
    const earmarked = await balance(app, wangjianguo, 'EARMARKED');
    await refused(
      INTEREST,
      'interestPost',
      { year: 2024, annualRate: 150 },
      'INTEREST_ALREADY_POSTED',
      'R-ACC-4',
    );
    await refused(
      INTEREST,
      'interestPost',
      { year: 2024, annualRate: 200 },
      'INTEREST_ALREADY_POSTED',
      'R-ACC-4',
    );
    expect(await balance(app, wangjianguo, 'EARMARKED')).toBe(earmarked);
    expect(await app.db.getRepository(InterestRunEntity).countBy({ year: 2024 })).toBe(1);
  });

  it('R-ACC-4: a year after the current year (Beijing time) is refused (YEAR_IN_FUTURE), nobody is paid', async () => {
    const currentYear = Number(todayInChina().slice(0, 4));
    for (const year of [currentYear + 1, 2999]) {
      const earmarked = await balance(app, wangjianguo, 'EARMARKED');
      const error = await refused(
        INTEREST,
        'interestPost',
        { year, annualRate: 150, idempotencyKey: key(`interest-${year}`) },
        'YEAR_IN_FUTURE',
        'R-ACC-4',
      );
      expect(error.field).toEqual(['year']);
      expect(error.message).toContain(String(currentYear));
      expect(await balance(app, wangjianguo, 'EARMARKED')).toBe(earmarked);
      expect(await app.db.getRepository(InterestRunEntity).countBy({ year })).toBe(0);
    }
  });

  it('R-ACC-4: the current year (Beijing time) is refused (YEAR_NOT_ENDED): its year-end balance is not known yet', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const earmarked = await balance(app, wangjianguo, 'EARMARKED');
    const error = await refused(
      INTEREST,
      'interestPost',
      { year, annualRate: 150, idempotencyKey: key(`interest-now-${year}`) },
      'YEAR_NOT_ENDED',
      'R-ACC-4',
    );
    expect(error.field).toEqual(['year']);
    expect(error.message).toContain(`1 January ${year + 1}`);
    expect(await balance(app, wangjianguo, 'EARMARKED')).toBe(earmarked);
    expect(await app.db.getRepository(InterestRunEntity).countBy({ year })).toBe(0);
  });

  it('R-ACC-4: an implausible year and a rate outside 0..10000 basis points are refused', async () => {
    await refused(INTEREST, 'interestPost', { year: 1997, annualRate: 150 }, 'INVALID_YEAR', 'R-ACC-4');
    await refused(INTEREST, 'interestPost', { year: 2023, annualRate: 10001 }, 'INVALID_RATE', 'R-ACC-4');
  });

  it('R-ACC-3 (audit finding 8): interest for a year before the book-entry account (2020, 2021) is refused, nobody is paid', async () => {
    for (const year of [2020, 2021]) {
      const earmarked = await balance(app, wangjianguo, 'EARMARKED');
      const idempotencyKey = key(`interest-early-${year}`);
      const error = await refused(
        INTEREST,
        'interestPost',
        { year, annualRate: 35, idempotencyKey },
        'YEAR_BEFORE_EARMARKED',
        'R-ACC-3',
      );
      expect(error.field).toEqual(['year']);
      expect(error.message).toBe(
        `Interest is posted to the book-entry account, which exists since 1 September 2022: there is none for ${year} (R-ACC-3)`,
      );
      expect(await balance(app, wangjianguo, 'EARMARKED')).toBe(earmarked);
      expect(await app.db.getRepository(InterestRunEntity).countBy({ year })).toBe(0);
    }
    const zh = await app.gql<{ interestPost: Payload }>(
      INTEREST,
      { i: { year: 2020, annualRate: 35 } },
      admin,
      { 'accept-language': '' },
    );
    expect(zh.data!.interestPost.userErrors.map((e) => e.message)).toEqual([
      '个人账户记账管理自2022年9月1日起才有，2020年度没有可计息的个人账户余额（R-ACC-3）',
    ]);
  });

  it('API.md: an interestPost key reused for another year is refused before any batch pays anyone', async () => {
    const idempotencyKey = key('interest');
    const first = await app.gql<{ interestPost: Payload }>(
      INTEREST,
      { i: { year: 2022, annualRate: 100, idempotencyKey } },
      admin,
    );
    expect(first.data!.interestPost.userErrors).toEqual([]);
    await refused(
      INTEREST,
      'interestPost',
      { year: 2021, annualRate: 100, idempotencyKey },
      'IDEMPOTENCY_KEY_REUSED',
      // not a DOMAIN.md refusal (API.md's idempotency contract): no rule
      null as unknown as string,
    );
    expect(await app.db.getRepository(InterestRunEntity).countBy({ year: 2021 })).toBe(0);
    const empty = await app.gql(INTEREST, { i: { year: 2021, annualRate: 100, idempotencyKey: '' } }, admin);
    expect(empty.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await app.db.getRepository(InterestRunEntity).countBy({ year: 2021 })).toBe(0);
  });

  it('R-ACC-5: EARMARKED cannot be withdrawn in cash', async () => {
    await refused(
      WITHDRAW,
      'legacyWithdraw',
      { personId: wangjianguo, amount: '100.00', pocket: 'EARMARKED', idempotencyKey: key('wd-earmarked') },
      'EARMARKED_NOT_WITHDRAWABLE',
      'R-ACC-5',
    );
  });

  it('R-ACC-5: more than the LEGACY balance (1200.00) is refused, nothing paid out', async () => {
    await refused(
      WITHDRAW,
      'legacyWithdraw',
      { personId: wangjianguo, amount: '1200.01', idempotencyKey: key('wd-too-much') },
      'INSUFFICIENT_BALANCE',
      'R-ACC-5',
    );
    expect(await balance(app, wangjianguo, 'LEGACY')).toBe('1200.00');
  });

  it('R-WAL-7: wallet money cannot be withdrawn in cash', async () => {
    await refused(
      WITHDRAW,
      'legacyWithdraw',
      { personId: wangjianguo, amount: '1.00', pocket: 'WALLET', idempotencyKey: key('wd-wallet') },
      'WALLET_NOT_WITHDRAWABLE',
      'R-WAL-7',
    );
  });

  it('auth: COUNTER may not credit contributions or post interest; ANALYST may not withdraw', async () => {
    const counter = await app.login('counter');
    const credit = await app.gql(
      CREDIT,
      { i: { month: '2026-07', rows: [{ personId: wangli, amount: '1.00' }] } },
      counter,
    );
    expect(credit.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const interest = await app.gql(INTEREST, { i: { year: 2023, annualRate: 100 } }, counter);
    expect(interest.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const withdraw = await app.gql(
      WITHDRAW,
      { i: { personId: wangjianguo, amount: '1.00', idempotencyKey: key('wd-analyst') } },
      await app.login('analyst'),
    );
    expect(withdraw.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
