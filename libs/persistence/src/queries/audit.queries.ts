import type { DataSource } from 'typeorm';
import { AuditLogEntity } from '../entities';

/** Filters of the audit log; `from`/`to` are instants already converted from Beijing days by the caller. */
export interface AuditLogQuery {
  readonly entityType?: string | null;
  readonly entityId?: string | null;
  readonly action?: string | null;
  readonly actions?: readonly string[] | null;
  readonly actorName?: string | null;
  readonly regionCode?: string | null;
  /** Inclusive lower bound of `at`. */
  readonly from?: Date | null;
  /** Exclusive upper bound of `at`. */
  readonly before?: Date | null;
}

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of the audit log, newest first, and the total matching (issue #10). */
export async function auditLogPage(
  dataSource: DataSource,
  f: AuditLogQuery,
  page: { readonly offset: number; readonly limit: number },
): Promise<{ rows: AuditLogEntity[]; total: number }> {
  const qb = dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
  if (f.entityType) qb.andWhere('a.entityType = :entityType', { entityType: f.entityType });
  if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
  if (f.action) qb.andWhere('a.action = :action', { action: f.action });
  if (f.actions?.length) qb.andWhere('a.action IN (:...actions)', { actions: f.actions.slice(0, 50) });
  if (f.actorName?.trim())
    qb.andWhere("LOWER(a.actorName) LIKE LOWER(:actor) ESCAPE '\\'", {
      actor: escapeLike(f.actorName.trim()),
    });
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
  if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
  if (f.before) qb.andWhere('a.at < :to', { to: f.before });
  const total = await qb.clone().getCount();
  const rows = await qb
    .orderBy('a.at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .offset(page.offset)
    .limit(page.limit)
    .getMany();
  return { rows, total };
}
