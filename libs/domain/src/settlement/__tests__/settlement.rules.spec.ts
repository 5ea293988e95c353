import { aBill, aPatient, aProvider, aSettlementInput, aYearToDate, anInstitution } from '../../testing';
import { InstitutionKind, InstitutionLevel } from '../../institution/institution';
import { PocketKind, SystemAccount, TransactionKind } from '../../ledger/ledger';
import { describeAccount, sumPostings } from '../../ledger/ledger.rules';
import { type Fen, yuan } from '../../money/money';
import { EmploymentStatus, InsuranceType } from '../../person/person';
import { PaymentChannel } from '../../person/payment-channel';
import { BEIJING_OUTPATIENT, DEFAULT_BENEFIT_SCHEDULE, PRE_2023_OUTPATIENT_CAP } from '../benefit-schedule';
import { ageOn } from '../../identity/identity.rules';
import { VisitType } from '../settlement';
import { SettlementErrorCode } from '../settlement.errors';
import {
  assertChannelApplicableOrThrow,
  assertServiceDateNotAfterTodayOrThrow,
  isOutOfRegionCare,
  settleOrThrow,
} from '../settlement.rules';
import { renderRefusal } from '../../messages/render';
import { renderExplanation } from '../../messages/explanations';
import type { DomainError } from '../../shared/domain-error';

const y = (n: number) => yuan(n);
/** Fen from a yuan amount with decimals, for hand-computed expectations: f('7947.50'). */
const f = (text: string) => BigInt(Math.round(Number(text) * 100)) as Fen;

describe('R-SET-1 outpatient fund share', () => {
  it('R-SET-1 worked example: in service, first visit, covered 2000.00 → fund 100.00, personal 1900.00', () => {
    const r = settleOrThrow(aSettlementInput());
    expect(r.fundPay).toBe(y(100));
    expect(r.personalShare).toBe(y(1900));
    expect(r.cash).toBe(y(1900));
    expect(r.explanation[0]).toMatchObject({
      rule: 'R-SET-1',
      message: expect.stringContaining('fund pays 50% of 200.00 = 100.00'),
      code: 'FUND_OUTPATIENT',
    });
  });

  it('R-SET-1 the explanation names the scheme: resident insurance and flexible employment are not "in service"', () => {
    const lineFor = (insuranceType: InsuranceType) =>
      settleOrThrow(aSettlementInput({ patient: aPatient({ insuranceType, employmentStatus: null }) }))
        .explanation[0]!.message;
    expect(lineFor(InsuranceType.RESIDENT)).toMatch(/^resident insurance: deductible/);
    expect(lineFor(InsuranceType.FLEXIBLE)).toMatch(/^flexible employment: deductible/);
    expect(settleOrThrow(aSettlementInput()).explanation[0]!.message).toMatch(/^in service: deductible/);
  });

  // Same bill (covered 2000.00, nothing earlier this year) for each category:
  //   in service: 2000 − 1800 = 200 × 50% = 100;  retired <70: 2000 − 1300 = 700 × 70% = 490;  ≥70: 700 × 80% = 560.
  it.each([
    ['in service', EmploymentStatus.IN_SERVICE, '1980-05-01', y(100)],
    ['retired aged 65', EmploymentStatus.RETIRED, '1958-06-01', y(490)],
    ['retired aged 75', EmploymentStatus.RETIRED, '1949-01-15', y(560)],
    ['non-employee scheme (in-service terms)', null, '1949-01-15', y(100)],
  ])('R-SET-1 %s → fund %s fen', (_label, employmentStatus, birthDate, fund) => {
    const r = settleOrThrow(aSettlementInput({ patient: aPatient({ employmentStatus, birthDate }) }));
    expect(r.fundPay).toBe(fund);
    expect(r.personalShare).toBe(y(2000) - fund);
  });

  it.each([
    ['the 70th birthday on the service date counts as 70 (80%)', '1954-03-01', y(560)],
    ['the day before the 70th birthday is 69 (70%)', '1954-03-02', y(490)],
  ])('R-SET-1 %s', (_label, birthDate, fund) => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ serviceDate: '2024-03-01' }),
        patient: aPatient({ employmentStatus: EmploymentStatus.RETIRED, birthDate }),
      }),
    );
    expect(r.fundPay).toBe(fund);
  });

  it.each([
    ['1954-03-01', '2024-03-01', 70],
    ['1954-03-01', '2024-02-29', 69],
    ['1956-02-29', '2026-02-28', 69],
    ['1956-02-29', '2026-03-01', 70],
    ['1956-02-29', '2024-02-29', 68],
  ])('R-SET-1 age of someone born %s on %s is %s', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });

  // Deductible is on cumulative covered spend this year:
  //   1000.00 earlier → 800.00 of the deductible left; 1200.00 × 50% = 600.00.
  //   5000.00 earlier → deductible met; 2000.00 × 50% = 1000.00.
  it.each([
    [y(1000), y(600)],
    [y(1800), y(1000)],
    [y(5000), y(1000)],
  ])('R-SET-1 with %s fen covered earlier this year the fund pays %s fen', (earlier, fund) => {
    const r = settleOrThrow(
      aSettlementInput({ yearToDate: aYearToDate(2024, { outpatientCovered: earlier }) }),
    );
    expect(r.fundPay).toBe(fund);
    expect(r.yearToDate.outpatientCovered).toBe(earlier + y(2000));
    expect(r.accumulatorDelta).toEqual(
      expect.objectContaining({ outpatientCovered: y(2000), outpatientFundPaid: fund }),
    );
  });

  // 0.01 above the deductible × 50% = 0.005 → 0.01 (half-up); 0.03 × 50% = 0.015 → 0.02.
  it.each([
    [180001n, 1n],
    [180003n, 2n],
    [180002n, 1n],
  ])('R-SET-1 fund payment on covered %s fen is rounded half-up to %s fen', (covered, fund) => {
    const r = settleOrThrow(aSettlementInput({ bill: aBill({ covered: covered as Fen }) }));
    expect(r.fundPay).toBe(fund);
  });

  it('R-SET-1 before 2023 the annual cap limits the fund (19950.00 paid, cap 20000.00 → 50.00)', () => {
    const schedule = {
      ...DEFAULT_BENEFIT_SCHEDULE,
      outpatient: {
        ...DEFAULT_BENEFIT_SCHEDULE.outpatient,
        TERTIARY: { ...BEIJING_OUTPATIENT, annualFundCap: PRE_2023_OUTPATIENT_CAP },
      },
    };
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ serviceDate: '2022-06-01' }),
        yearToDate: aYearToDate(2022, { outpatientCovered: y(5000), outpatientFundPaid: f('19950') }),
        schedule,
      }),
    );
    expect(r.fundPay).toBe(y(50));
    expect(r.explanation.map((e) => e.message).join('\n')).toContain('annual outpatient fund cap 20000.00');
  });

  it('R-SET-1 rates are per hospital level', () => {
    const schedule = {
      ...DEFAULT_BENEFIT_SCHEDULE,
      outpatient: {
        ...DEFAULT_BENEFIT_SCHEDULE.outpatient,
        PRIMARY: { ...BEIJING_OUTPATIENT, inService: { deductible: y(1800), fundRate: 9000 } },
      },
    };
    const primary = anInstitution({ level: InstitutionLevel.PRIMARY });
    const r = settleOrThrow(aSettlementInput({ bill: aBill({ institution: primary }), schedule }));
    expect(r.fundPay).toBe(y(180));
  });
});

