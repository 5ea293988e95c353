import { type Fen, applyRateHalfUp, formatMoney, maxFen, minFen } from '../money/money';
import { explain, formatRate } from '../ledger/explain';
import { ageOn } from '../identity/identity.rules';
import { EmploymentStatus, InsuranceType } from '../person/person';
import type { Explanation } from '../shared/domain-error';
import type { ExplanationParams } from '../messages/explanations';
import { moneyParam, termParam } from '../messages/params';
import type { IsoDate } from '../shared/dates';
import type { BenefitSchedule, OutpatientSchedule, OutpatientTerms } from './benefit-schedule';
import { InstitutionKind } from '../institution/institution';
import { type Bill, type SettlementPatient, VisitType, type YearToDate } from './settlement';

const ZERO = 0n as Fen;
/** Inpatient fund rates are combined at this scale (basis points × basis points) and rounded once. */
const SCALE = 100_000_000n;

/** The fund's share of a bill and the accumulators it moves. */
export interface FundShare {
  readonly fund: Fen;
  readonly explanation: readonly Explanation[];
  /** Accumulator changes other than `accountPaid` (which depends on the payment split). */
  readonly outpatientCovered: Fen;
  readonly outpatientFundPaid: Fen;
  readonly inpatientAdmissions: number;
  readonly inpatientFundPaid: Fen;
}

function outpatientTerms(
  schedule: OutpatientSchedule,
  patient: SettlementPatient,
  serviceDate: IsoDate,
): { terms: OutpatientTerms; label: string; code: string; params: ExplanationParams } {
  if (patient.employmentStatus !== EmploymentStatus.RETIRED) {
    // Non-employee schemes pass their own schedule, whose base terms apply; the line names the scheme, not "in service".
    const category =
      patient.insuranceType === InsuranceType.RESIDENT
        ? 'RESIDENT'
        : patient.insuranceType === InsuranceType.FLEXIBLE
          ? 'FLEXIBLE'
          : 'IN_SERVICE';
    const label =
      category === 'RESIDENT'
        ? 'resident insurance'
        : category === 'FLEXIBLE'
          ? 'flexible employment'
          : 'in service';
    return {
      terms: schedule.inService,
      label,
      code: 'FUND_OUTPATIENT',
      params: { category: termParam('outpatientCategory', category) },
    };
  }
  const age = ageOn(patient.birthDate, serviceDate);
  const code = 'FUND_OUTPATIENT_RETIRED';
  return age >= 70
    ? {
        terms: schedule.retired70Plus,
        label: `retired, aged ${age} (70 or older)`,
        code,
        params: { age, ageBand: termParam('ageBand', 'SEVENTY_OR_OLDER') },
      }
    : {
        terms: schedule.retiredUnder70,
        label: `retired, aged ${age} (under 70)`,
        code,
        params: { age, ageBand: termParam('ageBand', 'UNDER_SEVENTY') },
      };
}

/**
 * R-SET-1: outpatient/emergency. The deductible applies to the covered spend accumulated in the calendar year; the
 * fund pays the category's rate of the covered cost above it, rounded half-up to the fen, within the annual fund cap
 * of the schedule (none from 2023-01-01; before, the policy passes 20,000 yuan).
 */
function outpatientFund(
  bill: Bill,
  patient: SettlementPatient,
  ytd: YearToDate,
  schedule: BenefitSchedule,
): FundShare {
  const level = schedule.outpatient[bill.institution.level];
  const { terms, label, code, params } = outpatientTerms(level, patient, bill.serviceDate);
  const deductibleLeft = maxFen(ZERO, (terms.deductible - ytd.outpatientCovered) as Fen);
  const underDeductible = minFen(bill.covered, deductibleLeft);
  const above = (bill.covered - underDeductible) as Fen;
  let fund = applyRateHalfUp(above, terms.fundRate);
  const explanation: Explanation[] = [
    explain(
      'R-SET-1',
      `${label}: deductible ${formatMoney(terms.deductible)} per year, ${formatMoney(ytd.outpatientCovered)} covered ` +
        `cost earlier this year; ${formatMoney(underDeductible)} of this bill's covered ${formatMoney(bill.covered)} ` +
        `falls under the deductible; fund pays ${formatRate(terms.fundRate)} of ${formatMoney(above)} = ${formatMoney(fund)}`,
      code,
      {
        ...params,
        deductible: moneyParam(terms.deductible),
        earlierCovered: moneyParam(ytd.outpatientCovered),
        underDeductible: moneyParam(underDeductible),
        covered: moneyParam(bill.covered),
        rate: formatRate(terms.fundRate),
        above: moneyParam(above),
        fund: moneyParam(fund),
      },
    ),
  ];
  if (level.annualFundCap !== null) {
    const room = maxFen(ZERO, (level.annualFundCap - ytd.outpatientFundPaid) as Fen);
    if (fund > room) {
      explanation.push(
        explain(
          'R-SET-1',
          `annual outpatient fund cap ${formatMoney(level.annualFundCap)}, ${formatMoney(ytd.outpatientFundPaid)} ` +
            `paid earlier: fund pays ${formatMoney(room)} instead of ${formatMoney(fund)}`,
          'FUND_OUTPATIENT_CAP',
          {
            cap: moneyParam(level.annualFundCap),
            paidEarlier: moneyParam(ytd.outpatientFundPaid),
            room: moneyParam(room),
            fund: moneyParam(fund),
          },
        ),
      );
      fund = room;
    }
  }
  return {
    fund,
    explanation,
    outpatientCovered: bill.covered,
    outpatientFundPaid: fund,
    inpatientAdmissions: 0,
    inpatientFundPaid: ZERO,
  };
}

