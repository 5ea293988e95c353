// The person registration and edit forms (personRegister / personUpdate): the live ID-number check (GB 11643 check
// digit and the birth date inside, reusing @gongji/domain, R-ACC-2) and the form values → mutation inputs.
import {
  IdentityError,
  IdentityErrorCode,
  type IsoDate,
  normalizeIdNumber,
  validateIdNumberOrThrow,
} from '@gongji/domain';

/** i18n keys of the local ID-number refusals (gongji.person_form.id_*). */
export const ID_NUMBER_PROBLEMS = {
  [IdentityErrorCode.INVALID_ID_NUMBER]: 'gongji.person_form.id_format',
  [IdentityErrorCode.INVALID_ID_CHECK_DIGIT]: 'gongji.person_form.id_check_digit',
  [IdentityErrorCode.INVALID_ID_BIRTH_DATE]: 'gongji.person_form.id_birth_date',
  [IdentityErrorCode.INVALID_ID_REGION]: 'gongji.person_form.id_province',
} as const;

export type IdNumberCheck =
  | { readonly ok: true; readonly idNumber: string; readonly birthDate: IsoDate }
  | { readonly ok: false; readonly problem: string; readonly birthDate?: string };

/**
 * Checks a typed ID number like the server will (R-ACC-2): 17 digits + digit/X, the check character, a real birth
 * date not after `today`, a province code. The problem is an i18n key; `birthDate` is what the number encodes when
 * the failure is not about the format.
 */
export function checkIdNumber(value: string, today?: IsoDate): IdNumberCheck {
  try {
    const id = validateIdNumberOrThrow(value, today);
    return { ok: true, idNumber: id.idNumber, birthDate: id.birthDate };
  } catch (error) {
    const code = error instanceof IdentityError ? (error.code as IdentityErrorCode) : undefined;
    const problem =
      (code && ID_NUMBER_PROBLEMS[code as keyof typeof ID_NUMBER_PROBLEMS]) ?? 'gongji.person_form.id_format';
    return { ok: false, problem };
  }
}

/** The birth date to show while the clerk types: only once 14 characters are in (digits 7–14 are the date). */
export function birthDateWhileTyping(value: string): string | null {
  const id = normalizeIdNumber(value);
  if (!/^\d{14}/.test(id)) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Form values of the registration page → `PersonRegisterInput` (employment status only for EMPLOYEE). */
export function toPersonRegisterInput(values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {
    name: trimmed(values.name),
    idNumber: normalizeIdNumber(trimmed(values.idNumber)),
    regionCode: trimmed(values.regionCode),
    insuranceType: values.insuranceType,
    realNameVerified: Boolean(values.realNameVerified),
    outOfRegionUsePermission: Boolean(values.outOfRegionUsePermission),
    bankCardLinked: Boolean(values.bankCardLinked),
  };
  if (trimmed(values.phone)) input.phone = trimmed(values.phone);
  if (values.insuranceType === 'EMPLOYEE' && values.employmentStatus) {
    input.employmentStatus = values.employmentStatus;
  }
  if (trimmed(values.reason)) input.reason = trimmed(values.reason);
  return input;
}

/** The fields personUpdate accepts (PersonUpdateInput); the ID number, name and scheme never change. */
export const UPDATABLE_FIELDS = [
  'name',
  'phone',
  'realNameVerified',
  'outOfRegionUsePermission',
  'bankCardLinked',
  'insuranceType',
  'employmentStatus',
  'regionCode',
] as const;

/**
 * Form values of the edit page → `PersonUpdateInput`: only what changed (the audit log records the clerk's actual
 * edit), `id` and the reason always.
 */
export function toPersonUpdateInput(
  id: string,
  data: Record<string, unknown>,
  previous: Record<string, unknown> = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = { id };
  for (const key of UPDATABLE_FIELDS) {
    if (!(key in data)) continue;
    let value = data[key];
    if (typeof value === 'string') value = value.trim();
    if (value === '' || value === undefined) value = null;
    const before = previous[key] === undefined || previous[key] === '' ? null : previous[key];
    if (value === before) continue;
    if (value === null) continue; // PersonUpdateInput: null means unchanged; nothing can be cleared
    // An employment status belongs to the scheme the person is in after the change (R-ACC-1).
    const scheme = data.insuranceType ?? previous.insuranceType;
    if (key === 'employmentStatus' && scheme && scheme !== 'EMPLOYEE') continue;
    input[key] = value;
  }
  if (trimmed(data.reason)) input.reason = trimmed(data.reason);
  return input;
}

/**
 * The edit form's name check: personUpdate reads a null name as "unchanged", so a cleared name would be saved as
 * 条目已更新 with nothing changed. A name is required (an i18n key when blank).
 */
export function editNameError(value: unknown): string | undefined {
  return trimmed(value) ? undefined : 'gongji.person_form.name_required';
}

/**
 * The edit form's phone check: the API cannot remove a phone (null means unchanged), so clearing one that was set
 * is refused on the input instead of a save that changes nothing. Empty stays fine when there was none.
 */
export function editPhoneError(value: unknown, previous: unknown): string | undefined {
  return !trimmed(value) && trimmed(previous) ? 'gongji.person_form.phone_not_removable' : undefined;
}

/**
 * Only an employee participant (职工医保) has a personal account to share (R-ACC-1): anyone else — a resident with
 * only a wallet pocket included — can never be a provider, so the console offers them no 登记共济亲属.
 */
export function maySharePersonalAccount(person: {
  readonly insuranceType: string;
  readonly account: { readonly pockets: ReadonlyArray<{ readonly kind: string }> } | null;
}): boolean {
  return (
    person.insuranceType === 'EMPLOYEE' &&
    Boolean(person.account?.pockets.some((p) => p.kind === 'EARMARKED' || p.kind === 'LEGACY'))
  );
}

/** Text that is an ID number being typed (digits, a final X): looked up only once complete and valid. */
const ID_NUMBER_TYPING = /^[\dXx]+$/;

/** What the person search box asks the server, if anything. */
export type PersonSearch =
  | { readonly kind: 'none' }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'idNumber'; readonly idNumber: string }
  | { readonly kind: 'hold'; readonly problem: string };

/**
 * Reads the search box (`q`). An ID number is sent only when complete and valid (18 characters, check digit, birth
 * date, R-ACC-2): every look-up by ID number counts against an analyst's 30 an hour, and the server answers an
 * impossible number with BAD_USER_INPUT, so "1", "11", … while typing are held back (`hold`, with the hint to
 * show) for every role. With `idNumberOnly` (analysts: names are masked) any other text is held back too.
 */
export function personSearch(q: unknown, idNumberOnly = false, today?: IsoDate): PersonSearch {
  const text = typeof q === 'string' ? q.trim() : '';
  if (!text) return { kind: 'none' };
  if (!idNumberOnly && !ID_NUMBER_TYPING.test(text)) return { kind: 'name', name: text };
  const check = checkIdNumber(text, today);
  return check.ok ? { kind: 'idNumber', idNumber: check.idNumber } : { kind: 'hold', problem: check.problem };
}

/**
 * Why a person search text is not looked up (an i18n key): an ID number still incomplete, or one whose check
 * character or birth date is wrong, so the list says so instead of just 没有参保人员. Null for a valid number or a
 * name (a name only when `idNumberOnly` is off).
 */
export function idNumberSearchProblem(q: unknown, today?: IsoDate, idNumberOnly = false): string | null {
  const search = personSearch(q, idNumberOnly, today);
  return search.kind === 'hold' ? search.problem : null;
}