describe('R-SET-2 inpatient fund share', () => {
  const inpatient = (covered: Fen) => aBill({ visitType: VisitType.INPATIENT, covered });

  // covered 10000.00: first admission (10000 − 1300) × 85% = 7395.00; later admission (10000 − 650) × 85% = 7947.50.
  it.each([
    ['first admission', 0, f('7395')],
    ['second admission', 1, f('7947.50')],
    ['third admission', 2, f('7947.50')],
  ])('R-SET-2 %s deductible', (_label, admissions, fund) => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: inpatient(y(10_000)),
        yearToDate: aYearToDate(2024, { inpatientAdmissions: admissions }),
      }),
    );
    expect(r.fundPay).toBe(fund);
    expect(r.yearToDate.inpatientAdmissions).toBe(admissions + 1);
    expect(r.yearToDate.inpatientFundPaid).toBe(fund);
  });

  // covered 50000.00 crosses both bands:
  //   in service, first:  (30000 − 1300) × 85% = 24395.00; 10000 × 90% = 9000.00; 10000 × 95% = 9500.00 → 42895.00
  //   retired, first:     personal shares × 60%: 15→9, 10→6, 5→3 ⇒ 91/94/97%:
  //                       28700 × 91% = 26117.00; 10000 × 94% = 9400.00; 10000 × 97% = 9700.00 → 45217.00
  //   in service, later:  (30000 − 650) × 85% = 24947.50 + 9000 + 9500 → 43447.50
  //   retired, later:     29350 × 91% = 26708.50 + 9400 + 9700 → 45808.50
  //   retired, later, covered 31234.57: 26708.50 + 1234.57 × 94% (1160.4958) = 27868.9958 → 27869.00 (rounded once)
  it.each([
    ['in service, first', EmploymentStatus.IN_SERVICE, 0, y(50_000), f('42895')],
    ['retired, first', EmploymentStatus.RETIRED, 0, y(50_000), f('45217')],
    ['in service, later', EmploymentStatus.IN_SERVICE, 1, y(50_000), f('43447.50')],
    ['retired, later', EmploymentStatus.RETIRED, 1, y(50_000), f('45808.50')],
    ['retired, later, odd amount', EmploymentStatus.RETIRED, 1, 3_123_457n as Fen, f('27869')],
    ['below the deductible', EmploymentStatus.IN_SERVICE, 0, y(1000), 0n as Fen],
  ])('R-SET-2 bands 30,000/40,000: %s', (_label, employmentStatus, admissions, covered, fund) => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: inpatient(covered),
        patient: aPatient({ employmentStatus, birthDate: '1955-01-01' }),
        yearToDate: aYearToDate(2024, { inpatientAdmissions: admissions }),
      }),
    );
    expect(r.fundPay).toBe(fund);
    expect(r.personalShare).toBe(covered - fund);
  });

  it('R-SET-2 the annual fund maximum limits the fund', () => {
    const schedule = {
      ...DEFAULT_BENEFIT_SCHEDULE,
      inpatient: {
        ...DEFAULT_BENEFIT_SCHEDULE.inpatient,
        TERTIARY: { ...DEFAULT_BENEFIT_SCHEDULE.inpatient.TERTIARY, annualFundMax: y(100_000) },
      },
    };
    const r = settleOrThrow(
      aSettlementInput({
        bill: inpatient(y(50_000)),
        yearToDate: aYearToDate(2024, { inpatientAdmissions: 1, inpatientFundPaid: y(90_000) }),
        schedule,
      }),
    );
    expect(r.fundPay).toBe(y(10_000));
    expect(
      r.explanation.some((e) => e.rule === 'R-SET-2' && e.message.includes('annual inpatient fund maximum')),
    ).toBe(true);
  });
});

