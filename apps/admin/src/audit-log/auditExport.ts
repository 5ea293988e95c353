// CSV of the audit trail (a bureau's auditors work in Excel): Beijing time, the action and the object's kind as
// words, who, why, and the values before and after as stored (JSON: complete, for the record).
import { formatChinaTime } from '../shared/format';
import { csvExporter, type CsvColumn } from '../export/csvExport';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { actionKey } from './auditTerms';

export const AUDIT_COLUMNS: readonly CsvColumn<AuditEntryNode>[] = [
  { header: 'resources.audit-log.fields.at', value: (r) => formatChinaTime(r.at, { seconds: true }) },
  { header: 'resources.audit-log.fields.actorName', value: (r) => r.actorName },
  { header: 'resources.audit-log.fields.action', value: (r, t) => t(actionKey(r.action), { _: r.action }) },
  {
    header: 'resources.audit-log.fields.entityType',
    value: (r, t) => t(`gongji.audit.entity_types.${r.entityType}`, { _: r.entityType }),
  },
  { header: 'resources.audit-log.fields.entityId', value: (r) => r.entityId },
  { header: 'resources.audit-log.fields.reason', value: (r) => r.reason ?? '' },
  { header: 'gongji.audit.before', value: (r) => r.before ?? '' },
  { header: 'gongji.audit.after', value: (r) => r.after ?? '' },
];

export const auditExporter = csvExporter(AUDIT_COLUMNS, 'gongji.export.audit_log_file');
