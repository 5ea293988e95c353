// Money typed into a form (yuan, as the API's Money scalar takes it): checked on its own field before anything is
// sent, and a server refusal naming a field (userErrors.field, or BAD_USER_INPUT's extensions.field) put back on
// that field — never a raw code such as "（MONEY）".
import { HttpError } from 'ra-core';
import { describeUserError, topLevelErrors } from '../data/graphqlErrors';
import type { UserError } from '../data/graphqlTypes';

/** Thousands grouped the usual way: 1,000 / 12,345,678.90 (ASCII or full-width commas). */
const GROUPED = /^\d{1,3}([,，]\d{3})+(\.\d*)?$/;

/**
 * The amount as the API's Money scalar takes it: trimmed and, when the digits are grouped by thousands ("1,000.50",
 * as a bill prints them), without the separators. Any other text is returned trimmed, to be refused as it is.
 */
export function normalizeMoneyText(text: string): string {
  const value = text.trim();
  return GROUPED.test(value) ? value.replace(/[,，]/g, '') : value;
}

/**
 * Why a typed amount is refused (an i18n key), or null when it is a valid amount (or empty and optional). With
 * `grouping`, thousands separators are accepted (the caller sends {@link normalizeMoneyText} of it).
 */
export function moneyInputError(
  text: string,
  options: { optional?: boolean; grouping?: boolean } = {},
): string | null {
  const value = options.grouping ? normalizeMoneyText(text) : text.trim();
  if (value === '') return options.optional ? null : 'gongji.money_input.required';
  if (/^-/.test(value)) return 'gongji.money_input.negative';
  if (/^\d+\.\d{3,}$/.test(value)) return 'gongji.money_input.decimals';
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return 'gongji.money_input.invalid';
  return null;
}

/** A server text without the trailing non-rule code the API appends (`…（MONEY）`); DOMAIN.md rule ids stay. */
export function withoutCode(message: string): string {
  return message.replace(/\s*[（(][A-Z][A-Z_]*[）)]\s*$/, '');
}

/** The field errors (input path joined by dots, without "input") and the rest of a failed save. */
export interface SaveErrors {
  readonly fields: Record<string, string>;
  readonly root: string | null;
}

function pathOf(field: unknown): string | null {
  if (!Array.isArray(field)) return null;
  const path = field.map(String).filter((segment) => segment !== 'input');
  return path.length > 0 ? path.join('.') : null;
}

/** A save's failure (runMutation's HttpError, or any error) as field errors and a message for the rest. */
export function saveErrorsOf(error: unknown): SaveErrors {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  const body = error instanceof HttpError ? (error.body as unknown) : undefined;
  const userErrors = (body as { userErrors?: readonly UserError[] } | undefined)?.userErrors;
  const topLevel = [...topLevelErrors(error), ...topLevelErrors(body)];
  if (userErrors && userErrors.length > 0) {
    for (const u of userErrors) {
      const path = pathOf(u.field);
      const text = withoutCode(describeUserError(u));
      // Two refusals on one input (WALLET_NOT_ACTIVATED for each side) are both said, not the last one only.
      if (path) fields[path] = fields[path] && fields[path] !== text ? `${fields[path]}；${text}` : text;
      else rest.push(text);
    }
  } else if (topLevel.length > 0) {
    for (const e of topLevel) {
      const path = pathOf(e.extensions?.field);
      const text = withoutCode(e.message);
      if (path) fields[path] = text;
      else rest.push(text);
    }
  } else {
    rest.push(withoutCode((error as Error | null)?.message || 'gongji.errors.internal'));
  }
  return { fields, root: rest.length > 0 ? [...new Set(rest)].join('；') : null };
}

/**
 * An error ActionDialog puts on its fields (`body.errors` by field name, the rest as `root.serverError`): for an
 * amount refused before sending, or a failed mutation re-read with {@link saveErrorsOf} (no raw codes).
 */
export function fieldsHttpError(fields: Record<string, string>, root: string | null = null): HttpError {
  const message = root ?? Object.values(fields).join('；');
  return new HttpError(message, 400, {
    errors: { ...fields, ...(root ? { root: { serverError: root } } : {}) },
  });
}

/** A failed mutation as an ActionDialog field error (401/403 and other failures pass through unchanged). */
export function asFieldsError(error: unknown): unknown {
  if (!(error instanceof HttpError) || error.status !== 400) return error;
  const { fields, root } = saveErrorsOf(error);
  return fieldsHttpError(fields, root);
}
