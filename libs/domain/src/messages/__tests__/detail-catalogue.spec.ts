import { REFUSAL_MESSAGES, TOP_LEVEL_MESSAGES } from '../catalogue';
import { DETAIL_MESSAGES, GATEWAY_MESSAGES } from '../detail-catalogue';
import { EXPLANATION_MESSAGES } from '../explanation-catalogue';
import { renderExplanation } from '../explanations';
import { TERMS, formatDetail, formatParam } from '../format';
import { LANGUAGES } from '../language';
import {
  type MessageParam,
  dateParam,
  detailParam,
  moneyParam,
  regionCodesOf,
  regionParam,
  termParam,
  termsParam,
} from '../params';
import { placeholdersOf, renderMessage, renderRefusal } from '../render';

/**
 * Issue #9, follow-up: no English in a Chinese answer. Every catalogue (refusals, top-level errors, details,
 * explanation lines) has the same placeholders in Chinese and English, and a Chinese text rendered with sample
 * values holds no raw enum value (`HOUSEHOLD_REGISTER`, `ANALYST`…): enum values are term params, shown in words.
 */
const CATALOGUES = {
  refusal: REFUSAL_MESSAGES,
  topLevel: TOP_LEVEL_MESSAGES,
  gateway: GATEWAY_MESSAGES,
  detail: DETAIL_MESSAGES,
  explanation: EXPLANATION_MESSAGES,
} as const;

const ALL_ENTRIES = Object.entries(CATALOGUES).flatMap(([catalogue, entries]) =>
  Object.entries(entries).map(([code, entry]) => [`${catalogue}:${code}`, entry] as const),
);

/** Upper-case runs allowed in Chinese: technical names that are not enum values. */
const TECHNICAL = new Set(['YYYY', 'JSON', 'POST', 'CSRF']);
const RAW_ENUM = /[A-Z_]{4,}/g;

/** Rule ids (`R-CARD-1`) are cited as they are, in every language. */
const RULE_ID = /\bR-[A-Z]+-\d+\b/g;

function rawEnumsIn(text: string): string[] {
  return [...text.replace(RULE_ID, '').matchAll(RAW_ENUM)]
    .map((m) => m[0])
    .filter((token) => !TECHNICAL.has(token));
}

/** Entries whose languages write the same value differently: `{month}` is `{year}年{monthNumber}月` in Chinese. */
// R-ACC-4: a conflicting person-month is `王丽 2022年9月` in Chinese, `<id> 2022-09` in English.
const SAME_VALUE_OTHER_FORM = new Set([
  'explanation:CONTRIBUTION_CREDIT',
  'detail:CREDIT_CONFLICT_CREDITED',
  'detail:CREDIT_CONFLICT_LISTED_TWICE',
]);

const REGION_NAMES: Record<string, string> = { '110000': '北京市', '310000': '上海市' };
const regionName = (code: string) => REGION_NAMES[code];

const DATES = new Set([
  'on',
  'from',
  'date',
  'activatedOn',
  'registeredOn',
  'revokedOn',
  'reportedOn',
  'readyOn',
  'serviceDate',
  'birthDate',
  'beneficiaryBirth',
  'providerBirth',
  'earlier',
  'later',
  'earliest',
  'launch',
  'today',
  'checkedOn',
]);
const REGIONS = new Set([
  'region',
  'notPool',
  'withdrawn',
  'insuredRegion',
  'institutionRegion',
  'beneficiaryProvince',
  'providerProvince',
]);
const MONEY = new Set([
  'amount',
  'balance',
  'cap',
  'cash',
  'fund',
  'total',
  'used',
  'remaining',
  'refundable',
]);

/** The value a call site passes for a placeholder, as the kind of param it passes (terms for enum values). */
const SAMPLE_TERMS: Record<string, MessageParam> = {
  relation: termParam('relation', 'PARENT'),
  relations: termsParam('relation', ['SPOUSE', 'MATERNAL_GRANDPARENT']),
  pocket: termParam('pocket', 'EARMARKED'),
  party: termParam('party', 'beneficiary'),
  place: termParam('place', 'usageRegion'),
  feature: termParam('feature', 'KIN_REGISTRATION'),
  institutionKind: termParam('institutionKind', 'PHARMACY'),
  kind: termParam('institutionKind', 'PHARMACY'),
  purpose: termParam('purpose', 'RESIDENT_CONTRIBUTION'),
  state: termParam('cardState', 'PRE_REPORTED'),
  visitType: termParam('visitType', 'INPATIENT'),
  statusFor: termParam('insuranceType', 'RESIDENT'),
  what: termParam('entity', 'apiClient'),
  admission: termParam('admission', 'FIRST'),
  ageBand: termParam('ageBand', 'SEVENTY_OR_OLDER'),
  capKind: termParam('capKind', 'PER_INSTITUTION_PER_DAY'),
  category: termParam('outpatientCategory', 'IN_SERVICE'),
  verification: termParam('verification', 'CODE_PASSWORD'),
  evidenceKind: termParam('evidenceKind', 'HOUSEHOLD_REGISTER'),
  scheme: termParam('contributionScheme', 'LONG_TERM_CARE'),
  system: termParam('systemAccount', 'CONTRIBUTION_COLLECTOR'),
  setting: termParam('policySetting', 'RESIDENT_BENEFIT_SCHEDULE'),
  source: termParam('policySource', 'EARLIEST_NATIONAL_DEFAULT'),
  role: termsParam('role', ['ANALYST']),
  roles: termsParam('role', ['ADMIN', 'COUNTER', 'PORTAL']),
  detail: detailParam('PAGE_SIZE_OUT_OF_RANGE', { max: 100, first: -1 }),
};

