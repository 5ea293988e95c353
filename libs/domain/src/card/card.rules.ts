import type { HolidayCalendar } from '../calendar/calendar';
import { NATIONAL_HOLIDAY_CALENDAR } from '../calendar/calendar.data';
import { nthWorkingDayAfter } from '../calendar/calendar.rules';
import { type Fen, yuan } from '../money/money';
import { dateParam, detailParam, termParam } from '../messages/params';
import { PaymentChannel } from '../person/payment-channel';
import { PolicyError, PolicyErrorCode } from '../policy/policy.errors';
import { addDays, type IsoDate } from '../shared/dates';
import { ACTIVE_CARD, type Card, type CardRules, CardState, ReissueChannel } from './card';
import { CardError, CardErrorCode } from './card.errors';

/** A pre-report is valid 10 days (seed 002: "预挂失(有效期10天)"). */
export const PRE_REPORT_VALID_DAYS = 10;

/** Replacement fee, 工本费 20 yuan (seed 002). */
export const REISSUE_FEE: Fen = yuan(20);

/** A counter reissue can be collected after 4 working days (seed 002: "4个工作日后可领取新卡"). */
export const COUNTER_REISSUE_WORKING_DAYS = 4;

/** National default card rules (R-CARD-1, seed 002), the built-in `CARD_RULES` setting. */
export const DEFAULT_CARD_RULES: CardRules = Object.freeze({
  preReportValidDays: PRE_REPORT_VALID_DAYS,
  reissueFee: REISSUE_FEE,
  counterReissueWorkingDays: COUNTER_REISSUE_WORKING_DAYS,
});

/** Bounds of the day counts of {@link CardRules} (a pre-report or a counter reissue of more than 60 days is a typo). */
export const CARD_RULE_MAX_DAYS = 60;

/**
 * Checks card rules before staff save them (R-CARD-1): both day counts are whole numbers 1–60 and the fee is not
 * negative. Code `INVALID_SETTING`, field = the offending part.
 */
export function validateCardRulesOrThrow(rules: CardRules): void {
  for (const name of ['preReportValidDays', 'counterReissueWorkingDays'] as const) {
    const v = rules[name];
    if (!Number.isInteger(v) || v < 1 || v > CARD_RULE_MAX_DAYS) {
      throw new PolicyError(
        PolicyErrorCode.INVALID_SETTING,
        `${name} must be a whole number of days from 1 to ${CARD_RULE_MAX_DAYS}, got ${v}`,
        'R-CARD-1',
        [name],
        {
          detail: detailParam('SETTING_DAYS_RANGE', {
            field: name,
            min: 1,
            max: CARD_RULE_MAX_DAYS,
            value: String(v),
          }),
        },
      );
    }
  }
  if (rules.reissueFee < 0n) {
    throw new PolicyError(
      PolicyErrorCode.INVALID_SETTING,
      'reissueFee must not be negative',
      'R-CARD-1',
      ['reissueFee'],
      { detail: detailParam('SETTING_NOT_NEGATIVE', { field: 'reissueFee' }) },
    );
  }
}

/**
 * Last day a pre-report made on `reportedOn` is in force and can be unlocked (解挂).
 *
 * Reading of seed 002 ("有效期10天", "若10天内找回卡片,可办理解挂"): the 10 days are counted as the Civil Code
 * counts periods in days (民法典 art. 201: the starting day is not counted), so they are the 10 days after the
 * report day. A pre-report on 2025-03-03 covers 03-04 … 03-13: unlock is possible through 2025-03-13 (and on
 * the report day itself), and the pre-report has lapsed on 2025-03-14.
 */
export function preReportLastDay(
  reportedOn: IsoDate,
  rules: Pick<CardRules, 'preReportValidDays'> = DEFAULT_CARD_RULES,
): IsoDate {
  return addDays(reportedOn, rules.preReportValidDays);
}

/** Days a stored pre-report was valid for: from its recorded last day, else the default. */
function preReportDays(card: Card): number {
  if (!card.reportedOn || !card.preReportValidUntil) return PRE_REPORT_VALID_DAYS;
  return Math.round((Date.parse(card.preReportValidUntil) - Date.parse(card.reportedOn)) / 86_400_000);
}

/**
 * The card's state on `date` (R-CARD-1). An unconfirmed pre-report lapses after its days (10 by default, DOMAIN.md
 * decision; the number in force on the report day, kept in `preReportValidUntil`)
 * and the card is ACTIVE again; a date before the pre-report also finds it ACTIVE (a pre-report starts from an
 * active card). Other states last until an explicit event.
 */
export function cardStateOn(card: Card, date: IsoDate): CardState {
  if (card.state === CardState.PRE_REPORTED && card.reportedOn) {
    const lastDay = card.preReportValidUntil ?? preReportLastDay(card.reportedOn);
    if (date < card.reportedOn || date > lastDay) return CardState.ACTIVE;
  }
  return card.state;
}

/**
 * Reports a loss (R-CARD-1). `PRE` (预挂失) freezes payments for `rules.preReportValidDays` (default 10) days from an
 * active card (or one whose pre-report lapsed); `FORMAL` (正式挂失, ID card at an outlet) freezes until a reissue, from an active or
 * pre-reported card, and issues the temporary certificate (领卡证明). Reporting twice is `ALREADY_REPORTED`.
 */
