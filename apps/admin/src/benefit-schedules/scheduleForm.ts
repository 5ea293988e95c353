// The benefit-schedule editor's model (R-SET-1/2/3, issue #10): one set of terms applied to the chosen hospital
// levels, as `benefitScheduleSet` takes it, and the live calculator that splits a bill with the SAME libs/domain
// function the server settles with (`fundShare`, called by `settleOrThrow`). Pure: unit-tested.
import {
  type BenefitSchedule,
  EmploymentStatus,
  type Fen,
  InstitutionKind,
  sumFen,
  InstitutionLevel,
  InsuranceType,
  PaymentChannel,
  VisitType,
  formatMoney,
  fundShare,
  parseMoneyOrThrow,
  ZERO,
} from '@gongji/domain';
import type { EffectivePolicyView } from '../data/policy/policyTypes';
import { moneyInputError } from '../shared/moneyInput';

export type Category = 'inService' | 'retiredUnder70' | 'retired70Plus';
export const CATEGORIES: readonly Category[] = ['inService', 'retiredUnder70', 'retired70Plus'];
export const LEVELS = Object.values(InstitutionLevel);

/** Money as typed (yuan text), rates as percents (50 = 50 %). */
export interface ScheduleForm {
  readonly outpatient: Record<Category, { deductible: string; fundRate: string }>;
  readonly annualFundCap: string;
  readonly firstAdmissionDeductible: string;
  readonly laterAdmissionDeductible: string;
  readonly bands: ReadonlyArray<{ upTo: string; fundRate: string }>;
  readonly retireePersonalShareFactor: string;
  readonly annualFundMax: string;
  readonly pharmacyFundRate: string;
}

const pct = (bp: number) => String(bp / 100);
const bp = (percent: string) => Math.round(Number(percent) * 100);

/** The terms of one level of the policy in force, as the form's starting point. */
export function formFromPolicy(policy: EffectivePolicyView, level = 'TERTIARY'): ScheduleForm {
  const op = policy.outpatient.find((o) => o.level === level) ?? policy.outpatient[0];
  const ip = policy.inpatient.find((i) => i.level === level) ?? policy.inpatient[0];
  return {
    outpatient: {
      inService: { deductible: op.inService.deductible, fundRate: pct(op.inService.fundRate) },
      retiredUnder70: { deductible: op.retiredUnder70.deductible, fundRate: pct(op.retiredUnder70.fundRate) },
      retired70Plus: { deductible: op.retired70Plus.deductible, fundRate: pct(op.retired70Plus.fundRate) },
    },
    annualFundCap: op.annualFundCap ?? '',
    firstAdmissionDeductible: ip.firstAdmissionDeductible,
    laterAdmissionDeductible: ip.laterAdmissionDeductible,
    bands: ip.bands.map((b) => ({ upTo: b.upTo ?? '', fundRate: pct(b.fundRate) })),
    retireePersonalShareFactor: pct(ip.retireePersonalShareFactor),
    annualFundMax: ip.annualFundMax ?? '',
    pharmacyFundRate: pct(policy.pharmacyFundRate),
  };
}

const money = (text: string) => text.trim() || null;

/** The form → `BenefitScheduleSetInput` (the server validates; empty cap/maximum = none). */
export function toBenefitScheduleSetInput(
  form: ScheduleForm,
  extra: {
    regionCode: string | null;
    effectiveFrom: string;
    scheme: 'EMPLOYEE' | 'RESIDENT';
    levels: readonly string[];
    reason: string;
  },
): Record<string, unknown> {
  const terms = (c: Category) => ({
    deductible: form.outpatient[c].deductible.trim(),
    fundRate: bp(form.outpatient[c].fundRate),
  });
  return {
    ...(extra.regionCode ? { regionCode: extra.regionCode } : {}),
    effectiveFrom: extra.effectiveFrom,
    scheme: extra.scheme,
    ...(extra.levels.length > 0 && extra.levels.length < LEVELS.length ? { levels: [...extra.levels] } : {}),
    outpatient: {
      inService: terms('inService'),
      retiredUnder70: terms('retiredUnder70'),
      retired70Plus: terms('retired70Plus'),
      annualFundCap: money(form.annualFundCap),
    },
    inpatient: {
      firstAdmissionDeductible: form.firstAdmissionDeductible.trim(),
      laterAdmissionDeductible: form.laterAdmissionDeductible.trim(),
      bands: form.bands.map((b) => ({ upTo: money(b.upTo), fundRate: bp(b.fundRate) })),
      retireePersonalShareFactor: bp(form.retireePersonalShareFactor),
      annualFundMax: money(form.annualFundMax),
    },
    pharmacyFundRate: bp(form.pharmacyFundRate),
    ...(extra.reason.trim() ? { reason: extra.reason.trim() } : {}),
  };
}

