import { KinPurpose, Relation } from '../../kin/kin';
import { yuan } from '../../money/money';
import { NO_SPENDING_CAPS, PRE_2023_OUTPATIENT_CAP } from '../../settlement/benefit-schedule';
import {
  EARMARKED_NATIONAL_FROM,
  Feature,
  FEATURE_RULES,
  type PolicySetting,
  type RegionRollout,
} from '../policy';
import { DEFAULT_PASSWORD_POLICY, NATIONAL_DEFAULT_SETTINGS, POLICY_EPOCH } from '../policy.defaults';
import { PolicyErrorCode } from '../policy.errors';
import { effectivePolicy, isFeatureOpenOrThrow, relationInScope } from '../policy.rules';

const BEIJING: RegionRollout = {
  code: '110000',
  dates: {
    [Feature.EARMARKED_ACCOUNT]: '2022-09-01',
    [Feature.KIN_REGISTRATION]: '2022-10-15',
    [Feature.KIN_USE]: '2022-12-01',
    [Feature.SUPPLEMENTARY_PREMIUM_SELF]: '2022-09-01',
    [Feature.SUPPLEMENTARY_PREMIUM_KIN]: '2022-12-01',
  },
};
const HEBEI: RegionRollout = {
  code: '130000',
  dates: { [Feature.WALLET]: '2025-01-10', [Feature.USAGE_LOCATION_CHANGE]: '2025-03-01' },
  walletFullCoverage: true,
};
const SHIJIAZHUANG: RegionRollout = { code: '130100', dates: { [Feature.KIN_REGISTRATION]: '2022-01-01' } };
const JIANGSU: RegionRollout = { code: '320000', dates: { [Feature.WALLET]: '2024-12-02' } };
const SUZHOU: RegionRollout = { code: '320500', dates: { [Feature.WALLET]: '2024-12-02' } };
const NANJING: RegionRollout = { code: '320100', dates: {} };

const beijingOn = (on: string, settings: PolicySetting[] = []) =>
  effectivePolicy({ chain: [BEIJING], settings, on });

describe('effectivePolicy: kinship scope (R-KIN-1)', () => {
  it.each([
    ['2023-06-01', Relation.SIBLING, false],
    ['2025-01-01', Relation.SIBLING, true],
    ['2024-06-30', Relation.GRANDPARENT, false],
    ['2024-07-01', Relation.GRANDPARENT, true],
    ['2023-06-01', Relation.SPOUSE, true],
    ['2020-12-31', Relation.SPOUSE, false],
  ])('R-KIN-1: in Beijing on %s a %s is in scope for MEDICAL: %s', (on, relation, inScope) => {
    expect(relationInScope(beijingOn(on), KinPurpose.MEDICAL, relation)).toBe(inScope);
  });

  it('R-KIN-1: the scope cites its source and date', () => {
    expect(beijingOn('2023-06-01').kinshipScope[KinPurpose.MEDICAL]).toEqual({
      relations: [Relation.SPOUSE, Relation.PARENT, Relation.CHILD],
      effectiveFrom: '2021-01-01',
      sourceRegionCode: null,
    });
  });

  it('R-WAL-4: wallet transfers reach near relatives from 2024-12-02, nobody before', () => {
    expect(beijingOn('2024-12-01').kinshipScope[KinPurpose.WALLET_TRANSFER]).toEqual({
      relations: [],
      effectiveFrom: null,
      sourceRegionCode: null,
    });
    expect(relationInScope(beijingOn('2024-12-02'), KinPurpose.WALLET_TRANSFER, Relation.SIBLING)).toBe(true);
  });

  it('R-KIN-1: scope is per purpose: a region narrowing SUPPLEMENTARY_PREMIUM leaves MEDICAL alone', () => {
    const settings: PolicySetting[] = [
      {
        scopeRegionCode: '110000',
        kind: 'KINSHIP_SCOPE',
        purpose: KinPurpose.SUPPLEMENTARY_PREMIUM,
        effectiveFrom: '2022-12-01',
        value: [Relation.SPOUSE, Relation.PARENT, Relation.CHILD],
      },
    ];
    const p = beijingOn('2025-01-01', settings);
    expect(relationInScope(p, KinPurpose.SUPPLEMENTARY_PREMIUM, Relation.SIBLING)).toBe(false);
    expect(p.kinshipScope[KinPurpose.SUPPLEMENTARY_PREMIUM].sourceRegionCode).toBe('110000');
    expect(relationInScope(p, KinPurpose.MEDICAL, Relation.SIBLING)).toBe(true);
  });
});

