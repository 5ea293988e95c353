import type { IsoDate } from '../shared/dates';

/** A region or province row as stored (region table), the input of {@link summarizeRollout}. */
export interface RolloutRow {
  readonly code: string;
  readonly provinceCode: string;
  readonly walletFrom: IsoDate | null;
  /** 全域开通: the province opened the wallet in all its regions (R-WAL-2). Meaningful on province rows. */
  readonly walletFullCoverage: boolean;
  readonly usageLocationChangeFrom: IsoDate | null;
  /**
   * False where the source counts the province as open without naming its regions (seed 004: 辽宁, 吉林, …):
   * such a province has no region rows, and its regions are reported as unknown, never invented.
   */
  readonly walletRegionsEnumerated?: boolean;
}

/** One open province in a {@link RolloutSummaryResult}. */
export interface ProvinceRolloutSummary {
  readonly code: string;
  readonly walletFrom: IsoDate;
  /** Region rows of the province with the wallet open on the date. */
  readonly regionsOpen: number;
  /** The source names the province's open regions (see {@link RolloutRow.walletRegionsEnumerated}). */
  readonly regionsEnumerated: boolean;
  readonly fullCoverage: boolean;
  readonly usageLocationChange: boolean;
}

/** Wallet rollout on a date (R-WAL-2), as the analysts' `rolloutSummary` shows it. */
export interface RolloutSummaryResult {
  readonly on: IsoDate;
  readonly regionsOpen: number;
  readonly provincesOpen: number;
  readonly fullCoverageProvinces: readonly string[];
  readonly usageChangeProvinces: readonly string[];
  readonly provinces: readonly ProvinceRolloutSummary[];
}

const openOn = (from: IsoDate | null | undefined, on: IsoDate) => from != null && from <= on;

/**
 * A region's wallet date (R-WAL-2): its own `walletFrom`, else its province's when the province opened 全域.
 * Mirrors the WALLET rule of `effectivePolicy` for the flat rows the rollout views read.
 */
export function regionWalletFrom(region: RolloutRow, province: RolloutRow | undefined): IsoDate | null {
  if (region.walletFrom) return region.walletFrom;
  return province?.walletFullCoverage ? province.walletFrom : null;
}

/**
 * Counts the wallet rollout on `on` (R-WAL-2): regions (non-province rows) with the wallet open — own date or
 * inherited from a 全域 province — and provinces whose own `walletFrom` has passed, with the full-coverage and
 * usage-change provinces among them. Only regions that exist as rows are counted: a province open with its regions
 * not enumerated adds none, so the summary never claims regions the database cannot show. Provinces are listed by
 * code.
 */
export function summarizeRollout(
  regions: readonly RolloutRow[],
  provinces: readonly RolloutRow[],
  on: IsoDate,
): RolloutSummaryResult {
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const provinceCodes = new Set(byCode.keys());
  const openRegions = regions.filter(
    (r) => !provinceCodes.has(r.code) && openOn(regionWalletFrom(r, byCode.get(r.provinceCode)), on),
  );
  const open = [...provinces]
    .filter((p) => openOn(p.walletFrom, on))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p): ProvinceRolloutSummary => ({
      code: p.code,
      walletFrom: p.walletFrom as IsoDate,
      regionsOpen: openRegions.filter((r) => r.provinceCode === p.code).length,
      regionsEnumerated: p.walletRegionsEnumerated ?? true,
      fullCoverage: p.walletFullCoverage,
      usageLocationChange: openOn(p.usageLocationChangeFrom, on),
    }));
  return {
    on,
    regionsOpen: openRegions.length,
    provincesOpen: open.length,
    fullCoverageProvinces: open.filter((p) => p.fullCoverage).map((p) => p.code),
    usageChangeProvinces: open.filter((p) => p.usageLocationChange).map((p) => p.code),
    provinces: open,
  };
}
