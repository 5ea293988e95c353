// Shapes of the person page (PERSON_DETAIL_FIELDS in data/counter/personDocuments.ts).
export interface PersonRef {
  readonly id: string;
  readonly name: string;
  readonly idNumber: string;
  /** Insured region (read for a funding source's provider: the kinship scope is the provider region's, R-KIN-1). */
  readonly regionCode?: string;
}

export interface KinRelationRow {
  readonly id: string;
  readonly providerId: string;
  readonly beneficiaryId: string;
  readonly relation: string;
  readonly channel: string;
  readonly position: number;
  readonly registeredOn: string;
  /** Set on a revoked relation when the API returns history (R-KIN-5). */
  readonly revokedAt?: string | null;
  readonly provider: PersonRef;
  readonly beneficiary: PersonRef;
}

export interface PersonRecord extends PersonRef {
  readonly phone: string | null;
  readonly birthDate: string | null;
  readonly insuranceType: string;
  readonly employmentStatus: string | null;
  readonly regionCode: string;
  readonly region: { readonly code: string; readonly name: string };
  readonly realNameVerified: boolean;
  readonly bankCardLinked?: boolean;
  readonly outOfRegionUsePermission: boolean;
  readonly account: {
    readonly pockets: ReadonlyArray<{ readonly kind: string; readonly balance: string }>;
    readonly total: string;
  } | null;
  readonly fundingSources: readonly KinRelationRow[];
  readonly beneficiaries: readonly KinRelationRow[];
  readonly wallet: {
    readonly usageRegionCode: string;
    readonly phone: string;
    readonly activatedAt: string;
  } | null;
  readonly card: {
    readonly state: string;
    readonly reportedOn: string | null;
    readonly reissueReadyOn: string | null;
    readonly cardNumber: string | null;
  } | null;
}

export interface PersonStaffRecord {
  readonly id: string;
  readonly paymentPassword: {
    readonly set: boolean;
    readonly setAt: string | null;
    readonly failures: number;
    readonly lockedAt: string | null;
    readonly passwordFreeLimit: string;
  } | null;
  readonly attestations: ReadonlyArray<{
    readonly id: string;
    readonly relativePersonId: string;
    readonly relation: string;
    readonly evidenceKind: string;
    readonly evidenceRef: string | null;
    readonly checkedByName: string;
    readonly checkedAt: string;
    readonly revokedAt: string | null;
  }>;
}
