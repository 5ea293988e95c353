import { regionWalletFrom } from '@gongji/domain';
import type { RegionEntity, RegionSummary } from '@gongji/persistence';
import { Region, type RegionLevel, type WalletDateBasis } from './region.type';

/** RegionEntity (table) → Region (public type): the one small mapper (STYLE.md). */
export function toRegion(e: RegionEntity): Region {
  return Object.assign(new Region(), {
    id: e.code,
    code: e.code,
    name: e.name,
    level: e.level as RegionLevel,
    provinceCode: e.provinceCode,
    isPool: e.isPool,
    synthetic: e.synthetic,
    walletFullCoverage: e.walletFullCoverage,
    walletRegionsEnumerated: e.walletRegionsEnumerated,
    walletFromBasis: e.walletFromBasis as WalletDateBasis | null,
    earmarkedFrom: e.earmarkedFrom,
    mutualAidRegistrationFrom: e.mutualAidRegistrationFrom,
    mutualAidUseFrom: e.mutualAidUseFrom,
    walletFrom: e.walletFrom,
    usageLocationChangeFrom: e.usageLocationChangeFrom,
    supplementaryPremiumSelfFrom: e.supplementaryPremiumSelfFrom,
    supplementaryPremiumKinFrom: e.supplementaryPremiumKinFrom,
    active: e.active,
    withdrawnAt: e.withdrawnAt,
    staffOwnedFields: e.staffOwnedFields ?? [],
    updatedAt: e.updatedAt,
  });
}

/** Region fields a {@link RegionSummary} answers (plus `__typename`). */
export const REGION_SUMMARY_SELECTION: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'code',
  'name',
  'level',
  'provinceCode',
  'isPool',
]);

/**
 * A region from its summary, for a page whose query selects only REGION_SUMMARY_SELECTION (the other fields are
 * left unset: nothing reads them).
 */
export function toRegionSummary(s: RegionSummary): Region {
  return Object.assign(new Region(), {
    id: s.code,
    code: s.code,
    name: s.name,
    level: s.level as RegionLevel,
    provinceCode: s.provinceCode,
    isPool: s.isPool,
  });
}

/** Does the query ask a region for nothing but what its summary answers? */
export function asksOnlyRegionSummary(fields: ReadonlySet<string> | null): boolean {
  return fields !== null && [...fields].every((f) => REGION_SUMMARY_SELECTION.has(f));
}

/**
 * Wallet-open date that applies (R-WAL-2): for a province its own date (open somewhere in it); for a region
 * libs/domain `regionWalletFrom` (own, or the province's when it opened 全域).
 */
export function effectiveWalletFrom(region: Region, province: Region | null): string | null {
  if (region.level === 'PROVINCE') return region.walletFrom;
  return regionWalletFrom(region, province ?? undefined);
}