export function cardReportLossOrThrow(
  card: Card,
  stage: 'PRE' | 'FORMAL',
  on: IsoDate,
  rules: Pick<CardRules, 'preReportValidDays'> = DEFAULT_CARD_RULES,
): Card {
  const state = cardStateOn(card, on);
  const allowed =
    stage === 'PRE'
      ? state === CardState.ACTIVE
      : state === CardState.ACTIVE || state === CardState.PRE_REPORTED;
  if (!allowed) {
    throw new CardError(
      CardErrorCode.ALREADY_REPORTED,
      `The card is ${state} on ${on}: a ${stage} report is not possible`,
      undefined,
      { state: termParam('cardState', state), on: dateParam(on) },
    );
  }
  return stage === 'PRE'
    ? {
        state: CardState.PRE_REPORTED,
        reportedOn: on,
        preReportValidUntil: preReportLastDay(on, rules),
        temporaryCertificate: false,
        reissue: null,
      }
    : { state: CardState.REPORTED, reportedOn: on, temporaryCertificate: true, reissue: null };
}

/**
 * 解挂 (R-CARD-1): a card found while its pre-report is in force is unfrozen by this explicit unlock. After its
 * days the pre-report has lapsed (`PRE_REPORT_LAPSED`: nothing to unlock); a formal report cannot be undone
 * (`FORMALLY_REPORTED`: the card waits for its replacement).
 */
export function cardRecoverOrThrow(card: Card, on: IsoDate): Card {
  const state = cardStateOn(card, on);
  if (state === CardState.PRE_REPORTED) return ACTIVE_CARD;
  if (card.state === CardState.PRE_REPORTED) {
    throw new CardError(
      CardErrorCode.PRE_REPORT_LAPSED,
      `The pre-report of ${card.reportedOn} lapsed after ${preReportDays(card)} days; the card is usable again`,
      undefined,
      card.reportedOn
        ? { reportedOn: dateParam(card.reportedOn), days: preReportDays(card) }
        : { days: preReportDays(card) },
    );
  }
  if (state === CardState.REPORTED || state === CardState.REISSUE_PENDING) {
    throw new CardError(
      CardErrorCode.FORMALLY_REPORTED,
      'A formally reported card stays frozen until its replacement is issued',
    );
  }
  throw new CardError(
    CardErrorCode.NOT_PRE_REPORTED,
    'The card is not pre-reported: there is nothing to unlock',
  );
}

/**
 * Requests a replacement (补换卡, R-CARD-1) after a formal report: fee `rules.reissueFee` (default 20 yuan); at a
 * counter the card is ready after `rules.counterReissueWorkingDays` (default 4) working days of the holiday calendar
 * (the request day not counted; 节假日 skipped, 调休 make-up days counted — see {@link nthWorkingDayAfter}); online it
 * comes by courier, so no ready date.
 */
export function cardReissueOrThrow(
  card: Card,
  channel: ReissueChannel | 'COUNTER' | 'ONLINE',
  on: IsoDate,
  rules: CardRules = DEFAULT_CARD_RULES,
  calendar: HolidayCalendar = NATIONAL_HOLIDAY_CALENDAR,
): Card {
  if (cardStateOn(card, on) !== CardState.REPORTED) {
    throw new CardError(
      CardErrorCode.NOT_FORMALLY_REPORTED,
      'A replacement card is issued after a formal loss report (正式挂失) only',
    );
  }
  return {
    ...card,
    state: CardState.REISSUE_PENDING,
    reissue: {
      channel: channel as ReissueChannel,
      requestedOn: on,
      readyOn:
        channel === ReissueChannel.COUNTER
          ? nthWorkingDayAfter(on, rules.counterReissueWorkingDays, calendar)
          : null,
      fee: rules.reissueFee,
    },
  };
}

/**
 * The replacement card is collected at the counter (not before its ready date) or delivered by courier: the card is
 * ACTIVE again and the temporary certificate no longer needed.
 */
export function cardReissueCompleteOrThrow(card: Card, on: IsoDate): Card {
  if (card.state !== CardState.REISSUE_PENDING || !card.reissue) {
    throw new CardError(CardErrorCode.NO_REISSUE_PENDING, 'No replacement card is pending');
  }
  const readyOn = card.reissue.readyOn ?? card.reissue.requestedOn;
  if (on < readyOn) {
    throw new CardError(
      CardErrorCode.REISSUE_NOT_READY,
      `The replacement card can be collected from ${readyOn}`,
      undefined,
      { readyOn: dateParam(readyOn) },
    );
  }
  return ACTIVE_CARD;
}

/**
 * Whether a payment on `channel` may go through with this card on `on` (R-CARD-1). A pre-reported, reported or
 * pending-reissue card is frozen, so every channel that presents the card (CARD, and registration fees or
 * cross-region settlement paid by card) is refused; the electronic voucher (医保电子凭证) does not depend on the card
 * and keeps working throughout (seed 002: "补卡期间可使用医保电子凭证扫码就医").
 */
export function cardPaymentsAllowed(card: Card, on: IsoDate, channel: PaymentChannel): boolean {
  return channel === PaymentChannel.E_VOUCHER || cardStateOn(card, on) === CardState.ACTIVE;
}

/** Throwing form of {@link cardPaymentsAllowed}: `CARD_FROZEN`, pointing to the electronic voucher. */
export function cardPaymentAllowedOrThrow(card: Card, on: IsoDate, channel: PaymentChannel): void {
  if (!cardPaymentsAllowed(card, on, channel)) {
    throw new CardError(
      CardErrorCode.CARD_FROZEN,
      `The card is ${cardStateOn(card, on)} on ${on}: card payments are frozen; pay with the electronic voucher (医保电子凭证)`,
      undefined,
      { state: termParam('cardState', cardStateOn(card, on)), on: dateParam(on) },
    );
  }
}
