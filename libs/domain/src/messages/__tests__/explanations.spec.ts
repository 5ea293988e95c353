import { creditContributionsOrThrow, postInterestOrThrow } from '../../crediting/crediting.rules';
import { KinChannel, type KinPerson, KinPurpose, Relation } from '../../kin/kin';
import { checkKinRegistrationOrThrow, checkKinUseOrThrow } from '../../kin/kin.rules';
import { Feature, type PolicySetting, type RegionRollout } from '../../policy/policy';
import { NATIONAL_DEFAULT_SETTINGS } from '../../policy/policy.defaults';
import { effectivePolicy } from '../../policy/policy.rules';
import { PocketKind } from '../../ledger/ledger';
import { type Fen, yuan } from '../../money/money';
import { InsuranceType, EmploymentStatus } from '../../person/person';
import { PaymentChannel } from '../../person/payment-channel';
import { ContributionScheme, type ResidentContributionInput } from '../../premium/premium';
import { payPremiumOrThrow, payResidentContributionOrThrow } from '../../premium/premium.rules';
import { cancelSettlementOrThrow, partialRefundOrThrow } from '../../refund/refund.rules';
import { DEFAULT_BENEFIT_SCHEDULE } from '../../settlement/benefit-schedule';
import { VisitType } from '../../settlement/settlement';
import { settleOrThrow } from '../../settlement/settlement.rules';
import type { Explanation } from '../../shared/domain-error';
import {
  aBill,
  aPatient,
  aPremiumInput,
  aProvider,
  aSettledTransaction,
  aSettlementInput,
  aWalletTransfer,
  aYearToDate,
  anInstitution,
  makeIdNumber,
} from '../../testing';
import { WalletSource, WalletVerification } from '../../wallet/wallet';
import { walletMayPay, walletTransferOrThrow } from '../../wallet/wallet.rules';
import { legacyWithdrawOrThrow } from '../../withdrawal/withdrawal.rules';
import { EXPLANATION_MESSAGES } from '../explanation-catalogue';
import {
  type ExplanationParams,
  explanationRegionCodes,
  hasExplanation,
  renderExplanation,
} from '../explanations';
import { LANGUAGES } from '../language';

const y = (n: number) => yuan(n) as Fen;
const regionNames: Record<string, string> = { '110000': '北京市', '310000': '上海市' };
const regionName = (code: string) => regionNames[code];

const contribution: ResidentContributionInput = {
  scheme: ContributionScheme.RESIDENT_BASIC,
  amount: y(380),
  date: '2023-10-01',
  payer: {
    personId: 'payer-1',
    insuranceType: InsuranceType.EMPLOYEE,
    provinceCode: '11',
    earmarked: y(1000),
    wallet: y(500),
  },
  insured: { personId: 'child-1', insuranceType: InsuranceType.RESIDENT, provinceCode: '11' },
  source: WalletSource.EARMARKED,
  relation: Relation.CHILD,
  registered: true,
  kinScope: [Relation.SPOUSE, Relation.PARENT, Relation.CHILD],
  kinUseFrom: '2022-12-01',
};

const BEIJING: RegionRollout = {
  code: '110000',
  dates: { [Feature.KIN_REGISTRATION]: '2022-10-15', [Feature.KIN_USE]: '2022-12-01' },
};
const beijing = (on: string) => effectivePolicy({ chain: [BEIJING], settings: [], on });
const kinPerson = (id: string, over: Partial<KinPerson> = {}): KinPerson => ({
  id,
  insuranceType: InsuranceType.EMPLOYEE,
  regionCode: '110000',
  provinceCode: '110000',
  hasEarmarked: true,
  ...over,
});
const kinUse = (over: Partial<Parameters<typeof checkKinUseOrThrow>[0]> = {}) =>
  checkKinUseOrThrow({
    relation: {
      providerId: 'p',
      beneficiaryId: 'b',
      relation: Relation.PARENT,
      order: 1,
      registeredOn: '2022-10-15',
      revokedAt: null,
    },
    date: '2023-03-01',
    providerPolicy: beijing('2023-03-01'),
    channel: PaymentChannel.CARD,
    ...over,
  });

