import type { RegionEntity } from '@gongji/persistence';
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
    updatedAt: e.updatedAt,
  });
}

/**
 * Wallet-open date that applies to a region: its own, else its province's when the province opened province-wide
 * (全域). A province that is open only in the regions it names passes nothing down (R-WAL-2).
 */
export function effectiveWalletFrom(region: Region, province: Region | null): string | null {
  if (region.walletFrom) return region.walletFrom;
  if (region.level === 'PROVINCE') return null;
  return province?.walletFullCoverage ? province.walletFrom : null;
}