function sample(name: string): MessageParam {
  if (SAMPLE_TERMS[name]) return SAMPLE_TERMS[name];
  if (DATES.has(name)) return dateParam('2024-06-01');
  if (REGIONS.has(name)) return regionParam('110000');
  if (MONEY.has(name)) return moneyParam(30000n);
  return '示例';
}

/** One template with every placeholder filled by its sample, as the renderers format params. */
function fill(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    formatParam(sample(name), 'zh', regionName),
  );
}

describe('catalogues: Chinese and English alike, no raw enum value in Chinese', () => {
  it.each(ALL_ENTRIES.filter(([code]) => !SAME_VALUE_OTHER_FORM.has(code)))(
    '%s: Chinese and English use the same placeholders',
    (_code, entry) => {
      const names = (variants: readonly string[]) => [...new Set(variants.flatMap(placeholdersOf))].sort();
      expect(names(entry.zh)).toEqual(names(entry.en));
    },
  );

  it.each(ALL_ENTRIES)(
    '%s: every Chinese variant, rendered with sample values, names no raw enum value',
    (_code, entry) => {
      for (const template of entry.zh) {
        const text = fill(template);
        expect({ template, text, raw: rawEnumsIn(text) }).toEqual({ template, text, raw: [] });
      }
    },
  );

  const detailAndGateway = Object.entries({ ...DETAIL_MESSAGES, ...GATEWAY_MESSAGES });
  it.each(detailAndGateway)(
    '%s: the last variant of each language needs no data, and Chinese is Chinese',
    (_code, entry) => {
      for (const language of LANGUAGES) {
        const variants = entry[language];
        expect(variants.length).toBeGreaterThan(0);
        expect(placeholdersOf(variants[variants.length - 1])).toEqual([]);
      }
      expect(entry.zh.every((v) => /[\u4e00-\u9fff]/.test(v))).toBe(true);
      // English quotes a Chinese term in brackets where the API always has: (定点), (调休).
      expect(entry.en.every((v) => !/[\u4e00-\u9fff]/.test(v.replace(/\((定点|调休)\)/g, '')))).toBe(true);
    },
  );

  it('every enum term has a Chinese word (no raw value) and an English one', () => {
    for (const [set, values] of Object.entries(TERMS)) {
      for (const [value, words] of Object.entries(values)) {
        expect({ set, value, raw: rawEnumsIn(words.zh) }).toEqual({ set, value, raw: [] });
        expect({ set, value, en: words.en.length > 0 }).toEqual({ set, value, en: true });
      }
    }
  });

  it('every evidence kind the API accepts (EvidenceKind) has words in both languages', () => {
    for (const kind of [
      'HOUSEHOLD_REGISTER',
      'MARRIAGE_CERTIFICATE',
      'BIRTH_CERTIFICATE',
      'OTHER_OFFICIAL',
    ]) {
      expect(TERMS.evidenceKind[kind]?.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(TERMS.evidenceKind[kind]?.en).toMatch(/^[a-z ]+$/);
    }
  });
});

describe('detail params', () => {
  it('render in the reader language inside a refusal: INVALID_INPUT {detail}', () => {
    const refusal = {
      code: 'INVALID_INPUT',
      message: 'Unknown scopes: root',
      params: { detail: detailParam('SCOPES_UNKNOWN', { scopes: 'root' }) },
    };
    expect(renderRefusal(refusal, 'zh')).toBe('输入无效：未知的权限范围：root');
    expect(renderRefusal(refusal, 'en')).toBe('Unknown scopes: root');
  });

  it('render inside a top-level message, with terms and numbers', () => {
    const detail = detailParam('ROLE_REQUIRED', {
      field: 'Person.paymentPassword',
      roles: termsParam('role', ['ADMIN', 'COUNTER']),
      role: termsParam('role', ['ANALYST']),
    });
    expect(renderMessage('FORBIDDEN', 'zh', { detail })).toBe(
      '无权执行此操作（Person.paymentPassword 仅限系统管理员、柜台工作人员使用，当前身份为数据分析人员）',
    );
    expect(formatDetail('PAGE_SIZE_OUT_OF_RANGE', { max: 100, first: -1 }, 'en')).toBe(
      'first must be between 0 and 100, got -1',
    );
  });

  it('fall back to the general variant without data, and to the code when unknown', () => {
    expect(formatDetail('NOT_A_CURSOR', undefined, 'zh')).toBe('游标无效');
    expect(formatDetail('NO_SUCH_DETAIL', undefined, 'zh')).toBe('NO_SUCH_DETAIL');
  });

  it("expose their region codes for the renderer's batch lookup", () => {
    expect(regionCodesOf({ detail: detailParam('X', { region: regionParam('310000') }) })).toEqual([
      '310000',
    ]);
  });
});

describe('R-WAL-4 evidence in an explanation line', () => {
  const line = {
    code: 'RELATION_ATTESTED',
    params: {
      evidenceKind: termParam('evidenceKind', 'MARRIAGE_CERTIFICATE'),
      checkedOn: dateParam('2024-06-01'),
    },
    message: 'attested by counter staff (marriage certificate, 2024-06-01)',
  };

  it('names the document in words, in Chinese and in English', () => {
    expect(renderExplanation(line, 'zh')).toBe('经柜台工作人员核验：结婚证，2024年6月1日');
    expect(renderExplanation(line, 'en')).toBe(line.message);
  });
});
