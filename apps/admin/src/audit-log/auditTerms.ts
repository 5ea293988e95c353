// Pure reading of audit entries (no React): the translation key of an action, the words of a field's value, the
// ids of persons/institutions/regions/API clients an entry names (looked up in one batch), and where it links to.
import { renderMessage } from '@gongji/domain';
import { formatChinaTime, formatYuan, isIsoInstant } from '../shared/format';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { describeAuditValue } from '../data/policy/policyRules';
import { RATE_KEYS, basisPointsToPercent, moneyToYuan, settingLineText, settingLines } from './auditValues';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Every `action` the API, the ledger writer and the users CLI write to the audit log (grep "action: '" and the
 * `operation:` of money commands in apps/api/src, libs/persistence/src and tools). The filter lists them all.
 */
export const AUDIT_ACTIONS = [
  // Policy and rollout (ADMIN)
  'regionUpdate',
  'regionsRolloutSet',
  'kinshipScopeSet',
  'benefitScheduleSet',
  'spendingCapsSet',
  'passwordPolicySet',
  'cardRulesSet',
  'hospitalSelectionRulesSet',
  'holidayCalendarSet',
  // Institutions, API clients, staff users
  'institutionCreate',
  'institutionUpdate',
  'apiClientCreate',
  'apiClientUpdate',
  'apiClientRotate',
  'apiClientRevoke',
  'persistedOperationRegister',
  'userCreate',
  'userDisable',
  'userEnable',
  'userPasswordReset',
  // Counter work on persons
  'personRegister',
  'personUpdate',
  'personHospitalsSet',
  'kinRelationRegister',
  'kinRelationRevoke',
  'kinRelationsReorder',
  'relationshipAttestationRecord',
  'relationshipAttestationRevoke',
  'paymentPasswordChange',
  'paymentPasswordReset',
  'paymentPasswordUnlock',
  'passwordFreeLimitSet',
  'cardReportLoss',
  'cardRecover',
  'cardReissue',
  'cardReissueComplete',
  'walletActivate',
  'walletUsageRegionChange',
  // Money moved by staff (written by the ledger writer with the money)
  'settlementConfirm',
  'settlementCancel',
  'refundIssue',
  'walletTransfer',
  'premiumPay',
  'residentContributionPay',
  'contributionsCredit',
  'interestPost',
  'interestPost.batch',
  'legacyWithdraw',
  'demoOpeningBalance',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'Region',
  'RegionBatch',
  'PolicySetting',
  'Person',
  'Card',
  'Wallet',
  'KinRelation',
  'RelationshipAttestation',
  'Institution',
  'ApiClient',
  'PersistedOperation',
  'User',
  'Transaction',
  'InterestRun',
] as const;

/** The translation key of an action (polyglot keys cannot hold a dot: `interestPost.batch` → `interestPost_batch`). */
export function actionKey(action: string): string {
  return `gongji.audit.actions.${action.replace(/\./g, '_')}`;
}

/** Keys whose values are person ids (one or a list in order of use). */
const PERSON_KEYS = new Set([
  'personId',
  'providerId',
  'beneficiaryId',
  'relativePersonId',
  'counterpartyPersonId',
  'providerIds',
  'order',
]);
const INSTITUTION_KEYS = new Set(['institutionId', 'hospitals']);
const REGION_KEYS = new Set(['regionCode', 'usageRegionCode', 'changed']);
/** Money: in fen (`amount`, `total` of the ledger writer) or yuan (`fee`, `passwordFreeLimit`); see moneyToYuan. */
const MONEY_KEYS = new Set(['fee', 'amount', 'passwordFreeLimit', 'total']);
/** A rollout batch's refusals: `[{ code: "140000", errors: ["USAGE_CHANGE_BEFORE_WALLET"] }]`. */
const REFUSED_KEY = 'refused';
/** Ids of transactions: shown by their first block (the full id in the details). */
const TRANSACTION_KEYS = new Set(['transactionId', 'originalTransactionId', 'replacedId']);
/**
 * Technical values kept out of the headline table (shown folded under 技术信息): the idempotency key, and the
 * transaction id that is the row's own entity.
 */