describe('R-SET-3 / R-USE-4 what the fund and the account may pay', () => {
  const pharmacy = anInstitution({ kind: InstitutionKind.PHARMACY, id: 'pharmacy-1' });

  it('R-SET-3 a retail pharmacy purchase gets no fund payment by default', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ visitType: VisitType.PHARMACY, covered: y(300), institution: pharmacy }),
        own: { earmarked: y(1000), wallet: 0n as Fen },
      }),
    );
    expect(r.fundPay).toBe(0n);
    expect(r.ownEarmarked).toBe(y(300));
    expect(r.accumulatorDelta.outpatientCovered).toBe(0n);
  });

  it('R-SET-3 the pharmacy fund rate is configurable (10% of 300.00 = 30.00)', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ visitType: VisitType.PHARMACY, covered: y(300), institution: pharmacy }),
        schedule: { ...DEFAULT_BENEFIT_SCHEDULE, pharmacyFundRate: 1000 },
      }),
    );
    expect(r.fundPay).toBe(y(30));
  });

  // covered 2000 → fund 100; out-of-catalogue 500 has no fund share but the account may pay it;
  // excluded 300 is cash only: account 1900 + 500 = 2400, cash 300.
  it('R-SET-3 out-of-catalogue gets no fund money; R-USE-4 excluded items are cash only', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ outOfCatalogue: y(500), excluded: y(300) }),
        own: { earmarked: y(10_000), wallet: y(10_000) },
      }),
    );
    expect(r.total).toBe(y(2800));
    expect(r.fundPay).toBe(y(100));
    expect(r.ownEarmarked).toBe(y(2400));
    expect(r.ownWallet).toBe(0n);
    expect(r.cash).toBe(y(300));
    expect(r.explanation.map((e) => e.rule)).toEqual(expect.arrayContaining(['R-SET-3', 'R-USE-4']));
  });
});