describe('effectivePolicy: rollout inheritance region → province → national', () => {
  it("R-KIN-3: the region's own date wins over the province's", () => {
    const p = effectivePolicy({
      chain: [
        SHIJIAZHUANG,
        { ...HEBEI, dates: { ...HEBEI.dates, [Feature.KIN_REGISTRATION]: '2023-01-01' } },
      ],
      settings: [],
      on: '2022-06-01',
    });
    expect(p.features[Feature.KIN_REGISTRATION]).toEqual({
      from: '2022-01-01',
      open: true,
      sourceRegionCode: '130100',
    });
  });

  it('R-WAL-5: a date the region leaves empty comes from the province', () => {
    const p = effectivePolicy({ chain: [SHIJIAZHUANG, HEBEI], settings: [], on: '2025-03-01' });
    expect(p.features[Feature.USAGE_LOCATION_CHANGE]).toEqual({
      from: '2025-03-01',
      open: true,
      sourceRegionCode: '130000',
    });
  });

  it('R-WAL-2: a 全域 province passes its wallet date to its regions', () => {
    const p = effectivePolicy({ chain: [SHIJIAZHUANG, HEBEI], settings: [], on: '2025-01-09' });
    expect(p.features[Feature.WALLET]).toEqual({
      from: '2025-01-10',
      open: false,
      sourceRegionCode: '130000',
    });
  });

  it('R-WAL-2: a province that is not 全域 does not open its other regions', () => {
    expect(
      effectivePolicy({ chain: [SUZHOU, JIANGSU], settings: [], on: '2025-01-01' }).features[Feature.WALLET],
    ).toEqual({
      from: '2024-12-02',
      open: true,
      sourceRegionCode: '320500',
    });
    expect(
      effectivePolicy({ chain: [NANJING, JIANGSU], settings: [], on: '2025-01-01' }).features[Feature.WALLET],
    ).toEqual({
      from: null,
      open: false,
      sourceRegionCode: null,
    });
  });

  // Updated (audit finding: the ledger credited these regions' months to EARMARKED from 2022-09-01 while this said
  // "not open"): R-ACC-3 dates the book-entry account nationally, so the national default is that date — the same
  // fallback monthly crediting uses (EARMARKED_NATIONAL_FROM).
  it('R-ACC-3/R-ACC-5: a region without its own earmarkedFrom (nor its province) has EARMARKED from the national 2022-09-01, as crediting uses', () => {
    const p = effectivePolicy({ chain: [NANJING, JIANGSU], settings: [], on: '2025-01-01' });
    expect(p.features[Feature.EARMARKED_ACCOUNT]).toEqual({
      from: EARMARKED_NATIONAL_FROM,
      open: true,
      sourceRegionCode: null,
    });
    expect(EARMARKED_NATIONAL_FROM).toBe('2022-09-01');
    expect(p.explanation).toContainEqual(
      expect.objectContaining({
        rule: 'R-ACC-5',
        message: 'EARMARKED_ACCOUNT open on 2025-01-01: from 2022-09-01 (national default)',
        code: 'POLICY_FEATURE_OPEN',
      }),
    );
    expect(
      effectivePolicy({ chain: [SUZHOU, JIANGSU], settings: [], on: '2022-08-31' }).features[
        Feature.EARMARKED_ACCOUNT
      ],
    ).toEqual({ from: '2022-09-01', open: false, sourceRegionCode: null });
  });

  it('R-ACC-5: a region or province date still wins over the national default', () => {
    const own: RegionRollout = { code: '370200', dates: { [Feature.EARMARKED_ACCOUNT]: '2026-12-01' } };
    expect(
      effectivePolicy({ chain: [own], settings: [], on: '2026-11-30' }).features[Feature.EARMARKED_ACCOUNT],
    ).toEqual({ from: '2026-12-01', open: false, sourceRegionCode: '370200' });
  });

  it('R-USE-3 / R-KIN-3 / R-WAL-2: the other features stay closed by national default', () => {
    const p = effectivePolicy({ chain: [NANJING, JIANGSU], settings: [], on: '2026-12-02' });
    for (const feature of Object.values(Feature).filter((f) => f !== Feature.EARMARKED_ACCOUNT)) {
      expect(p.features[feature]).toEqual({ from: null, open: false, sourceRegionCode: null });
    }
  });

  it('R-KIN-3: Beijing opens registration on 2022-10-15 and use on 2022-12-01', () => {
    expect(beijingOn('2022-10-14').features[Feature.KIN_REGISTRATION].open).toBe(false);
    expect(beijingOn('2022-10-15').features[Feature.KIN_REGISTRATION].open).toBe(true);
    expect(beijingOn('2022-11-30').features[Feature.KIN_USE].open).toBe(false);
    expect(beijingOn('2022-12-01').features[Feature.KIN_USE].open).toBe(true);
  });
});

