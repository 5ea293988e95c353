// Test builders for specs across the workspace (`@gongji/domain/testing`). Never imported by production code.
// Append-friendly: each helper adds its own section below; keep sections independent.

// ---- identity (R-ACC-2) ----
import { idCheckCharacter } from './identity/identity.rules';

/**
 * A valid 18-character ID number for tests: `prefix` (6-digit region, e.g. '110105'), `birthDate` (ISO) and a
 * 3-digit sequence (odd = male, even = female), with a correct GB 11643 check character.
 */
export function makeIdNumber(prefix: string, birthDate: string, seq: number | string = 1): string {
  const first17 = `${prefix}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

// ---- settlement, refund, premium, wallet (R-SET, R-USE, R-WAL) ----
import {
  InstitutionKind as SetInstitutionKind,
  InstitutionLevel as SetInstitutionLevel,
} from './institution/institution';
import { type Fen as SetFen, yuan as setYuan } from './money/money';
import { EmploymentStatus as SetEmploymentStatus, InsuranceType as SetInsuranceType } from './person/person';
import { PaymentChannel as SetPaymentChannel } from './person/payment-channel';
import { DEFAULT_BENEFIT_SCHEDULE, NO_SPENDING_CAPS } from './settlement/benefit-schedule';
import {
  type Bill,
  type ProviderFunds,
  type SettlementInput,
  type SettlementInstitution,
  type SettlementPatient,
  type SettlementResult,
  VisitType,
  type YearToDate,
} from './settlement/settlement';
import { emptyYearToDate } from './settlement/settlement.rules';
import { type SettledTransaction, SettlementStatus } from './refund/refund';
import { type SupplementaryPremiumInput } from './premium/premium';
import { Relation as SetRelation } from './kin/kin';
import { WalletSource, type WalletTransferInput, WalletVerification } from './wallet/wallet';

/** A designated tertiary hospital in Beijing (110000) that accepts the wallet. */
export function anInstitution(overrides: Partial<SettlementInstitution> = {}): SettlementInstitution {
  return {
    id: 'hospital-1',
    kind: SetInstitutionKind.HOSPITAL,
    level: SetInstitutionLevel.TERTIARY,
    regionCode: '110000',
    acceptsWallet: true,
    designated: true,
    ...overrides,
  };
}

/** An in-service employee insured in Beijing, born 1980-05-01, without out-of-region use permission. */
export function aPatient(overrides: Partial<SettlementPatient> = {}): SettlementPatient {
  return {
    id: 'patient-1',
    employmentStatus: SetEmploymentStatus.IN_SERVICE,
    birthDate: '1980-05-01',
    insuranceType: SetInsuranceType.EMPLOYEE,
    regionCode: '110000',
    outOfRegionUsePermission: false,
    ...overrides,
  };
}

/** An outpatient bill of 2,000.00 covered cost on 2024-03-01 paid by card at {@link anInstitution}. */
export function aBill(overrides: Partial<Bill> = {}): Bill {
  return {
    visitType: VisitType.OUTPATIENT,
    serviceDate: '2024-03-01',
    covered: setYuan(2000),
    outOfCatalogue: 0n as SetFen,
    excluded: 0n as SetFen,
    channel: SetPaymentChannel.CARD,
    institution: anInstitution(),
    ...overrides,
  };
}

/** Accumulators of `year`, zero unless overridden. */
export function aYearToDate(year: number, overrides: Partial<YearToDate> = {}): YearToDate {
  return { ...emptyYearToDate(year), ...overrides };
}

/** A usable provider with `earmarked` fen in EARMARKED. */
export function aProvider(
  personId: string,
  earmarked: SetFen | bigint,
  overrides: Partial<ProviderFunds> = {},
): ProviderFunds {
  return { personId, earmarked: earmarked as SetFen, ...overrides };
}

/**
 * A settlement input: {@link aBill}, {@link aPatient}, empty accumulators of the bill's year, no spend today, empty
 * own pockets, no providers, the default schedule, no caps, mutual-aid use open, password required.
 */
export function aSettlementInput(overrides: Partial<SettlementInput> = {}): SettlementInput {
  const bill = overrides.bill ?? aBill();
  return {
    bill,
    patient: aPatient(),
    yearToDate: aYearToDate(Number(bill.serviceDate.slice(0, 4))),
    spendToday: { atInstitution: 0n as SetFen, acrossInstitutions: 0n as SetFen },
    own: { earmarked: 0n as SetFen, wallet: 0n as SetFen },
    providers: [],
    schedule: DEFAULT_BENEFIT_SCHEDULE,
    caps: NO_SPENDING_CAPS,
    kinUseOpen: true,
    passwordRequired: true,
    ...overrides,
  };
}

/** A confirmed settlement as stored, from a settlement result. */
export function aSettledTransaction(
  result: SettlementResult,
  overrides: Partial<SettledTransaction> = {},
): SettledTransaction {
  return {
    transactionId: 'tx-1',
    status: SettlementStatus.POSTED,
    postings: result.postings,
    accumulatorDelta: result.accumulatorDelta,
    explanation: result.explanation,
    ...overrides,
  };
}

/**
 * A supplementary premium of 195.00 paid by a verified Beijing employee for themself on 2023-03-01 (2022 regime,
 * EARMARKED 1,000.00, LEGACY 1,000.00), Beijing's dates and the 2022 spouse/parent/child scope.
 */
export function aPremiumInput(overrides: Partial<SupplementaryPremiumInput> = {}): SupplementaryPremiumInput {
  return {
    productCode: 'BEIJING_PUHUI',
    amount: setYuan(195),
    date: '2023-03-01',
    payer: {
      personId: 'payer-1',
      insuranceType: SetInsuranceType.EMPLOYEE,
      regionCode: '110000',
      realNameVerified: true,
      passbookLinkedToBankCard: false,
      earmarked: setYuan(1000),
      legacy: setYuan(1000),
    },
    insured: {
      personId: 'payer-1',
      idNumber: '110105198005010011',
      insuranceType: SetInsuranceType.EMPLOYEE,
      regionCode: '110000',
    },
    insuredIdNumber: '110105198005010011',
    relation: null,
    registered: false,
    kinScope: [SetRelation.SPOUSE, SetRelation.PARENT, SetRelation.CHILD],
    earmarkedFrom: '2022-09-01',
    selfFrom: '2022-09-01',
    kinFrom: '2022-12-01',
    ...overrides,
  };
}

/**
 * A wallet transfer of 500.00 from an employee's EARMARKED (2,000.00) to their parent on 2025-01-10, both regions
 * open since 2024-12-02, both wallets confirmed, face-verified.
 */
export function aWalletTransfer(overrides: Partial<WalletTransferInput> = {}): WalletTransferInput {
  return {
    from: {
      personId: 'sender-1',
      insuranceType: SetInsuranceType.EMPLOYEE,
      walletActivated: true,
      earmarked: setYuan(2000),
      wallet: 0n as SetFen,
    },
    to: { personId: 'recipient-1', insuranceType: SetInsuranceType.RESIDENT, walletActivated: true },
    amount: setYuan(500),
    source: WalletSource.EARMARKED,
    verification: WalletVerification.FACE,
    verified: true,
    date: '2025-01-10',
    fromRegionWalletFrom: '2024-12-02',
    toRegionWalletFrom: '2024-12-02',
    relation: SetRelation.PARENT,
    relationInScope: true,
    ...overrides,
  };
}
