import type { IsoDate } from '../shared/dates';

/** Sets of enum values the catalogue names in words (see `TERMS`). */
export type TermSet =
  | 'relation'
  | 'pocket'
  | 'party'
  | 'place'
  | 'entity'
  | 'visitType'
  | 'institutionKind'
  | 'feature'
  | 'cardState'
  | 'purpose'
  | 'insuranceType'
  | 'employmentStatus'
  // Explanation lines only (explanation-catalogue.ts):
  | 'outpatientCategory'
  | 'ageBand'
  | 'admission'
  | 'rateKind'
  | 'capKind'
  | 'verification'
  | 'contributionScheme'
  | 'systemAccount'
  | 'policySetting'
  | 'policySource'
  | 'evidenceKind'
  | 'role'
  // The money mutation an idempotency key was used for (IDEMPOTENCY_KEY_REUSED); English keeps the operation name.
  | 'operation'
  // A transaction's kind (SETTLEMENT, PREMIUM…): e.g. an id given to refundIssue that is not a settlement (R-USE-5).
  | 'transactionKind'
  // Not enum values: names and numbers shown as they are, only joined for the language (`王强、李四` / `a, b`).
  | 'plain';

/**
 * One placeholder value of a refusal. Plain strings and numbers are shown as they are; the tagged forms are
 * formatted for the reader's language: money in yuan, dates as `2024年12月2日` / `2 December 2024`, region codes as
 * region names (resolved by whoever renders, e.g. the API's region loader), enum values as words. Every form is
 * plain JSON, so a refusal stored for an idempotent replay renders again in the language of the replay.
 */
export type MessageParam =
  | string
  | number
  | { readonly kind: 'money'; readonly fen: string }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'term'; readonly set: TermSet; readonly value: string }
  | { readonly kind: 'terms'; readonly set: TermSet; readonly values: readonly string[] }
  | { readonly kind: 'detail'; readonly code: string; readonly params?: MessageParams };

/** Named placeholder values of a refusal, e.g. `{ region: regionParam('110000'), on: dateParam('2024-12-01') }`. */
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** An amount of money (fen), shown in yuan: `300.00 元` / `300.00 yuan`. */
export function moneyParam(amount: bigint): MessageParam {
  return { kind: 'money', fen: amount.toString() };
}

/** A calendar date, shown as `2024年12月2日` / `2 December 2024`. */
export function dateParam(date: IsoDate): MessageParam {
  return { kind: 'date', iso: date };
}

/** A region code, shown as the region's name when the renderer knows it (e.g. `北京市`), else as the code. */
export function regionParam(code: string): MessageParam {
  return { kind: 'region', code };
}

/** An enum value shown in words (`PARENT` → 父母 / parent). */
export function termParam(set: TermSet, value: string): MessageParam {
  return { kind: 'term', set, value };
}

/** A list of enum values shown in words, joined for the language (`配偶、父母` / `spouse, parent`). */
export function termsParam(set: TermSet, values: readonly string[]): MessageParam {
  return { kind: 'terms', set, values: [...values] };
}

/**
 * A sentence inside a message (the `{detail}` of INVALID_INPUT, FORBIDDEN, BAD_USER_INPUT…), rendered from the detail
 * catalogue (detail-catalogue.ts) in the reader's language: `detailParam('PAGE_SIZE_OUT_OF_RANGE', { max: 100, first: -1 })`.
 */
export function detailParam(code: string, params?: MessageParams): MessageParam {
  return params && Object.keys(params).length > 0
    ? { kind: 'detail', code, params }
    : { kind: 'detail', code };
}

/** The region codes among `params`, for a renderer that looks their names up in one batch. */
export function regionCodesOf(params: MessageParams | null | undefined): string[] {
  if (!params) return [];
  const codes = new Set<string>();
  for (const value of Object.values(params)) {
    if (typeof value !== 'object' || value === null) continue;
    if (value.kind === 'region') codes.add(value.code);
    if (value.kind === 'detail') for (const code of regionCodesOf(value.params)) codes.add(code);
  }
  return [...codes];
}
