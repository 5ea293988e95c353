import { GET_LIST } from 'ra-core';
import { AUDIT_LOG, buildAuditLogQuery } from '../buildAuditLogQuery';
import {
  auditDiff,
  describeAuditValue,
  policyTimeline,
  rolloutLines,
  settingSummary,
  settingText,
  sourceOf,
  toAuditLogVariables,
  toImpactVariables,
  toRegionsRolloutSetInput,
} from '../policyRules';

describe('policy-staff data helpers (issue #10)', () => {
  it('regionsRolloutSet input: codes deduplicated, empty date clears, blank reason omitted', () => {
    expect(
      toRegionsRolloutSetInput(['120000', ' 530100', '120000', ''], 'WALLET', '2031-03-01', '  '),
    ).toEqual({
      regionCodes: ['120000', '530100'],
      feature: 'WALLET',
      date: '2031-03-01',
    });
    expect(toRegionsRolloutSetInput([110000], 'KIN_USE', '', '第一批')).toEqual({
      regionCodes: ['110000'],
      feature: 'KIN_USE',
      date: null,
      reason: '第一批',
    });
  });

  it('bulk result lines: refusals first with their rule, then changed, then unchanged', () => {
    const lines = rolloutLines({
      batchId: 'b',
      changedCount: 1,
      refusedCount: 1,
      userErrors: [],
      results: [
        {
          regionCode: '120000',
          changed: true,
          region: {
            code: '120000',
            name: '天津市',
            walletFrom: '2031-03-01',
            effectiveWalletFrom: '2031-03-01',
          },
          userErrors: [],
        },
        {
          regionCode: '530100',
          changed: false,
          region: {
            code: '530100',
            name: '昆明市',
            walletFrom: '2025-05-08',
            effectiveWalletFrom: '2025-05-08',
          },
          userErrors: [],
        },
        {
          regionCode: '999999',
          changed: false,
          region: null,
          userErrors: [{ code: 'NOT_FOUND', message: '没有该地区', rule: null }],
        },
        {
          regionCode: '530300',
          changed: false,
          region: { code: '530300', name: '曲靖市', walletFrom: null, effectiveWalletFrom: null },
          userErrors: [{ code: 'X', message: '使用地变更不能早于钱包', rule: 'R-WAL-5' }],
        },
      ],
    });
    expect(lines.map((l) => [l.regionCode, l.outcome])).toEqual([
      ['999999', 'REFUSED'],
      ['530300', 'REFUSED'],
      ['120000', 'CHANGED'],
      ['530100', 'UNCHANGED'],
    ]);
    expect(lines[1]).toMatchObject({ name: '曲靖市', messages: ['使用地变更不能早于钱包（R-WAL-5）'] });
    expect(lines[0].name).toBe('999999');
  });

  it('sources of the policy in force: region itself, its province, the nation', () => {
    expect(sourceOf('110000', '110000')).toBe('REGION');
    expect(sourceOf('530000', '530100')).toBe('PROVINCE');
    expect(sourceOf(null, '530100')).toBe('NATIONAL');
    expect(sourceOf('000000', '530100')).toBe('NATIONAL');
  });

  it('audit-log resource: filters and pages become AuditLogFilter and an offset cursor', () => {
    expect(
      toAuditLogVariables({
        filter: { regionCode: '110000', actorName: ' admin ', action: '', from: '2026-12-01' },
        pagination: { page: 3, perPage: 25 },
      }),
    ).toEqual({
      filter: { regionCode: '110000', actorName: 'admin', from: '2026-12-01' },
      first: 25,
      after: btoa('offset:49'),
    });
    const built = buildAuditLogQuery(GET_LIST, AUDIT_LOG, {
      filter: {},
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'at', order: 'DESC' },
    });
    expect(built.variables).toEqual({ filter: {}, first: 10 });
    const parsed = built.parseResponse({
      data: {
        auditLog: {
          totalCount: 1,
          pageInfo: { hasNextPage: false, hasPreviousPage: false },
          edges: [{ cursor: 'c', node: { id: 'a1', action: 'regionsRolloutSet' } }],
        },
      },
    } as never);
    expect(parsed).toEqual({
      data: [{ id: 'a1', action: 'regionsRolloutSet' }],
      total: 1,
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
    expect(() => buildAuditLogQuery('DELETE', AUDIT_LOG, {})).toThrow(/not offered/);
  });

  it('audit diff: one line per key, before and after shown as text', () => {
    const lines = auditDiff({
      before: '{"walletFrom":null}',
      after: '{"walletFrom":"2031-03-01","staffOwnedFields":["walletFrom"]}',
    });
    expect(lines.map(({ key, before, after }) => ({ key, before, after }))).toEqual([
      { key: 'walletFrom', before: '—', after: '2031-03-01' },
      { key: 'staffOwnedFields', before: '', after: '["walletFrom"]' },
    ]);
    expect(lines[1].afterValue).toEqual(['walletFrom']);
    expect(auditDiff({ before: null, after: 'not json' })).toEqual([]);
  });

  it('impact variables only once purpose and a full date are there; empty region = national', () => {
    expect(toImpactVariables({ purpose: 'MEDICAL', effectiveFrom: '2031-0' })).toBeNull();
    expect(toImpactVariables({ purpose: '', effectiveFrom: '2031-01-01' })).toBeNull();
    expect(
      toImpactVariables({
        regionCode: '110000',
        purpose: 'MEDICAL',
        relations: ['SPOUSE'],
        effectiveFrom: '2031-01-01',
      }),
    ).toEqual({
      regionCode: '110000',
      purpose: 'MEDICAL',
      relations: ['SPOUSE'],
      effectiveFrom: '2031-01-01',
    });
    expect(toImpactVariables({ purpose: 'MEDICAL', effectiveFrom: '2031-01-01' })).toEqual({
      purpose: 'MEDICAL',
      relations: [],
      effectiveFrom: '2031-01-01',
    });
  });

  it('timeline: defaults and rows by date, on one date national before province before region; kinds narrow', () => {
    const row = (id: string, regionCode: string | null, effectiveFrom: string, kind = 'KINSHIP_SCOPE') => ({
      id,
      kind,
      regionCode,
      purpose: 'MEDICAL',
      year: null,
      effectiveFrom,
      value: '[]',
      createdBy: 'admin',
      createdAt: '',
    });
    const timeline = policyTimeline(
      '530100',
      [
        row('r', '530100', '2030-01-01'),
        row('p', '530000', '2030-01-01'),
        row('n', null, '2024-07-01'),
        row('c', null, '2025-01-01', 'CARD_RULES'),
      ],
      [
        { kind: 'KINSHIP_SCOPE', purpose: 'MEDICAL', effectiveFrom: '2024-07-01', value: ['SPOUSE'] },
        { kind: 'CARD_RULES', effectiveFrom: '1998-12-14', value: { reissueFee: 2000n } },
      ],
      ['KINSHIP_SCOPE'],
    );
    expect(timeline.map((t) => [t.key, t.tier])).toEqual([
      ['default-0', 'DEFAULT'],
      ['n', 'NATIONAL'],
      ['p', 'PROVINCE'],
      ['r', 'REGION'],
    ]);
    expect(settingText({ reissueFee: 2000n, cap: null })).toBe('{"reissueFee":"20.00","cap":null}');
  });
});

describe('setting versions in words (issue #10: no JSON field names in the Chinese UI)', () => {
  it('summarises card rules, caps and schedules with money in yuan, tagged fen included', () => {
    expect(
      settingSummary(
        'CARD_RULES',
        '{"preReportValidDays":10,"reissueFee":{"$bigint":"2000"},"counterReissueWorkingDays":4}',
      ),
    ).toEqual([
      { label: 'gongji.policy.pre_report_days', value: 10 },
      { label: 'gongji.policy.reissue_fee', value: '20.00' },
      { label: 'gongji.policy.reissue_days', value: 4 },
    ]);
    expect(
      settingSummary(
        'SPENDING_CAPS',
        '{"perInstitutionPerDay":null,"perDayAcrossInstitutions":"1000.00","perYear":null}',
      )[1],
    ).toEqual({
      label: 'gongji.policy.caps_per_day',
      value: '1000.00',
    });
    expect(
      settingSummary(
        'BENEFIT_SCHEDULE',
        '{"outpatient":{"TERTIARY":{"inService":{"deductible":"1800.00","fundRate":5000},"annualFundCap":null}},"pharmacyFundRate":0}',
      ),
    ).toEqual([
      { label: 'gongji.policy.outpatient_tertiary', value: '1800.00 / 50%' },
      { label: 'gongji.policy.annual_cap', value: null },
      { label: 'gongji.policy.pharmacy_rate', value: '0%' },
    ]);
    expect(settingSummary('HOLIDAY_CALENDAR', '{}')).toEqual([]);
    expect(settingSummary('CARD_RULES', 'not json')).toEqual([]);
  });
});

describe('audited values in words (issue #10)', () => {
  const t = (key: string) => `<${key}>`;
  it('relations, features, purposes, booleans, field names; null is cleared, undefined is absent', () => {
    expect(describeAuditValue(['SPOUSE', 'CHILD'], t)).toBe(
      '<gongji.relations.SPOUSE>、<gongji.relations.CHILD>',
    );
    expect(describeAuditValue('WALLET', t)).toBe('<gongji.features.WALLET>');
    expect(describeAuditValue('MEDICAL', t)).toBe('<gongji.kin_purposes.MEDICAL>');
    expect(describeAuditValue('KINSHIP_SCOPE', t)).toBe('<gongji.setting_kinds.KINSHIP_SCOPE>');
    expect(describeAuditValue(['walletFrom'], t)).toBe('<resources.regions.fields.walletFrom>');
    expect(describeAuditValue(true, t)).toBe('<gongji.audit.yes>');
    expect(describeAuditValue('2031-03-01', t)).toBe('2031-03-01');
    expect(describeAuditValue(null, t)).toBe('—');
    expect(describeAuditValue(undefined, t)).toBe('');
    expect(describeAuditValue([{ code: '999999', errors: ['NOT_FOUND'] }], t)).toBe(
      '<gongji.audit.keys.code>：999999；<gongji.audit.keys.errors>：<gongji.setting_kinds.NOT_FOUND>',
    );
  });
});
