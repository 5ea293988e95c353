import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues } from '../../i18n/i18nProvider';
import {
  basisPointsToPercent,
  fenToYuan,
  groupYuan,
  isBigintJson,
  moneyToYuan,
  settingDiff,
  settingLineText,
  settingLines,
} from '../auditValues';
import { NO_NAMES, describeAuditField, idsToResolve, refusalText } from '../auditTerms';
import { MAX_ROOT_FIELDS, collectNames, namesQueries } from '../useAuditNames';

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

const zh = (key: string, o?: Record<string, unknown>) => {
  const v = lookup(catalogues.zh, key);
  if (typeof v !== 'string') return String(o?._ ?? key);
  return v.replace(/%\{(\w+)\}/g, (_m, name: string) => String(o?.[name] ?? ''));
};

/** The `value` of a 设置待遇标准 row as the API stored it (the tester's database: Beijing, from 2026-12-20). */
const SCHEDULE: unknown = JSON.parse(readFileSync(join(__dirname, 'benefitScheduleAudit.json'), 'utf8'));

describe('money of audit rows, exactly (BigInt, no floating point)', () => {
  it('fen to yuan with two decimals', () => {
    expect(fenToYuan('1230000')).toBe('12300.00');
    expect(fenToYuan('50000')).toBe('500.00');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan('0')).toBe('0.00');
    expect(fenToYuan('-1999')).toBe('-19.99');
    expect(fenToYuan(180000n)).toBe('1800.00');
    // Beyond Number.MAX_SAFE_INTEGER: still exact.
    expect(fenToYuan('900719925474099317')).toBe('9007199254740993.17');
  });

  it('thousands separators', () => {
    expect(groupYuan('12300.00')).toBe('12,300.00');
    expect(groupYuan('1234567.89')).toBe('1,234,567.89');
    expect(groupYuan('-500.00')).toBe('-500.00');
    expect(groupYuan('0.05')).toBe('0.05');
  });

  it('reads the ways the API writes money: fen strings, $bigint, yuan strings', () => {
    expect(isBigintJson({ $bigint: '180000' })).toBe(true);
    expect(isBigintJson({ $bigint: '18.00' })).toBe(false);
    expect(moneyToYuan({ $bigint: '180000' })).toBe('1800.00');
    expect(moneyToYuan('1230000')).toBe('12300.00');
    expect(moneyToYuan('20.00')).toBe('20.00');
    expect(moneyToYuan('abc')).toBeNull();
    expect(moneyToYuan(12)).toBeNull();
  });

  it('basis points as %', () => {
    expect(basisPointsToPercent(5500)).toBe('55');
    expect(basisPointsToPercent(150)).toBe('1.5');
    expect(basisPointsToPercent(8525)).toBe('85.25');
    expect(basisPointsToPercent(0)).toBe('0');
    expect(basisPointsToPercent(10000)).toBe('100');
  });
});

describe('audit fields in words', () => {
  const names = {
    ...NO_NAMES,
    persons: {
      '53212172-e77d-4daa-b53c-536819164eac': '王建国',
      '1b6e75b0-4e69-4876-bac7-e6943d385295': '王丽',
      'be9c3699-e9b0-4562-a4ad-6501a9b458b1': '王强',
    },
    institutions: { '58203b42-af64-4411-8f23-93f91516e527': '北京协和医院' },
    regions: { '140000': '山西省', '140100': '太原市', '140200': '大同市' },
  };
  const say = (key: string, value: unknown, entityType = 'Transaction') =>
    describeAuditField(key, value, { entityType, names, translate: zh, language: 'zh' });

  it('a settlement and a refund in yuan (the ledger writer stores fen)', () => {
    expect(say('amount', '1230000')).toBe('12,300.00 元');
    expect(say('amount', '50000')).toBe('500.00 元');
    expect(say('total', '123456789', 'InterestRun')).toBe('1,234,567.89 元');
  });

  it('fees and limits stored in yuan stay yuan', () => {
    expect(say('fee', '20.00', 'Card')).toBe('20.00 元');
    expect(say('passwordFreeLimit', '200.00', 'Person')).toBe('200.00 元');
  });

  it('an interest rate in %', () => {
    expect(say('annualRate', 150, 'InterestRun')).toBe('1.5%');
  });

  it('the institution and the person by name, the original transaction by its first block', () => {
    expect(say('institutionId', '58203b42-af64-4411-8f23-93f91516e527')).toBe('北京协和医院');
    expect(say('personId', '53212172-e77d-4daa-b53c-536819164eac')).toBe('王建国');
    expect(say('originalTransactionId', '3f684450-e291-45b6-bd03-85968d66fae5')).toBe('3f684450');
  });

  it('a reorder by names in the before and after order', () => {
    const before = ['1b6e75b0-4e69-4876-bac7-e6943d385295', 'be9c3699-e9b0-4562-a4ad-6501a9b458b1'];
    expect(say('providerIds', before, 'Person')).toBe('1. 王丽；2. 王强');
    expect(say('providerIds', [...before].reverse(), 'Person')).toBe('1. 王强；2. 王丽');
    // Without names, the ids' first blocks: the two sides still differ.
    const unnamed = describeAuditField('providerIds', before, {
      entityType: 'Person',
      names: NO_NAMES,
      translate: zh,
    });
    expect(unnamed).toBe('1. 1b6e75b0；2. be9c3699');
  });

  it('a rollout batch: regions by name, refusals in Chinese', () => {
    expect(say('changed', ['140100', '140200'], 'RegionBatch')).toBe('太原市（140100）、大同市（140200）');
    const refused = say(
      'refused',
      [{ code: '140000', errors: ['USAGE_CHANGE_BEFORE_WALLET'] }],
      'RegionBatch',
    );
    expect(refused).toBe('山西省（140000）：钱包使用地变更的开始日期不能早于医保钱包开通日期');
    expect(refused).not.toMatch(/[A-Z_]{5}/);
    expect(refusalText('NO_SUCH_CODE_EVER')).toBe('NO_SUCH_CODE_EVER');
  });

  it('a batch’s region codes are looked up with the page', () => {
    const ids = idsToResolve([
      {
        id: 'e1',
        at: '',
        actorType: '',
        actorName: '',
        action: 'regionsRolloutSet',
        reason: null,
        entityType: 'RegionBatch',
        entityId: 'b1',
        before: null,
        after: JSON.stringify({ changed: ['140100'], refused: [{ code: '140000', errors: ['X'] }] }),
      },
    ]);
    expect(ids.regions).toEqual(['140100', '140000']);
  });
});

