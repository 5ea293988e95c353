// Pure helpers of the policy-staff pages (issue #10): inputs for the server operations and readings of their
// answers. No React, no network: unit-tested in __tests__/policyRules.spec.ts.
import type { GetListParams } from 'ra-core';
import type { UserError } from '../graphqlTypes';
import type { AuditEntryNode, Feature, PolicySettingRow, RegionsRolloutSetPayload } from './policyTypes';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The bulk form → `RegionsRolloutSetInput`: codes deduplicated in order, an empty date clears (inherit). */
export function toRegionsRolloutSetInput(
  regionCodes: readonly (string | number)[],
  feature: Feature,
  date: unknown,
  reason: unknown,
): Record<string, unknown> {
  const codes = [...new Set(regionCodes.map((c) => String(c).trim()).filter(Boolean))];
  const day = text(date);
  const why = text(reason);
  return { regionCodes: codes, feature, date: day || null, ...(why ? { reason: why } : {}) };
}

export type RolloutOutcome = 'CHANGED' | 'UNCHANGED' | 'REFUSED';

export interface RolloutLine {
  readonly regionCode: string;
  readonly name: string;
  readonly outcome: RolloutOutcome;
  readonly messages: readonly string[];
}

/** One line per region, refusals first (the officer must act on those), each with its messages and rule ids. */
export function rolloutLines(payload: RegionsRolloutSetPayload): RolloutLine[] {
  const order: Record<RolloutOutcome, number> = { REFUSED: 0, CHANGED: 1, UNCHANGED: 2 };
  return payload.results
    .map((r) => ({
      regionCode: r.regionCode,
      name: r.region?.name ?? r.regionCode,
      outcome: (r.userErrors.length > 0 ? 'REFUSED' : r.changed ? 'CHANGED' : 'UNCHANGED') as RolloutOutcome,
      messages: r.userErrors.map(withRule),
    }))
    .sort((a, b) => order[a.outcome] - order[b.outcome]);
}

function withRule(error: UserError): string {
  if (!error.rule || error.message.includes(error.rule)) return error.message;
  return `${error.message}（${error.rule}）`;
}

/** Where a value of the policy in force comes from (issue #10): the region itself, its province, or the nation. */
export type PolicySource = 'REGION' | 'PROVINCE' | 'NATIONAL';

export function sourceOf(sourceRegionCode: string | null | undefined, regionCode: string): PolicySource {
  if (!sourceRegionCode || sourceRegionCode === '000000') return 'NATIONAL';
  return sourceRegionCode === regionCode ? 'REGION' : 'PROVINCE';
}

const AUDIT_FILTER_KEYS = [
  'entityType',
  'entityId',
  'actorName',
  'action',
  'regionCode',
  'from',
  'to',
] as const;

/** react-admin filter values → `AuditLogFilter` (blank inputs dropped). */
export function toAuditLogFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = text(filter[key]);
    if (value) out[key] = value;
  }
  return out;
}

/** Page → Relay arguments (offset cursors, as the API encodes them). */
export function toAuditLogVariables(params: Partial<GetListParams>): Record<string, unknown> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  const offset = (page - 1) * perPage;
  return {
    filter: toAuditLogFilter(params.filter ?? {}),
    first: Math.min(perPage, 100),
    ...(offset > 0 ? { after: btoa(`offset:${offset - 1}`) } : {}),
  };
}