describe('effectivePolicy: effective-dated settings', () => {
  const provinceCaps: PolicySetting = {
    scopeRegionCode: '130000',
    kind: 'SPENDING_CAPS',
    effectiveFrom: '2024-01-01',
    value: { perInstitutionPerDay: yuan(500), perDayAcrossInstitutions: yuan(1000), perYear: yuan(10_000) },
  };
  const cityCaps: PolicySetting = {
    scopeRegionCode: '130100',
    kind: 'SPENDING_CAPS',
    effectiveFrom: '2025-01-01',
    value: { perInstitutionPerDay: yuan(300), perDayAcrossInstitutions: null, perYear: null },
  };
  const nationalCaps: PolicySetting = {
    scopeRegionCode: null,
    kind: 'SPENDING_CAPS',
    effectiveFrom: '2023-01-01',
    value: { perInstitutionPerDay: null, perDayAcrossInstitutions: null, perYear: yuan(50_000) },
  };
  const settings: PolicySetting[] = [provinceCaps, cityCaps, nationalCaps];
  const caps = (on: string, rows: readonly PolicySetting[] = settings) =>
    effectivePolicy({ chain: [SHIJIAZHUANG, HEBEI], settings: rows, on });

  it.each([
    ['2022-06-01', NO_SPENDING_CAPS, { effectiveFrom: POLICY_EPOCH, sourceRegionCode: null }],
    ['2023-06-01', nationalCaps.value, { effectiveFrom: '2023-01-01', sourceRegionCode: null }],
    ['2024-06-01', provinceCaps.value, { effectiveFrom: '2024-01-01', sourceRegionCode: '130000' }],
    ['2025-06-01', cityCaps.value, { effectiveFrom: '2025-01-01', sourceRegionCode: '130100' }],
  ])('R-USE-6: on %s the most specific scope with a row in force applies', (on, value, source) => {
    const p = caps(on);
    expect(p.spendingCaps).toEqual(value);
    expect(p.settingSources.SPENDING_CAPS).toEqual(source);
  });

  it('R-USE-6: a more specific scope wins even with an older row', () => {
    const laterNational = { ...nationalCaps, effectiveFrom: '2024-06-01' };
    expect(caps('2024-12-01', [provinceCaps, laterNational]).spendingCaps).toEqual(provinceCaps.value);
  });

  it('R-USE-6: rows of regions outside the chain are ignored', () => {
    expect(caps('2025-06-01', [{ ...cityCaps, scopeRegionCode: '130200' }]).spendingCaps).toEqual(
      NO_SPENDING_CAPS,
    );
  });

  it('R-USE-6: on the same date and scope the later row (a correction) wins', () => {
    const correction = { ...cityCaps, value: { ...cityCaps.value, perInstitutionPerDay: yuan(400) } };
    expect(caps('2025-06-01', [cityCaps, correction]).spendingCaps.perInstitutionPerDay).toBe(yuan(400));
  });

  it('R-KIN-1: history never changes: a row effective 2026-01-01 leaves 2025-06-01 alone', () => {
    const before = caps('2025-06-01');
    const future: PolicySetting[] = [
      ...settings,
      { ...cityCaps, effectiveFrom: '2026-01-01', value: NO_SPENDING_CAPS },
      {
        scopeRegionCode: '130100',
        kind: 'KINSHIP_SCOPE',
        purpose: KinPurpose.MEDICAL,
        effectiveFrom: '2026-01-01',
        value: [],
      },
    ];
    const after = caps('2025-06-01', future);
    expect(after).toEqual(before);
    expect(caps('2026-01-01', future).spendingCaps).toEqual(NO_SPENDING_CAPS);
    expect(caps('2026-01-01', future).kinshipScope[KinPurpose.MEDICAL].relations).toEqual([]);
  });

  it('R-SET-1: the outpatient cap applies before 2023-01-01 and not from then on', () => {
    expect(beijingOn('2022-12-31').benefitSchedule.outpatient.TERTIARY.annualFundCap).toBe(
      PRE_2023_OUTPATIENT_CAP,
    );
    expect(beijingOn('2023-01-01').benefitSchedule.outpatient.TERTIARY.annualFundCap).toBeNull();
    expect(beijingOn('2023-01-01').settingSources.BENEFIT_SCHEDULE).toEqual({
      effectiveFrom: '2023-01-01',
      sourceRegionCode: null,
    });
  });

  it('R-ACC-7: password policy defaults to a lockout at 5 and no password-free limit', () => {
    expect(beijingOn('2025-01-01').passwordPolicy).toEqual(DEFAULT_PASSWORD_POLICY);
  });

  it('R-SET-1: before every default row the earliest default still gives a schedule', () => {
    const p = beijingOn('1990-01-01');
    expect(p.benefitSchedule.outpatient.TERTIARY.annualFundCap).toBe(PRE_2023_OUTPATIENT_CAP);
    expect(p.explanation).toContainEqual(expect.objectContaining({ rule: 'R-SET-1' }));
    expect(p.kinshipScope[KinPurpose.MEDICAL].relations).toEqual([]);
  });

  it('R-KIN-1: replaced defaults are used as the last tier', () => {
    const defaults = NATIONAL_DEFAULT_SETTINGS.filter(
      (s) => !(s.kind === 'KINSHIP_SCOPE' && s.purpose === KinPurpose.MEDICAL),
    );
    const p = effectivePolicy({ chain: [BEIJING], settings: [], on: '2025-01-01', defaults });
    expect(p.kinshipScope[KinPurpose.MEDICAL].relations).toEqual([]);
  });
});

