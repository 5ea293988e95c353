import { ENTITY_DIALECT, RegionEntity } from '../entities';
import type { DataSource, Manager } from '../orm-types';

/** A region by code, locked FOR UPDATE on PostgreSQL (one staff change of a region at a time; SQLite serialises). */
export function regionForUpdate(manager: Manager, code: string): Promise<RegionEntity | null> {
  return manager.getRepository(RegionEntity).findOne({
    where: { code },
    lock: ENTITY_DIALECT === 'postgres' ? { mode: 'pessimistic_write' } : undefined,
  });
}

/** A region by code (no lock). */
export function regionByCode(manager: Manager, code: string): Promise<RegionEntity | null> {
  return manager.getRepository(RegionEntity).findOneBy({ code });
}

/** Saves a region row as edited by staff (regionUpdate, regionsRolloutSet). */
export function saveRegion(manager: Manager, region: RegionEntity): Promise<RegionEntity> {
  return manager.getRepository(RegionEntity).save(region);
}

/** Does a region exist (a province when `provinceOnly`)? */
export function regionExists(dataSource: DataSource, code: string, provinceOnly = false): Promise<boolean> {
  return dataSource
    .getRepository(RegionEntity)
    .existsBy(provinceOnly ? { code, level: 'PROVINCE' } : { code });
}