export const TECHNICAL_KEYS = new Set(['idempotencyKey', 'transactionId']);
/** Entity types whose id is a person's id. */
const PERSON_ENTITIES = new Set(['Person', 'Card', 'Wallet']);

/** Value words by field: the console's term tables (and libs/domain's, for one relative). */
const VALUE_TABLES: Readonly<Record<string, string>> = {
  state: 'gongji.card_states',
  card: 'gongji.card_states',
  relation: 'gongji.relation_one',
  evidenceKind: 'gongji.evidence_kinds',
  identityDocument: 'gongji.identity_documents',
  channel: 'gongji.kin_channels',
  insuranceType: 'gongji.insurance_types',
  employmentStatus: 'gongji.employment',
  pockets: 'gongji.pockets',
  scopes: 'gongji.scopes',
  level: 'gongji.institutions.levels',
  delivery: 'gongji.audit.values.delivery',
  reissueChannel: 'gongji.audit.values.reissueChannel',
  password: 'gongji.audit.values.password',
};
const KIND_TABLES: Readonly<Record<string, string>> = {
  Transaction: 'gongji.transaction_kinds',
  Institution: 'gongji.institutions.kinds',
};

/** Names found for the ids an entry page names (missing: not resolvable, shown by position or short id). */
export interface AuditNames {
  readonly persons: Readonly<Record<string, string>>;
  readonly institutions: Readonly<Record<string, string>>;
  readonly regions: Readonly<Record<string, string>>;
  readonly apiClients: Readonly<Record<string, string>>;
  /** True when a request for names failed (the page says so; the ids stay shown). */
  readonly failed?: boolean;
}

export const NO_NAMES: AuditNames = { persons: {}, institutions: {}, regions: {}, apiClients: {} };

/** The region codes of a batch's refusals. */
function refusedCodes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>).code : undefined))
    .filter((c): c is string => typeof c === 'string' && c !== '');
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');

/** The ids of a page of entries to look up in one batch. */
export function idsToResolve(entries: readonly AuditEntryNode[]): {
  persons: string[];
  institutions: string[];
  regions: string[];
  apiClients: string[];
} {
  const persons = new Set<string>();
  const institutions = new Set<string>();
  const regions = new Set<string>();
  const apiClients = new Set<string>();
  for (const e of entries) {
    if (PERSON_ENTITIES.has(e.entityType)) persons.add(e.entityId);
    if (e.entityType === 'Institution') institutions.add(e.entityId);
    if (e.entityType === 'Region') regions.add(e.entityId);
    if (e.entityType === 'ApiClient') apiClients.add(e.entityId);
    for (const values of [parse(e.before), parse(e.after)]) {
      for (const [key, value] of Object.entries(values)) {
        if (PERSON_KEYS.has(key)) strings(value).forEach((id) => persons.add(id));
        if (INSTITUTION_KEYS.has(key)) strings(value).forEach((id) => institutions.add(id));
        if (REGION_KEYS.has(key)) strings(value).forEach((id) => regions.add(id));
        if (key === REFUSED_KEY) refusedCodes(value).forEach((code) => regions.add(code));
      }
    }
  }
  return {
    persons: [...persons],
    institutions: [...institutions],
    regions: [...regions],
    apiClients: [...apiClients],
  };
}

/** The label of a field of an entry's values. */
export function fieldLabel(key: string, entityType: string, translate: Translate): string {
  const own = entityType === 'Person' ? translate(`gongji.audit.person_keys.${key}`, { _: '' }) : '';
  return (
    own ||
    translate(`gongji.audit.keys.${key}`, {
      _: translate(`resources.regions.fields.${key}`, { _: key }),
    })
  );
}

