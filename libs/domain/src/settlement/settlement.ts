import type { Fen } from '../money/money';
import type { LedgerDecision } from '../ledger/ledger';
import type { InstitutionKind, InstitutionLevel } from '../institution/institution';
import type { EmploymentStatus, InsuranceType } from '../person/person';
import type { PaymentChannel } from '../person/payment-channel';
import type { Explanation } from '../shared/domain-error';
import type { IsoDate } from '../shared/dates';
import type { BenefitSchedule, SpendingCaps } from './benefit-schedule';

/** Kind of visit of a bill (API `SettlementInput.visitType`). */
export enum VisitType {
  /** Outpatient / emergency (门急诊), R-SET-1. */
  OUTPATIENT = 'OUTPATIENT',
  /** One hospital admission (住院), R-SET-2. One settlement = one admission. */
  INPATIENT = 'INPATIENT',
  /** Retail-pharmacy purchase (定点零售药店), R-SET-3. */
  PHARMACY = 'PHARMACY',
}

/** The institution settling the bill. */
export interface SettlementInstitution {
  readonly id: string;
  /** The institution's name (e.g. 北京协和医院): how explanation lines name it (R-USE-1); else by id. */
  readonly name?: string;
  /** The institution's national code (医保机构编码), shown beside its name. */
  readonly code?: string;
  readonly kind: InstitutionKind;
  readonly level: InstitutionLevel;
  readonly regionCode: string;
  /** Accepts wallet payment (R-WAL-7). */
  readonly acceptsWallet: boolean;
  /** Designated (定点) for basic medical insurance (R-USE-1). */
  readonly designated: boolean;
  /**
   * The fund may pay at this institution for this patient (R-USE-1): for a HOSPITAL, one of the patient's chosen
   * hospitals or open to all (TCM, specialist, A-class). Default true. When `false` for a hospital bill the fund pays
   * nothing and the bill moves no deductible/fund accumulator; the accounts and cash pay the personal share as usual.
   */
  readonly fundMayPay?: boolean;
}

/** A medical bill split by what the fund may cover. Total = covered + outOfCatalogue + excluded. */
export interface Bill {
  /**
   * The patient's e-voucher was verified (a valid code bound to them), or staff settle at the counter. Read only for
   * the E_VOUCHER channel when the policy requires the code (R-ACC-7); absent = not shown.
   */
  readonly eVoucherShown?: boolean;
  readonly visitType: VisitType;
  readonly serviceDate: IsoDate;
  /** In-catalogue (目录内) cost: the base of deductibles and fund rates. */
  readonly covered: Fen;
  /** Out-of-catalogue items (目录外): no fund payment (R-SET-3); payable from the account. */
  readonly outOfCatalogue: Fen;
  /** Items outside the fund's scope (不报销范围, R-USE-4): cash only. */
  readonly excluded: Fen;
  readonly channel: PaymentChannel;
  readonly institution: SettlementInstitution;
}

/** The patient, as the rules need them. */
export interface SettlementPatient {
  readonly id: string;
  /** In service or retired; `null` for non-employee schemes (their schedule is passed in; in-service terms apply). */
  readonly employmentStatus: EmploymentStatus | null;
  readonly birthDate: IsoDate;
  readonly insuranceType: InsuranceType;
  /** Insured region (参保地). */
  readonly regionCode: string;
  /** Switched on the out-of-region "use" permission for mutual-aid funds (R-KIN-6). */
  readonly outOfRegionUsePermission: boolean;
}

/**
 * Year-to-date accumulators of one person and calendar year (table `accumulators`). The same shape, signed, is the
 * delta a settlement adds and its cancellation or refunds take back ({@link AccumulatorDelta}).
 */
export interface YearToDate {
  readonly year: number;
  /** Outpatient covered cost so far this year (deductible progress, R-SET-1). */
  readonly outpatientCovered: Fen;
  /** Outpatient fund payments this year (annual cap, R-SET-1). */
  readonly outpatientFundPaid: Fen;
  /** Inpatient admissions settled this year (first vs later deductible, R-SET-2). */
  readonly inpatientAdmissions: number;
  /** Inpatient fund payments this year (annual fund maximum, R-SET-2). */
  readonly inpatientFundPaid: Fen;
  /** Personal-account money (own, wallet and relatives') paid for this person's bills this year (R-USE-6). */
  readonly accountPaid: Fen;
}

/** Signed change of {@link YearToDate} recorded with a settlement, cancellation or refund. */
export type AccumulatorDelta = YearToDate;

