import { Feature } from '../../policy/policy';
import { RegionErrorCode } from '../region.errors';
import {
  FEATURE_FIELDS,
  validateFullCoverage,
  validateRolloutDates,
  validateRolloutDatesOrThrow,
} from '../region.rules';

const BEIJING = {
  [Feature.EARMARKED_ACCOUNT]: '2022-09-01',
  [Feature.KIN_REGISTRATION]: '2022-10-15',
  [Feature.KIN_USE]: '2022-12-01',
  [Feature.SUPPLEMENTARY_PREMIUM_SELF]: '2022-09-01',
  [Feature.SUPPLEMENTARY_PREMIUM_KIN]: '2022-12-01',
};

describe('rollout date rules', () => {
  it("R-KIN-3: Beijing's dates from seeds 000/001 are valid", () => {
    expect(validateRolloutDates(BEIJING)).toEqual([]);
  });

  it.each([
    [
      { ...BEIJING, [Feature.KIN_USE]: '2022-10-01' },
      'mutualAidUseFrom',
      RegionErrorCode.USE_BEFORE_REGISTRATION,
      'R-KIN-3',
    ],
    [
      { [Feature.KIN_USE]: '2022-12-01' },
      'mutualAidUseFrom',
      RegionErrorCode.USE_BEFORE_REGISTRATION,
      'R-KIN-3',
    ],
    [
      { ...BEIJING, [Feature.SUPPLEMENTARY_PREMIUM_KIN]: '2022-08-01' },
      'supplementaryPremiumKinFrom',
      RegionErrorCode.KIN_PREMIUM_BEFORE_SELF,
      'R-USE-3',
    ],
    [
      { [Feature.WALLET]: '2024-12-01' },
      'walletFrom',
      RegionErrorCode.WALLET_BEFORE_NATIONAL_LAUNCH,
      'R-WAL-1',
    ],
    [
      { [Feature.WALLET]: '2025-05-08', [Feature.USAGE_LOCATION_CHANGE]: '2025-01-01' },
      'usageLocationChangeFrom',
      RegionErrorCode.USAGE_CHANGE_BEFORE_WALLET,
      'R-WAL-5',
    ],
    [{ [Feature.WALLET]: '2025-02-30' }, 'walletFrom', RegionErrorCode.INVALID_DATE, 'R-WAL-2'],
  ])('%# %j → %s %s %s', (dates, field, code, rule) => {
    expect(validateRolloutDates(dates)).toEqual([expect.objectContaining({ field, code, rule })]);
  });

  it('R-KIN-3: a city moving registration after the province-inherited use date is reported on its own field', () => {
    const province = { [Feature.KIN_USE]: '2022-12-01' };
    expect(validateRolloutDates({ [Feature.KIN_REGISTRATION]: '2023-01-01' }, province)).toEqual([
      expect.objectContaining({ field: 'mutualAidRegistrationFrom', rule: 'R-KIN-3' }),
    ]);
    expect(
      validateRolloutDates({ [Feature.KIN_USE]: '2023-01-01' }, { [Feature.KIN_REGISTRATION]: '2022-10-15' }),
    ).toEqual([]);
  });

  it('throws a RegionError carrying every violation', () => {
    expect(() => validateRolloutDatesOrThrow({ [Feature.WALLET]: '2020-01-01' })).toThrow(
      expect.objectContaining({
        code: 'WALLET_BEFORE_NATIONAL_LAUNCH',
        rule: 'R-WAL-1',
        field: ['walletFrom'],
      }),
    );
    expect(() => validateRolloutDatesOrThrow(BEIJING)).not.toThrow();
  });

  it.each([
    [Feature.KIN_REGISTRATION, 'mutualAidRegistrationFrom', 'R-KIN-3'],
    [Feature.EARMARKED_ACCOUNT, 'earmarkedFrom', 'R-ACC-5'],
    [Feature.SUPPLEMENTARY_PREMIUM_SELF, 'supplementaryPremiumSelfFrom', 'R-USE-3'],
    [Feature.USAGE_LOCATION_CHANGE, 'usageLocationChangeFrom', 'R-WAL-5'],
  ])('%s: a non-calendar date is reported on %s citing %s', (feature, field, rule) => {
    expect(validateRolloutDates({ [feature]: '2023-13-01' })).toEqual([
      expect.objectContaining({ field, code: RegionErrorCode.INVALID_DATE, rule }),
    ]);
  });

  it("R-USE-3: a city setting only the relatives' premium date is checked against the province's self date", () => {
    const province = { [Feature.SUPPLEMENTARY_PREMIUM_SELF]: '2022-09-01' };
    expect(validateRolloutDates({ [Feature.SUPPLEMENTARY_PREMIUM_KIN]: '2022-08-01' }, province)).toEqual([
      expect.objectContaining({
        field: 'supplementaryPremiumKinFrom',
        code: RegionErrorCode.KIN_PREMIUM_BEFORE_SELF,
      }),
    ]);
    expect(validateRolloutDates({ [Feature.SUPPLEMENTARY_PREMIUM_KIN]: '2022-12-01' }, province)).toEqual([]);
  });

  it('R-WAL-5: a city opening usage change before the province-inherited wallet date is refused', () => {
    expect(
      validateRolloutDates(
        { [Feature.USAGE_LOCATION_CHANGE]: '2024-12-20' },
        { [Feature.WALLET]: '2025-01-10' },
      ),
    ).toEqual([expect.objectContaining({ field: 'usageLocationChangeFrom', rule: 'R-WAL-5' })]);
  });

  it('R-WAL-1 and R-KIN-3: every violation is listed, not only the first', () => {
    const v = validateRolloutDates({
      [Feature.WALLET]: '2024-01-01',
      [Feature.KIN_REGISTRATION]: '2023-01-01',
      [Feature.KIN_USE]: '2022-12-01',
    });
    expect(v.map((x) => x.rule)).toEqual(['R-WAL-1', 'R-KIN-3']);
  });

  it('maps every feature to an input field', () => {
    expect(Object.keys(FEATURE_FIELDS).sort()).toEqual(Object.values(Feature).sort());
  });
});

describe('R-WAL-2 全域 is derived from the province (issue #10)', () => {
  it.each([
    [
      'a province with a wallet date',
      { level: 'PROVINCE', walletFullCoverage: true, walletFrom: '2025-05-08' },
      [],
    ],
    ['a province clearing the flag', { level: 'PROVINCE', walletFullCoverage: false, walletFrom: null }, []],
    [
      'a province without a wallet date',
      { level: 'PROVINCE', walletFullCoverage: true, walletFrom: null },
      ['FULL_COVERAGE_WITHOUT_WALLET'],
    ],
    [
      'a city',
      { level: 'CITY', walletFullCoverage: true, walletFrom: '2025-05-08' },
      ['FULL_COVERAGE_NOT_PROVINCE'],
    ],
  ])('R-WAL-2: %s', (_name, facts, codes) => {
    const violations = validateFullCoverage({ code: '120000', ...facts });
    expect(violations.map((v) => v.code)).toEqual(codes);
    for (const v of violations) expect(v).toMatchObject({ field: 'walletFullCoverage', rule: 'R-WAL-2' });
  });
});
