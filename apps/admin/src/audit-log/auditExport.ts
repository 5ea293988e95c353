// CSV of the audit trail (a bureau's auditors work in Excel): Beijing time, the action and the object's kind as
// words, who, why, and the values before and after as readable "字段：值" lines in the same terms as the on-screen
// audit view (auditTerms/auditValues: names of fields, yuan, %, relation and feature words — audit C #5), one line per
// field, instead of the stored JSON with English field names.
import { formatChinaTime } from '../shared/format';
import { csvExporter, type CsvColumn, type Translate } from '../export/csvExport';
import { auditDiff } from '../data/policy/policyRules';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { currentLocale } from '../i18n/currentLocale';
import {
  type AuditNames,
  NO_NAMES,
  TECHNICAL_KEYS,
  actionKey,
  describeAuditField,
  fieldLabel,
} from './auditTerms';
import { settingDiff } from './auditValues';

const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * One side of an entry ("before" or "after") as "字段：值" lines, as the expanded row shows them: a policy setting's
 * value as its labelled lines (only those that changed when both sides exist), technical values (idempotency key…)
 * last. Empty when the side holds nothing.
 */
export function auditSideText(
  entry: Pick<AuditEntryNode, 'before' | 'after' | 'entityType'>,
  side: 'before' | 'after',
  translate: Translate,
  language: 'zh' | 'en' = currentLocale(),
  names: AuditNames = NO_NAMES,
): string {
  const all = auditDiff(entry);
  const ordered = [
    ...all.filter((l) => !TECHNICAL_KEYS.has(l.key)),
    ...all.filter((l) => TECHNICAL_KEYS.has(l.key)),
  ];
  const context = { entityType: entry.entityType, names, translate, language };
  const lines: string[] = [];
  for (const line of ordered) {
    const value = side === 'before' ? line.beforeValue : line.afterValue;
    if (value === undefined) continue;
    const label = fieldLabel(line.key, entry.entityType, translate);
    if (line.key === 'value' && (isObject(line.beforeValue) || isObject(line.afterValue))) {
      const setting = settingDiff(line.beforeValue, line.afterValue, translate)[side];
      if (setting.length) lines.push(`${label}：${setting.join('；')}`);
      continue;
    }
    lines.push(`${label}：${describeAuditField(line.key, value, context)}`);
  }
  return lines.join('\n');
}

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
  { header: 'gongji.audit.before', value: (r, t) => auditSideText(r, 'before', t) },
  { header: 'gongji.audit.after', value: (r, t) => auditSideText(r, 'after', t) },
];

export const auditExporter = csvExporter(AUDIT_COLUMNS, 'gongji.export.audit_log_file');