const fen = (text: string): Fen => parseMoneyOrThrow(text.trim() || '0');
const fenOrNull = (text: string): Fen | null => (text.trim() ? parseMoneyOrThrow(text.trim()) : null);

/** The form as a domain schedule, the same terms at every level (what the calculator needs). */
export function toSchedule(form: ScheduleForm): BenefitSchedule {
  const terms = (c: Category) => ({
    deductible: fen(form.outpatient[c].deductible),
    fundRate: bp(form.outpatient[c].fundRate),
  });
  const outpatient = {
    inService: terms('inService'),
    retiredUnder70: terms('retiredUnder70'),
    retired70Plus: terms('retired70Plus'),
    annualFundCap: fenOrNull(form.annualFundCap),
  };
  const inpatient = {
    firstAdmissionDeductible: fen(form.firstAdmissionDeductible),
    laterAdmissionDeductible: fen(form.laterAdmissionDeductible),
    bands: form.bands.map((b) => ({ upTo: fenOrNull(b.upTo), fundRate: bp(b.fundRate) })),
    retireePersonalShareFactor: bp(form.retireePersonalShareFactor),
    annualFundMax: fenOrNull(form.annualFundMax),
  };
  const every = <T>(value: T): Record<InstitutionLevel, T> => ({
    [InstitutionLevel.TERTIARY]: value,
    [InstitutionLevel.SECONDARY]: value,
    [InstitutionLevel.PRIMARY]: value,
    [InstitutionLevel.OTHER]: value,
  });
  return {
    outpatient: every(outpatient),
    inpatient: every(inpatient),
    pharmacyFundRate: bp(form.pharmacyFundRate),
  };
}

export interface CalculatorBill {
  readonly visitType: 'OUTPATIENT' | 'INPATIENT' | 'PHARMACY';
  readonly category: Category;
  readonly covered: string;
  readonly outOfCatalogue: string;
  /** Outpatient covered cost earlier this year (deductible progress). */
  readonly coveredEarlier: string;
  /** Admissions earlier this year (first or later deductible). */
  readonly admissionsEarlier: number;
  readonly serviceDate: string;
}

export interface CalculatorResult {
  readonly fund: string;
  readonly personal: string;
  readonly total: string;
  readonly rules: readonly string[];
}

function birthDateFor(category: Category, serviceDate: string): string {
  const years = category === 'inService' ? 40 : category === 'retiredUnder70' ? 65 : 75;
  return `${Number(serviceDate.slice(0, 4)) - years}${serviceDate.slice(4)}`;
}

/**
 * Splits a bill with `fundShare` of libs/domain — what `settlementQuote` computes for the fund on the server —
 * under the edited schedule. Throws on unreadable amounts (the page shows "check the figures").
 */