/**
 * R-SET-2: one admission. Deductible of the first or a later admission of the calendar year; the admission's covered
 * cost from the deductible up to each band's bound is paid at the band's rate (Beijing tertiary: to 30,000 at 85%,
 * 30,000–40,000 at 90%, above at 95%). A retiree's personal share is the in-service share × the factor (60%: 15% →
 * 9%, so 91/94/97%). Band amounts are combined exactly and the fund total rounded half-up once, so no fen is lost to
 * per-band rounding. The annual fund maximum, if configured, limits the result.
 */
function inpatientFund(
  bill: Bill,
  patient: SettlementPatient,
  ytd: YearToDate,
  schedule: BenefitSchedule,
): FundShare {
  const terms = schedule.inpatient[bill.institution.level];
  const first = ytd.inpatientAdmissions === 0;
  const deductible = first ? terms.firstAdmissionDeductible : terms.laterAdmissionDeductible;
  const retired = patient.employmentStatus === EmploymentStatus.RETIRED;
  const factor = BigInt(terms.retireePersonalShareFactor);
  let scaled = 0n;
  let lower = ZERO;
  const parts: string[] = [];
  const bands: ExplanationParams[] = [];
  for (const band of terms.bands) {
    const upper = band.upTo === null ? bill.covered : minFen(bill.covered, band.upTo);
    const from = maxFen(lower, deductible);
    const segment = upper > from ? upper - from : 0n;
    const personalRate = BigInt(10_000 - band.fundRate);
    const rateScaled = retired ? SCALE - personalRate * factor : BigInt(band.fundRate) * 10_000n;
    if (segment > 0n) {
      scaled += segment * rateScaled;
      parts.push(`${formatMoney(segment)} at ${formatRate(Number(rateScaled / 10_000n))}`);
      bands.push({ amount: moneyParam(segment), rate: formatRate(Number(rateScaled / 10_000n)) });
    }
    if (band.upTo === null) break;
    lower = band.upTo;
  }
  let fund = ((scaled + SCALE / 2n) / SCALE) as Fen;
  const explanation: Explanation[] = [
    explain(
      'R-SET-2',
      `${first ? 'first' : 'later'} admission of ${ytd.year}: deductible ${formatMoney(deductible)} of covered ` +
        `${formatMoney(bill.covered)}; ${retired ? 'retiree rates' : 'in-service rates'}: ` +
        `${parts.length ? parts.join(', ') : 'nothing above the deductible'}; fund pays ${formatMoney(fund)}`,
      'FUND_INPATIENT',
      {
        admission: termParam('admission', first ? 'FIRST' : 'LATER'),
        year: ytd.year,
        deductible: moneyParam(deductible),
        covered: moneyParam(bill.covered),
        rates: termParam('rateKind', retired ? 'RETIREE' : 'IN_SERVICE'),
        ...(bands.length ? { bands: { kind: 'list', item: 'FUND_INPATIENT_BAND', items: bands } } : {}),
        fund: moneyParam(fund),
      },
    ),
  ];
  if (terms.annualFundMax !== null) {
    const room = maxFen(ZERO, (terms.annualFundMax - ytd.inpatientFundPaid) as Fen);
    if (fund > room) {
      explanation.push(
        explain(
          'R-SET-2',
          `annual inpatient fund maximum ${formatMoney(terms.annualFundMax)}, ${formatMoney(ytd.inpatientFundPaid)} ` +
            `paid earlier: fund pays ${formatMoney(room)} instead of ${formatMoney(fund)}`,
          'FUND_INPATIENT_CAP',
          {
            max: moneyParam(terms.annualFundMax),
            paidEarlier: moneyParam(ytd.inpatientFundPaid),
            room: moneyParam(room),
            fund: moneyParam(fund),
          },
        ),
      );
      fund = room;
    }
  }
  return {
    fund,
    explanation,
    outpatientCovered: ZERO,
    outpatientFundPaid: ZERO,
    inpatientAdmissions: 1,
    inpatientFundPaid: fund,
  };
}