/** effectivePolicy's rows: a region's own (Beijing), a national row, the built-in defaults, an empty scope. */
const defaultRow = (kind: PolicySetting['kind']) => NATIONAL_DEFAULT_SETTINGS.find((r) => r.kind === kind)!;
const policyRows: PolicySetting[] = [
  {
    scopeRegionCode: '110000',
    kind: 'KINSHIP_SCOPE',
    purpose: KinPurpose.MEDICAL,
    effectiveFrom: '2024-01-01',
    value: [Relation.SPOUSE, Relation.PARENT, Relation.CHILD, Relation.SIBLING],
  },
  {
    scopeRegionCode: null,
    kind: 'KINSHIP_SCOPE',
    purpose: KinPurpose.WALLET_TRANSFER,
    effectiveFrom: '2024-06-01',
    value: [],
  },
  { ...defaultRow('SPENDING_CAPS'), scopeRegionCode: '110000', effectiveFrom: '2024-03-01' },
  { ...defaultRow('CARD_RULES'), scopeRegionCode: null, effectiveFrom: '2024-02-01' },
  {
    ...defaultRow('BENEFIT_SCHEDULE'),
    kind: 'RESIDENT_BENEFIT_SCHEDULE',
    scopeRegionCode: '110000',
    effectiveFrom: '2024-01-01',
  } as PolicySetting,
  {
    ...NATIONAL_DEFAULT_SETTINGS.find((r) => r.kind === 'HOLIDAY_CALENDAR' && r.purpose === '2025')!,
    scopeRegionCode: '110000',
    effectiveFrom: '2024-05-01',
  },
];

const settled = settleOrThrow(
  aSettlementInput({
    bill: aBill({ covered: y(2000), outOfCatalogue: y(100) }),
    own: { earmarked: y(500), wallet: y(300) },
    providers: [aProvider('B', y(5000))],
  }),
);

/**
 * Every decision that writes explanation lines, driven with the fixtures of testing.ts so that every explanation
 * code of the catalogue comes out at least once (the last test checks it).
 */
