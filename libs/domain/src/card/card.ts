import type { Fen } from '../money/money';
import type { IsoDate } from '../shared/dates';

/** States of a social-security card (R-CARD-1, seed 002). */
export enum CardState {
  ACTIVE = 'ACTIVE',
  /** 预挂失 (hotline 96102, service outlet or self-service terminal): payments frozen, valid 10 days. */
  PRE_REPORTED = 'PRE_REPORTED',
  /** 正式挂失 (ID card at an outlet): frozen until a reissue; a temporary certificate (领卡证明) is issued. */
  REPORTED = 'REPORTED',
  /** 补换卡 requested: the old card stays frozen until the new one is collected or delivered. */
  REISSUE_PENDING = 'REISSUE_PENDING',
}

/** Where a replacement card is requested: a counter (ready after 4 working days) or online (courier). */
export enum ReissueChannel {
  COUNTER = 'COUNTER',
  ONLINE = 'ONLINE',
}

/**
 * The card rules of a region on a date (R-CARD-1, setting kind `CARD_RULES`): seed 002's 10 days, 20 yuan and
 * 4 working days are the national defaults; policy staff may change them per region and date.
 */
export interface CardRules {
  /** Days a pre-report (预挂失) stays in force after the report day (1–60). */
  readonly preReportValidDays: number;
  /** Replacement fee (工本费), paid in cash; 0 or more. */
  readonly reissueFee: Fen;
  /** Working days (holiday calendar) after the request day until a counter reissue can be collected (1–60). */
  readonly counterReissueWorkingDays: number;
}

/** A pending replacement card. */
export interface CardReissue {
  readonly channel: ReissueChannel;
  readonly requestedOn: IsoDate;
  /** First day the card can be collected at the counter; `null` online (the courier decides). */
  readonly readyOn: IsoDate | null;
  /** 工本费. */
  readonly fee: Fen;
}

/**
 * A card as stored: its latest event. `cardStateOn` derives the state on a later date, because a pre-report
 * lapses by the mere passage of time (R-CARD-1 decision) and nobody records that.
 */
export interface Card {
  readonly state: CardState;
  /** Date of the pre-report or the formal report; `null` when ACTIVE. */
  readonly reportedOn: IsoDate | null;
  /**
   * PRE_REPORTED: last day the pre-report is in force, fixed when it was made from the card rules of that day (the
   * holder is told it then). Absent on older records: `reportedOn` + the default 10 days.
   */
  readonly preReportValidUntil?: IsoDate | null;
  /** 领卡证明 issued with the formal report: the holder pays first and claims back later. */
  readonly temporaryCertificate: boolean;
  readonly reissue: CardReissue | null;
}

/** A card in use. */
export const ACTIVE_CARD: Card = Object.freeze({
  state: CardState.ACTIVE,
  reportedOn: null,
  temporaryCertificate: false,
  reissue: null,
});