describe('R-SET-4 / R-KIN-4 payment order', () => {
  const paidBy = (input: Parameters<typeof settleOrThrow>[0]) => {
    const r = settleOrThrow(input);
    return { own: r.ownEarmarked, wallet: r.ownWallet, providers: r.providers, cash: r.cash };
  };

  it('R-KIN-4 own account exhausted, then two providers in registered order, the second only partly used', () => {
    // personal 1900.00: own 1000.00, provider A 500.00 (all), provider B 400.00 of 1000.00.
    const r = paidBy(
      aSettlementInput({
        own: { earmarked: y(1000), wallet: 0n as Fen },
        providers: [aProvider('A', y(500)), aProvider('B', y(1000))],
      }),
    );
    expect(r).toEqual({
      own: y(1000),
      wallet: 0n,
      providers: [
        { personId: 'A', amount: y(500) },
        { personId: 'B', amount: y(400) },
      ],
      cash: 0n,
    });
  });

  it('R-KIN-5 reordering the providers changes which one pays', () => {
    const r = paidBy(
      aSettlementInput({
        own: { earmarked: y(1000), wallet: 0n as Fen },
        providers: [aProvider('B', y(1000)), aProvider('A', y(500))],
      }),
    );
    expect(r.providers).toEqual([{ personId: 'B', amount: y(900) }]);
  });

  it('R-KIN-4 providers are not touched while the own account covers the share', () => {
    const r = paidBy(
      aSettlementInput({
        own: { earmarked: y(5000), wallet: 0n as Fen },
        providers: [aProvider('A', y(500))],
      }),
    );
    expect(r).toEqual({ own: y(1900), wallet: 0n, providers: [], cash: 0n });
  });

  it('R-SET-4 own wallet comes after the own account and before relatives', () => {
    const r = paidBy(
      aSettlementInput({ own: { earmarked: y(1000), wallet: y(300) }, providers: [aProvider('A', y(1000))] }),
    );
    expect(r).toEqual({
      own: y(1000),
      wallet: y(300),
      providers: [{ personId: 'A', amount: y(600) }],
      cash: 0n,
    });
  });

  it.each([
    ['does not accept the wallet', anInstitution({ acceptsWallet: false }), 'does not accept'],
    ['is outside the insured region', anInstitution({ regionCode: '310000' }), 'not the insured region'],
  ])('R-WAL-7 the wallet is not used when the institution %s', (_label, institution, why) => {
    const r = settleOrThrow(
      aSettlementInput({ bill: aBill({ institution }), own: { earmarked: y(1000), wallet: y(300) } }),
    );
    expect(r.ownWallet).toBe(0n);
    expect(r.cash).toBe(y(900));
    expect(r.explanation).toContainEqual(
      expect.objectContaining({ rule: 'R-WAL-7', message: expect.stringContaining(why) }),
    );
  });

  it('R-ACC-5 LEGACY is never spent by settlement', () => {
    const r = settleOrThrow(aSettlementInput({ own: { earmarked: y(100), wallet: 0n as Fen } }));
    expect(
      r.postings.some((p) => p.account.type === 'POCKET' && p.account.pocket === PocketKind.LEGACY),
    ).toBe(false);
  });

  it.each([
    ['without permission by card: relatives skipped', false, PaymentChannel.CARD, false],
    ['without permission by electronic voucher: relatives used', false, PaymentChannel.E_VOUCHER, true],
    ['with the out-of-region use permission: relatives used', true, PaymentChannel.CARD, true],
  ])('R-KIN-6 out-of-region care %s', (_label, permission, channel, used) => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ channel, institution: anInstitution({ regionCode: '310000' }) }),
        patient: aPatient({ outOfRegionUsePermission: permission }),
        own: { earmarked: y(1000), wallet: 0n as Fen },
        providers: [aProvider('A', y(5000))],
      }),
    );
    expect(r.providers).toEqual(used ? [{ personId: 'A', amount: y(900) }] : []);
    expect(r.cash).toBe(used ? 0n : y(900));
    if (!used) expect(r.explanation.map((e) => e.rule)).toContain('R-KIN-6');
  });

  it('R-KIN-3 relatives are not used before mutual-aid use opens', () => {
    const r = settleOrThrow(aSettlementInput({ providers: [aProvider('A', y(5000))], kinUseOpen: false }));
    expect(r.providers).toEqual([]);
    expect(r.explanation.map((e) => e.rule)).toContain('R-KIN-3');
  });

  it('R-KIN-2 a provider marked unusable is skipped with its reason and the next one pays', () => {
    const because = { rule: 'R-KIN-2', message: 'provider A is insured in another province' };
    const r = settleOrThrow(
      aSettlementInput({
        providers: [
          aProvider('A', y(5000), { usable: false, unusableBecause: because }),
          aProvider('B', y(5000), { usable: false }),
          aProvider('C', y(100)),
          aProvider('D', 0n),
          aProvider('E', y(5000)),
        ],
      }),
    );
    expect(r.providers).toEqual([
      { personId: 'C', amount: y(100) },
      { personId: 'E', amount: y(1800) },
    ]);
    expect(r.explanation).toContainEqual(because);
    expect(r.explanation).toContainEqual(
      expect.objectContaining({ rule: 'R-KIN-4', message: 'provider B skipped: not usable' }),
    );
  });
});

describe('R-USE-6 caps on account payment', () => {
  const rich = { earmarked: y(10_000), wallet: 0n as Fen };
  it.each([
    [
      'per institution per day 500.00, 200.00 paid here today → account 300.00',
      { perInstitutionPerDay: y(500) },
      y(300),
    ],
    [
      'across institutions 1000.00, 900.00 paid today → account 100.00',
      { perDayAcrossInstitutions: y(1000) },
      y(100),
    ],
    ['per year 10000.00, 9999.00 paid this year → account 1.00', { perYear: y(10_000) }, y(1)],
    ['per year 5000.00 already exceeded → account 0.00', { perYear: y(5000) }, 0n as Fen],
  ])('R-USE-6 cap %s, the rest in cash', (_label, cap, account) => {
    const r = settleOrThrow(
      aSettlementInput({
        own: rich,
        caps: { perInstitutionPerDay: null, perDayAcrossInstitutions: null, perYear: null, ...cap },
        spendToday: { atInstitution: y(200), acrossInstitutions: y(900) },
        yearToDate: aYearToDate(2024, { accountPaid: y(9999) }),
      }),
    );
    expect(r.accountPaid).toBe(account);
    expect(r.cash).toBe(y(1900) - account);
    expect(r.explanation.map((e) => e.rule)).toContain('R-USE-6');
  });

  it('R-USE-6 the tightest of several caps binds', () => {
    const r = settleOrThrow(
      aSettlementInput({
        own: rich,
        caps: { perInstitutionPerDay: y(500), perDayAcrossInstitutions: y(1000), perYear: y(10_000) },
        spendToday: { atInstitution: 0n as Fen, acrossInstitutions: y(800) },
      }),
    );
    expect(r.accountPaid).toBe(y(200));
  });
});

