import { PocketKind, SystemAccount, TransactionKind, systemAccount } from '../../ledger/ledger';
import { creditPocket, posting, sumPostings } from '../../ledger/ledger.rules';
import { type Fen, yuan } from '../../money/money';
import type { DomainError } from '../../shared/domain-error';
import { CreditingErrorCode } from '../crediting.errors';
import { renderExplanation } from '../../messages/explanations';
import { renderRefusal } from '../../messages/render';
import { EARMARKED_NATIONAL_FROM } from '../../policy/policy';
import {
  FIRST_INTEREST_YEAR,
  checkContributionRowOrThrow,
  creditContributionsOrThrow,
  postInterestOrThrow,
} from '../crediting.rules';

const fen = (n: number) => BigInt(n) as Fen;
/** The business date of these tests (Beijing time): the domain reads no clock. */
const TODAY = '2026-12-02';
const OPTIONS = { today: TODAY };

describe('R-ACC-4 monthly crediting', () => {
  it('R-ACC-4 credits collected contributions from CONTRIBUTION_SOURCE to EARMARKED; nothing collected, no credit', () => {
    const r = creditContributionsOrThrow(
      '2024-03',
      [
        { personId: 'a', amount: yuan(300) },
        { personId: 'b', amount: fen(0) },
        { personId: 'c', amount: yuan(150) },
      ],
      [],
      OPTIONS,
    );
    expect(r.decision?.kind).toBe(TransactionKind.CONTRIBUTION_CREDIT);
    expect(r.decision?.postings).toEqual([
      posting(systemAccount(SystemAccount.CONTRIBUTION_SOURCE), -yuan(450)),
      creditPocket('a', PocketKind.EARMARKED, yuan(300)),
      creditPocket('c', PocketKind.EARMARKED, yuan(150)),
    ]);
    expect(sumPostings(r.decision!.postings)).toBe(0n);
    expect(r.notCollected).toEqual(['b']);
    expect(r.decision?.explanation[0].rule).toBe('R-ACC-4');
  });

  it('R-ACC-4 exactly once: the same amount again is a no-op reported as already credited', () => {
    const r = creditContributionsOrThrow(
      '2024-03',
      [{ personId: 'a', amount: yuan(300) }],
      [{ personId: 'a', amount: yuan(300) }],
      OPTIONS,
    );
    expect(r.decision).toBeNull();
    expect(r.alreadyCredited).toEqual([{ personId: 'a', amount: yuan(300) }]);
    expect(r.credited).toEqual([]);
  });

  it('R-ACC-4 a row listed twice with the same amount is credited once', () => {
    const r = creditContributionsOrThrow(
      '2024-03',
      [
        { personId: 'a', amount: yuan(300) },
        { personId: 'a', amount: yuan(300) },
      ],
      [],
      OPTIONS,
    );
    expect(r.credited).toEqual([{ personId: 'a', amount: yuan(300) }]);
  });

  it.each([
    [
      'a different amount for a credited person-month',
      [{ personId: 'a', amount: yuan(301) }],
      [{ personId: 'a', amount: yuan(300) }],
    ],
    [
      'the same person twice with different amounts',
      [
        { personId: 'a', amount: yuan(1) },
        { personId: 'a', amount: yuan(2) },
      ],
      [],
    ],
  ])('R-ACC-4 refuses %s (CONFLICTING_CREDIT), nothing credited', (_label, rows, already) => {
    expect(() => creditContributionsOrThrow('2024-03', rows, already, OPTIONS)).toThrow(
      expect.objectContaining({ code: CreditingErrorCode.CONFLICTING_CREDIT, rule: 'R-ACC-4' }),
    );
  });

  it('R-ACC-4 CONFLICTING_CREDIT in Chinese names the person and month in Chinese; English keeps the id', () => {
    const refusal = (names?: Record<string, string>) => {
      try {
        creditContributionsOrThrow(
          '2022-09',
          [
            { personId: 'f439393c-1', amount: yuan(300) },
            { personId: 'b2', amount: yuan(1) },
            { personId: 'b2', amount: yuan(2) },
          ],
          [{ personId: 'f439393c-1', amount: yuan(200) }],
          { ...OPTIONS, today: '2024-03-15', ...(names ? { names } : {}) },
        );
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('not refused');
    };
    const named = refusal({ 'f439393c-1': '王丽', b2: '王强' });
    expect(renderRefusal(named, 'zh')).toBe(
      '以下人员月份已按不同金额划入（或重复列出且金额不同）：王强 2022年9月在本批中重复列出且金额不同；王丽 2022年9月已划入200.00 元，本次为300.00 元（R-ACC-4）',
    );
    expect(renderRefusal(named, 'en')).toBe(
      'Already credited (or listed twice) with a different amount: b2 2022-09 (listed twice); f439393c-1 2022-09 (credited 200.00, now 300.00) (R-ACC-4)',
    );
    const zh = renderRefusal(refusal(), 'zh');
    expect(zh).not.toMatch(/credited|now|listed/);
    expect(zh).toContain('2022年9月已划入200.00 元，本次为300.00 元');
  });

  it.each([
    ['month 2024-13', '2024-13', [], CreditingErrorCode.INVALID_MONTH],
    ['month 2024-3', '2024-3', [], CreditingErrorCode.INVALID_MONTH],
    [
      'a negative contribution',
      '2024-03',
      [{ personId: 'a', amount: fen(-1) }],
      CreditingErrorCode.INVALID_AMOUNT,
    ],
  ])('R-ACC-4 refuses %s', (_label, month, rows, code) => {
    expect(() => creditContributionsOrThrow(month, rows, [], OPTIONS)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('R-ACC-4 months before earmarkedFrom were allocated to the passbook (LEGACY)', () => {
    const r = creditContributionsOrThrow('2022-08', [{ personId: 'a', amount: yuan(10) }], [], OPTIONS);
    expect(r.decision?.postings[1]).toEqual(creditPocket('a', PocketKind.LEGACY, yuan(10)));
    const later = creditContributionsOrThrow('2022-09', [{ personId: 'a', amount: yuan(10) }], [], {
      ...OPTIONS,
      earmarkedFrom: '2022-10-01',
    });
    expect(later.decision?.postings[1]).toEqual(creditPocket('a', PocketKind.LEGACY, yuan(10)));
  });

  it('R-ACC-4 the current month (Beijing time) is credited, also on its last day', () => {
    const rows = [{ personId: 'a', amount: yuan(10) }];
    expect(creditContributionsOrThrow('2026-12', rows, [], OPTIONS).credited).toEqual(rows);
    expect(creditContributionsOrThrow('2026-12', rows, [], { today: '2026-12-31' }).credited).toEqual(rows);
    expect(creditContributionsOrThrow('2027-01', rows, [], { today: '2027-01-01' }).credited).toEqual(rows);
  });

  it.each([
    ['the next month', '2027-01', '2026-12-31'],
    ['the same month of the next year', '2027-12', '2026-12-02'],
    ['a month years ahead', '2030-01', '2026-12-02'],
  ])(
    'R-ACC-4 refuses %s: nothing collected yet, no credit (MONTH_IN_FUTURE), even an empty batch',
    (_label, month, today) => {
      for (const rows of [[{ personId: 'a', amount: yuan(10) }], []]) {
        let error: unknown;
        try {
          creditContributionsOrThrow(month, rows, [], { today });
        } catch (err) {
          error = err;
        }
        expect(error).toMatchObject({
          code: CreditingErrorCode.MONTH_IN_FUTURE,
          rule: 'R-ACC-4',
          field: ['month'],
          params: { month, currentMonth: today.slice(0, 7) },
        });
      }
    },
  );

  it('R-ACC-3/R-ACC-4 without a region date, months are split at the national EARMARKED_NATIONAL_FROM (2022-09-01) — the fallback effectivePolicy reports', () => {
    expect(EARMARKED_NATIONAL_FROM).toBe('2022-09-01');
    const row = [{ personId: 'a', amount: yuan(10) }];
    expect(creditContributionsOrThrow('2022-08', row, [], OPTIONS).decision?.postings[1]).toEqual(
      creditPocket('a', PocketKind.LEGACY, yuan(10)),
    );
    expect(creditContributionsOrThrow('2022-09', row, [], OPTIONS).decision?.postings[1]).toEqual(
      creditPocket('a', PocketKind.EARMARKED, yuan(10)),
    );
  });

  it('R-ACC-4 a month before the birth month is refused (MONTH_BEFORE_BIRTH) on the row, and the batch with it', () => {
    const rows = [
      { personId: 'a', amount: yuan(10), birthDate: '1950-01-01' },
      { personId: 'b', amount: yuan(10), birthDate: '1980-05-17' },
    ];
    let error: unknown;
    try {
      creditContributionsOrThrow('1980-04', rows, [], OPTIONS);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({
      code: CreditingErrorCode.MONTH_BEFORE_BIRTH,
      rule: 'R-ACC-4',
      field: ['rows', '1', 'personId'],
      params: { month: '1980-04', birthMonth: '1980-05' },
    });
    expect(renderRefusal(error as DomainError, 'zh')).toBe(
      '1980-04早于参保人的出生月份（1980-05）：该月不可能征收医保费，不能划入（R-ACC-4）',
    );
    expect(renderRefusal(error as DomainError, 'en')).toBe(
      '1980-04 is before the birth month of the person (1980-05): nothing was collected for it, so nothing is credited (R-ACC-4)',
    );
  });

  it('R-ACC-4 the birth month itself is credited, and 0.00 (not collected) is never refused for its month', () => {
    const born = [{ personId: 'b', amount: yuan(10), birthDate: '1980-05-17' }];
    expect(creditContributionsOrThrow('1980-05', born, [], OPTIONS).credited).toEqual([
      { personId: 'b', amount: yuan(10) },
    ]);
    expect(
      creditContributionsOrThrow('1900-01', [{ ...born[0], amount: fen(0) }], [], OPTIONS).notCollected,
    ).toEqual(['b']);
  });

  it('R-ACC-4 checkContributionRowOrThrow names the row by the index the caller gives (its position in the input)', () => {
    expect(() =>
      checkContributionRowOrThrow('1900-01', { personId: 'x', amount: yuan(1), birthDate: '1980-01-01' }, 7),
    ).toThrow(expect.objectContaining({ field: ['rows', '7', 'personId'] }));
    expect(() => checkContributionRowOrThrow('2024-01', { personId: 'x', amount: fen(-1) }, 3)).toThrow(
      expect.objectContaining({ code: CreditingErrorCode.INVALID_AMOUNT, field: ['rows', '3', 'amount'] }),
    );
  });

  it('R-ACC-4 a negative contribution names the person, the month and the amount, in Chinese as in English', () => {
    let err: DomainError | undefined;
    try {
      checkContributionRowOrThrow('2024-01', { personId: 'p-1', amount: fen(-500) }, 0);
    } catch (e) {
      err = e as DomainError;
    }
    expect(renderRefusal(err!, 'zh')).toBe('参保人p-1在2024-01的缴费金额不能为负数（-5.00元）（R-ACC-4）');
    expect(renderRefusal(err!, 'en')).toBe('Contribution of p-1 for 2024-01 is negative (-5.00) (R-ACC-4)');
  });

  it('R-ACC-4 a malformed month is INVALID_MONTH, not MONTH_IN_FUTURE', () => {
    expect(() => creditContributionsOrThrow('2099-13', [], [], OPTIONS)).toThrow(
      expect.objectContaining({ code: CreditingErrorCode.INVALID_MONTH }),
    );
  });
});

describe('R-ACC-4 interest', () => {
  // 1000.00 × 1.5% = 15.00; 0.33 × 1.5% = 0.00495 → 0.00 (no posting); 0.34 × 1.5% = 0.0051 → 0.01.
  it('R-ACC-4 EARMARKED balance (at the run) × rate, half-up to the fen, posted from INTEREST to EARMARKED', () => {
    const r = postInterestOrThrow(
      2024,
      150,
      [
        { personId: 'a', balance: yuan(1000) },
        { personId: 'b', balance: fen(33) },
        { personId: 'c', balance: fen(34) },
        { personId: 'd', balance: fen(0) },
      ],
      false,
      TODAY,
    );
    expect(r.interest).toEqual([
      { personId: 'a', amount: yuan(15) },
      { personId: 'c', amount: fen(1) },
    ]);
    expect(r.total).toBe(fen(1501));
    expect(r.decision?.kind).toBe(TransactionKind.INTEREST);
    expect(r.decision?.postings[0]).toEqual(posting(systemAccount(SystemAccount.INTEREST), -fen(1501)));
    expect(r.decision?.explanation[0].message).toContain('1.5%');
  });

  it('R-ACC-4 the explanation says what is done: the balance at the end of the year, in both languages', () => {
    const line = postInterestOrThrow(2024, 150, [{ personId: 'a', balance: yuan(1000) }], false, TODAY)
      .decision!.explanation[0];
    expect(line.message).toBe(
      '2024 interest: EARMARKED balance at the end of 2024 × 1.5%, half-up to the fen; 1 accounts, total 15.00',
    );
    expect(renderExplanation(line, 'en')).toBe(line.message);
    expect(renderExplanation(line, 'zh')).toContain('按2024年末的个人账户余额');
  });

  it.each([2021, 2020, 1998])(
    'R-ACC-3 refuses interest for %s, before the book-entry account existed (YEAR_BEFORE_EARMARKED)',
    (year) => {
      let error: unknown;
      try {
        postInterestOrThrow(year, 150, [{ personId: 'a', balance: yuan(1000) }], false, TODAY);
      } catch (err) {
        error = err;
      }
      expect(error).toMatchObject({
        code: CreditingErrorCode.YEAR_BEFORE_EARMARKED,
        rule: 'R-ACC-3',
        field: ['year'],
      });
      expect(renderRefusal(error as DomainError, 'zh')).toBe(
        `个人账户记账管理自2022年9月1日起才有，${year}年度没有可计息的个人账户余额（R-ACC-3）`,
      );
    },
  );

  it('R-ACC-4 a rate out of range names the rate given, in Chinese as in English', () => {
    let err: DomainError | undefined;
    try {
      postInterestOrThrow(2024, 10001, [], false, TODAY);
    } catch (e) {
      err = e as DomainError;
    }
    expect(renderRefusal(err!, 'zh')).toBe('年利率须为0至10000之间的整数基点，本次填报为10001（R-ACC-4）');
    expect(renderRefusal(err!, 'en')).toBe(
      'annual rate must be integer basis points 0..10000, got 10001 (R-ACC-4)',
    );
  });

  it('R-ACC-3 the first year of the book-entry account (2022) may be posted', () => {
    expect(FIRST_INTEREST_YEAR).toBe(2022);
    expect(postInterestOrThrow(2022, 150, [{ personId: 'a', balance: yuan(1000) }], false, TODAY).total).toBe(
      yuan(15),
    );
  });

  it('R-ACC-4 no interest earned → no transaction', () => {
    expect(
      postInterestOrThrow(2024, 0, [{ personId: 'a', balance: yuan(1) }], false, TODAY).decision,
    ).toBeNull();
  });

  it.each([
    ['already posted', 2024, 150, true, CreditingErrorCode.INTEREST_ALREADY_POSTED],
    ['a fractional rate', 2024, 1.5, false, CreditingErrorCode.INVALID_RATE],
    ['a negative rate', 2024, -1, false, CreditingErrorCode.INVALID_RATE],
    ['an implausible year', 24, 150, false, CreditingErrorCode.INVALID_YEAR],
    ['the next year', 2027, 150, false, CreditingErrorCode.YEAR_IN_FUTURE],
    ['a year far ahead (even if already posted)', 2999, 150, true, CreditingErrorCode.YEAR_IN_FUTURE],
  ])('R-ACC-4 refuses interest %s', (_label, year, rate, posted, code) => {
    expect(() => postInterestOrThrow(year, rate, [], posted, TODAY)).toThrow(
      expect.objectContaining({ code, rule: 'R-ACC-4' }),
    );
  });

  it('R-ACC-4 a year is posted once it has ended (Beijing time): the current one is YEAR_NOT_ENDED, a later one YEAR_IN_FUTURE', () => {
    const balances = [{ personId: 'a', balance: yuan(1000) }];
    for (const today of [TODAY, '2026-01-01', '2026-12-31']) {
      expect(() => postInterestOrThrow(2026, 150, balances, false, today)).toThrow(
        expect.objectContaining({
          code: CreditingErrorCode.YEAR_NOT_ENDED,
          rule: 'R-ACC-4',
          field: ['year'],
          params: { year: 2026, from: { kind: 'date', iso: '2027-01-01' } },
        }),
      );
    }
    expect(() => postInterestOrThrow(2027, 150, balances, false, '2026-12-31')).toThrow(
      expect.objectContaining({
        code: CreditingErrorCode.YEAR_IN_FUTURE,
        field: ['year'],
        params: { year: 2027, currentYear: 2026 },
      }),
    );
    expect(postInterestOrThrow(2026, 150, balances, false, '2027-01-01').total).toBe(yuan(15));
    expect(postInterestOrThrow(2025, 150, balances, false, TODAY).total).toBe(yuan(15));
  });
});
