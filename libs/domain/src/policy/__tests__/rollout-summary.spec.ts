import { type RolloutRow, regionWalletFrom, summarizeRollout } from '../rollout-summary';

const province = (code: string, walletFrom: string | null, over: Partial<RolloutRow> = {}): RolloutRow => ({
  code,
  provinceCode: code,
  walletFrom,
  walletFullCoverage: false,
  usageLocationChangeFrom: null,
  walletRegionsEnumerated: true,
  ...over,
});
const region = (code: string, provinceCode: string, walletFrom: string | null = null): RolloutRow => ({
  code,
  provinceCode,
  walletFrom,
  walletFullCoverage: false,
  usageLocationChangeFrom: null,
});

const PROVINCES = [
  province('320000', '2024-12-02'),
  province('130000', '2025-01-10', {
    walletFullCoverage: true,
    usageLocationChangeFrom: '2025-03-01',
    walletRegionsEnumerated: false,
  }),
  province('230000', '2025-02-01', { usageLocationChangeFrom: '2025-02-01', walletRegionsEnumerated: false }),
  province('110000', null),
];
const REGIONS = [
  region('320500', '320000', '2024-12-02'),
  region('320100', '320000'),
  region('130100', '130000'),
  region('130200', '130000'),
  region('130300', '130000', '2024-12-20'),
  region('110101', '110000'),
];

describe('summarizeRollout (R-WAL-2)', () => {
  it('R-WAL-1: nothing is open before the launch', () => {
    expect(summarizeRollout(REGIONS, PROVINCES, '2024-12-01')).toEqual({
      on: '2024-12-01',
      regionsOpen: 0,
      provincesOpen: 0,
      fullCoverageProvinces: [],
      usageChangeProvinces: [],
      provinces: [],
    });
  });

  it("R-WAL-2: a region's own date counts before its 全域 province opens", () => {
    const s = summarizeRollout(REGIONS, PROVINCES, '2024-12-20');
    expect(s.regionsOpen).toBe(2);
    expect(s.provincesOpen).toBe(1);
  });

  it('R-WAL-2: a 全域 province opens its existing region rows, never the regions it only enumerates', () => {
    const s = summarizeRollout(REGIONS, PROVINCES, '2025-05-08');
    expect(s.regionsOpen).toBe(4);
    expect(s.provincesOpen).toBe(3);
    expect(s.fullCoverageProvinces).toEqual(['130000']);
    expect(s.usageChangeProvinces).toEqual(['130000', '230000']);
    expect(s.provinces.find((p) => p.code === '130000')).toEqual({
      code: '130000',
      walletFrom: '2025-01-10',
      regionsOpen: 3,
      regionsEnumerated: false,
      fullCoverage: true,
      usageLocationChange: true,
    });
    expect(s.provinces.map((p) => p.code)).toEqual(['130000', '230000', '320000']);
  });

  it('R-WAL-5: usage change counts only from its own date', () => {
    expect(summarizeRollout(REGIONS, PROVINCES, '2025-02-15').usageChangeProvinces).toEqual(['230000']);
  });

  it('R-WAL-2: province rows passed among regions are not counted twice', () => {
    expect(summarizeRollout([...REGIONS, PROVINCES[0]], PROVINCES, '2025-05-08').regionsOpen).toBe(4);
  });

  it('R-WAL-2: regionWalletFrom inherits only from a 全域 province', () => {
    expect(regionWalletFrom(REGIONS[1], PROVINCES[0])).toBeNull();
    expect(regionWalletFrom(REGIONS[2], PROVINCES[1])).toBe('2025-01-10');
    expect(regionWalletFrom(REGIONS[2], undefined)).toBeNull();
  });
});
