import { catalogues } from '../../i18n/i18nProvider';
import { toCsv } from '../../export/csvExport';
import type { AuditEntryNode } from '../../data/policy/policyTypes';
import { AUDIT_COLUMNS, auditSideText } from '../auditExport';

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}
const zh = (key: string, o?: Record<string, unknown>) => {
  const v = lookup(catalogues.zh, key);
  if (typeof v !== 'string') return String(o?._ ?? key);
  return v.replace(/%\{(\w+)\}/g, (_m, name: string) => String(o?.[name] ?? ''));
};

const entry = (over: Partial<AuditEntryNode>): AuditEntryNode => ({
  id: 'a1',
  at: '2026-12-02T04:51:20.081Z',
  actorType: 'STAFF',
  actorName: 'admin',
  action: 'regionUpdate',
  entityType: 'Region',
  entityId: '110000',
  before: null,
  after: null,
  reason: '京医保发〔2026〕1号',
  ...over,
});

describe('audit CSV: before/after as readable Chinese "字段：值" lines (audit C #5)', () => {
  it('a region change: field names and values in the terms of the on-screen view, no JSON, no English keys', () => {
    const e = entry({
      before: JSON.stringify({ walletFrom: null }),
      after: JSON.stringify({ walletFrom: '2027-01-01' }),
    });
    const before = auditSideText(e, 'before', zh, 'zh');
    const after = auditSideText(e, 'after', zh, 'zh');
    expect(after).toMatch(/^[^{}"]*：2027-01-01$/);
    expect(after).not.toMatch(/walletFrom/);
    expect(before).toMatch(/：—$/);
  });

  it('a kinship scope: purpose and relations in words', () => {
    const e = entry({
      action: 'kinshipScopeSet',
      entityType: 'PolicySetting',
      after: JSON.stringify({
        regionCode: '110000',
        purpose: 'MEDICAL',
        effectiveFrom: '2024-01-01',
        relations: ['SPOUSE', 'PARENT', 'CHILD'],
      }),
    });
    const after = auditSideText(e, 'after', zh, 'zh');
    expect(after).toContain('配偶');
    expect(after).not.toMatch(/SPOUSE|MEDICAL|effectiveFrom|[{}]/);
    expect(auditSideText(e, 'before', zh, 'zh')).toBe('');
  });

  it('the CSV cells hold those lines (quoted, one field per line)', () => {
    const e = entry({
      action: 'regionsRolloutSet',
      entityType: 'RegionBatch',
      entityId: 'b1',
      after: JSON.stringify({
        feature: 'WALLET',
        date: '2025-01-01',
        changed: [],
        refused: [{ code: '140100', message: '须填写原因' }],
      }),
    });
    const csv = toCsv([e], AUDIT_COLUMNS, zh);
    const [, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(row).not.toMatch(/"feature"|"refused"|\{/);
    expect(csv).toContain('医保钱包');
    expect(csv).toContain('140100');
  });
});