describe('R-SET-5 / R-SET-6 result shape', () => {
  it('R-SET-6 postings in payment order, balanced, with the 2207 interface fields', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ excluded: y(100) }),
        own: { earmarked: y(1000), wallet: y(300) },
        providers: [aProvider('A', y(500)), aProvider('B', y(1000))],
      }),
    );
    expect(r.kind).toBe(TransactionKind.SETTLEMENT);
    expect(sumPostings(r.postings)).toBe(0n);
    expect(r.postings.map((p) => [describeAccount(p.account), p.amount])).toEqual([
      ['INSTITUTION:hospital-1', y(2100)],
      [SystemAccount.FUND_POOL, -y(100)],
      ['patient-1:EARMARKED', -y(1000)],
      ['patient-1:WALLET', -y(300)],
      ['A:EARMARKED', -y(500)],
      ['B:EARMARKED', -y(100)],
      [SystemAccount.CASH, -y(100)],
    ]);
    expect(r.nhsa).toEqual({
      medfee_sumamt: y(2100),
      fund_pay_sumamt: y(100),
      psn_part_amt: y(2000),
      acct_pay: y(1300),
      acct_mulaid_pay: y(600),
      psn_cash_pay: y(100),
      acct_mulaid_pay_items: [
        { psn_no: 'A', amount: y(500) },
        { psn_no: 'B', amount: y(100) },
      ],
    });
    expect(r.accumulatorDelta.accountPaid).toBe(y(1900));
  });

  it('R-SET-5 quote and confirm are the same pure computation', () => {
    const input = aSettlementInput({ own: { earmarked: y(1000), wallet: 0n as Fen } });
    expect(settleOrThrow(input)).toEqual(settleOrThrow(input));
  });

  it.each([
    ['the channel requires it', true, y(1000), true],
    ['the channel does not', false, y(1000), false],
    ['nothing is paid from the account', true, 0n as Fen, false],
  ])('R-ACC-7 password required when %s', (_label, rule, earmarked, required) => {
    const r = settleOrThrow(
      aSettlementInput({ passwordRequired: rule, own: { earmarked, wallet: 0n as Fen } }),
    );
    expect(r.passwordRequired).toBe(required);
  });

  it('R-ACC-7 a password rule receives the account amount (password-free limit)', () => {
    const rule = jest.fn((amount: Fen) => amount > y(500));
    const r = settleOrThrow(
      aSettlementInput({ passwordRequired: rule, own: { earmarked: y(400), wallet: 0n as Fen } }),
    );
    expect(rule).toHaveBeenCalledWith(y(400));
    expect(r.passwordRequired).toBe(false);
  });
});

describe('R-USE-1 / R-SET-5 refusals', () => {
  it.each([
    [
      'R-USE-1',
      'a non-designated institution',
      { bill: aBill({ institution: anInstitution({ designated: false }) }) },
      SettlementErrorCode.NOT_DESIGNATED,
      'R-USE-1',
    ],
    [
      'R-USE-1',
      'a pharmacy bill at a hospital',
      { bill: aBill({ visitType: VisitType.PHARMACY }) },
      SettlementErrorCode.VISIT_TYPE_MISMATCH,
      'R-USE-1',
    ],
    [
      'R-USE-1',
      'an outpatient bill at a pharmacy',
      { bill: aBill({ institution: anInstitution({ kind: InstitutionKind.PHARMACY }) }) },
      SettlementErrorCode.VISIT_TYPE_MISMATCH,
      'R-USE-1',
    ],
    [
      'R-USE-1',
      'an uninsured patient',
      { patient: aPatient({ insuranceType: InsuranceType.NONE }) },
      SettlementErrorCode.NOT_INSURED,
      'R-USE-1',
    ],
    [
      'R-SET-5',
      'a negative amount',
      { bill: aBill({ excluded: -1n as Fen }) },
      SettlementErrorCode.INVALID_AMOUNT,
      'R-SET-5',
    ],
    [
      'R-SET-5',
      'an empty bill',
      { bill: aBill({ covered: 0n as Fen }) },
      SettlementErrorCode.INVALID_AMOUNT,
      'R-SET-5',
    ],
    [
      'R-SET-5',
      'an impossible date',
      { bill: aBill({ serviceDate: '2024-02-30' }) },
      SettlementErrorCode.INVALID_DATE,
      'R-SET-5',
    ],
    [
      'R-SET-1',
      'accumulators of another year',
      { yearToDate: aYearToDate(2023) },
      SettlementErrorCode.ACCUMULATOR_YEAR_MISMATCH,
      'R-SET-1',
    ],
    [
      'R-KIN-4',
      'a provider listed twice',
      { providers: [aProvider('A', 1n), aProvider('A', 1n)] },
      SettlementErrorCode.INVALID_PROVIDERS,
      'R-KIN-4',
    ],
    [
      'R-KIN-4',
      'the patient as own provider',
      { providers: [aProvider('patient-1', 1n)] },
      SettlementErrorCode.INVALID_PROVIDERS,
      'R-KIN-4',
    ],
  ])('%s refuses %s', (_rule, _label, overrides, code, rule) => {
    expect(() => settleOrThrow(aSettlementInput(overrides))).toThrow(expect.objectContaining({ code, rule }));
  });
});