export function calculate(form: ScheduleForm, bill: CalculatorBill): CalculatorResult {
  const covered = fen(bill.covered);
  const outOfCatalogue = fen(bill.outOfCatalogue);
  const share = fundShare(
    {
      visitType: VisitType[bill.visitType],
      serviceDate: bill.serviceDate,
      covered,
      outOfCatalogue,
      excluded: ZERO,
      channel: PaymentChannel.E_VOUCHER,
      institution: {
        id: 'calculator',
        kind: bill.visitType === 'PHARMACY' ? InstitutionKind.PHARMACY : InstitutionKind.HOSPITAL,
        level: bill.visitType === 'PHARMACY' ? InstitutionLevel.OTHER : InstitutionLevel.TERTIARY,
        regionCode: '000000',
        acceptsWallet: false,
        designated: true,
      },
    },
    {
      id: 'calculator',
      employmentStatus:
        bill.category === 'inService' ? EmploymentStatus.IN_SERVICE : EmploymentStatus.RETIRED,
      birthDate: birthDateFor(bill.category, bill.serviceDate),
      insuranceType: InsuranceType.EMPLOYEE,
      regionCode: '000000',
      outOfRegionUsePermission: false,
    },
    {
      year: Number(bill.serviceDate.slice(0, 4)),
      outpatientCovered: fen(bill.coveredEarlier),
      outpatientFundPaid: ZERO,
      inpatientAdmissions: bill.admissionsEarlier,
      inpatientFundPaid: ZERO,
      accountPaid: ZERO,
    },
    toSchedule(form),
  );
  const total = sumFen([covered, outOfCatalogue]);
  return {
    fund: formatMoney(share.fund),
    personal: formatMoney(total - share.fund),
    total: formatMoney(total),
    rules: [...new Set(share.explanation.map((e) => e.rule))],
  };
}

/**
 * The money fields of the form that cannot be sent, by their path in `BenefitScheduleSetInput` (the path the
 * server names in a refusal), each with the i18n key of why. Empty: every amount is valid.
 */
export function scheduleMoneyErrors(form: ScheduleForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (path: string, text: string, optional = false) => {
    const error = moneyInputError(text, { optional });
    if (error) errors[path] = error;
  };
  CATEGORIES.forEach((c) => check(`outpatient.${c}.deductible`, form.outpatient[c].deductible));
  check('outpatient.annualFundCap', form.annualFundCap, true);
  check('inpatient.firstAdmissionDeductible', form.firstAdmissionDeductible);
  check('inpatient.laterAdmissionDeductible', form.laterAdmissionDeductible);
  form.bands.forEach((b, i) => check(`inpatient.bands.${i}.upTo`, b.upTo, true));
  check('inpatient.annualFundMax', form.annualFundMax, true);
  return errors;
}

export type CapsForm = Record<'perInstitutionPerDay' | 'perDayAcrossInstitutions' | 'perYear', string>;

/** The spending caps that cannot be sent (`spendingCapsSet` input paths); empty caps mean none. */
export function capsMoneyErrors(caps: CapsForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, text] of Object.entries(caps)) {
    const error = moneyInputError(text, { optional: true });
    if (error) errors[key] = error;
  }
  return errors;
}

/** The calculator's own amounts that cannot be read (its fields, by name). */
export function billMoneyErrors(bill: CalculatorBill): Record<string, string> {
  const errors: Record<string, string> = {};
  const fields = [
    'covered',
    'outOfCatalogue',
    ...(bill.visitType === 'OUTPATIENT' ? ['coveredEarlier'] : []),
  ];
  for (const key of fields as ('covered' | 'outOfCatalogue' | 'coveredEarlier')[]) {
    const error = moneyInputError(bill[key]);
    if (error) errors[key] = error;
  }
  return errors;
}

/** Why a typed percentage is refused (an i18n key), or null for a number from 0 to 100 (at most 2 decimals). */
export function percentInputError(text: string): string | null {
  const value = text.trim();
  if (!/^-?\d+(\.\d{1,2})?$/.test(value)) return 'gongji.schedules.rate_invalid';
  const n = Number(value);
  return n < 0 || n > 100 ? 'gongji.schedules.rate_range' : null;
}

