import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogues } from '../../i18n/i18nProvider';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  NO_NAMES,
  actionKey,
  describeAuditField,
  entityTarget,
  fieldLabel,
  idsToResolve,
} from '../auditTerms';
import { namesQueries } from '../useAuditNames';

const ROOT = resolve(__dirname, '../../../../..');

const SKIPPED = ['__tests__', 'node_modules', 'bench'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // tools/bench: benchmark fixtures, posted without a staff actor (never an audit row).
    if (statSync(path).isDirectory()) return SKIPPED.includes(name) ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Every action the API writes to the audit log, read from its source: `action: '…'` of audit rows, the
 * `operation: '…'` a money command is audited as, the policy kinds' AUDIT_ACTION, and the actions passed to the
 * card, API-client, payment-password and users-CLI change helpers.
 */
function actionsWrittenByTheApi(): Set<string> {
  const found = new Set<string>();
  const files = ['apps/api/src', 'libs/persistence/src', 'tools'].flatMap((d) => sources(join(ROOT, d)));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:action|operation): '([A-Za-z.]+)'/g)) found.add(m[1]);
    for (const m of text.matchAll(/\baction = '(\w+)'/g)) found.add(m[1]);
    for (const m of text.matchAll(/action: existing \? '(\w+)' : '(\w+)'/g))
      [m[1], m[2]].forEach((a) => found.add(a));
    if (/AUDIT_ACTION/.test(text)) {
      for (const m of text.matchAll(/^\s+[A-Z_]+: '(\w+Set)',$/gm)) found.add(m[1]);
    }
    // Helpers taking the action as an argument: this.change(…, 'cardReportLoss', …), change(ds, …, 'userDisable', …)
    for (const m of text.matchAll(
      /(?:this\.change|this\.verifiedChange|change)\([^)]*?'((?:card|apiClient|paymentPassword|passwordFreeLimit|user)[A-Z]\w*)'/gs,
    )) {
      found.add(m[1]);
    }
    for (const m of text.matchAll(/verifiedChange\(\s*'(\w+)'/g)) found.add(m[1]);
  }
  return found;
}

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

/** The fields the API writes into before/after (audit rows of apps/api/src, the ledger writer, the users CLI). */
const FIELDS = [
  // cards
  'state',
  'reportedOn',
  'validUntil',
  'reissueChannel',
  'readyOn',
  'fee',
  'feePaidFromAccount',
  // relations and kinship checks
  'providerId',
  'beneficiaryId',
  'relation',
  'channel',
  'position',
  'registeredOn',
  'providerIds',
  'revokedAt',
  'order',
  'personId',
  'relativePersonId',
  'evidenceKind',
  // persons, passwords, hospitals, wallets
  'name',
  'idNumber',
  'birthDate',
  'phone',
  'regionCode',
  'insuranceType',
  'employmentStatus',
  'pockets',
  'card',
  'paymentPasswordIssued',
  'realNameVerified',
  'outOfRegionUsePermission',
  'bankCardLinked',
  'paymentPasswordSetAt',
  'paymentPasswordFailures',
  'paymentLockedAt',
  'identityDocument',
  'delivery',
  'passwordFreeLimit',
  'hospitals',
  'usageRegionCode',
  'on',
  // API clients, institutions, persisted operations, staff users
  'keyPrefix',
  'scopes',
  'institutionId',
  'product',
  'persistedOperationsOnly',
  'rateLimitPerMinute',
  'code',
  'kind',
  'level',
  'designated',
  'openToAll',
  'acceptsWallet',
  'username',
  'displayName',
  'role',
  'disabledAt',
  'password',
  // policy settings, rollout batches, money moved by staff
  'purpose',
  'effectiveFrom',
  'value',
  'replacedId',
  'feature',
  'field',
  'date',
  'changed',
  'refused',
  'errors',
  'staffOwnedFields',
  'transactionId',
  'amount',
  'counterpartyPersonId',
  'originalTransactionId',
  'idempotencyKey',
  'month',
  'credited',
  'total',
  'accounts',
  'annualRate',
  'transactions',
];