describe('R-SET-5 an empty bill and a negative amount say what is wrong, the same in both languages', () => {
  it('an empty bill is empty (not "the amount must be positive"); a negative amount is named with its value', () => {
    const empty = aBill({ covered: 0n as Fen, outOfCatalogue: 0n as Fen, excluded: 0n as Fen });
    expect(() => settleOrThrow(aSettlementInput({ bill: empty }))).toThrow(
      expect.objectContaining({
        code: SettlementErrorCode.INVALID_AMOUNT,
        rule: 'R-SET-5',
        field: ['covered'],
        message: 'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero',
      }),
    );
    const e = (() => {
      try {
        settleOrThrow(aSettlementInput({ bill: aBill({ excluded: -150n as Fen }) }));
      } catch (err) {
        return err as DomainError;
      }
      throw new Error('not refused');
    })();
    expect(e).toMatchObject({ code: 'INVALID_AMOUNT', rule: 'R-SET-5', field: ['excluded'] });
    expect(renderRefusal(e, 'zh')).toBe('账单金额不能为负数：-1.50 元（R-SET-5）');
    expect(renderRefusal(e, 'en')).toBe('A bill amount cannot be negative: -1.50 yuan (R-SET-5)');
    const emptyRefusal = {
      code: 'INVALID_AMOUNT',
      rule: 'R-SET-5',
      message: 'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero',
    };
    expect(renderRefusal(emptyRefusal, 'zh')).toBe(
      '账单为空：目录内、目录外和不予报销的金额均为零（R-SET-5）',
    );
    // English without values is the refusal's own text, which is the catalogue's (the API appends the rule).
    expect(renderRefusal(emptyRefusal, 'en')).toBe(
      'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero',
    );
    expect(renderRefusal({ ...emptyRefusal, message: null }, 'en')).toBe(
      'The bill is empty: its covered, out-of-catalogue and excluded amounts are all zero (R-SET-5)',
    );
  });
});

describe('R-ACC-7 a password-exempt channel applies only to the bills it names', () => {
  const pharmacy = anInstitution({ kind: InstitutionKind.PHARMACY });
  const shanghai = anInstitution({ regionCode: '310000' });
  const refusalOf = (overrides: Parameters<typeof aSettlementInput>[0]): DomainError => {
    try {
      settleOrThrow(aSettlementInput(overrides));
    } catch (err) {
      return err as DomainError;
    }
    throw new Error('not refused');
  };

  it.each([
    ['an inpatient bill', VisitType.INPATIENT, anInstitution()],
    ['a pharmacy purchase', VisitType.PHARMACY, pharmacy],
  ])(
    'REGISTRATION_FEE for %s is CHANNEL_NOT_APPLICABLE, before anything is computed',
    (_l, visitType, institution) => {
      const e = refusalOf({
        bill: aBill({ visitType, institution, channel: PaymentChannel.REGISTRATION_FEE }),
        own: { earmarked: y(5000), wallet: 0n as Fen },
        passwordRequired: true,
      });
      expect(e).toMatchObject({
        code: SettlementErrorCode.CHANNEL_NOT_APPLICABLE,
        rule: 'R-ACC-7',
        field: ['channel'],
        params: { visitType: { kind: 'term', set: 'visitType', value: visitType } },
      });
      expect(renderRefusal(e, 'en')).toMatch(/registration-fee channel .* only to an outpatient/);
      expect(renderRefusal(e, 'zh')).toMatch(/^挂号费渠道只适用于门急诊挂号，.*（R-ACC-7）$/);
    },
  );

  it('REGISTRATION_FEE for an outpatient registration fee pays from the account without a password', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ channel: PaymentChannel.REGISTRATION_FEE, covered: y(100) }),
        own: { earmarked: y(5000), wallet: 0n as Fen },
        passwordRequired: false,
      }),
    );
    expect(r.accountPaid).toBe(y(100));
  });

  it('REGISTRATION_FEE above the ceiling (100.00 by default, or the policy value) is not a registration fee', () => {
    const refusal = (input: Parameters<typeof settleOrThrow>[0]) => {
      try {
        settleOrThrow(input);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('not refused');
    };
    // A black-box audit settled a 5000.00 outpatient bill as REGISTRATION_FEE, without the password.
    const bill = aBill({ channel: PaymentChannel.REGISTRATION_FEE, covered: y(100), excluded: 1n as Fen });
    const e = refusal(aSettlementInput({ bill, own: { earmarked: y(5000), wallet: 0n as Fen } }));
    expect(e).toMatchObject({
      code: SettlementErrorCode.CHANNEL_NOT_APPLICABLE,
      rule: 'R-ACC-7',
      field: ['channel'],
    });
    expect(renderRefusal(e, 'zh')).toBe(
      '100.01 元的账单不是挂号费（本地挂号费渠道最多100.00 元），不能免密支付；请刷卡并输入支付密码，或使用医保电子凭证（R-ACC-7）',
    );
    const higher = settleOrThrow(
      aSettlementInput({ bill, own: { earmarked: y(5000), wallet: 0n as Fen }, maxRegistrationFee: y(300) }),
    );
    expect(higher.accountPaid + higher.cash).toBe(10_001n);
  });

  it("CROSS_REGION_DIRECT in the patient's own insured region is CHANNEL_NOT_APPLICABLE (the R-KIN-6 notion)", () => {
    const bill = aBill({ channel: PaymentChannel.CROSS_REGION_DIRECT });
    expect(isOutOfRegionCare(bill, aPatient())).toBe(false);
    const e = refusalOf({ bill, own: { earmarked: y(5000), wallet: 0n as Fen } });
    expect(e).toMatchObject({
      code: SettlementErrorCode.CHANNEL_NOT_APPLICABLE,
      rule: 'R-ACC-7',
      field: ['channel'],
      params: {
        insuredRegion: { kind: 'region', code: '110000' },
        institutionRegion: { kind: 'region', code: '110000' },
      },
    });
    expect(renderRefusal(e, 'en')).toMatch(/not out-of-region care/);
    expect(renderRefusal(e, 'zh')).toMatch(/不是异地就医/);
  });

  it('CROSS_REGION_DIRECT out of region (inpatient too) settles; CARD and E_VOUCHER apply everywhere', () => {
    const bill = aBill({ channel: PaymentChannel.CROSS_REGION_DIRECT, institution: shanghai });
    expect(isOutOfRegionCare(bill, aPatient())).toBe(true);
    expect(settleOrThrow(aSettlementInput({ bill })).total).toBe(y(2000));
    expect(() =>
      assertChannelApplicableOrThrow({ ...bill, visitType: VisitType.INPATIENT }, aPatient()),
    ).not.toThrow();
    for (const channel of [PaymentChannel.CARD, PaymentChannel.E_VOUCHER])
      for (const [visitType, institution] of [
        [VisitType.OUTPATIENT, anInstitution()],
        [VisitType.INPATIENT, shanghai],
        [VisitType.PHARMACY, pharmacy],
      ] as const)
        expect(() =>
          assertChannelApplicableOrThrow(aBill({ channel, visitType, institution }), aPatient()),
        ).not.toThrow();
  });
});

