import { aPremiumInput } from '../../testing';
import { Relation } from '../../kin/kin';
import { PocketKind, SystemAccount, TransactionKind, systemAccount } from '../../ledger/ledger';
import { debitPocket, posting } from '../../ledger/ledger.rules';
import { type Fen, yuan } from '../../money/money';
import { InsuranceType } from '../../person/person';
import { WalletSource } from '../../wallet/wallet';
import { ContributionScheme, PremiumRegime, type ResidentContributionInput } from '../premium';
import { PremiumErrorCode } from '../premium.errors';
import { payPremiumOrThrow, payResidentContributionOrThrow } from '../premium.rules';
import { renderRefusal } from '../../messages/render';
import type { DomainError } from '../../shared/domain-error';

const NEAR_RELATIVES = Object.values(Relation);
const parentInsured = {
  personId: 'parent-1',
  idNumber: '11010519500101002X',
  insuranceType: InsuranceType.RESIDENT,
  regionCode: '110000',
};
const forParent = (date: string, extra: Parameters<typeof aPremiumInput>[0] = {}) =>
  aPremiumInput({
    date,
    insured: parentInsured,
    insuredIdNumber: parentInsured.idNumber,
    relation: Relation.PARENT,
    registered: true,
    ...extra,
  });
const forSibling = (date: string, kinScope: readonly Relation[]) =>
  forParent(date, { relation: Relation.SIBLING, kinScope });

