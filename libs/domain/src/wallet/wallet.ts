import type { Fen } from '../money/money';
import type { InsuranceType } from '../person/person';
import type { Relation } from '../kin/kin';
import type { RelationEvidence } from '../kin/relations-on';
import type { IsoDate } from '../shared/dates';

/** Where a wallet transfer takes its money from (R-WAL-6). LEGACY is never a source. */
export enum WalletSource {
  EARMARKED = 'EARMARKED',
  WALLET = 'WALLET',
}

/** How the sender confirmed a transfer (R-WAL-6): face check or medical-insurance-code password. */
export enum WalletVerification {
  FACE = 'FACE',
  CODE_PASSWORD = 'CODE_PASSWORD',
}

/** A person's confirmed wallet (确认使用钱包, R-WAL-5). */
export interface WalletActivation {
  readonly personId: string;
  readonly usageRegionCode: string;
  readonly phone: string;
  /** Date of the confirmation or of the last usage-region change. */
  readonly activatedOn: IsoDate;
}

/** The sender of a transfer, with its pockets re-read under lock. */
export interface WalletSender {
  readonly personId: string;
  readonly insuranceType: InsuranceType;
  /** The sender confirmed the wallet before using it (R-WAL-5). */
  readonly walletActivated: boolean;
  /**
   * Date the sender confirmed the wallet (R-WAL-5): a transfer dated earlier is refused (WALLET_NOT_ACTIVATED);
   * omitted or `null` = not dated.
   */
  readonly walletActivatedOn?: IsoDate | null;
  readonly earmarked: Fen;
  readonly wallet: Fen;
}

/** The recipient of a transfer. */
export interface WalletRecipient {
  readonly personId: string;
  /** Must be insured in basic medical insurance, anywhere (R-WAL-4). */
  readonly insuranceType: InsuranceType;
  /** The recipient confirmed the wallet (R-WAL-5). */
  readonly walletActivated: boolean;
  /** Date the recipient confirmed the wallet (R-WAL-5): it receives nothing dated earlier; omitted = not dated. */
  readonly walletActivatedOn?: IsoDate | null;
}

/** Input of {@link walletTransferOrThrow} (API `walletTransfer`). */
export interface WalletTransferInput {
  readonly from: WalletSender;
  readonly to: WalletRecipient;
  readonly amount: Fen;
  readonly source: WalletSource;
  readonly verification: WalletVerification | null;
  /** The face check or code password succeeded (checked by the caller; the domain never sees the secret). */
  readonly verified: boolean;
  readonly date: IsoDate;
  /** Wallet opening date of the sender's insured region (R-WAL-3); `null` = not open. */
  readonly fromRegionWalletFrom: IsoDate | null;
  /** Wallet opening date of the recipient's insured region (R-WAL-3); `null` = not open. */
  readonly toRegionWalletFrom: IsoDate | null;
  /** The recipient's relation to the sender; `null` = not a relative. */
  readonly relation: Relation | null;
  /** `relation` is in the sender region's WALLET_TRANSFER kinship scope on `date` (R-WAL-4, R-KIN-1). */
  readonly relationInScope: boolean;
  /**
   * The declared relation is on record (R-WAL-4): a kin relation registered between the two and in force on `date`,
   * or a relationship attestation recorded by counter staff. `false` refuses RELATION_NOT_ESTABLISHED; omitted = not
   * checked (callers that established the relation themselves).
   */
  readonly relationEstablished?: boolean;
  /** How the relation is established (`establishedRelation`), for the explanation. */
  readonly relationEvidence?: RelationEvidence;
}

/** Input of {@link walletActivateOrThrow} (API `walletActivate`). */
export interface WalletActivateInput {
  readonly personId: string;
  readonly insuranceType: InsuranceType;
  readonly usageRegionCode: string;
  readonly phone: string;
  readonly date: IsoDate;
  /** Wallet opening date of the chosen usage region; `null` = not open. */
  readonly usageRegionWalletFrom: IsoDate | null;
  /** The person's insured region (R-WAL-7: the wallet is used there). */
  readonly insuredRegionCode: string;
  /** Wallet opening date of the insured region; `null` = not open (no confirmation while it is closed). */
  readonly insuredRegionWalletFrom: IsoDate | null;
  /** Province of the insured region: the usage region must lie in it (R-WAL-5/7, seed 004). */
  readonly insuredProvinceCode: string;
  /** Province of the chosen usage region. */
  readonly usageProvinceCode: string;
  /** The person's current confirmation, if any. */
  readonly existing: WalletActivation | null;
}

/** Input of {@link changeUsageRegionOrThrow}. */
export interface UsageRegionChangeInput {
  readonly current: WalletActivation | null;
  readonly newUsageRegionCode: string;
  readonly date: IsoDate;
  /**
   * Date from which the province of the current usage region offers usage-location change (使用地变更,
   * `usageLocationChangeFrom`, R-WAL-2/5); `null` = not offered.
   */
  readonly usageChangeFrom: IsoDate | null;
  /** Wallet opening date of the new usage region; `null` = not open. */
  readonly newRegionWalletFrom: IsoDate | null;
  /** Province of the person's insured region: a usage-region change stays within it (R-WAL-5/7, seed 004). */
  readonly insuredProvinceCode: string;
  /** Province of the new usage region. */
  readonly newUsageProvinceCode: string;
}

/** Input of {@link walletUsableOnOrThrow}: may a person use wallet money on a date? */
export interface WalletUseOnInput {
  readonly date: IsoDate;
  /** Date the person confirmed the wallet (R-WAL-5); `null` = never confirmed. */
  readonly activatedOn: IsoDate | null;
  /** The person's insured region and its wallet opening date (`null` = not open). */
  readonly insuredRegionCode: string;
  readonly insuredRegionWalletFrom: IsoDate | null;
  /** The input field the refusal points at (e.g. `payerId`). */
  readonly field: string;
}

/** The institution side of R-WAL-7: may wallet money pay here? */
export interface WalletPayee {
  readonly designated: boolean;
  readonly acceptsWallet: boolean;
  readonly regionCode: string;
}