describe('R-USE-1 chosen hospitals (fundMayPay)', () => {
  const notChosen = anInstitution({ fundMayPay: false });
  const ytd = aYearToDate(2024, { outpatientCovered: y(500), inpatientAdmissions: 1 });

  it.each([
    ['outpatient', VisitType.OUTPATIENT],
    ['inpatient', VisitType.INPATIENT],
  ])(
    'R-USE-1 %s at a hospital neither chosen nor open to all: fund 0, accumulators unmoved, account pays',
    (_label, visitType) => {
      const r = settleOrThrow(
        aSettlementInput({
          bill: aBill({ visitType, covered: y(2000), excluded: y(50), institution: notChosen }),
          yearToDate: ytd,
          own: { earmarked: y(1000), wallet: 0n as Fen },
        }),
      );
      expect(r.fundPay).toBe(0n);
      expect(r.personalShare).toBe(y(2050));
      expect(r.ownEarmarked).toBe(y(1000));
      expect(r.cash).toBe(y(1050));
      expect(r.explanation[0]).toMatchObject({
        rule: 'R-USE-1',
        message: expect.stringContaining("not one of the patient's chosen hospitals nor open to all"),
      });
      expect(r.accumulatorDelta).toEqual({
        year: 2024,
        outpatientCovered: 0n,
        outpatientFundPaid: 0n,
        inpatientAdmissions: 0,
        inpatientFundPaid: 0n,
        accountPaid: y(1000),
      });
      expect(r.yearToDate.outpatientCovered).toBe(y(500));
      expect(r.yearToDate.inpatientAdmissions).toBe(1);
    },
  );

  it.each([
    ['fundMayPay true', anInstitution({ fundMayPay: true }), y(100)],
    ['fundMayPay omitted (default)', anInstitution(), y(100)],
  ])('R-USE-1 %s: the fund pays as usual', (_label, institution, fund) => {
    const r = settleOrThrow(aSettlementInput({ bill: aBill({ institution }) }));
    expect(r.fundPay).toBe(fund);
    expect(r.accumulatorDelta.outpatientCovered).toBe(y(2000));
  });

  it('R-USE-1 fundMayPay is ignored at a pharmacy (no selection needed)', () => {
    const pharmacy = anInstitution({ kind: InstitutionKind.PHARMACY, fundMayPay: false });
    const schedule = { ...DEFAULT_BENEFIT_SCHEDULE, pharmacyFundRate: 1000 };
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ visitType: VisitType.PHARMACY, covered: y(300), institution: pharmacy }),
        schedule,
      }),
    );
    expect(r.fundPay).toBe(y(30));
    expect(r.explanation.some((e) => e.rule === 'R-USE-1')).toBe(false);
  });

  it('R-USE-1 the line names the institution by name and code (not its id) in Chinese and English', () => {
    const xiehe = anInstitution({
      id: '7ee17e8e-0000-4000-8000-000000000001',
      name: '北京协和医院',
      code: 'H11010100001',
      fundMayPay: false,
    });
    const line = settleOrThrow(aSettlementInput({ bill: aBill({ covered: y(2000), institution: xiehe }) }))
      .explanation[0];
    expect(line.rule).toBe('R-USE-1');
    expect(renderExplanation(line, 'zh')).toBe(
      '北京协和医院（机构编码H11010100001）不是参保人选定的定点医院，也不是所有参保人员均可就医的医院：符合医保规定的费用2000.00 元统筹基金不予支付，本次费用不计入起付线累计',
    );
    expect(renderExplanation(line, 'en')).toBe(
      "institution 北京协和医院 (H11010100001) is not one of the patient's chosen hospitals nor open to all: fund pays 0.00 of covered 2000.00; the bill does not count toward the deductible",
    );
    expect(line.message).toBe(renderExplanation(line, 'en'));
    expect(renderExplanation(line, 'zh')).not.toContain('7ee17e8e');
  });
});

