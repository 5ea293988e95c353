import type { HolidayCalendar } from '../../calendar/calendar';
import { NATIONAL_HOLIDAY_CALENDAR } from '../../calendar/calendar.data';
import { yuan } from '../../money/money';
import { PolicyErrorCode } from '../../policy/policy.errors';
import { ACTIVE_CARD, type CardRules, CardState, ReissueChannel } from '../card';
import { CardErrorCode } from '../card.errors';
import {
  DEFAULT_CARD_RULES,
  cardRecoverOrThrow,
  cardReissueOrThrow,
  cardReportLossOrThrow,
  cardStateOn,
  validateCardRulesOrThrow,
} from '../card.rules';

const SHORT: CardRules = { preReportValidDays: 5, reissueFee: yuan(25), counterReissueWorkingDays: 2 };

describe('card rules as policy data (R-CARD-1)', () => {
  it('R-CARD-1: the defaults are seed 002: 10 days, 20 yuan, 4 working days', () => {
    expect(DEFAULT_CARD_RULES).toEqual({
      preReportValidDays: 10,
      reissueFee: yuan(20),
      counterReissueWorkingDays: 4,
    });
  });

  it('R-CARD-1: a pre-report made under a 5-day rule lapses after 5 days, and says so', () => {
    const pre = cardReportLossOrThrow(ACTIVE_CARD, 'PRE', '2025-03-03', SHORT);
    expect(pre.preReportValidUntil).toBe('2025-03-08');
    expect(cardStateOn(pre, '2025-03-08')).toBe(CardState.PRE_REPORTED);
    expect(cardStateOn(pre, '2025-03-09')).toBe(CardState.ACTIVE);
    expect(() => cardRecoverOrThrow(pre, '2025-03-09')).toThrow(
      expect.objectContaining({
        code: CardErrorCode.PRE_REPORT_LAPSED,
        rule: 'R-CARD-1',
        message: expect.stringContaining('after 5 days'),
      }),
    );
  });

  it('R-CARD-1: a stored pre-report without its last day (older records) keeps the default 10 days', () => {
    const old = { ...ACTIVE_CARD, state: CardState.PRE_REPORTED, reportedOn: '2025-03-03' };
    expect(cardStateOn(old, '2025-03-13')).toBe(CardState.PRE_REPORTED);
    expect(() => cardRecoverOrThrow(old, '2025-03-14')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('after 10 days') }),
    );
  });

  it('R-CARD-1: the fee and the working days of the rules in force apply to a reissue', () => {
    const formal = cardReportLossOrThrow(ACTIVE_CARD, 'FORMAL', '2025-03-03');
    // Monday 2025-03-03 + 2 working days = Wednesday.
    expect(cardReissueOrThrow(formal, ReissueChannel.COUNTER, '2025-03-03', SHORT).reissue).toEqual({
      channel: ReissueChannel.COUNTER,
      requestedOn: '2025-03-03',
      readyOn: '2025-03-05',
      fee: yuan(25),
    });
  });

  it('R-CARD-1: a counter reissue on 2025-09-26 is ready on 2025-10-09 — 09-28 (调休, Sunday) counts, 国庆 10-01…10-08 does not', () => {
    const formal = cardReportLossOrThrow(ACTIVE_CARD, 'FORMAL', '2025-09-25');
    const card = cardReissueOrThrow(formal, ReissueChannel.COUNTER, '2025-09-26');
    expect(card.reissue?.readyOn).toBe('2025-10-09');
    // Without any holiday calendar the same request would be ready on Thursday 10-02, in the middle of the holiday.
    const none: HolidayCalendar = {};
    expect(
      cardReissueOrThrow(formal, ReissueChannel.COUNTER, '2025-09-26', DEFAULT_CARD_RULES, none).reissue
        ?.readyOn,
    ).toBe('2025-10-02');
    expect(
      cardReissueOrThrow(
        formal,
        ReissueChannel.COUNTER,
        '2025-09-26',
        DEFAULT_CARD_RULES,
        NATIONAL_HOLIDAY_CALENDAR,
      ).reissue?.readyOn,
    ).toBe('2025-10-09');
  });

  it.each([
    ['preReportValidDays', { ...DEFAULT_CARD_RULES, preReportValidDays: 0 }],
    ['preReportValidDays', { ...DEFAULT_CARD_RULES, preReportValidDays: 61 }],
    ['preReportValidDays', { ...DEFAULT_CARD_RULES, preReportValidDays: 2.5 }],
    ['counterReissueWorkingDays', { ...DEFAULT_CARD_RULES, counterReissueWorkingDays: 0 }],
    ['counterReissueWorkingDays', { ...DEFAULT_CARD_RULES, counterReissueWorkingDays: 100 }],
    ['reissueFee', { ...DEFAULT_CARD_RULES, reissueFee: yuan(-1) }],
  ])('R-CARD-1: card rules with a bad %s are refused (INVALID_SETTING)', (field, rules) => {
    expect(() => validateCardRulesOrThrow(rules)).toThrow(
      expect.objectContaining({ code: PolicyErrorCode.INVALID_SETTING, rule: 'R-CARD-1', field: [field] }),
    );
  });

  it('R-CARD-1: 1 and 60 days and a free reissue are acceptable', () => {
    expect(() =>
      validateCardRulesOrThrow({ preReportValidDays: 1, reissueFee: yuan(0), counterReissueWorkingDays: 60 }),
    ).not.toThrow();
  });
});