/** A field's value in words: names for ids, Beijing time for instants, yuan for money, terms for enum values. */
export function describeAuditField(
  key: string,
  value: unknown,
  context: { entityType: string; names: AuditNames; translate: Translate; language?: 'zh' | 'en' },
): string {
  const { names, translate } = context;
  if (value === undefined) return '';
  if (value === null) return '—';
  if (PERSON_KEYS.has(key) && Array.isArray(value)) {
    if (value.length === 0) return translate('gongji.audit.empty_list');
    // By name, else by the id's first block: never by position alone, so a reorder shows which moved.
    return value
      .map((id, i) =>
        translate('gongji.audit.order_item', {
          n: i + 1,
          name: names.persons[String(id)] ?? shortId(String(id)),
        }),
      )
      .join('；');
  }
  const region = (code: string) => (names.regions[code] ? `${names.regions[code]}（${code}）` : code);
  if (key === REFUSED_KEY && Array.isArray(value)) {
    if (value.length === 0) return translate('gongji.audit.empty_list');
    return value
      .map((r) => {
        const o = r && typeof r === 'object' ? (r as Record<string, unknown>) : {};
        const errors = strings(o.errors).map((code) => refusalText(code, context.language ?? 'zh'));
        const where = typeof o.code === 'string' ? region(o.code) : '—';
        return errors.length > 0 ? `${where}：${errors.join('、')}` : where;
      })
      .join('；');
  }
  if (key === 'value' && value && typeof value === 'object' && !Array.isArray(value)) {
    return settingLines(value, translate).map(settingLineText).join('；');
  }
  const one = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (MONEY_KEYS.has(key)) {
      const yuan = moneyToYuan(v);
      if (yuan !== null) return formatYuan(yuan, translate);
    }
    if (typeof v === 'number' && RATE_KEYS.has(key)) return `${basisPointsToPercent(v)}%`;
    if (typeof v === 'string') {
      if (PERSON_KEYS.has(key)) return names.persons[v] ?? shortId(v);
      if (INSTITUTION_KEYS.has(key)) return names.institutions[v] ?? shortId(v);
      if (REGION_KEYS.has(key)) return region(v);
      if (TRANSACTION_KEYS.has(key)) return shortId(v);
      if (isIsoInstant(v)) return formatChinaTime(v, { seconds: true });
      const table = key === 'kind' ? KIND_TABLES[context.entityType] : VALUE_TABLES[key];
      if (table) return translate(`${table}.${v}`, { _: describeAuditValue(v, translate) });
    }
    return describeAuditValue(v, translate);
  };
  if (Array.isArray(value)) {
    return value.length === 0 ? translate('gongji.audit.empty_list') : value.map(one).join('、');
  }
  return one(value);
}

/** A refusal code in words (the domain's message catalogue, the general variant), the code itself if unknown. */
export function refusalText(code: string, language: 'zh' | 'en' = 'zh'): string {
  return renderMessage(code, language) ?? code;
}

/** The first block of a uuid (22a3a9c8), for an id nothing names. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id;
}

/** Where the 对象 column links to and which name it shows (null: nothing to link). */
export function entityTarget(
  entry: Pick<AuditEntryNode, 'entityType' | 'entityId' | 'before' | 'after'>,
  names: AuditNames,
): { path: string | null; name: string | null } {
  const { entityType, entityId } = entry;
  if (PERSON_ENTITIES.has(entityType)) {
    return { path: `/persons/${encodeURIComponent(entityId)}/show`, name: names.persons[entityId] ?? null };
  }
  if (entityType === 'Region') {
    // A region by name with its code (the code is what staff filter and search by).
    const name = names.regions[entityId];
    return {
      path: `/regions/${encodeURIComponent(entityId)}/show`,
      name: name ? `${name}（${entityId}）` : null,
    };
  }
  if (entityType === 'Institution') {
    return {
      path: `/institutions/${encodeURIComponent(entityId)}`,
      name: names.institutions[entityId] ?? null,
    };
  }
  if (entityType === 'ApiClient') {
    return { path: `/api-clients/${encodeURIComponent(entityId)}`, name: names.apiClients[entityId] ?? null };
  }
  if (entityType === 'Transaction') {
    return { path: `/transactions/${encodeURIComponent(entityId)}/show`, name: null };
  }
  // A relation or a kinship check: the person its values name.
  const values = { ...parse(entry.before), ...parse(entry.after) };
  const personId = [values.beneficiaryId, values.personId].find((v): v is string => typeof v === 'string');
  if (personId) {
    return { path: `/persons/${encodeURIComponent(personId)}/show`, name: names.persons[personId] ?? null };
  }
  return { path: null, name: null };
}
