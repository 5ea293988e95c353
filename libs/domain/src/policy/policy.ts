import type { IsoDate } from '../shared/dates';

/**
 * Features that open on a date per region (rollout dates). A region's own setting wins; otherwise the province's;
 * otherwise the national default (effectivePolicy, issue #3).
 */
export enum Feature {
  /** R-ACC-5: book-entry EARMARKED account; no cash withdrawal from it. */
  EARMARKED_ACCOUNT = 'EARMARKED_ACCOUNT',
  /** R-KIN-3: registration of mutual-aid relatives. */
  KIN_REGISTRATION = 'KIN_REGISTRATION',
  /** R-KIN-3: use of a provider's account by a registered relative. */
  KIN_USE = 'KIN_USE',
  /** R-WAL-1/3: the medical-insurance wallet. */
  WALLET = 'WALLET',
  /** R-WAL-5: change of wallet usage region. */
  USAGE_LOCATION_CHANGE = 'USAGE_LOCATION_CHANGE',
  /** R-USE-3: supplementary premium for self. */
  SUPPLEMENTARY_PREMIUM_SELF = 'SUPPLEMENTARY_PREMIUM_SELF',
  /** R-USE-3: supplementary premium for registered relatives. */
  SUPPLEMENTARY_PREMIUM_KIN = 'SUPPLEMENTARY_PREMIUM_KIN',
}

/** A region's own rollout dates; `null` = not set here (inherit from the province / national default). */
export type RolloutDates = Readonly<Record<Feature, IsoDate | null>>;

/** National launch of the wallet and cross-province mutual aid, Suzhou (R-WAL-1). */
export const WALLET_NATIONAL_LAUNCH: IsoDate = '2024-12-02';
