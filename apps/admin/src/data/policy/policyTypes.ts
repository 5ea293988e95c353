// Shapes of the policy-staff operations of issue #10, as the console reads them (apps/api/schema.graphql).
import type { UserError } from '../graphqlTypes';

export const FEATURES = [
  'EARMARKED_ACCOUNT',
  'KIN_REGISTRATION',
  'KIN_USE',
  'WALLET',
  'USAGE_LOCATION_CHANGE',
  'SUPPLEMENTARY_PREMIUM_SELF',
  'SUPPLEMENTARY_PREMIUM_KIN',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface RegionRolloutResult {
  readonly regionCode: string;
  readonly changed: boolean;
  readonly region: {
    readonly code: string;
    readonly name: string;
    readonly walletFrom: string | null;
    readonly effectiveWalletFrom: string | null;
  } | null;
  readonly userErrors: readonly UserError[];
}

export interface RegionsRolloutSetPayload {
  readonly batchId: string | null;
  readonly changedCount: number;
  readonly refusedCount: number;
  readonly results: readonly RegionRolloutResult[];
  readonly userErrors: readonly UserError[];
}

export interface AuditEntryNode {
  readonly id: string;
  readonly at: string;
  readonly actorType: string;
  readonly actorName: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly reason: string | null;
}

export interface KinshipScopeImpact {
  readonly regionCode: string | null;
  readonly currentRelations: readonly string[];
  readonly removedRelations: readonly string[];
  readonly addedRelations: readonly string[];
  /**
   * Where the scope changes, stretch by stretch, from the date until the next row of the same region and purpose
   * (R-KIN-1, audit C #1: a past date may hide a later national scope). Optional for older servers.
   */
  readonly periods?: ReadonlyArray<{
    readonly from: string;
    readonly until: string | null;
    readonly currentRelations: readonly string[];
    readonly proposedRelations: readonly string[];
    readonly removedRelations: readonly string[];
    readonly addedRelations: readonly string[];
  }>;
  readonly registrationCount: number;
  readonly providerCount: number;
  readonly providers: ReadonlyArray<{
    readonly personId: string;
    readonly name: string;
    readonly regionCode: string;
    readonly registrationCount: number;
    readonly relations: readonly string[];
  }>;
}

export interface Sourced {
  readonly effectiveFrom?: string | null;
  readonly sourceRegionCode: string | null;
}

export interface EffectivePolicyView {
  readonly regionCode: string;
  readonly on: string;
  readonly features: ReadonlyArray<{
    readonly feature: Feature;
    readonly field: string;
    readonly from: string | null;
    readonly open: boolean;
    readonly rule: string;
    readonly sourceRegionCode: string | null;
  }>;
  readonly kinshipScopes: ReadonlyArray<
    { readonly purpose: string; readonly relations: readonly string[] } & Sourced
  >;
  readonly outpatient: ReadonlyArray<{
    readonly level: string;
    readonly inService: { readonly deductible: string; readonly fundRate: number };
    readonly retiredUnder70: { readonly deductible: string; readonly fundRate: number };
    readonly retired70Plus: { readonly deductible: string; readonly fundRate: number };
    readonly annualFundCap: string | null;
  }>;
  readonly inpatient: ReadonlyArray<{
    readonly level: string;
    readonly firstAdmissionDeductible: string;
    readonly laterAdmissionDeductible: string;
    readonly bands: ReadonlyArray<{ readonly upTo: string | null; readonly fundRate: number }>;
    readonly retireePersonalShareFactor: number;
    readonly annualFundMax: string | null;
  }>;
  readonly pharmacyFundRate: number;
  readonly spendingCaps: {
    readonly perInstitutionPerDay: string | null;
    readonly perDayAcrossInstitutions: string | null;
    readonly perYear: string | null;
  };
  readonly passwordPolicy: {
    readonly lockoutAfterFailures: number;
    readonly maxPasswordFreeLimit: string;
    readonly defaultPasswordFreeLimit: string;
    readonly maxRegistrationFee: string;
    readonly eVoucherCodeRequired: boolean;
  } & Sourced;
  readonly cardRules: {
    readonly preReportValidDays: number;
    readonly reissueFee: string;
    readonly counterReissueWorkingDays: number;
  } & Sourced;
  readonly hospitalSelection: { readonly maxChosenHospitals: number } & Sourced;
  readonly explanation: ReadonlyArray<{ readonly rule: string; readonly message: string }>;
}

export interface PolicySettingRow {
  readonly id: string;
  readonly kind: string;
  readonly regionCode: string | null;
  readonly purpose: string | null;
  readonly year: number | null;
  readonly effectiveFrom: string;
  readonly value: string;
  readonly createdBy: string;
  readonly createdAt: string;
}
