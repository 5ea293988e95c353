import { formatMoney } from '../money/money';
import { type RegionNameOf, TERMS, formatParam } from './format';
import type { Language } from './language';
import type { MessageParam, MessageParams, TermSet } from './params';
import { renderMessage } from './render';
import { EXPLANATION_MESSAGES } from './explanation-catalogue';

/**
 * One placeholder value of an explanation line: a refusal's {@link MessageParam}, or
 * - `list`: items each rendered with the catalogue entry `item`, joined (`, ` / `、`), e.g. the inpatient bands;
 * - `line`: another explanation line inside this one (a skipped relative's reason);
 * - `refusal`: a refusal inside this one (why a relative's account may not be used): its own English text in
 *   English, the refusal catalogue's text in Chinese.
 * Plain JSON: stored with the transaction and in idempotent replies, rendered again in the reader's language.
 */
export type ExplanationParam =
  | MessageParam
  | { readonly kind: 'list'; readonly item: string; readonly items: readonly ExplanationParams[] }
  | {
      readonly kind: 'line';
      readonly code?: string;
      readonly params?: ExplanationParams;
      readonly message: string;
    }
  | {
      readonly kind: 'refusal';
      readonly code: string;
      readonly rule?: string;
      readonly params?: MessageParams;
      readonly message: string;
    };

/** Named placeholder values of an explanation line. */
export type ExplanationParams = Readonly<Record<string, ExplanationParam>>;

/** What a renderer needs of an explanation line (a domain `Explanation`, a stored row, a replayed reply's line). */
export interface ExplanationLike {
  /** Today's English text, kept for logs, old rows and as the fallback. */
  readonly message: string;
  readonly code?: string | null;
  readonly params?: ExplanationParams | null;
}

/**
 * Term sets that English explanation lines spell in words ("in service", "first", "yearly cap"); every other enum
 * value appears in English lines as it is (`EARMARKED`, `SPOUSE`, `FACE`), as it always has.
 */
const ENGLISH_WORD_SETS: ReadonlySet<TermSet> = new Set<TermSet>([
  'outpatientCategory',
  'ageBand',
  'admission',
  'rateKind',
  'capKind',
  'policySetting',
  'policySource',
  'evidenceKind',
]);

const PLACEHOLDER = /\{(\w+)\}/g;

interface Template {
  readonly text: string;
  readonly names: readonly string[];
}

/** Templates parsed once per code and language, on first use (no work per request beyond the substitution). */
const parsed = new Map<string, readonly Template[] | null>();

function templatesOf(code: string, language: Language): readonly Template[] | null {
  const key = `${language}:${code}`;
  let templates = parsed.get(key);
  if (templates === undefined) {
    const variants = EXPLANATION_MESSAGES[code]?.[language];
    templates =
      variants && variants.length > 0
        ? variants.map((text) => ({ text, names: [...text.matchAll(PLACEHOLDER)].map((m) => m[1]) }))
        : null;
    parsed.set(key, templates);
  }
  return templates;
}

/** True when the explanation catalogue has a text for `code` in `language`. */
export function hasExplanation(code: string, language: Language): boolean {
  return templatesOf(code, language) !== null;
}

/**
 * The catalogue text of an explanation `code` in `language` with `params` formatted in, or `null` without an entry.
 * The first variant whose placeholders are all in `params` is used (entries go from specific to general).
 */
export function renderExplanationCode(
  code: string,
  language: Language,
  params: ExplanationParams | null | undefined,
  regionName?: RegionNameOf,
): string | null {
  const templates = templatesOf(code, language);
  if (!templates) return null;
  const given = params ?? {};
  const template =
    templates.find((t) => t.names.every((n) => given[n] !== undefined && given[n] !== null)) ??
    templates[templates.length - 1];
  if (template.names.length === 0) return template.text;
  return template.text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = given[name];
    return value === undefined || value === null
      ? whole
      : formatExplanationParam(value, language, regionName);
  });
}

/**
 * The text of one explanation line in `language`: from the catalogue by `code`, or the line's own (English)
 * `message` when it has no code (rows written before codes existed) or the catalogue has no text for it.
 */
export function renderExplanation(
  line: ExplanationLike,
  language: Language,
  regionName?: RegionNameOf,
): string {
  if (!line.code) return line.message;
  return renderExplanationCode(line.code, language, line.params, regionName) ?? line.message;
}

function formatExplanationParam(
  param: ExplanationParam,
  language: Language,
  regionName?: RegionNameOf,
): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  switch (param.kind) {
    case 'list':
      return param.items
        .map((item) => renderExplanationCode(param.item, language, item, regionName) ?? '')
        .join(language === 'zh' ? '、' : ', ');
    case 'line':
      return renderExplanation(param, language, regionName);
    case 'refusal':
      return language === 'en'
        ? param.message
        : (renderMessage(param.code, language, param.params, regionName, param.rule) ?? param.message);
    default:
      return language === 'en' ? englishParam(param) : formatParam(param, language, regionName);
  }
}

/**
 * A value as English explanation lines have always shown it: bare amounts, ISO dates, codes, enum values (a list
 * joined with `, `, `nobody` when empty).
 */
function englishParam(param: Exclude<MessageParam, string | number>): string {
  switch (param.kind) {
    case 'money':
      return formatMoney(BigInt(param.fen));
    case 'date':
      return param.iso;
    case 'region':
      return param.code;
    case 'term':
      return ENGLISH_WORD_SETS.has(param.set)
        ? (TERMS[param.set]?.[param.value]?.en ?? param.value)
        : param.value;
    case 'terms':
      return param.values.length === 0 ? 'nobody' : param.values.join(', ');
    case 'detail':
      return formatParam(param, 'en');
  }
}

/** The region codes among an explanation line's params (nested lines and refusals included), for one batch lookup. */
export function explanationRegionCodes(params: ExplanationParams | null | undefined): string[] {
  if (!params) return [];
  const codes = new Set<string>();
  const visit = (value: ExplanationParam): void => {
    if (typeof value !== 'object' || value === null) return;
    if (value.kind === 'region') codes.add(value.code);
    else if (value.kind === 'list') for (const item of value.items) Object.values(item).forEach(visit);
    else if ((value.kind === 'line' || value.kind === 'refusal') && value.params)
      Object.values(value.params).forEach(visit);
  };
  Object.values(params).forEach(visit);
  return [...codes];
}

/** The explanation codes of the catalogue (for tests and tooling). */
export function explanationCodes(): string[] {
  return Object.keys(EXPLANATION_MESSAGES).sort();
}