/**
 * The fund's share of a bill (R-SET-1 outpatient, R-SET-2 inpatient, R-SET-3 pharmacy). Out-of-catalogue and
 * excluded items never get fund money (R-SET-3, R-USE-4): only `covered` is the base.
 *
 * Pharmacy (decision, R-SET-3): the schedule's flat `pharmacyFundRate` (0 by default) on the covered cost, without
 * deductible, and without moving the outpatient accumulators (the seeds give no pharmacy fund rule).
 */
export function fundShare(
  bill: Bill,
  patient: SettlementPatient,
  ytd: YearToDate,
  schedule: BenefitSchedule,
): FundShare {
  const base = !fundMayPayAt(bill)
    ? notChosenHospital(bill)
    : bill.visitType === VisitType.OUTPATIENT
      ? outpatientFund(bill, patient, ytd, schedule)
      : bill.visitType === VisitType.INPATIENT
        ? inpatientFund(bill, patient, ytd, schedule)
        : pharmacyFund(bill, schedule);
  const extra: Explanation[] = [];
  if (bill.outOfCatalogue > 0n)
    extra.push(
      explain(
        'R-SET-3',
        `out-of-catalogue items ${formatMoney(bill.outOfCatalogue)}: no fund payment`,
        'FUND_OUT_OF_CATALOGUE',
        { amount: moneyParam(bill.outOfCatalogue) },
      ),
    );
  if (bill.excluded > 0n)
    extra.push(
      explain(
        'R-USE-4',
        `items outside the fund's scope ${formatMoney(bill.excluded)}: no fund payment, cash only`,
        'FUND_EXCLUDED',
        { amount: moneyParam(bill.excluded) },
      ),
    );
  return { ...base, explanation: [...base.explanation, ...extra] };
}

/** R-USE-1: the fund pays at a hospital only when it is chosen by the patient or open to all (default: it may). */
function fundMayPayAt(bill: Bill): boolean {
  return bill.institution.kind !== InstitutionKind.HOSPITAL || bill.institution.fundMayPay !== false;
}

/**
 * R-USE-1: a hospital the patient has not chosen and that is not open to all. The fund pays nothing and the bill moves
 * no accumulator (neither deductible progress nor fund payments nor the admission count): it is not a fund-covered
 * visit.
 */
function notChosenHospital(bill: Bill): FundShare {
  // R-USE-1: the line names the institution (name and national code where known), never by its id alone.
  const { id, name, code } = bill.institution;
  const named = name ? (code ? `${name} (${code})` : name) : id;
  return {
    fund: ZERO,
    explanation: [
      explain(
        'R-USE-1',
        `institution ${named} is not one of the patient's chosen hospitals nor open to all: ` +
          `fund pays 0.00 of covered ${formatMoney(bill.covered)}; the bill does not count toward the deductible`,
        'FUND_HOSPITAL_NOT_CHOSEN',
        {
          institution: id,
          ...(name ? { institutionName: name } : {}),
          ...(name && code ? { institutionCode: code } : {}),
          covered: moneyParam(bill.covered),
        },
      ),
    ],
    outpatientCovered: ZERO,
    outpatientFundPaid: ZERO,
    inpatientAdmissions: 0,
    inpatientFundPaid: ZERO,
  };
}

function pharmacyFund(bill: Bill, schedule: BenefitSchedule): FundShare {
  const fund = applyRateHalfUp(bill.covered, schedule.pharmacyFundRate);
  return {
    fund,
    explanation: [
      explain(
        'R-SET-3',
        `retail pharmacy: fund pays ${formatRate(schedule.pharmacyFundRate)} of covered ${formatMoney(bill.covered)} = ${formatMoney(fund)}`,
        'FUND_PHARMACY',
        {
          rate: formatRate(schedule.pharmacyFundRate),
          covered: moneyParam(bill.covered),
          fund: moneyParam(fund),
        },
      ),
    ],
    outpatientCovered: ZERO,
    outpatientFundPaid: ZERO,
    inpatientAdmissions: 0,
    inpatientFundPaid: ZERO,
  };
}
