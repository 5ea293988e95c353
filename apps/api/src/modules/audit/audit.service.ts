import { randomUUID } from 'node:crypto';
import { type AuditLogEntity, type Manager, insertAuditRow } from '@gongji/persistence';
import type { Principal } from '../../auth/principal';

export interface AuditChange {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly reason?: string | null;
}

/** Writes audit rows inside the caller's transaction, so a change and its audit land together or not at all. */
export class AuditService {
  async record(manager: Manager, principal: Principal, change: AuditChange): Promise<AuditLogEntity> {
    return insertAuditRow(manager, {
      id: randomUUID(),
      at: new Date(),
      actorType: principal.kind,
      actorId: principal.id,
      actorName: principal.name,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before,
      after: change.after,
      reason: change.reason ?? null,
    });
  }
}

/** Keeps only the keys whose values differ: the audit row shows what changed, before and after. */
export function diff<T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T)[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of keys) {
    if (before[k] !== after[k]) {
      b[k as string] = before[k];
      a[k as string] = after[k];
    }
  }
  return { before: b, after: a };
}