/** Personal-account money already paid today for this patient, for the daily caps of R-USE-6. */
export interface AccountSpendToday {
  /** At this institution today. */
  readonly atInstitution: Fen;
  /** At all institutions today. */
  readonly acrossInstitutions: Fen;
}

/** A provider (共济 account holder) of the patient, in registered order (R-KIN-4). */
export interface ProviderFunds {
  readonly personId: string;
  /** Place in the beneficiary's registered order (1 = used first): how explanations name the relative. */
  readonly position?: number;
  /** The provider's EARMARKED balance, re-read under lock. */
  readonly earmarked: Fen;
  /** `false` when this provider may not be used for this bill; default true. */
  readonly usable?: boolean;
  /** Why not usable: rule id + reason, copied to the explanation (e.g. R-KIN-2 other province). */
  readonly unusableBecause?: Explanation;
}

/** Everything {@link settleOrThrow} decides on. The caller locks and re-reads balances first. */
export interface SettlementInput {
  readonly bill: Bill;
  readonly patient: SettlementPatient;
  /** The patient's accumulators of the service year. */
  readonly yearToDate: YearToDate;
  readonly spendToday: AccountSpendToday;
  /** The patient's own pockets. LEGACY is not listed: settlement never spends it (R-ACC-5). */
  readonly own: { readonly earmarked: Fen; readonly wallet: Fen };
  /** Providers in the patient's registered order (R-KIN-4). */
  readonly providers: readonly ProviderFunds[];
  /** Benefit schedule in force on the service date (policy: `effectivePolicy`). */
  readonly schedule: BenefitSchedule;
  readonly caps: SpendingCaps;
  /** Mutual-aid use is open in the patient's region on the service date (R-KIN-3). */
  readonly kinUseOpen: boolean;
  /**
   * Whether the patient's own password is needed for an account payment of a given amount (R-ACC-7): usually the
   * person module's rule bound to the channel and the patient's password-free limit. A boolean answers for any amount.
   */
  readonly passwordRequired: boolean | ((accountPayment: Fen) => boolean);
  /** The registration-fee channel's ceiling in the region on the date (R-ACC-7); the built-in default when absent. */
  readonly maxRegistrationFee?: Fen;
  /** The password policy asks portals for the e-voucher code of an E_VOUCHER bill (R-ACC-7); absent = no. */
  readonly eVoucherCodeRequired?: boolean;
}

/** Money taken from one provider's EARMARKED. */
export interface ProviderPayment {
  readonly personId: string;
  readonly amount: Fen;
}

/**
 * The national settlement interface 2207 (医保结算) output fields, in fen. `acct_pay` is the patient's own account
 * (EARMARKED + WALLET), `acct_mulaid_pay` the relatives' accounts (itemised in `acct_mulaid_pay_items`).
 */
export interface NhsaSettlementFields {
  /** 医疗费总额 */
  readonly medfee_sumamt: Fen;
  /** 基金支付总额 */
  readonly fund_pay_sumamt: Fen;
  /** 个人负担总金额 */
  readonly psn_part_amt: Fen;
  /** 个人账户支出 */
  readonly acct_pay: Fen;
  /** 个人账户共济支付金额 */
  readonly acct_mulaid_pay: Fen;
  /** 个人现金支出 */
  readonly psn_cash_pay: Fen;
  /** `acct_mulaid_pay` per provider, in the order used. */
  readonly acct_mulaid_pay_items: readonly { readonly psn_no: string; readonly amount: Fen }[];
}

/** The split of a bill (quote and confirm, R-SET-5) with the postings to write on confirm. */
export interface SettlementResult extends LedgerDecision {
  readonly total: Fen;
  readonly fundPay: Fen;
  /** total − fundPay. */
  readonly personalShare: Fen;
  readonly ownEarmarked: Fen;
  readonly ownWallet: Fen;
  /** Relatives' accounts in the order used (only non-zero amounts). */
  readonly providers: readonly ProviderPayment[];
  /** ownEarmarked + ownWallet + providers. */
  readonly accountPaid: Fen;
  readonly cash: Fen;
  /** The patient's own password must be entered (R-ACC-7). */
  readonly passwordRequired: boolean;
  /** Accumulators after this settlement. */
  readonly yearToDate: YearToDate;
  /** What this settlement adds to the accumulators (stored; a cancellation subtracts it). */
  readonly accumulatorDelta: AccumulatorDelta;
  readonly nhsa: NhsaSettlementFields;
}
