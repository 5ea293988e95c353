import { AuditLogEntity } from '@gongji/persistence';
import type { DataSource } from 'typeorm';
import type { PageRequest } from '../../common/connection';
import type { AuditEntry, AuditLogFilter } from './audit-log.types';

/** China Standard Time has no daylight saving: a Beijing day is [D 00:00+08:00, D+1 00:00+08:00). */
function startOfBeijingDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Reads the audit log (issue #10): newest first, filtered, one page. */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: AuditLogFilter | null | undefined, page: PageRequest) {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    const f = filter ?? {};
    if (f.entityType) qb.andWhere('a.entityType = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    if (f.action) qb.andWhere('a.action = :action', { action: f.action });
    if (f.actions?.length) qb.andWhere('a.action IN (:...actions)', { actions: f.actions.slice(0, 50) });
    if (f.actorName?.trim())
      qb.andWhere("a.actorName LIKE :actor ESCAPE '\\'", { actor: escapeLike(f.actorName.trim()) });
    if (f.regionCode?.trim()) {
      // Settings keep their region inside `after` (JSON text); a region row is its own entity id.
      qb.andWhere(
        "(a.entityId = :region OR (a.entityType = 'PolicySetting' AND a.after LIKE :inAfter ESCAPE '\\'))",
        {
          region: f.regionCode.trim(),
          inAfter: escapeLike(`"regionCode":"${f.regionCode.trim()}"`),
        },
      );
    }
    if (f.from) qb.andWhere('a.at >= :from', { from: startOfBeijingDay(f.from) });
    if (f.to) {
      const next = startOfBeijingDay(f.to);
      next.setUTCDate(next.getUTCDate() + 1);
      qb.andWhere('a.at < :to', { to: next });
    }
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getMany();
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
