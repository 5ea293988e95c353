import { type AuditLogEntity, type DataSource, auditLogPage } from '@gongji/persistence';
import type { PageRequest } from '../../common/connection';
import type { AuditEntry, AuditLogFilter } from './audit-log.types';

/** China Standard Time has no daylight saving: a Beijing day is [D 00:00+08:00, D+1 00:00+08:00). */
function startOfBeijingDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** Reads the audit log (issue #10): newest first, filtered, one page. */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: AuditLogFilter | null | undefined, page: PageRequest) {
    const f = filter ?? {};
    let before: Date | null = null;
    if (f.to) {
      before = startOfBeijingDay(f.to);
      before.setUTCDate(before.getUTCDate() + 1);
    }
    const { rows, total } = await auditLogPage(
      this.dataSource,
      { ...f, from: f.from ? startOfBeijingDay(f.from) : null, before },
      page,
    );
    return { nodes: rows.map(toAuditEntry), total };
  }
}

function toAuditEntry(row: AuditLogEntity): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorType: row.actorType,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before == null ? null : JSON.stringify(row.before),
    after: row.after == null ? null : JSON.stringify(row.after),
    reason: row.reason,
  };
}
