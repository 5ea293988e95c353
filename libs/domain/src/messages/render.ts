import { type CatalogueEntry, REFUSAL_MESSAGES, TOP_LEVEL_MESSAGES } from './catalogue';
import { GATEWAY_MESSAGES } from './detail-catalogue';
import { type RegionNameOf, formatParam } from './format';
import type { Language } from './language';
import { type MessageParams, termParam } from './params';

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The catalogue entry of a code (refusal or top-level), if any. A code that several rules share may have an entry
 * for one rule, keyed `CODE@RULE` (VERIFICATION_REQUIRED is a wallet face check under R-WAL-6 but the patient's
 * payment password under R-ACC-7); it wins when the refusal cites that rule.
 */
export function catalogueEntry(code: string, rule?: string | null): CatalogueEntry | undefined {
  return (
    (rule ? REFUSAL_MESSAGES[`${code}@${rule}`] : undefined) ??
    REFUSAL_MESSAGES[code] ??
    TOP_LEVEL_MESSAGES[code] ??
    GATEWAY_MESSAGES[code]
  );
}

/** True when the catalogue has a text for `code` in `language`. */
export function hasMessage(code: string, language: Language): boolean {
  return (catalogueEntry(code)?.[language].length ?? 0) > 0;
}

/** The placeholder names of one template (`'{a} and {b}'` → `['a', 'b']`). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * The catalogue text of `code` in `language` with `params` formatted in, or `null` when the catalogue has no entry.
 * The first variant whose placeholders are all in `params` is used (entries go from specific to general).
 */
export function renderMessage(
  code: string,
  language: Language,
  params: MessageParams | null | undefined = {},
  regionName?: RegionNameOf,
  rule?: string | null,
): string | null {
  const variants = catalogueEntry(code, rule)?.[language];
  if (!variants || variants.length === 0) return null;
  const given = params ?? {};
  const template =
    variants.find((v) =>
      placeholdersOf(v).every((name) => given[name] !== undefined && given[name] !== null),
    ) ?? variants[variants.length - 1];
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = given[name];
    return value === undefined || value === null ? whole : formatParam(value, language, regionName);
  });
}

/** What a renderer needs of a refusal (a UserError, a stored reply's plain object, a DomainError's data). */
export interface RefusalLike {
  readonly code: string;
  /** The refusal's own English text as the API has always sent it (rule suffix included), for logs and fallback. */
  readonly message?: string | null;
  readonly rule?: string | null;
  readonly field?: readonly string[] | null;
  readonly params?: MessageParams | null;
}

/** Who an input field is about, so a refusal without params can still say "the sender" or "the recipient". */
const PARTY_OF_FIELD: Readonly<Record<string, string>> = {
  fromPersonId: 'sender',
  toPersonId: 'recipient',
  providerId: 'provider',
  beneficiaryId: 'beneficiary',
  patientId: 'patient',
  payerId: 'payer',
  insuredId: 'insured',
};

/** `params`, plus the `party` implied by the refusal's input field when the params do not name one. */
function paramsWithParty(refusal: RefusalLike): MessageParams {
  const params = refusal.params ?? {};
  const field = refusal.field?.[0];
  const party = field ? PARTY_OF_FIELD[field] : undefined;
  if (params['party'] !== undefined || !party) return params;
  return { ...params, party: termParam('party', party) };
}

/**
 * The user-facing text of a refusal in `language`, naming its rule: `…（R-WAL-3）` / `… (R-WAL-3)`.
 *
 * Chinese always comes from the catalogue. English comes from the catalogue when the refusal carries `params` (its
 * call site says what to show); a refusal without params keeps its own English text, as precise as ever. A code
 * missing from the catalogue (a test forbids it) falls back to the own text.
 */
export function renderRefusal(refusal: RefusalLike, language: Language, regionName?: RegionNameOf): string {
  const own = refusal.message ?? '';
  const hasParams = !!refusal.params && Object.keys(refusal.params).length > 0;
  if (language === 'en' && !hasParams && own) return own;
  const text = renderMessage(refusal.code, language, paramsWithParty(refusal), regionName, refusal.rule);
  return text === null ? own : withRule(text, refusal.rule, language);
}

/** `text` naming the rule that refused, if any: `…（R-WAL-3）` / `… (R-WAL-3)`. */
export function withRule(text: string, rule: string | null | undefined, language: Language): string {
  if (!rule) return text;
  return language === 'zh' ? `${text}（${rule}）` : `${text} (${rule})`;
}