describe('a benefit schedule in words', () => {
  const text = settingLines(SCHEDULE, zh).map(settingLineText).join('\n');

  it('Chinese labels, yuan and %, no keys, no $bigint, no fen', () => {
    expect(text).not.toMatch(/[A-Za-z$]/);
    expect(text).not.toContain('180000');
    expect(text).toContain('门诊 · 各级医院 · 在职：起付线 1,800.00 元；基金支付比例 55%');
    expect(text).toContain('门诊 · 各级医院 · 退休（70岁以下）：起付线 1,300.00 元；基金支付比例 70%');
    expect(text).toContain('门诊 · 各级医院：年度封顶线 不设');
    expect(text).toContain('住院 · 各级医院：首次住院起付线 1,300.00 元；再次住院起付线 650.00 元');
    expect(text).toContain('住院 · 各级医院 · 第 1 段：至 30,000.00 元；基金支付比例 85%');
    expect(text).toContain('住院 · 各级医院 · 第 3 段：以上全部；基金支付比例 95%');
    expect(text).toContain('退休人员个人负担系数 60%');
    expect(text).toContain('定点药店基金支付比例 0%');
  });

  it('levels that differ are named, not merged', () => {
    const value = {
      outpatient: {
        TERTIARY: { inService: { deductible: { $bigint: '180000' }, fundRate: 5500 } },
        SECONDARY: { inService: { deductible: { $bigint: '180000' }, fundRate: 6000 } },
        PRIMARY: { inService: { deductible: { $bigint: '180000' }, fundRate: 5500 } },
      },
    };
    expect(settingLines(value, zh).map(settingLineText)).toEqual([
      '门诊 · 三级医院、一级医院 · 在职：起付线 1,800.00 元；基金支付比例 55%',
      '门诊 · 二级医院 · 在职：起付线 1,800.00 元；基金支付比例 60%',
    ]);
  });

  it('with both sides, only what changed', () => {
    const before = { perInstitutionPerDay: null, perYear: { $bigint: '1000000' } };
    const after = { perInstitutionPerDay: { $bigint: '50000' }, perYear: { $bigint: '1000000' } };
    expect(settingDiff(before, after, zh)).toEqual({
      before: ['单一机构每日上限 不设；年度上限 10,000.00 元'],
      after: ['单一机构每日上限 500.00 元；年度上限 10,000.00 元'],
    });
    expect(settingDiff(null, after, zh).before).toEqual([]);
  });

  it('the 内容 column of the row reads the same way', () => {
    const said = describeAuditField('value', SCHEDULE, {
      entityType: 'PolicySetting',
      names: NO_NAMES,
      translate: zh,
    });
    expect(said).toContain('起付线 1,800.00 元');
    expect(said).not.toContain('$bigint');
  });
});

describe('names of a page, at most 10 root fields per request', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const ids = {
    persons: Array.from({ length: 23 }, (_, i) => uuid(i)),
    institutions: [uuid(100)],
    regions: Array.from({ length: 130 }, (_, i) => String(110000 + i * 100)),
    apiClients: [uuid(200)],
  };

  it('splits the look-ups and lists regions in one call per 100 codes', () => {
    const queries = namesQueries(ids);
    // 2 region calls + 23 persons + 1 institution + 1 client = 27 root fields → 3 requests.
    expect(queries).toHaveLength(3);
    for (const q of queries) {
      expect(q.fields.length).toBeLessThanOrEqual(MAX_ROOT_FIELDS);
      const roots = q.text.match(/\b[pirc]\d+: (?:person|institution|apiClient|regions)\(/g) ?? [];
      expect(roots.length).toBe(q.fields.length);
    }
    expect(queries[0].text).toContain('r0: regions(first: 100, filter: { ids: $r0 })');
    expect(queries[0].variables.r0).toHaveLength(100);
    expect(queries[0].variables.r1).toHaveLength(30);
    expect(queries.flatMap((q) => q.fields).filter((f) => f.set === 'persons')).toHaveLength(23);
    expect(namesQueries({ persons: [], institutions: [], regions: [], apiClients: [] })).toEqual([]);
  });

  it('collects the names of an answer', () => {
    const [query] = namesQueries({ ...ids, persons: [uuid(1)], regions: ['140000'] });
    const out = { persons: {}, institutions: {}, regions: {}, apiClients: {} };
    collectNames(
      query.fields,
      {
        r0: { edges: [{ node: { code: '140000', name: '山西省' } }] },
        p0: { id: uuid(1), name: '王丽' },
        i0: null,
        c0: { id: uuid(200), name: '协和医院HIS' },
      },
      out,
    );
    expect(out).toEqual({
      persons: { [uuid(1)]: '王丽' },
      institutions: {},
      regions: { '140000': '山西省' },
      apiClients: { [uuid(200)]: '协和医院HIS' },
    });
  });
});