const decisions: [string, () => readonly Explanation[]][] = [
  [
    'R-SET-1 worked example (in service, covered 2000.00 → fund 100.00)',
    () => settleOrThrow(aSettlementInput()).explanation,
  ],
  [
    'R-SET-1 resident and flexible employment',
    () => [
      ...settleOrThrow(
        aSettlementInput({
          patient: aPatient({ insuranceType: InsuranceType.RESIDENT, employmentStatus: null }),
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          patient: aPatient({ insuranceType: InsuranceType.FLEXIBLE, employmentStatus: null }),
        }),
      ).explanation,
    ],
  ],
  [
    'R-ACC-1 / R-KIN-4 a resident (no account) paid by a relative, with and without a wallet first',
    () => [
      ...settleOrThrow(
        aSettlementInput({
          patient: aPatient({ insuranceType: InsuranceType.RESIDENT, employmentStatus: null }),
          own: { earmarked: y(0), wallet: y(0) },
          providers: [aProvider('B', y(5000))],
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          patient: aPatient({ insuranceType: InsuranceType.RESIDENT, employmentStatus: null }),
          own: { earmarked: y(0), wallet: y(50) },
          providers: [aProvider('B', y(5000))],
        }),
      ).explanation,
    ],
  ],
  [
    'R-SET-1 retired under 70 and 70 or older',
    () => [
      ...settleOrThrow(
        aSettlementInput({
          patient: aPatient({ employmentStatus: EmploymentStatus.RETIRED, birthDate: '1958-06-01' }),
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          patient: aPatient({ employmentStatus: EmploymentStatus.RETIRED, birthDate: '1949-01-15' }),
        }),
      ).explanation,
    ],
  ],
  [
    'R-SET-1 annual outpatient fund cap',
    () =>
      settleOrThrow(
        aSettlementInput({
          yearToDate: aYearToDate(2024, { outpatientFundPaid: y(19_950) }),
          schedule: {
            ...DEFAULT_BENEFIT_SCHEDULE,
            outpatient: Object.fromEntries(
              Object.entries(DEFAULT_BENEFIT_SCHEDULE.outpatient).map(([level, s]) => [
                level,
                { ...s, annualFundCap: y(20_000) },
              ]),
            ) as typeof DEFAULT_BENEFIT_SCHEDULE.outpatient,
          },
        }),
      ).explanation,
  ],
  [
    'R-SET-2 first admission (in service), later admission (retiree), nothing above the deductible, annual maximum',
    () => [
      ...settleOrThrow(
        aSettlementInput({ bill: aBill({ visitType: VisitType.INPATIENT, covered: y(50_000) }) }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          bill: aBill({ visitType: VisitType.INPATIENT, covered: y(35_000) }),
          patient: aPatient({ employmentStatus: EmploymentStatus.RETIRED, birthDate: '1950-01-01' }),
          yearToDate: aYearToDate(2024, { inpatientAdmissions: 1 }),
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({ bill: aBill({ visitType: VisitType.INPATIENT, covered: y(1000) }) }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          bill: aBill({ visitType: VisitType.INPATIENT, covered: y(50_000) }),
          yearToDate: aYearToDate(2024, { inpatientFundPaid: y(10_000) }),
          schedule: {
            ...DEFAULT_BENEFIT_SCHEDULE,
            inpatient: Object.fromEntries(
              Object.entries(DEFAULT_BENEFIT_SCHEDULE.inpatient).map(([level, s]) => [
                level,
                { ...s, annualFundMax: y(20_000) },
              ]),
            ) as typeof DEFAULT_BENEFIT_SCHEDULE.inpatient,
          },
        }),
      ).explanation,
    ],
  ],
  [
    'R-SET-3 / R-USE-4 out-of-catalogue and excluded items, pharmacy',
    () => [
      ...settleOrThrow(aSettlementInput({ bill: aBill({ outOfCatalogue: y(120), excluded: y(30) }) }))
        .explanation,
      ...settleOrThrow(
        aSettlementInput({
          bill: aBill({
            visitType: VisitType.PHARMACY,
            institution: anInstitution({ kind: 'PHARMACY' as never }),
          }),
          schedule: { ...DEFAULT_BENEFIT_SCHEDULE, pharmacyFundRate: 1250 },
        }),
      ).explanation,
    ],
  ],
  [
    'R-USE-1 a hospital not chosen',
    () =>
      settleOrThrow(aSettlementInput({ bill: aBill({ institution: anInstitution({ fundMayPay: false }) }) }))
        .explanation,
  ],
  [
    'R-USE-6 caps (per institution, per day, per year), R-SET-4 own pockets, R-KIN-4 providers, R-ACC-7 password',
    () => [
      ...settleOrThrow(
        aSettlementInput({
          own: { earmarked: y(5000), wallet: 0n as Fen },
          caps: { perInstitutionPerDay: y(300), perDayAcrossInstitutions: null, perYear: null },
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          own: { earmarked: y(5000), wallet: 0n as Fen },
          caps: { perInstitutionPerDay: null, perDayAcrossInstitutions: y(300), perYear: null },
          passwordRequired: false,
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          own: { earmarked: y(5000), wallet: 0n as Fen },
          caps: { perInstitutionPerDay: null, perDayAcrossInstitutions: null, perYear: y(2000) },
          yearToDate: aYearToDate(2024, { accountPaid: y(1500) }),
        }),
      ).explanation,
      ...settled.explanation,
      ...settleOrThrow(
        aSettlementInput({
          providers: [aProvider('A', y(100), { usable: false }), aProvider('B', y(5000))],
        }),
      ).explanation,
    ],
  ],
  [
    'R-WAL-7 the wallet not used (not designated, not accepting, other region) or usable; R-KIN-3 / R-KIN-6',
    () => [
      walletMayPay({ ...anInstitution(), designated: false }, '110000').explanation,
      ...settleOrThrow(
        aSettlementInput({
          bill: aBill({ institution: anInstitution({ acceptsWallet: false }) }),
          own: { earmarked: 0n as Fen, wallet: y(300) },
        }),
      ).explanation,
      ...settleOrThrow(
        aSettlementInput({
          bill: aBill({ institution: anInstitution({ regionCode: '310000' }) }),
          own: { earmarked: 0n as Fen, wallet: y(300) },
          providers: [aProvider('B', y(5000))],
        }),
      ).explanation,
      walletMayPay(anInstitution(), '110000').explanation,
      ...settleOrThrow(aSettlementInput({ providers: [aProvider('B', y(5000))], kinUseOpen: false }))
        .explanation,
      ...settleOrThrow(
        aSettlementInput({
          bill: aBill({
            institution: anInstitution({ regionCode: '310000' }),
            channel: PaymentChannel.E_VOUCHER,
          }),
          providers: [aProvider('B', y(5000))],
        }),
      ).explanation,
    ],
  ],
  [
    'R-WAL-3/4/6 wallet transfers (registered, attested, no evidence; code password from the wallet)',
    () => [
      ...walletTransferOrThrow(aWalletTransfer({ relationEvidence: { kind: 'REGISTERED' } })).explanation,
      ...walletTransferOrThrow(
        aWalletTransfer({
          relationEvidence: { kind: 'ATTESTED', evidenceKind: 'HOUSEHOLD_REGISTER', checkedOn: '2024-12-20' },
        }),
      ).explanation,
      ...walletTransferOrThrow(
        aWalletTransfer({
          source: WalletSource.WALLET,
          verification: WalletVerification.CODE_PASSWORD,
          from: { ...aWalletTransfer().from, wallet: y(800) },
        }),
      ).explanation,
    ],
  ],
  [
    'R-USE-3 premiums (2021 regime for self and a parent, 2022 regime for self and a registered spouse)',
    () => [
      ...payPremiumOrThrow(aPremiumInput({ date: '2022-01-10' })).explanation,
      ...payPremiumOrThrow(
        aPremiumInput({
          date: '2022-01-10',
          insured: { ...aPremiumInput().insured, personId: 'parent-1' },
          relation: Relation.PARENT,
        }),
      ).explanation,
      ...payPremiumOrThrow(aPremiumInput()).explanation,
      ...payPremiumOrThrow(
        aPremiumInput({
          insured: { ...aPremiumInput().insured, personId: 'spouse-1' },
          relation: Relation.SPOUSE,
          registered: true,
        }),
      ).explanation,
    ],
  ],
  [
    'R-USE-2 / R-WAL-7 resident contributions',
    () => [
      ...payResidentContributionOrThrow(contribution).explanation,
      ...payResidentContributionOrThrow({
        ...contribution,
        scheme: ContributionScheme.LONG_TERM_CARE,
        insured: { personId: 'payer-1', insuranceType: InsuranceType.EMPLOYEE, provinceCode: '11' },
        relation: null,
        registered: false,
      }).explanation,
      ...payResidentContributionOrThrow({
        ...contribution,
        source: WalletSource.WALLET,
        payer: { ...contribution.payer, insuranceType: InsuranceType.RESIDENT },
        insured: { personId: 'payer-1', insuranceType: InsuranceType.RESIDENT, provinceCode: '11' },
      }).explanation,
    ],
  ],
  [
    'R-USE-5 cancellation and refund',
    () => [
      ...cancelSettlementOrThrow(aSettledTransaction(settled)).explanation,
      ...partialRefundOrThrow(aSettledTransaction(settled), [], y(1500)).explanation,
    ],
  ],
  [
    'R-KIN-1/3/4 registration; R-KIN-3/1/6 use (in region, out of region with the permission or the e-voucher)',
    () => [
      ...checkKinRegistrationOrThrow({
        provider: kinPerson('p', { idNumber: makeIdNumber('110105', '1980-05-20', 11) }),
        beneficiary: kinPerson('s', { insuranceType: InsuranceType.RESIDENT, birthDate: '1983-01-01' }),
        relation: Relation.SIBLING,
        channel: KinChannel.PUBLIC_SERVICE_PLATFORM,
        date: '2025-01-01',
        providerPolicy: beijing('2025-01-01'),
        existingRelations: [],
      }).explanation,
      ...kinUse(),
      ...kinUse({ outOfRegion: true, outOfRegionPermission: true }),
      ...kinUse({ outOfRegion: true, channel: PaymentChannel.E_VOUCHER }),
    ],
  ],
  [
    'effectivePolicy: rollout dates open / not yet open / never set, settings from the defaults (resident none)',
    () => [...beijing('2022-11-01').explanation, ...beijing('2025-01-01').explanation],
  ],
  [
    "effectivePolicy: Beijing's own rows, a national row, an empty scope, the earliest default, no scope at all",
    () => [
      ...effectivePolicy({ chain: [BEIJING], settings: policyRows, on: '2025-01-01' }).explanation,
      ...effectivePolicy({ chain: [BEIJING], settings: [], on: '1998-01-01' }).explanation,
    ],
  ],
  [
    'R-ACC-5 / R-ACC-4 withdrawal, crediting, interest',
    () => [
      ...legacyWithdrawOrThrow({ personId: 'p', pocket: PocketKind.LEGACY, amount: y(300), balance: y(500) })
        .explanation,
      ...(creditContributionsOrThrow(
        '2024-03',
        [
          { personId: 'a', amount: y(300) },
          { personId: 'b', amount: 0n as Fen },
        ],
        [],
        { today: '2026-12-02' },
      ).decision?.explanation ?? []),
      ...(postInterestOrThrow(2024, 150, [{ personId: 'a', balance: y(10_000) }], false, '2026-12-02')
        .decision?.explanation ?? []),
    ],
  ],
];