describe('R-ACC-1 / R-SET-4 / R-WAL-7 account lines of patients without an account and of wallet payments', () => {
  it('R-ACC-1 a resident paid by relatives: "no personal account", never "own account used up"', () => {
    const r = settleOrThrow(
      aSettlementInput({
        patient: aPatient({ insuranceType: InsuranceType.RESIDENT, employmentStatus: null }),
        own: { earmarked: 0n as Fen, wallet: 0n as Fen },
        providers: [aProvider('B', y(5000))],
      }),
    );
    // The relative still pays (R-KIN-4); only the wording changes.
    expect(r.providers.map((p) => p.personId)).toEqual(['B']);
    expect(r.cash).toBe(0n);
    const zh = r.explanation.map((l) => renderExplanation(l, 'zh'));
    expect(zh.join('\n')).not.toContain('个人账户已用完');
    expect(zh).toContainEqual(expect.stringMatching(/^本人无个人账户；.+按备案顺序由亲属个人账户支付$/));
    const line = r.explanation.find((l) => l.code === 'KIN_ORDER_NO_OWN_ACCOUNT')!;
    expect(line.message).toMatch(/^no own account; relatives' accounts in registered order for /);
    expect(renderExplanation(line, 'en')).toBe(line.message);
  });

  it('R-ACC-1 a resident whose wallet paid first: the wallet is named, no account is "used up"', () => {
    const r = settleOrThrow(
      aSettlementInput({
        patient: aPatient({ insuranceType: InsuranceType.RESIDENT, employmentStatus: null }),
        own: { earmarked: 0n as Fen, wallet: y(50) },
        providers: [aProvider('B', y(5000))],
      }),
    );
    expect(r.ownWallet).toBe(y(50));
    expect(r.providers.map((p) => p.personId)).toEqual(['B']);
    const line = r.explanation.find((l) => l.code === 'KIN_ORDER_NO_OWN_ACCOUNT')!;
    expect(renderExplanation(line, 'zh')).toMatch(/^本人无个人账户，本人医保钱包支付50\.00 元后已用完；其余/);
    expect(renderExplanation(line, 'en')).toBe(line.message);
  });

  it('R-SET-4 / R-WAL-7 a wallet-only payment: the total line says 医保钱包支付, not 个人账户支付', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ covered: y(50) }),
        own: { earmarked: 0n as Fen, wallet: y(300) },
      }),
    );
    expect(r.ownWallet).toBe(y(50));
    const total = r.explanation.find((l) => l.code === 'SETTLEMENT_TOTAL')!;
    expect(renderExplanation(total, 'zh')).toBe(
      '费用总额50.00 元 = 统筹基金支付0.00 元 + 医保钱包支付50.00 元 + 现金支付0.00 元',
    );
    expect(total.message).toBe('total 50.00 = fund 0.00 + wallet 50.00 + cash 0.00');
    expect(renderExplanation(total, 'en')).toBe(total.message);
  });

  it('R-SET-4 / R-WAL-7 account and wallet both paid: the total line names both', () => {
    const r = settleOrThrow(
      aSettlementInput({
        bill: aBill({ covered: y(50) }),
        own: { earmarked: y(20), wallet: y(300) },
      }),
    );
    const total = r.explanation.find((l) => l.code === 'SETTLEMENT_TOTAL')!;
    expect(renderExplanation(total, 'zh')).toBe(
      '费用总额50.00 元 = 统筹基金支付0.00 元 + 个人账户支付20.00 元 + 医保钱包支付30.00 元 + 现金支付0.00 元',
    );
    expect(total.message).toBe('total 50.00 = fund 0.00 + account 20.00 + wallet 30.00 + cash 0.00');
  });
});

describe('R-SET-5 a confirmation pays only for care already given', () => {
  it('a service date after today (Beijing time) is SERVICE_DATE_IN_FUTURE on serviceDate; today and earlier pass', () => {
    expect(() => assertServiceDateNotAfterTodayOrThrow('2026-12-03', '2026-12-02')).toThrow(
      expect.objectContaining({
        code: 'SERVICE_DATE_IN_FUTURE',
        rule: 'R-SET-5',
        field: ['serviceDate'],
        params: {
          serviceDate: { kind: 'date', iso: '2026-12-03' },
          today: { kind: 'date', iso: '2026-12-02' },
        },
      }),
    );
    expect(() => assertServiceDateNotAfterTodayOrThrow('2026-12-02', '2026-12-02')).not.toThrow();
    expect(() => assertServiceDateNotAfterTodayOrThrow('2025-01-31', '2026-12-02')).not.toThrow();
  });
});
