// TypeScript shapes of the parts of the public GraphQL contract the console reads (apps/api/schema.graphql).

export type Role = 'ADMIN' | 'COUNTER' | 'ANALYST' | 'PORTAL';
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'SPECIAL' | 'NEW_AREA';
export const REGION_LEVELS: readonly RegionLevel[] = ['PROVINCE', 'CITY', 'COUNTY', 'SPECIAL', 'NEW_AREA'];

export interface UserError {
  readonly code: string;
  readonly message: string;
  readonly field?: readonly string[] | null;
  readonly rule?: string | null;
}

/** The rollout dates a policy officer edits; `null` means "inherit from the province" (R-WAL-2). */
export const ROLLOUT_DATE_FIELDS = [
  'earmarkedFrom',
  'mutualAidRegistrationFrom',
  'mutualAidUseFrom',
  'walletFrom',
  'usageLocationChangeFrom',
  'supplementaryPremiumSelfFrom',
  'supplementaryPremiumKinFrom',
] as const;
export type RolloutDateField = (typeof ROLLOUT_DATE_FIELDS)[number];

export type RolloutDates = { readonly [K in RolloutDateField]?: string | null };

export type RegionNode = {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly provinceCode: string;
  readonly province?: ({ readonly code: string; readonly name: string } & RolloutDates) | null;
  readonly isPool: boolean;
  readonly synthetic: boolean;
  readonly walletFullCoverage: boolean;
  readonly walletRegionsEnumerated: boolean;
  readonly walletFromBasis?: 'EXACT' | 'CONFIRMED_BY' | null;
  readonly effectiveWalletFrom?: string | null;
  readonly walletOpen: boolean;
  readonly regionCount: number;
  readonly updatedAt: string;
} & RolloutDates;

/** What react-admin sees: the region code is the record id, so URLs read `/regions/110000`. */
export type RegionRecord = RegionNode & { readonly nodeId: string };

export interface ProvinceRollout {
  readonly province: { readonly code: string; readonly name: string };
  readonly walletFrom: string | null;
  readonly regionsOpen: number;
  readonly regionsEnumerated: boolean;
  readonly fullCoverage: boolean;
  readonly usageLocationChange: boolean;
}

export interface RolloutSummary {
  readonly on: string;
  readonly regionsOpen: number;
  readonly reportedRegionsOpen: number | null;
  readonly reportedAsOf: string | null;
  readonly reportedSource: string | null;
  readonly provincesOpen: number;
  readonly fullCoverageProvinces: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  readonly usageChangeProvinces: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  readonly provinces: readonly ProvinceRollout[];
}

export interface RolloutPoint {
  readonly date: string;
  readonly regionsOpen: number;
  readonly provincesOpen: number;
}