/** The percentage fields of the form that cannot be sent, by input path (as the server names them, less the level). */
export function scheduleRateErrors(form: ScheduleForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (path: string, text: string) => {
    const error = percentInputError(text);
    if (error) errors[path] = error;
  };
  CATEGORIES.forEach((c) => check(`outpatient.${c}.fundRate`, form.outpatient[c].fundRate));
  form.bands.forEach((b, i) => check(`inpatient.bands.${i}.fundRate`, b.fundRate));
  check('inpatient.retireePersonalShareFactor', form.retireePersonalShareFactor);
  check('pharmacyFundRate', form.pharmacyFundRate);
  return errors;
}

/** Every check the page runs before sending a schedule: amounts and percentages. */
export function scheduleFormErrors(form: ScheduleForm): Record<string, string> {
  return { ...scheduleMoneyErrors(form), ...scheduleRateErrors(form) };
}

/** The input paths the schedule page has a field for (where a server refusal can be shown). */
export function scheduleFieldPaths(form: ScheduleForm): readonly string[] {
  return [
    ...CATEGORIES.flatMap((c) => [`outpatient.${c}.deductible`, `outpatient.${c}.fundRate`]),
    'outpatient.annualFundCap',
    'inpatient.firstAdmissionDeductible',
    'inpatient.laterAdmissionDeductible',
    'inpatient.retireePersonalShareFactor',
    'inpatient.annualFundMax',
    ...form.bands.flatMap((_b, i) => [`inpatient.bands.${i}.upTo`, `inpatient.bands.${i}.fundRate`]),
    'pharmacyFundRate',
    'reason',
    'effectiveFrom',
  ];
}

const LEVEL_NAMES: readonly string[] = LEVELS;

/**
 * A server path as the form's field path: the server checks the terms once per hospital level and names the level
 * (`outpatient.TERTIARY.inService.fundRate`); the form edits one set of terms for all levels.
 */
export function formPathOf(serverPath: string): string {
  const segments = serverPath.split('.');
  if (
    segments.length > 2 &&
    ['outpatient', 'inpatient'].includes(segments[0]) &&
    LEVEL_NAMES.includes(segments[1])
  ) {
    segments.splice(1, 1);
  }
  return segments.join('.');
}

/**
 * A refused save (`saveErrorsOf`) placed on the page: errors on a field the page shows go there (a refused
 * percentage in words: "比例须在 0–100 之间" when it is out of range); anything else stays in the message.
 */
export function placeScheduleErrors(
  failed: { fields: Record<string, string>; root: string | null },
  fieldPaths: readonly string[],
  form?: ScheduleForm,
): { fields: Record<string, string>; root: string | null } {
  const fields: Record<string, string> = {};
  const rest: string[] = failed.root ? [failed.root] : [];
  const rateErrors = form ? scheduleRateErrors(form) : {};
  for (const [serverPath, message] of Object.entries(failed.fields)) {
    const path = formPathOf(serverPath);
    if (!fieldPaths.includes(path)) {
      rest.push(message);
      continue;
    }
    const text = rateErrors[path] ?? message;
    fields[path] = fields[path] && fields[path] !== text ? `${fields[path]}；${text}` : text;
  }
  return { fields, root: rest.length > 0 ? [...new Set(rest)].join('；') : null };
}

/** Two forms with the same figures (the officer's edits are kept unless the form still equals what was loaded). */
export function sameFigures<T>(a: T | null, b: T | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What the page does when the figures in force for a new region or date arrive: a pristine form (nothing typed
 * since the last load) takes them; an edited one is kept, and the new figures wait (`pending`) until the officer
 * chooses to load them, discarding the edits.
 */
export function adoptLoaded<T>(
  state: { current: T | null; baseline: T | null },
  loaded: T,
): { current: T; baseline: T; pending: T | null } {
  const { current, baseline } = state;
  if (current === null || sameFigures(current, baseline) || sameFigures(current, loaded)) {
    return { current: loaded, baseline: loaded, pending: null };
  }
  // Back on the figures the edits started from (e.g. the date changed back): nothing to offer.
  if (sameFigures(loaded, baseline)) return { current, baseline: loaded, pending: null };
  return { current, baseline: baseline ?? loaded, pending: loaded };
}