export interface DiffLine {
  readonly key: string;
  readonly before: string;
  readonly after: string;
  /** The parsed values, for a reader-friendly rendering ({@link describeAuditValue}). */
  readonly beforeValue?: unknown;
  readonly afterValue?: unknown;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parseObject(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** An audit entry's before/after as one line per key, in the order the keys first appear. */
export function auditDiff(entry: Pick<AuditEntryNode, 'before' | 'after'>): DiffLine[] {
  const before = parseObject(entry.before);
  const after = parseObject(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => ({
    key,
    before: show(before[key]),
    after: show(after[key]),
    beforeValue: before[key],
    afterValue: after[key],
  }));
}

/** The impact query's variables from the kinship-scope form, or null while the form cannot be counted yet. */
export function toImpactVariables(data: Record<string, unknown>): Record<string, unknown> | null {
  const purpose = text(data.purpose);
  const effectiveFrom = text(data.effectiveFrom);
  if (!purpose || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return null;
  const regionCode = text(data.regionCode);
  const relations = Array.isArray(data.relations) ? data.relations.map(String) : [];
  return { ...(regionCode ? { regionCode } : {}), purpose, relations, effectiveFrom };
}

export interface TimelineEntry {
  readonly key: string;
  readonly tier: PolicySource | 'DEFAULT';
  readonly kind: string;
  readonly purpose: string | null;
  readonly effectiveFrom: string;
  readonly value: string;
  readonly createdBy: string | null;
}

export interface DefaultSetting {
  readonly kind: string;
  readonly purpose?: string | null;
  readonly effectiveFrom: string;
  readonly value: unknown;
}

/** JSON text of a setting value; money (bigint fen) as yuan with two decimals, like the Money scalar. */
export function settingText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint'
      ? `${v < 0n ? '-' : ''}${(v < 0n ? -v : v) / 100n}.${String((v < 0n ? -v : v) % 100n).padStart(2, '0')}`
      : v,
  );
}

/**
 * The versions that make up a region's policy, oldest first: the built-in national defaults of libs/domain (with
 * their dates) and the national, province and region rows of `policySettings`; on the same date the order is the
 * order of override (default, national, province, region). `kinds` narrows to some kinds (empty = all).
 */
export function policyTimeline(
  regionCode: string,
  rows: readonly PolicySettingRow[],
  defaults: readonly DefaultSetting[] = [],
  kinds: readonly string[] = [],
): TimelineEntry[] {
  const rank: Record<TimelineEntry['tier'], number> = { DEFAULT: 0, NATIONAL: 1, PROVINCE: 2, REGION: 3 };
  const fromDefaults: TimelineEntry[] = defaults.map((d, i) => ({
    key: `default-${i}`,
    tier: 'DEFAULT',
    kind: d.kind,
    purpose: d.purpose ?? null,
    effectiveFrom: d.effectiveFrom,
    value: settingText(d.value),
    createdBy: null,
  }));
  const fromRows: TimelineEntry[] = rows.map((r) => ({
    key: r.id,
    tier: sourceOf(r.regionCode, regionCode),
    kind: r.kind,
    purpose: r.purpose ?? (r.year != null ? String(r.year) : null),
    effectiveFrom: r.effectiveFrom,
    value: r.value,
    createdBy: r.createdBy,
  }));
  return [...fromDefaults, ...fromRows]
    .filter((e) => kinds.length === 0 || kinds.includes(e.kind))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || rank[a.tier] - rank[b.tier]);
}

/** A stored money value as yuan: `"20.00"` as is, a tagged fen value `{"$bigint":"2000"}` converted. */
export function yuanOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toFixed(2);
  const fen = (value as { $bigint?: unknown }).$bigint;
  if (typeof fen === 'string' && /^-?\d+$/.test(fen)) return settingText(BigInt(fen)).replace(/"/g, '');
  return null;
}

export interface SummaryPart {
  /** i18n key of the label (gongji.policy.*). */
  readonly label: string;
  readonly value: string | number | null;
}

/**
 * A setting version in words rather than JSON (the Chinese UI shows no field names): the figures staff compare,
 * labelled with the same keys as the policy-in-force tables. Unknown kinds give no parts (the raw value stays in a
 * tooltip).
 */
