// Counter settlement (办理结算) without React: the dialog's values checked before anything is sent (money like every
// money input of the console, no future service date, a 6-digit password for the card), the SettlementInput built
// from them, the quote's split as labelled lines in payment order (R-SET-4), and the server's refusals placed on
// the inputs they name. Money never moves on a quote (R-SET-5).
import { describeUserError } from '../data/graphqlErrors';
import type { UserError } from '../data/graphqlTypes';
import { moneyInputError, normalizeMoneyText, withoutCode } from '../shared/moneyInput';

export const VISIT_TYPES = ['OUTPATIENT', 'INPATIENT', 'PHARMACY'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

/** SettlementChannel of the schema; only CARD asks for the payment password (R-ACC-7). */
export const SETTLEMENT_CHANNELS = ['CARD', 'E_VOUCHER', 'REGISTRATION_FEE', 'CROSS_REGION_DIRECT'] as const;
export type SettlementChannel = (typeof SETTLEMENT_CHANNELS)[number];

export interface SettleValues {
  readonly institutionId: string;
  readonly visitType: VisitType;
  readonly serviceDate: string;
  readonly covered: string;
  readonly outOfCatalogue: string;
  readonly excluded: string;
  readonly channel: SettlementChannel;
  readonly password: string;
}

/** The inputs of the dialog, in the order shown; a refusal on another input path goes above the buttons. */
export const SETTLE_FIELDS = [
  'institutionId',
  'visitType',
  'serviceDate',
  'covered',
  'outOfCatalogue',
  'excluded',
  'channel',
  'password',
] as const satisfies ReadonlyArray<keyof SettleValues>;

export function initialSettleValues(today: string, institutionId = ''): SettleValues {
  return {
    institutionId,
    visitType: 'OUTPATIENT',
    serviceDate: today,
    covered: '',
    outOfCatalogue: '',
    excluded: '',
    channel: 'CARD',
    password: '',
  };
}

/** A 6-digit payment password (R-ACC-7). */
export const PASSWORD_PATTERN = /^\d{6}$/;

/** Amount in fen of a valid money text (empty = 0). */
function fen(text: string): number {
  const value = normalizeMoneyText(text);
  if (value === '') return 0;
  const [whole, cents = ''] = value.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/**
 * Why the values cannot be sent, by input (i18n keys), empty when they can. `forConfirm` also checks the password
 * of a card payment when the quote said it is needed (R-ACC-7); a quote never needs it.
 */
export function settleValuesErrors(
  values: SettleValues,
  today: string,
  options: { readonly forConfirm?: boolean; readonly passwordRequired?: boolean } = {},
): Partial<Record<keyof SettleValues, string>> {
  const errors: Partial<Record<keyof SettleValues, string>> = {};
  if (!values.institutionId) errors.institutionId = 'gongji.settle.institution_required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.serviceDate)) errors.serviceDate = 'gongji.settle.date_required';
  else if (values.serviceDate > today) errors.serviceDate = 'gongji.settle.date_future';
  // "1,000" as a bill prints it is 1000.00 (thousands separators are dropped before sending).
  const covered = moneyInputError(values.covered, { grouping: true });
  if (covered) errors.covered = covered;
  const outOfCatalogue = moneyInputError(values.outOfCatalogue, { optional: true, grouping: true });
  if (outOfCatalogue) errors.outOfCatalogue = outOfCatalogue;
  const excluded = moneyInputError(values.excluded, { optional: true, grouping: true });
  if (excluded) errors.excluded = excluded;
  if (
    !covered &&
    !outOfCatalogue &&
    !excluded &&
    fen(values.covered) + fen(values.outOfCatalogue) + fen(values.excluded) === 0
  ) {
    errors.covered = 'gongji.settle.total_zero';
  }
  if (values.channel === 'CARD') {
    const password = values.password.trim();
    if (password !== '' && !PASSWORD_PATTERN.test(password))
      errors.password = 'gongji.settle.password_format';
    else if (password === '' && options.forConfirm && options.passwordRequired)
      errors.password = 'gongji.settle.password_required';
  }
  return errors;
}

/** Money as the API's Money scalar takes it: "0.00" for an empty optional amount, else the amount typed. */
function money(text: string): string {
  const value = normalizeMoneyText(text);
  return value === '' ? '0.00' : value;
}

/**
 * SettlementInput for the quote (no password: a quote verifies none and moves nothing) or, with `withPassword`,
 * for the confirmation; the password goes only with a card payment (R-ACC-7).
 */
export function toSettlementInput(
  patientId: string,
  values: SettleValues,
  options: { readonly withPassword?: boolean } = {},
): Record<string, unknown> {
  const password = values.password.trim();
  return {
    patientId,
    institutionId: values.institutionId,
    visitType: values.visitType,
    serviceDate: values.serviceDate,
    covered: money(values.covered),
    outOfCatalogue: money(values.outOfCatalogue),
    excluded: money(values.excluded),
    channel: values.channel,
    ...(options.withPassword && values.channel === 'CARD' && password ? { password } : {}),
  };
}

/** The quote's input, compared to tell whether a shown quote still matches what is typed (password aside). */
export function quoteKey(patientId: string, values: SettleValues): string {
  return JSON.stringify(toSettlementInput(patientId, values));
}

export interface SettlementQuoteView {
  readonly total: string | null;
  readonly fundPay: string | null;
  readonly personalShare: string | null;
  readonly accountPaid: string | null;
  readonly ownEarmarked: string | null;
  readonly ownWallet: string | null;
  readonly cash: string | null;
  readonly passwordRequired: boolean | null;
  readonly providers: ReadonlyArray<{
    readonly providerId: string;
    readonly relation: string | null;
    readonly amount: string;
  }>;
  readonly skippedProviders: ReadonlyArray<{
    readonly providerId: string;
    readonly relation: string | null;
    readonly reason: string;
    readonly rule: string;
  }>;
  readonly explanation: ReadonlyArray<{ readonly rule: string; readonly message: string }>;
  readonly userErrors: readonly UserError[];
}

export interface SplitLine {
  /** i18n key of the label; `name` fills its %{name}. */
  readonly label: string;
  readonly name?: string;
  /**
   * i18n key of the relation (gongji.relation_one.*), when the line is a relative. KinRelation.relation is the
   * BENEFICIARY's (here: the patient's) relation to the provider (DOMAIN.md R-KIN-1), so CHILD on 王丽's line means
   * the patient is 王丽's child: shown as "王丽（患者为其子女）", never "王丽（子女）".
   */
  readonly relation?: string;
  readonly amount: string;
  readonly testId: string;
}

/** Names of the relatives by person id (the person page's funding sources): staff see relatives by name. */
export type NameOf = (personId: string) => string | undefined;

/**
 * The split in payment order (R-SET-4): fund, own account, own wallet, each relative who paid, cash; the total
 * and the personal share first. Relatives whose name is unknown are called 共济亲属 (never an id).
 */
export function splitLines(quote: SettlementQuoteView, nameOf: NameOf): SplitLine[] {
  const lines: SplitLine[] = [];
  const add = (label: string, amount: string | null, testId: string) => {
    if (amount !== null) lines.push({ label, amount, testId });
  };
  add('gongji.settle.total', quote.total, 'split-total');
  add('gongji.settle.fund_pay', quote.fundPay, 'split-fund');
  add('gongji.settle.personal_share', quote.personalShare, 'split-personal');
  add('gongji.settle.own_earmarked', quote.ownEarmarked, 'split-own');
  add('gongji.settle.own_wallet', quote.ownWallet, 'split-wallet');
  quote.providers.forEach((p, i) =>
    lines.push({
      label: 'gongji.settle.provider',
      name: nameOf(p.providerId),
      relation: p.relation ? `gongji.relation_one.${p.relation}` : undefined,
      amount: p.amount,
      testId: `split-provider-${i}`,
    }),
  );
  add('gongji.settle.cash', quote.cash, 'split-cash');
  return lines;
}

/** Refusals about the payment password (R-ACC-7) that belong on the password input even when they name no field. */
export const PASSWORD_REFUSALS = ['PASSWORD_LOCKED', 'PASSWORD_NOT_SET'] as const;

/**
 * The refusals as messages on the dialog's inputs (by input path) and the rest, joined, for above the buttons. With
 * `passwordInput` (a card payment shows the password input), a lock or missing password goes on that input too.
 */
export function placeUserErrors(
  userErrors: readonly UserError[],
  options: { readonly passwordInput?: boolean } = {},
): {
  readonly fields: Partial<Record<keyof SettleValues, string>>;
  readonly root: string | null;
} {
  const fields: Partial<Record<keyof SettleValues, string>> = {};
  const rest: string[] = [];
  for (const error of userErrors) {
    let path = (error.field ?? []).filter((segment) => segment !== 'input').join('.');
    if (
      !path &&
      options.passwordInput &&
      (PASSWORD_REFUSALS as readonly string[]).includes(String(error.code))
    )
      path = 'password';
    const text = describeUserError({ ...error, message: withoutCode(error.message) });
    const field = SETTLE_FIELDS.find((f) => f === path);
    if (field) fields[field] = fields[field] ? `${fields[field]}；${text}` : text;
    else rest.push(text);
  }
  return { fields, root: rest.length > 0 ? [...new Set(rest)].join('；') : null };
}

/** The institution to start with: the person's first chosen hospital (a counter clerk works at a hospital). */
export function defaultInstitutionId(
  chosenHospitals: ReadonlyArray<{ readonly id: string; readonly designated?: boolean }>,
): string {
  return chosenHospitals.find((h) => h.designated !== false)?.id ?? '';
}

/** A pharmacy bill is a pharmacy visit (R-SET-3); a hospital bill is not. */
export function visitTypeFor(kind: string | undefined, current: VisitType): VisitType {
  if (kind === 'PHARMACY') return 'PHARMACY';
  if (kind === 'HOSPITAL' && current === 'PHARMACY') return 'OUTPATIENT';
  return current;
}