describe('R-USE-3 supplementary premium', () => {
  it('R-USE-3 from 2022-09-01 the earmarked account pays for self, in full', () => {
    const d = payPremiumOrThrow(aPremiumInput());
    expect(d.kind).toBe(TransactionKind.PREMIUM);
    expect(d.regime).toBe(PremiumRegime.EARMARKED_2022);
    expect(d.pocket).toBe(PocketKind.EARMARKED);
    expect(d.postings).toEqual([
      debitPocket('payer-1', PocketKind.EARMARKED, yuan(195)),
      posting(systemAccount(SystemAccount.INSURER, 'BEIJING_PUHUI'), yuan(195)),
    ]);
  });

  it('R-USE-3 insufficient balance charges nothing (足额支付): refusal INSUFFICIENT_BALANCE', () => {
    const input = aPremiumInput({ payer: { ...aPremiumInput().payer, earmarked: yuan(194) } });
    expect(() => payPremiumOrThrow(input)).toThrow(
      expect.objectContaining({ code: PremiumErrorCode.INSUFFICIENT_BALANCE, rule: 'R-USE-3' }),
    );
  });

  it.each([
    [
      'R-USE-3',
      'parent on 2022-10-01 (relatives open 2022-12-01)',
      forParent('2022-10-01'),
      PremiumErrorCode.KIN_PREMIUM_NOT_OPEN,
    ],
    [
      'R-KIN-1',
      'sibling on 2023-06-01 (spouse/parent/child scope)',
      forSibling('2023-06-01', [Relation.SPOUSE, Relation.PARENT, Relation.CHILD]),
      PremiumErrorCode.RELATION_NOT_IN_SCOPE,
    ],
    [
      'R-USE-3',
      'unregistered parent on 2023-06-01',
      forParent('2023-06-01', { registered: false }),
      PremiumErrorCode.NOT_REGISTERED,
    ],
    [
      'R-USE-3',
      'sibling under the 2021 regime',
      forSibling('2021-09-01', NEAR_RELATIVES),
      PremiumErrorCode.RELATION_NOT_IN_SCOPE,
    ],
    [
      'R-USE-3',
      'anyone before 2021-08-26',
      aPremiumInput({ date: '2021-08-25' }),
      PremiumErrorCode.PREMIUM_NOT_OPEN,
    ],
    [
      'R-USE-3',
      'self before the region opens self premiums',
      aPremiumInput({ date: '2022-09-15', selfFrom: '2022-10-01' }),
      PremiumErrorCode.PREMIUM_NOT_OPEN,
    ],
    [
      'R-USE-3',
      'self when the region never opened self premiums',
      aPremiumInput({ selfFrom: null }),
      PremiumErrorCode.PREMIUM_NOT_OPEN,
    ],
    [
      'R-USE-3',
      'relatives when the region never opened them',
      forParent('2023-06-01', { kinFrom: null }),
      PremiumErrorCode.KIN_PREMIUM_NOT_OPEN,
    ],
    [
      'R-ACC-6',
      'a passbook linked to a bank card in 2021',
      aPremiumInput({
        date: '2021-09-01',
        payer: { ...aPremiumInput().payer, passbookLinkedToBankCard: true },
      }),
      PremiumErrorCode.PASSBOOK_LINKED_TO_BANK_CARD,
    ],
    [
      'R-USE-3',
      'a different ID number from the portal',
      aPremiumInput({ insuredIdNumber: '110105198005010022' }),
      PremiumErrorCode.ID_NUMBER_MISMATCH,
    ],
    [
      'R-USE-3',
      'a payer who is not real-name verified',
      aPremiumInput({ payer: { ...aPremiumInput().payer, realNameVerified: false } }),
      PremiumErrorCode.NOT_REAL_NAME_VERIFIED,
    ],
    [
      'R-ACC-1',
      'a payer without personal account',
      aPremiumInput({ payer: { ...aPremiumInput().payer, insuranceType: InsuranceType.RESIDENT } }),
      PremiumErrorCode.NO_PERSONAL_ACCOUNT,
    ],
    [
      'R-USE-3',
      'an insured of another city',
      forParent('2023-06-01', { insured: { ...parentInsured, regionCode: '310000' } }),
      PremiumErrorCode.OTHER_REGION,
    ],
    [
      'R-USE-3',
      'an uninsured person',
      forParent('2023-06-01', { insured: { ...parentInsured, insuranceType: InsuranceType.NONE } }),
      PremiumErrorCode.NOT_INSURED,
    ],
    ['R-USE-3', 'a zero amount', aPremiumInput({ amount: 0n as Fen }), PremiumErrorCode.INVALID_AMOUNT],
    [
      'R-USE-3',
      'a 2021 premium above the historical balance',
      aPremiumInput({ date: '2021-09-01', amount: yuan(1001) }),
      PremiumErrorCode.INSUFFICIENT_BALANCE,
    ],
  ])('%s refuses %s', (rule, _label, input, code) => {
    expect(() => payPremiumOrThrow(input)).toThrow(expect.objectContaining({ code, rule }));
  });

  it.each([
    ['parent on 2022-12-01', forParent('2022-12-01')],
    ['sibling on 2025-01-01 once the near-relative scope applies', forSibling('2025-01-01', NEAR_RELATIVES)],
    [
      'parent (lower-case x in the ID check digit)',
      forParent('2023-01-01', { insuredIdNumber: '11010519500101002x' }),
    ],
    [
      'self with a bank-linked passbook after 2022-09-01 (R-ACC-6 lapsed)',
      aPremiumInput({ payer: { ...aPremiumInput().payer, passbookLinkedToBankCard: true } }),
    ],
  ])('R-USE-3 allows %s from EARMARKED', (_label, input) => {
    expect(payPremiumOrThrow(input).pocket).toBe(PocketKind.EARMARKED);
  });

  it('R-USE-3 2021 regime: historical balance (LEGACY) pays for a parent without registration', () => {
    const d = payPremiumOrThrow(forParent('2021-09-01', { registered: false }));
    expect(d.regime).toBe(PremiumRegime.HISTORICAL_BALANCE_2021);
    expect(d.postings[0]).toEqual(debitPocket('payer-1', PocketKind.LEGACY, yuan(195)));
  });

  it.each([Relation.CHILD, Relation.PARENT, Relation.SPOUSE])(
    'R-USE-3 2021 regime: a %s on record (kinshipOnRecord) is paid for without registration, like the spouse',
    (tie) => {
      const d = payPremiumOrThrow(
        forParent('2022-01-01', {
          relation: null,
          registered: false,
          kinshipOnRecord: [Relation.SIBLING, tie],
        }),
      );
      expect(d.pocket).toBe(PocketKind.LEGACY);
      expect(d.explanation[0]).toMatchObject({
        rule: 'R-USE-3',
        code: 'PREMIUM_2021_REGIME',
        params: { relation: { kind: 'term', set: 'relation', value: tie } },
      });
    },
  );

  it('R-USE-3 2021 regime: nothing on record is refused without naming a relation; a sibling on record is named', () => {
    expect(() =>
      payPremiumOrThrow(forParent('2022-01-01', { relation: Relation.PARENT, kinshipOnRecord: [] })),
    ).toThrow(
      expect.objectContaining({
        code: PremiumErrorCode.RELATION_NOT_IN_SCOPE,
        rule: 'R-USE-3',
        field: ['insuredId'],
        message:
          'Under the 2021 regime the account pays supplementary premiums for self, spouse, children and parents only; no kin relation between payer and insured is registered or attested at a counter',
      }),
    );
    expect(() => payPremiumOrThrow(forParent('2022-01-01', { kinshipOnRecord: [Relation.SIBLING] }))).toThrow(
      expect.objectContaining({
        code: PremiumErrorCode.RELATION_NOT_IN_SCOPE,
        rule: 'R-USE-3',
        params: { relation: { kind: 'term', set: 'relation', value: Relation.SIBLING } },
      }),
    );
  });

  it('R-USE-3 2021 regime applies while the region has no earmarkedFrom', () => {
    expect(payPremiumOrThrow(aPremiumInput({ earmarkedFrom: null })).pocket).toBe(PocketKind.LEGACY);
  });

  // Audit finding: Suzhou / Qingdao (no supplementaryPremium dates, EARMARKED from the national 2022-09-01) were
  // charged LEGACY under HISTORICAL_BALANCE_2021 in 2026. The 2021 regime is Beijing's scheme (R-USE-3 本市补充医疗保险).
  const suzhou = (date: string, extra: Parameters<typeof aPremiumInput>[0] = {}) =>
    aPremiumInput({
      date,
      payer: { ...aPremiumInput().payer, regionCode: '320500' },
      insured: { ...aPremiumInput().insured, regionCode: '320500' },
      earmarkedFrom: '2022-09-01',
      selfFrom: null,
      kinFrom: null,
      ...extra,
    });

  it.each(['2026-12-02', '2022-01-01', '2021-08-26', '2021-08-25'])(
    'R-USE-3 where premium payment is not configured (no selfFrom), a premium on %s is PREMIUM_NOT_OPEN — never the 2021 regime',
    (date) => {
      let error: unknown;
      try {
        payPremiumOrThrow(suzhou(date));
      } catch (err) {
        error = err;
      }
      expect(error).toMatchObject({
        code: PremiumErrorCode.PREMIUM_NOT_OPEN,
        rule: 'R-USE-3',
        field: ['payerId'],
        params: { region: { kind: 'region', code: '320500' } },
      });
      expect(renderRefusal(error as DomainError, 'en')).toMatch(
        /^Premiums from the account are not offered in .*: none can be paid on .* \(R-USE-3\)$/,
      );
    },
  );

  it('R-USE-3 not configured: relatives are refused PREMIUM_NOT_OPEN as well (no 2021 "no registration needed")', () => {
    expect(() =>
      payPremiumOrThrow(
        suzhou('2022-01-01', {
          insured: { ...parentInsured, regionCode: '320500' },
          insuredIdNumber: parentInsured.idNumber,
          relation: Relation.PARENT,
          kinshipOnRecord: [Relation.PARENT],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: PremiumErrorCode.PREMIUM_NOT_OPEN, rule: 'R-USE-3' }));
  });

  it('R-USE-3 a region that opens premiums after its book-entry account had no 2021 phase: refused with its opening date', () => {
    const configured = suzhou('2022-01-01', { selfFrom: '2027-01-01' });
    expect(() => payPremiumOrThrow(configured)).toThrow(
      expect.objectContaining({
        code: PremiumErrorCode.PREMIUM_NOT_OPEN,
        field: ['on'],
        params: { from: expect.anything(), on: expect.anything() },
      }),
    );
    expect(() => payPremiumOrThrow({ ...configured, date: '2026-12-02' })).toThrow(
      expect.objectContaining({ code: PremiumErrorCode.PREMIUM_NOT_OPEN, field: ['on'] }),
    );
    const open = payPremiumOrThrow({ ...configured, date: '2027-01-01' });
    expect(open).toMatchObject({ regime: PremiumRegime.EARMARKED_2022, pocket: PocketKind.EARMARKED });
  });

  it('R-USE-3 Beijing keeps its 2021 regime (selfFrom = earmarkedFrom = 2022-09-01)', () => {
    expect(payPremiumOrThrow(aPremiumInput({ date: '2021-08-26' }))).toMatchObject({
      regime: PremiumRegime.HISTORICAL_BALANCE_2021,
      pocket: PocketKind.LEGACY,
    });
    expect(payPremiumOrThrow(aPremiumInput({ date: '2022-09-01' })).regime).toBe(
      PremiumRegime.EARMARKED_2022,
    );
  });

  it.each(['', '   '])('R-USE-3 a blank product code (%j) is INVALID_INPUT on product', (productCode) => {
    let error: unknown;
    try {
      payPremiumOrThrow(aPremiumInput({ productCode }));
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({
      code: PremiumErrorCode.INVALID_INPUT,
      rule: 'R-USE-3',
      field: ['product'],
    });
    expect(renderRefusal(error as DomainError, 'zh')).toBe(
      '请填写补充医疗保险的产品代码：保费缴入该产品（R-USE-3）',
    );
  });
});

describe('R-USE-2 resident and long-term-care contributions', () => {
  const base: ResidentContributionInput = {
    scheme: ContributionScheme.RESIDENT_BASIC,
    amount: yuan(380),
    date: '2023-10-01',
    payer: {
      personId: 'payer-1',
      insuranceType: InsuranceType.EMPLOYEE,
      provinceCode: '11',
      earmarked: yuan(1000),
      wallet: yuan(500),
    },
    insured: { personId: 'child-1', insuranceType: InsuranceType.RESIDENT, provinceCode: '11' },
    source: WalletSource.EARMARKED,
    relation: Relation.CHILD,
    registered: true,
    kinScope: [Relation.SPOUSE, Relation.PARENT, Relation.CHILD],
    kinUseFrom: '2022-12-01',
  };

  it('R-USE-2 a registered child’s resident contribution from EARMARKED', () => {
    const d = payResidentContributionOrThrow(base);
    expect(d.kind).toBe(TransactionKind.RESIDENT_CONTRIBUTION);
    expect(d.postings).toEqual([
      debitPocket('payer-1', PocketKind.EARMARKED, yuan(380)),
      posting(systemAccount(SystemAccount.CONTRIBUTION_COLLECTOR, 'RESIDENT_BASIC'), yuan(380)),
    ]);
  });

  it('R-USE-2 own long-term-care contribution from EARMARKED needs no registration', () => {
    const d = payResidentContributionOrThrow({
      ...base,
      scheme: ContributionScheme.LONG_TERM_CARE,
      insured: { personId: 'payer-1', insuranceType: InsuranceType.EMPLOYEE, provinceCode: '11' },
      relation: null,
      registered: false,
      kinUseFrom: null,
    });
    expect(d.postings[1]).toEqual(
      posting(systemAccount(SystemAccount.CONTRIBUTION_COLLECTOR, 'LONG_TERM_CARE'), yuan(380)),
    );
  });

  it('R-WAL-7 own wallet pays own resident contribution', () => {
    const d = payResidentContributionOrThrow({
      ...base,
      source: WalletSource.WALLET,
      payer: { ...base.payer, insuranceType: InsuranceType.RESIDENT },
      insured: { personId: 'payer-1', insuranceType: InsuranceType.RESIDENT, provinceCode: '11' },
    });
    expect(d.postings[0]).toEqual(debitPocket('payer-1', PocketKind.WALLET, yuan(380)));
  });

  it.each([
    ['R-KIN-3', 'before mutual-aid use opens', { date: '2022-11-30' }, PremiumErrorCode.KIN_USE_NOT_OPEN],
    ['R-KIN-3', 'when mutual-aid use never opened', { kinUseFrom: null }, PremiumErrorCode.KIN_USE_NOT_OPEN],
    [
      'R-KIN-1',
      'a sibling outside the scope',
      { relation: Relation.SIBLING },
      PremiumErrorCode.RELATION_NOT_IN_SCOPE,
    ],
    ['R-KIN-1', 'a non-relative', { relation: null }, PremiumErrorCode.RELATION_NOT_IN_SCOPE],
    ['R-USE-2', 'an unregistered child', { registered: false }, PremiumErrorCode.NOT_REGISTERED],
    [
      'R-KIN-2',
      'a child insured in another province',
      { insured: { personId: 'child-1', insuranceType: InsuranceType.RESIDENT, provinceCode: '31' } },
      PremiumErrorCode.OTHER_PROVINCE,
    ],
    [
      'R-KIN-2',
      'a child in another province where the payer region never opened mutual-aid use (R-KIN-2 decides first)',
      {
        kinUseFrom: null,
        insured: { personId: 'child-1', insuranceType: InsuranceType.RESIDENT, provinceCode: '31' },
      },
      PremiumErrorCode.OTHER_PROVINCE,
    ],
    [
      'R-WAL-7',
      "the wallet for someone else's contribution",
      { source: WalletSource.WALLET },
      PremiumErrorCode.WALLET_NOT_ALLOWED,
    ],
    [
      'R-WAL-7',
      'the wallet for long-term care',
      {
        source: WalletSource.WALLET,
        scheme: ContributionScheme.LONG_TERM_CARE,
        insured: { personId: 'payer-1', insuranceType: InsuranceType.EMPLOYEE, provinceCode: '11' },
      },
      PremiumErrorCode.WALLET_NOT_ALLOWED,
    ],
    [
      'R-ACC-1',
      'EARMARKED of a payer without personal account',
      { payer: { ...base.payer, insuranceType: InsuranceType.FLEXIBLE } },
      PremiumErrorCode.NO_PERSONAL_ACCOUNT,
    ],
    [
      'R-USE-2',
      'more than the balance (nothing charged)',
      { amount: yuan(1001) },
      PremiumErrorCode.INSUFFICIENT_BALANCE,
    ],
    ['R-USE-3', 'a negative amount', { amount: -1n as Fen }, PremiumErrorCode.INVALID_AMOUNT],
    [
      'R-USE-2',
      'a resident contribution for a relative insured as an employee',
      { insured: { personId: 'child-1', insuranceType: InsuranceType.EMPLOYEE, provinceCode: '11' } },
      PremiumErrorCode.INSURED_AS_EMPLOYEE,
    ],
    [
      'R-USE-2',
      'a resident contribution for oneself (the payer is insured as an employee)',
      {
        insured: { personId: 'payer-1', insuranceType: InsuranceType.EMPLOYEE, provinceCode: '11' },
        relation: null,
        registered: false,
      },
      PremiumErrorCode.INSURED_AS_EMPLOYEE,
    ],
    [
      'R-USE-2',
      'a resident contribution from the wallet of a holder insured as an employee',
      {
        source: WalletSource.WALLET,
        insured: { personId: 'payer-1', insuranceType: InsuranceType.EMPLOYEE, provinceCode: '11' },
        relation: null,
        registered: false,
      },
      PremiumErrorCode.INSURED_AS_EMPLOYEE,
    ],
  ])('%s refuses %s', (rule, _label, overrides, code) => {
    expect(() => payResidentContributionOrThrow({ ...base, ...overrides })).toThrow(
      expect.objectContaining({ code, rule }),
    );
  });

  it('R-KIN-1 RELATION_NOT_IN_SCOPE carries the purpose and date (and the relation when there is one), so both languages say the same', () => {
    let refusal: DomainError | undefined;
    try {
      payResidentContributionOrThrow({ ...base, relation: Relation.SIBLING });
    } catch (err) {
      refusal = err as DomainError;
    }
    expect(renderRefusal(refusal!, 'zh')).toBe(
      '按2023年10月1日的政策，兄弟姐妹不在居民医保缴费的家庭共济范围内（R-KIN-1）',
    );
    expect(renderRefusal(refusal!, 'en')).toBe(
      'sibling is not in the kinship scope for resident contributions on 1 October 2023 (R-KIN-1)',
    );
    try {
      payResidentContributionOrThrow({ ...base, relation: null, registered: false });
    } catch (err) {
      refusal = err as DomainError;
    }
    expect(renderRefusal(refusal!, 'zh')).toBe(
      '参保人与缴费人之间没有已备案的亲属关系，不能使用居民医保缴费的家庭共济（R-KIN-1）',
    );
    expect(renderRefusal(refusal!, 'en')).toBe(
      'No registered relation links the insured to the payer: mutual aid for resident contributions is for relatives only (R-KIN-1)',
    );
  });

  it.each([ContributionScheme.RESIDENT_BASIC])(
    'R-USE-2/R-ACC-1 a FLEXIBLE (灵活就业) insured owes no %s contribution (INSURED_AS_FLEXIBLE), from EARMARKED or WALLET',
    (scheme) => {
      for (const input of [
        { ...base, scheme, insured: { ...base.insured, insuranceType: InsuranceType.FLEXIBLE } },
        {
          ...base,
          scheme,
          source: WalletSource.WALLET,
          payer: { ...base.payer, personId: 'flex-1', insuranceType: InsuranceType.FLEXIBLE },
          insured: { ...base.insured, personId: 'flex-1', insuranceType: InsuranceType.FLEXIBLE },
        },
      ]) {
        let error: unknown;
        try {
          payResidentContributionOrThrow(input);
        } catch (err) {
          error = err;
        }
        expect(error).toMatchObject({
          code: PremiumErrorCode.INSURED_AS_FLEXIBLE,
          rule: 'R-USE-2',
          field: ['insuredId'],
        });
        expect(renderRefusal(error as DomainError, 'zh')).toBe(
          '参保人以灵活就业人员身份参加职工基本医疗保险，不是居民医保参保人，无需缴纳城乡居民基本医疗保险费（R-USE-2）',
        );
      }
    },
  );

  it('R-USE-2 only a resident-insured (or not yet insured) person owes a resident basic contribution', () => {
    for (const insuranceType of [InsuranceType.RESIDENT, InsuranceType.NONE]) {
      expect(() =>
        payResidentContributionOrThrow({ ...base, insured: { ...base.insured, insuranceType } }),
      ).not.toThrow();
    }
  });

  it('R-USE-2 INSURED_AS_EMPLOYEE names the insured field', () => {
    expect(() =>
      payResidentContributionOrThrow({
        ...base,
        insured: { ...base.insured, insuranceType: InsuranceType.EMPLOYEE },
      }),
    ).toThrow(expect.objectContaining({ field: ['insuredId'] }));
  });

  it.each([InsuranceType.RESIDENT, InsuranceType.EMPLOYEE, InsuranceType.FLEXIBLE])(
    'R-USE-2 decision: a registered relative insured as %s may have long-term care paid (employees are covered too)',
    (insuranceType) => {
      const d = payResidentContributionOrThrow({
        ...base,
        scheme: ContributionScheme.LONG_TERM_CARE,
        insured: { ...base.insured, insuranceType },
      });
      expect(d.postings[0]).toEqual(debitPocket('payer-1', PocketKind.EARMARKED, yuan(380)));
    },
  );
});
