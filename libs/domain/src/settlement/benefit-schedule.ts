import { type BasisPoints, type Fen, yuan } from '../money/money';
import { InstitutionLevel } from '../institution/institution';

/** Deductible + fund rate of one outpatient category (R-SET-1). */
export interface OutpatientTerms {
  /** Covered spend per calendar year below which the fund pays nothing (起付线). */
  readonly deductible: Fen;
  /** Share of covered cost above the deductible that the fund pays. */
  readonly fundRate: BasisPoints;
}

/** Outpatient/emergency schedule per calendar year (R-SET-1). */
export interface OutpatientSchedule {
  readonly inService: OutpatientTerms;
  readonly retiredUnder70: OutpatientTerms;
  readonly retired70Plus: OutpatientTerms;
  /** Annual fund cap for outpatient (封顶线); `null` = none (Beijing from 2023-01-01). */
  readonly annualFundCap: Fen | null;
}

/** One inpatient band: covered cost of the admission above the deductible up to `upTo` (null = no upper bound). */
export interface InpatientBand {
  readonly upTo: Fen | null;
  /** Fund rate for an in-service patient. */
  readonly fundRate: BasisPoints;
}

/** Inpatient schedule (R-SET-2). */
export interface InpatientSchedule {
  readonly firstAdmissionDeductible: Fen;
  readonly laterAdmissionDeductible: Fen;
  readonly bands: readonly InpatientBand[];
  /** A retiree's personal share as a fraction of an in-service person's (6000 = 60 %: 85 % → 91 %). */
  readonly retireePersonalShareFactor: BasisPoints;
  /** Annual inpatient fund maximum; `null` = none (decision, R-SET-2). */
  readonly annualFundMax: Fen | null;
}

/** A complete benefit schedule; outpatient and inpatient terms are configurable per hospital level (R-SET-1/2). */
export interface BenefitSchedule {
  readonly outpatient: Readonly<Record<InstitutionLevel, OutpatientSchedule>>;
  readonly inpatient: Readonly<Record<InstitutionLevel, InpatientSchedule>>;
  /** Fund rate for retail-pharmacy purchases; 0 by default (R-SET-3 decision). */
  readonly pharmacyFundRate: BasisPoints;
}

/** Optional caps on personal-account payment (R-USE-6): off (`null`) by default; above a cap, cash pays. */
export interface SpendingCaps {
  readonly perInstitutionPerDay: Fen | null;
  readonly perDayAcrossInstitutions: Fen | null;
  readonly perYear: Fen | null;
}

export const NO_SPENDING_CAPS: SpendingCaps = Object.freeze({
  perInstitutionPerDay: null,
  perDayAcrossInstitutions: null,
  perYear: null,
});

/** Beijing's outpatient terms (seed 002); `annualFundCap` null from 2023-01-01 (seed 001). */
export const BEIJING_OUTPATIENT: OutpatientSchedule = Object.freeze({
  inService: { deductible: yuan(1800), fundRate: 5000 },
  retiredUnder70: { deductible: yuan(1300), fundRate: 7000 },
  retired70Plus: { deductible: yuan(1300), fundRate: 8000 },
  annualFundCap: null,
});

/** Beijing's tertiary-hospital inpatient terms (seed 002); other levels use the same until configured (decision). */
export const BEIJING_INPATIENT: InpatientSchedule = Object.freeze({
  firstAdmissionDeductible: yuan(1300),
  laterAdmissionDeductible: yuan(650),
  bands: [
    { upTo: yuan(30_000), fundRate: 8500 },
    { upTo: yuan(40_000), fundRate: 9000 },
    { upTo: null, fundRate: 9500 },
  ],
  retireePersonalShareFactor: 6000,
  annualFundMax: null,
});

function perLevel<T>(value: T): Readonly<Record<InstitutionLevel, T>> {
  return Object.freeze({
    [InstitutionLevel.TERTIARY]: value,
    [InstitutionLevel.SECONDARY]: value,
    [InstitutionLevel.PRIMARY]: value,
    [InstitutionLevel.OTHER]: value,
  });
}

/** National default schedule = Beijing's numbers (DOMAIN.md R-SET: "Beijing defaults, all amounts configurable"). */
export const DEFAULT_BENEFIT_SCHEDULE: BenefitSchedule = Object.freeze({
  outpatient: perLevel(BEIJING_OUTPATIENT),
  inpatient: perLevel(BEIJING_INPATIENT),
  pharmacyFundRate: 0,
});

/** Before 2023-01-01 an outpatient annual cap applied (R-SET-1 decision: 20,000 yuan). */
export const PRE_2023_OUTPATIENT_CAP: Fen = yuan(20_000);