/**
 * Lines the API writes (skipped relatives, R-KIN-4 / R-KIN-5; the demo seed's opening balances): built like
 * settlement-facts.ts, the settlement mapper and seed/demo.ts.
 */
const apiLines: Explanation[] = [
  {
    rule: 'R-ACC-4',
    message: 'Demo opening balance of the EARMARKED pocket, credited from collected contributions',
    code: 'DEMO_OPENING_BALANCE',
    params: { pocket: { kind: 'term', set: 'pocket', value: 'EARMARKED' } },
  },
  {
    rule: 'R-KIN-4',
    message: 'provider P skipped: no account',
    code: 'KIN_PROVIDER_NO_ACCOUNT',
    params: { provider: 'P' },
  },
  {
    rule: 'R-KIN-2',
    message: 'provider P skipped: The relative is insured in another province',
    code: 'KIN_PROVIDER_REFUSED',
    params: {
      provider: 'P',
      refusal: {
        kind: 'refusal',
        code: 'OTHER_PROVINCE',
        rule: 'R-KIN-2',
        message: 'The relative is insured in another province',
      },
    },
  },
  {
    rule: 'R-KIN-5',
    message: 'provider P skipped: not in force on 2024-03-01: registered on 2024-04-01',
    code: 'KIN_PROVIDER_SKIPPED',
    params: {
      provider: 'P',
      reason: {
        kind: 'line',
        code: 'KIN_NOT_IN_FORCE',
        params: {
          on: { kind: 'date', iso: '2024-03-01' },
          registeredOn: { kind: 'date', iso: '2024-04-01' },
        },
        message: 'not in force on 2024-03-01: registered on 2024-04-01',
      },
    },
  },
  {
    rule: 'R-KIN-5',
    message: 'provider P skipped: revoked on 2024-05-02: no longer shares the account',
    code: 'KIN_PROVIDER_SKIPPED',
    params: {
      provider: 'P',
      reason: {
        kind: 'line',
        code: 'KIN_REVOKED_SINCE',
        params: { revokedOn: { kind: 'date', iso: '2024-05-02' } },
        message: 'revoked on 2024-05-02: no longer shares the account',
      },
    },
  },
];

