import DataLoader from 'dataloader';
import type { RegionEntity } from '@gongji/persistence';
import type { Services } from './services';

/** Fresh DataLoaders per request (STYLE.md: no N+1 on relation fields). */
export interface Loaders {
  readonly regionByCode: DataLoader<string, RegionEntity | null>;
  readonly regionCountByProvince: DataLoader<string, number>;
}

export function createLoaders(services: Services): Loaders {
  return {
    regionByCode: new DataLoader(async (codes) => {
      const rows = await services.regions.findByCodes(codes);
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    regionCountByProvince: new DataLoader(async (codes) => {
      const counts = await services.regions.countByProvince(codes);
      return codes.map((c) => counts.get(c) ?? 0);
    }),
  };
}