describe('audit log labels', () => {
  const written = actionsWrittenByTheApi();

  it('the source scan finds the counter actions the tester saw', () => {
    for (const action of [
      'relationshipAttestationRecord',
      'paymentPasswordReset',
      'cardReissue',
      'cardReportLoss',
      'kinRelationsReorder',
      'kinRelationRegister',
      'userDisable',
      'regionUpdate',
      'settlementConfirm',
    ]) {
      expect(written).toContain(action);
    }
  });

  it('the console lists every action the API writes', () => {
    expect([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it.each(['zh', 'en'] as const)('every action has a %s label', (locale) => {
    const missing = AUDIT_ACTIONS.filter((a) => typeof lookup(catalogues[locale], actionKey(a)) !== 'string');
    expect(missing).toEqual([]);
  });

  it('Chinese action labels are Chinese', () => {
    for (const a of AUDIT_ACTIONS) expect(lookup(catalogues.zh, actionKey(a))).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(['zh', 'en'] as const)('every entity type has a %s name', (locale) => {
    const missing = AUDIT_ENTITY_TYPES.filter(
      (t) => typeof lookup(catalogues[locale], `gongji.audit.entity_types.${t}`) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it.each(['zh', 'en'] as const)('every field the API writes has a %s label', (locale) => {
    const translate = (key: string, o?: Record<string, unknown>) => {
      const v = lookup(catalogues[locale], key);
      return typeof v === 'string' ? v : String(o?._ ?? key);
    };
    const missing = FIELDS.filter((f) => fieldLabel(f, 'Person', translate) === f);
    expect(missing).toEqual([]);
    if (locale === 'zh') {
      for (const f of FIELDS) expect(fieldLabel(f, 'Card', translate)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('audit values in words', () => {
  const zh = (key: string, o?: Record<string, unknown>) => {
    const v = lookup(catalogues.zh, key);
    if (typeof v !== 'string') return String(o?._ ?? key);
    return v.replace(/%\{(\w+)\}/g, (_m, name: string) => String(o?.[name] ?? ''));
  };
  const names = { ...NO_NAMES, persons: { p1: '张三', p2: '李四' } };
  const say = (key: string, value: unknown, entityType = 'Person') =>
    describeAuditField(key, value, { entityType, names, translate: zh });

  it('instants in Beijing time with seconds', () => {
    expect(say('paymentPasswordSetAt', '2026-12-02T04:51:20.081Z')).toBe('2026-12-02 12:51:20');
  });

  it('enum values by their field', () => {
    expect(say('state', 'REPORTED', 'Card')).toBe('正式挂失');
    expect(say('identityDocument', 'ID_CARD')).toBe('居民身份证');
    expect(say('delivery', 'SMS')).toBe('短信');
    expect(say('relation', 'PARENT', 'KinRelation')).toBe('父母');
    expect(say('evidenceKind', 'HOUSEHOLD_REGISTER', 'RelationshipAttestation')).toBe('户口簿');
    expect(say('channel', 'COUNTER', 'KinRelation')).toBe('经办窗口');
  });

  it('money in yuan, persons by name', () => {
    expect(say('fee', '20.00', 'Card')).toBe('20.00 元');
    expect(say('beneficiaryId', 'p1', 'KinRelation')).toBe('张三');
  });

  it('a reorder as names in order, the id where a name is unknown', () => {
    expect(say('providerIds', ['p2', 'p1'])).toBe('1. 李四；2. 张三');
    expect(say('providerIds', ['p2', 'unknown'])).toBe('1. 李四；2. unknown');
  });

  it('English relation names are singular where one relative is shown', () => {
    expect(lookup(catalogues.en, 'gongji.relation_one.PARENT')).toBe('Parent');
    expect(lookup(catalogues.en, 'gongji.relation_one.CHILD')).toBe('Child');
  });
});

describe('the 对象 column', () => {
  const entry = (entityType: string, entityId: string, after: unknown = null) => ({
    entityType,
    entityId,
    before: null,
    after: after === null ? null : JSON.stringify(after),
  });

  it('links persons, cards and wallets to the person, with the name when found', () => {
    const names = { ...NO_NAMES, persons: { p1: '张三' } };
    expect(entityTarget(entry('Card', 'p1'), names)).toEqual({ path: '/persons/p1/show', name: '张三' });
    expect(entityTarget(entry('Person', 'p9'), names)).toEqual({ path: '/persons/p9/show', name: null });
  });

  it('links a relation or a kinship check to the person its values name', () => {
    expect(
      entityTarget(entry('KinRelation', 'k1', { beneficiaryId: 'p1', providerId: 'p2' }), NO_NAMES).path,
    ).toBe('/persons/p1/show');
    expect(entityTarget(entry('RelationshipAttestation', 'a1', { personId: 'p2' }), NO_NAMES).path).toBe(
      '/persons/p2/show',
    );
  });

  it('links regions, institutions and API clients to their pages', () => {
    expect(entityTarget(entry('Region', '110000'), NO_NAMES).path).toBe('/regions/110000/show');
    expect(entityTarget(entry('Region', '110000'), { ...NO_NAMES, regions: { '110000': '北京市' } })).toEqual(
      {
        path: '/regions/110000/show',
        name: '北京市（110000）',
      },
    );
    expect(entityTarget(entry('Institution', 'i1'), NO_NAMES).path).toBe('/institutions/i1');
    expect(entityTarget(entry('ApiClient', 'c1'), NO_NAMES).path).toBe('/api-clients/c1');
    expect(entityTarget(entry('PolicySetting', 's1'), NO_NAMES).path).toBeNull();
  });

  it('looks a page’s names up in one request (no request per row)', () => {
    const page = [
      {
        ...entry('Card', 'p1'),
        id: 'e1',
        at: '',
        actorType: '',
        actorName: '',
        action: 'cardReissue',
        reason: null,
      },
      {
        ...entry('Person', 'p2', { providerIds: ['p1', 'p3'] }),
        id: 'e2',
        at: '',
        actorType: '',
        actorName: '',
        action: 'kinRelationsReorder',
        reason: null,
      },
      {
        ...entry('Region', '110000'),
        id: 'e3',
        at: '',
        actorType: '',
        actorName: '',
        action: 'regionUpdate',
        reason: null,
      },
    ];
    const ids = idsToResolve(page);
    expect(ids.persons).toEqual(['p1', 'p2', 'p3']);
    expect(ids.regions).toEqual(['110000']);
    const queries = namesQueries(ids);
    expect(queries).toHaveLength(1);
    const [query] = queries;
    expect(query.text).toContain('p2: person(id: $p2) { id name }');
    expect(query.text).toContain(
      'r0: regions(first: 100, filter: { ids: $r0 }) { edges { node { code name } } }',
    );
    expect(query.variables).toEqual({ p0: 'p1', p1: 'p2', p2: 'p3', r0: ['110000'] });
    expect(namesQueries(idsToResolve([]))).toEqual([]);
  });
});
