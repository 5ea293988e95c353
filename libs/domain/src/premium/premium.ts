import type { Fen } from '../money/money';
import type { LedgerDecision, PocketKind } from '../ledger/ledger';
import type { InsuranceType } from '../person/person';
import type { Relation } from '../kin/kin';
import type { IsoDate } from '../shared/dates';
import type { WalletSource, WalletUseOnInput } from '../wallet/wallet';

/** 2021-08-26: Beijing opened premium payment for 北京普惠健康保 from the historical balance (R-USE-3, seed 000). */
export const SUPPLEMENTARY_PREMIUM_2021_FROM: IsoDate = '2021-08-26';

/** Which account regime applies to a supplementary premium on a date (R-USE-3). */
export enum PremiumRegime {
  /**
   * 2021-08-26 until `earmarkedFrom`: historical balance (LEGACY), self/spouse/children/parents, no registration —
   * Beijing's 本市补充医疗保险 (R-USE-3), so only where supplementary-premium payment is configured
   * (`supplementaryPremiumSelfFrom`) and was already due when the book-entry account started.
   */
  HISTORICAL_BALANCE_2021 = 'HISTORICAL_BALANCE_2021',
  /** From `earmarkedFrom` (2022-09-01): EARMARKED, self, then registered relatives in scope. */
  EARMARKED_2022 = 'EARMARKED_2022',
}

/** Resident-side contributions an account may pay (R-USE-2). */
export enum ContributionScheme {
  /** 城乡居民基本医疗保险 personal contribution. */
  RESIDENT_BASIC = 'RESIDENT_BASIC',
  /** 长期护理保险 contribution. */
  LONG_TERM_CARE = 'LONG_TERM_CARE',
}

/** The account holder paying a premium, pockets re-read under lock. */
export interface PremiumPayer {
  readonly personId: string;
  readonly insuranceType: InsuranceType;
  readonly regionCode: string;
  /** 实名认证: name + ID + phone verified (R-USE-3). */
  readonly realNameVerified: boolean;
  /** The bank passbook is linked to a bank card for free withdrawal (R-ACC-6, 2021 regime only). */
  readonly passbookLinkedToBankCard: boolean;
  readonly earmarked: Fen;
  readonly legacy: Fen;
}

/** The insured person of a premium. */
export interface PremiumInsured {
  readonly personId: string;
  /** The registered ID number (身份证). */
  readonly idNumber: string;
  readonly insuranceType: InsuranceType;
  readonly regionCode: string;
}

/** Input of {@link payPremiumOrThrow} (API `premiumPay`). */
export interface SupplementaryPremiumInput {
  /** The insurer's product code (`北京普惠健康保` …), the INSURER account's ref. */
  readonly productCode: string;
  readonly amount: Fen;
  readonly date: IsoDate;
  readonly payer: PremiumPayer;
  readonly insured: PremiumInsured;
  /** The ID number the insurer portal sent; must equal the insured's registered one (R-USE-3). */
  readonly insuredIdNumber: string;
  /** The insured's relation to the payer; ignored when payer and insured are the same person. */
  readonly relation: Relation | null;
  /** The insured is an active registered beneficiary (备案) of the payer on `date` (R-KIN-1). */
  readonly registered: boolean;
  /**
   * R-USE-3 2021 regime (no registration needed): what the insured is to the payer on record — kin relations between
   * the two and staff attestations, either direction (`kinshipOnRecord`). When absent, `relation` is the only tie
   * known.
   */
  readonly kinshipOnRecord?: readonly Relation[];
  /** The payer region's SUPPLEMENTARY_PREMIUM kinship scope on `date` (R-KIN-1). */
  readonly kinScope: readonly Relation[];
  /** Region's `earmarkedFrom` (2022-09-01 in Beijing); `null` = not yet (the 2021 regime still applies). */
  readonly earmarkedFrom: IsoDate | null;
  /**
   * Region's `supplementaryPremiumSelfFrom` (2022-09-01 in Beijing); `null` = supplementary-premium payment is not
   * configured in the region (nor its province): every premium is refused PREMIUM_NOT_OPEN, the 2021 regime included.
   */
  readonly selfFrom: IsoDate | null;
  /** Region's `supplementaryPremiumKinFrom` (2022-12-01). */
  readonly kinFrom: IsoDate | null;
  /** Start of the 2021 regime; default {@link SUPPLEMENTARY_PREMIUM_2021_FROM}. */
  readonly historicalRegimeFrom?: IsoDate;
}

/** A premium decision: the transaction plus which pocket paid under which regime. */
export interface PremiumDecision extends LedgerDecision {
  readonly pocket: PocketKind;
  readonly regime: PremiumRegime;
}

/** The payer of a resident / long-term-care contribution. */
export interface ContributionPayer {
  readonly personId: string;
  readonly insuranceType: InsuranceType;
  readonly provinceCode: string;
  readonly earmarked: Fen;
  readonly wallet: Fen;
}

/** The person whose contribution is paid. */
export interface ContributionInsured {
  readonly personId: string;
  /** How the insured is insured: someone insured as an EMPLOYEE owes no resident basic contribution (R-USE-2). */
  readonly insuranceType: InsuranceType;
  readonly provinceCode: string;
}

/** Input of {@link payResidentContributionOrThrow}. */
export interface ResidentContributionInput {
  readonly scheme: ContributionScheme;
  readonly amount: Fen;
  readonly date: IsoDate;
  readonly payer: ContributionPayer;
  readonly insured: ContributionInsured;
  /** EARMARKED (self or registered relatives, R-USE-2) or the insured's own WALLET (R-WAL-7). */
  readonly source: WalletSource;
  /** The insured's relation to the payer; ignored for self. */
  readonly relation: Relation | null;
  /** The insured is an active registered beneficiary of the payer on `date`. */
  readonly registered: boolean;
  /** The payer region's kinship scope for RESIDENT_CONTRIBUTION or LONG_TERM_CARE on `date`. */
  readonly kinScope: readonly Relation[];
  /** Region's `mutualAidUseFrom` (R-KIN-3); `null` = not open. */
  readonly kinUseFrom: IsoDate | null;
  /**
   * Source WALLET: the payer's wallet confirmation day and the insured region's wallet date, checked as of `date`
   * (R-WAL-5/7) after the other rules and before the balance.
   */
  readonly wallet?: Pick<WalletUseOnInput, 'activatedOn' | 'insuredRegionCode' | 'insuredRegionWalletFrom'>;
}