export function settingSummary(kind: string, valueJson: string): SummaryPart[] {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(valueJson) as Record<string, unknown>;
  } catch {
    return [];
  }
  if (!v || typeof v !== 'object') return [];
  const rate = (bp: unknown) => (typeof bp === 'number' ? `${bp / 100}%` : null);
  switch (kind) {
    case 'CARD_RULES':
      return [
        { label: 'gongji.policy.pre_report_days', value: v.preReportValidDays as number },
        { label: 'gongji.policy.reissue_fee', value: yuanOf(v.reissueFee) },
        { label: 'gongji.policy.reissue_days', value: v.counterReissueWorkingDays as number },
      ];
    case 'PASSWORD_POLICY':
      return [
        { label: 'gongji.policy.lockout', value: v.lockoutAfterFailures as number },
        { label: 'gongji.policy.max_free_limit', value: yuanOf(v.maxPasswordFreeLimit) },
        { label: 'gongji.policy.max_registration_fee', value: yuanOf(v.maxRegistrationFee) },
      ];
    case 'HOSPITAL_SELECTION':
      return [{ label: 'gongji.policy.hospitals', value: v.maxChosenHospitals as number }];
    case 'SPENDING_CAPS':
      return [
        { label: 'gongji.policy.caps_per_institution_day', value: yuanOf(v.perInstitutionPerDay) },
        { label: 'gongji.policy.caps_per_day', value: yuanOf(v.perDayAcrossInstitutions) },
        { label: 'gongji.policy.caps_per_year', value: yuanOf(v.perYear) },
      ];
    case 'BENEFIT_SCHEDULE':
    case 'RESIDENT_BENEFIT_SCHEDULE': {
      const op = (v.outpatient as Record<string, Record<string, unknown>> | undefined)?.TERTIARY;
      const inService = op?.inService as { deductible?: unknown; fundRate?: unknown } | undefined;
      return [
        {
          label: 'gongji.policy.outpatient_tertiary',
          value: inService ? `${yuanOf(inService.deductible)} / ${rate(inService.fundRate)}` : null,
        },
        { label: 'gongji.policy.annual_cap', value: yuanOf(op?.annualFundCap) },
        { label: 'gongji.policy.pharmacy_rate', value: rate(v.pharmacyFundRate) },
      ];
    }
    default:
      return [];
  }
}

const RELATION_WORDS = new Set([
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'MATERNAL_GRANDPARENT',
  'GRANDCHILD',
  'MATERNAL_GRANDCHILD',
]);
const FEATURE_WORDS = new Set<string>([
  'EARMARKED_ACCOUNT',
  'KIN_REGISTRATION',
  'KIN_USE',
  'WALLET',
  'USAGE_LOCATION_CHANGE',
  'SUPPLEMENTARY_PREMIUM_SELF',
  'SUPPLEMENTARY_PREMIUM_KIN',
]);
const PURPOSE_WORDS = new Set([
  'MEDICAL',
  'RESIDENT_CONTRIBUTION',
  'LONG_TERM_CARE',
  'SUPPLEMENTARY_PREMIUM',
  'WALLET_TRANSFER',
]);

/**
 * An audited value in the reader's words (issue #10: no raw enum codes in the Chinese UI): relations, features,
 * purposes, setting kinds, field names and booleans through `translate`; other values as text. `undefined` = the key
 * was not there (empty cell), `null` = cleared (—).
 */
export function describeAuditValue(
  value: unknown,
  translate: (key: string, options?: { _: string }) => string,
): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return translate(value ? 'gongji.audit.yes' : 'gongji.audit.no');
  if (typeof value === 'string') {
    if (RELATION_WORDS.has(value)) return translate(`gongji.relations.${value}`);
    if (FEATURE_WORDS.has(value)) return translate(`gongji.features.${value}`);
    if (PURPOSE_WORDS.has(value)) return translate(`gongji.kin_purposes.${value}`);
    if (/^[A-Z][A-Z_]+$/.test(value)) return translate(`gongji.setting_kinds.${value}`, { _: value });
    if (/^[a-z][A-Za-z]+$/.test(value)) return translate(`resources.regions.fields.${value}`, { _: value });
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? translate('gongji.audit.empty_list')
      : value.map((v) => describeAuditValue(v, translate)).join('、');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([k, v]) => `${translate(`gongji.audit.keys.${k}`, { _: k })}：${describeAuditValue(v, translate)}`,
      )
      .join('；');
  }
  return String(value);
}
