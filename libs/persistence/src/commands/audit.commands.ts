import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from '../entities';

/** One audit row, written inside the caller's transaction so a change and its audit land together. */
export function insertAuditRow(manager: EntityManager, row: AuditLogEntity): Promise<AuditLogEntity> {
  return manager.getRepository(AuditLogEntity).save(row);
}