describe('isFeatureOpenOrThrow', () => {
  it.each(Object.values(Feature).map((f) => [f, FEATURE_RULES[f]]))(
    '%s not open → FEATURE_NOT_OPEN citing %s',
    (feature, rule) => {
      // 2022-08-31: before the national EARMARKED_ACCOUNT date (R-ACC-3), so every feature is closed in Nanjing.
      const p = effectivePolicy({ chain: [NANJING], settings: [], on: '2022-08-31' });
      expect(() => isFeatureOpenOrThrow(p, feature as Feature)).toThrow(
        expect.objectContaining({ code: PolicyErrorCode.FEATURE_NOT_OPEN, rule }),
      );
    },
  );

  it('R-KIN-3: Beijing use before 2022-12-01 is refused with the opening date in the message', () => {
    expect(() => isFeatureOpenOrThrow(beijingOn('2022-11-30'), Feature.KIN_USE)).toThrow(
      'KIN_USE opens in region 110000 on 2022-12-01, after 2022-11-30',
    );
    expect(isFeatureOpenOrThrow(beijingOn('2022-12-01'), Feature.KIN_USE).from).toBe('2022-12-01');
  });

  it('R-USE-3: the caller may cite a more specific rule', () => {
    expect(() =>
      isFeatureOpenOrThrow(beijingOn('2022-08-31'), Feature.SUPPLEMENTARY_PREMIUM_SELF, 'R-ACC-6'),
    ).toThrow(expect.objectContaining({ rule: 'R-ACC-6' }));
  });
});