const produced: Explanation[] = [...decisions.flatMap(([, run]) => run()), ...apiLines];

/** The policy lines among them (effectivePolicy). */
const policyLines = produced.filter((line) => line.code?.startsWith('POLICY_'));

/** Codes used only inside other lines (list items, nested lines). */
function nestedCodes(params: ExplanationParams | undefined): string[] {
  const codes: string[] = [];
  for (const value of Object.values(params ?? {})) {
    if (typeof value !== 'object' || value === null) continue;
    if (value.kind === 'list') {
      codes.push(value.item);
      for (const item of value.items) codes.push(...nestedCodes(item));
    }
    if (value.kind === 'line' && value.code) {
      codes.push(value.code);
      codes.push(...nestedCodes(value.params));
    }
  }
  return codes;
}

describe('explanation catalogue: explanation lines in Chinese (default) and English', () => {
  it.each(decisions)('%s: every line has a code', (_name, run) => {
    for (const line of run())
      expect({ line: line.message, code: line.code }).toEqual({
        line: line.message,
        code: expect.any(String),
      });
  });

  it.each(produced.map((line) => [line.code ?? '(none)', line] as const))(
    '%s: English from the catalogue is exactly the message the rule wrote',
    (_code, line) => {
      expect(renderExplanation({ ...line, message: '(fallback)' }, 'en')).toBe(line.message);
    },
  );

  it.each(produced.map((line) => [line.code ?? '(none)', line] as const))(
    '%s: Chinese is Chinese, with every placeholder filled and no English enum value left',
    (_code, line) => {
      const zh = renderExplanation({ ...line, message: '(fallback)' }, 'zh', regionName);
      expect(zh).not.toBe('(fallback)');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(zh).not.toMatch(
        /\b(EARMARKED|WALLET|LEGACY|SPOUSE|PARENT|CHILD|FACE|RESIDENT_BASIC|FIRST|LATER)\b/,
      );
      expect(zh).not.toMatch(/\b(fund pays|skipped|own account|provider)\b/);
    },
  );

  const codes = Object.keys(EXPLANATION_MESSAGES).sort();

  it.each(codes)('%s has a Chinese and an English text', (code) => {
    for (const language of LANGUAGES)
      expect({ code, language, ok: hasExplanation(code, language) }).toEqual({ code, language, ok: true });
  });

  it('every code of the catalogue is produced by a rule (or the API lines) at least once', () => {
    const seen = new Set(produced.flatMap((line) => [line.code ?? '', ...nestedCodes(line.params)]));
    expect(codes.filter((code) => !seen.has(code))).toEqual([]);
    expect([...seen].filter((code) => code && !EXPLANATION_MESSAGES[code])).toEqual([]);
  });

  it('R-SET-1 worked example reads naturally in Chinese, money in yuan with two decimals', () => {
    const [line] = settleOrThrow(aSettlementInput()).explanation;
    expect(line.rule).toBe('R-SET-1');
    expect(renderExplanation(line, 'zh')).toBe(
      '门诊：在职职工年度起付线1800.00 元，本年此前已发生符合医保规定的费用0.00 元；本次符合医保规定的费用2000.00 元中1800.00 元在起付线以下；统筹基金支付200.00 元的50%，即100.00 元',
    );
    expect(renderExplanation(line, 'en')).toBe(
      "in service: deductible 1800.00 per year, 0.00 covered cost earlier this year; 1800.00 of this bill's covered 2000.00 falls under the deductible; fund pays 50% of 200.00 = 100.00",
    );
  });

  it('R-SET-2 bands are listed in Chinese; region names are looked up; nested refusals render from the refusal catalogue', () => {
    const inpatient = settleOrThrow(
      aSettlementInput({ bill: aBill({ visitType: VisitType.INPATIENT, covered: y(50_000) }) }),
    ).explanation[0];
    expect(renderExplanation(inpatient, 'zh')).toBe(
      '2024年第一次住院：起付线1300.00 元，本次符合医保规定的费用50000.00 元；按在职职工支付比例：28700.00 元按85%支付、10000.00 元按90%支付、10000.00 元按95%支付；统筹基金支付42895.00 元',
    );
    const otherRegion = walletMayPay(anInstitution({ regionCode: '310000' }), '110000').explanation;
    expect(renderExplanation(otherRegion, 'zh', regionName)).toBe(
      '未使用医保钱包：机构所在地上海市不是参保地北京市',
    );
    expect(renderExplanation(apiLines[2], 'zh')).toMatch(/^共济人P未使用：[\u4e00-\u9fff]/);
  });

  it.each(policyLines.map((line) => [line.code!, line] as const))(
    '%s: Chinese policy lines have no English word or enum value left (regions named, dates in Chinese)',
    (_code, line) => {
      const zh = renderExplanation(line, 'zh', regionName);
      expect(zh).not.toMatch(/[A-Za-z]/);
      expect(zh).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    },
  );

  it('effectivePolicy: every kind of line and source, in Chinese and in English', () => {
    const lines = effectivePolicy({ chain: [BEIJING], settings: policyRows, on: '2025-01-01' }).explanation;
    const both = (code: string, match: RegExp) => {
      const line = lines.find((l) => l.code === code && match.test(l.message));
      expect({ code, match: String(match), found: !!line }).toEqual({
        code,
        match: String(match),
        found: true,
      });
      return [renderExplanation(line!, 'zh', regionName), renderExplanation(line!, 'en', regionName)];
    };
    expect(both('POLICY_FEATURE_OPEN', /^KIN_USE/)).toEqual([
      '家庭共济使用：2025年1月1日已开通（2022年12月1日起开通，依据北京市的设置）',
      'KIN_USE open on 2025-01-01: from 2022-12-01 (region 110000)',
    ]);
    expect(both('POLICY_FEATURE_NOT_OPEN', /^WALLET/)).toEqual([
      '医保钱包：2025年1月1日尚未开通（未设定开通日期，依据全国默认值）',
      'WALLET not open on 2025-01-01: no date set (national default)',
    ]);
    expect(both('POLICY_KINSHIP_SCOPE', /MEDICAL/)).toEqual([
      '用于医疗费用的家庭共济亲属范围：配偶、父母、子女、兄弟姐妹，自2024年1月1日起施行（依据北京市的设置）',
      'Kinship scope for MEDICAL: SPOUSE, PARENT, CHILD, SIBLING since 2024-01-01 (region 110000)',
    ]);
    expect(both('POLICY_KINSHIP_SCOPE', /WALLET_TRANSFER/)).toEqual([
      '用于医保钱包转账的家庭共济亲属范围：无，自2024年6月1日起施行（依据全国统一设置）',
      'Kinship scope for WALLET_TRANSFER: nobody since 2024-06-01 (national setting)',
    ]);
    expect(both('POLICY_SETTING', /^Spending caps/)).toEqual([
      '个人账户支付限额：自2024年3月1日起施行（依据北京市的设置）',
      'Spending caps since 2024-03-01 (region 110000)',
    ]);
    expect(both('POLICY_SETTING', /^Password policy/)).toEqual([
      '个人账户支付密码规定：自1998年12月14日起施行（依据全国默认值）',
      'Password policy since 1998-12-14 (national default)',
    ]);
    expect(both('POLICY_HOLIDAY_CALENDAR', /^Holiday calendar 2025/)).toEqual([
      expect.stringMatching(
        /^2025年节假日安排：节假日\d+天，调休上班日\d+天，自2024年5月1日起施行（依据北京市的设置）$/,
      ),
      expect.stringMatching(
        /^Holiday calendar 2025: \d+ holidays, \d+ make-up working days, since 2024-05-01 \(region 110000\)$/,
      ),
    ]);
    const none = beijing('2025-01-01').explanation.find((l) => l.code === 'POLICY_SETTING_NONE')!;
    expect(renderExplanation(none, 'zh')).toBe('城乡居民医保待遇支付标准：2025年1月1日尚未配置');
    expect(renderExplanation(none, 'en')).toBe('Resident benefit schedule: none configured on 2025-01-01');
    // Unknown region name (no loader): the code is shown, as other lines do.
    // (A region's own line: EARMARKED_ACCOUNT now opens by national default, R-ACC-3, so KIN_USE is picked.)
    expect(
      renderExplanation(
        lines.find((l) => l.code === 'POLICY_FEATURE_OPEN' && l.message.startsWith('KIN_USE'))!,
        'zh',
      ),
    ).toMatch(/依据110000的设置）$/);
  });

  it('a line without a code (rows written before codes) shows its own message in every language', () => {
    for (const language of LANGUAGES)
      expect(renderExplanation({ message: 'fund pays 100.00' }, language)).toBe('fund pays 100.00');
    expect(renderExplanation({ message: 'x', code: 'NO_SUCH_CODE', params: {} }, 'zh')).toBe('x');
  });
});

describe('explanationRegionCodes', () => {
  it('finds region codes at the top and inside nested lines and refusals, once each', () => {
    expect(
      explanationRegionCodes({
        a: { kind: 'region', code: '110000' },
        b: { kind: 'line', message: 'x', params: { c: { kind: 'region', code: '310000' } } },
        d: { kind: 'refusal', code: 'X', message: 'y', params: { e: { kind: 'region', code: '110000' } } },
        f: 'plain',
      }).sort(),
    ).toEqual(['110000', '310000']);
    expect(explanationRegionCodes(undefined)).toEqual([]);
  });
});
