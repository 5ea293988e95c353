import { yuan } from '../../money/money';
import { PaymentChannel } from '../../person/payment-channel';
import { ACTIVE_CARD, type Card, CardState, ReissueChannel } from '../card';
import { CardErrorCode } from '../card.errors';
import {
  cardPaymentAllowedOrThrow,
  cardPaymentsAllowed,
  cardRecoverOrThrow,
  cardReissueCompleteOrThrow,
  cardReissueOrThrow,
  cardReportLossOrThrow,
  cardStateOn,
  preReportLastDay,
} from '../card.rules';

// 2025-03-03 is a Monday.
const PRE = cardReportLossOrThrow(ACTIVE_CARD, 'PRE', '2025-03-03');
const FORMAL = cardReportLossOrThrow(ACTIVE_CARD, 'FORMAL', '2025-03-03');

describe('card loss (R-CARD-1)', () => {
  it('R-CARD-1: a pre-report freezes the card and is valid through the 10th day after it', () => {
    expect(PRE).toEqual({
      state: CardState.PRE_REPORTED,
      reportedOn: '2025-03-03',
      preReportValidUntil: '2025-03-13',
      temporaryCertificate: false,
      reissue: null,
    });
    expect(preReportLastDay('2025-03-03')).toBe('2025-03-13');
  });

  it.each([
    ['2025-03-02', CardState.ACTIVE],
    ['2025-03-03', CardState.PRE_REPORTED],
    ['2025-03-13', CardState.PRE_REPORTED],
    ['2025-03-14', CardState.ACTIVE],
  ])('R-CARD-1: pre-reported on 2025-03-03, on %s the card is %s (lapses after 10 days)', (on, state) => {
    expect(cardStateOn(PRE, on)).toBe(state);
  });

  it('R-CARD-1: recovered within the 10 days by an explicit unlock', () => {
    expect(cardRecoverOrThrow(PRE, '2025-03-03')).toEqual(ACTIVE_CARD);
    expect(cardRecoverOrThrow(PRE, '2025-03-13')).toEqual(ACTIVE_CARD);
  });

  it.each([
    [
      'R-CARD-1: after the 10 days the pre-report has lapsed',
      PRE,
      '2025-03-14',
      CardErrorCode.PRE_REPORT_LAPSED,
    ],
    ['R-CARD-1: a formal report cannot be unlocked', FORMAL, '2025-03-04', CardErrorCode.FORMALLY_REPORTED],
    [
      'R-CARD-1: an active card has nothing to unlock',
      ACTIVE_CARD,
      '2025-03-04',
      CardErrorCode.NOT_PRE_REPORTED,
    ],
    [
      'R-CARD-1: a card being reissued cannot be unlocked',
      cardReissueOrThrow(FORMAL, ReissueChannel.ONLINE, '2025-03-04'),
      '2025-03-05',
      CardErrorCode.FORMALLY_REPORTED,
    ],
  ])('%s', (_name, card, on, code) => {
    expect(() => cardRecoverOrThrow(card, on)).toThrow(expect.objectContaining({ code, rule: 'R-CARD-1' }));
  });

  it('R-CARD-1: a formal report issues the temporary certificate, from active or pre-reported', () => {
    expect(FORMAL).toEqual({
      state: CardState.REPORTED,
      reportedOn: '2025-03-03',
      temporaryCertificate: true,
      reissue: null,
    });
    expect(cardReportLossOrThrow(PRE, 'FORMAL', '2025-03-10').state).toBe(CardState.REPORTED);
  });

  it.each([
    ['R-CARD-1: pre-report twice within 10 days', PRE, 'PRE', '2025-03-05'],
    ['R-CARD-1: pre-report of a formally reported card', FORMAL, 'PRE', '2025-03-05'],
    ['R-CARD-1: formal report twice', FORMAL, 'FORMAL', '2025-03-05'],
  ] as const)('%s → ALREADY_REPORTED', (_name, card, stage, on) => {
    expect(() => cardReportLossOrThrow(card, stage, on)).toThrow(
      expect.objectContaining({ code: CardErrorCode.ALREADY_REPORTED, rule: 'R-CARD-1' }),
    );
  });

  it('R-CARD-1: a new pre-report is possible once the old one lapsed', () => {
    expect(cardReportLossOrThrow(PRE, 'PRE', '2025-03-20').reportedOn).toBe('2025-03-20');
  });
});

describe('card reissue (R-CARD-1)', () => {
  it.each([
    ['R-CARD-1: requested Thursday, ready the next Wednesday (weekend skipped)', '2025-03-06', '2025-03-12'],
    ['R-CARD-1: requested Monday, ready Friday', '2025-03-03', '2025-03-07'],
    ['R-CARD-1: requested Saturday, ready Thursday', '2025-03-08', '2025-03-13'],
  ])('%s', (_name, on, readyOn) => {
    const card = cardReissueOrThrow(FORMAL, 'COUNTER', on);
    expect(card.state).toBe(CardState.REISSUE_PENDING);
    expect(card.reissue).toEqual({
      channel: ReissueChannel.COUNTER,
      requestedOn: on,
      readyOn,
      fee: yuan(20),
    });
  });

  it('R-CARD-1: online the card comes by courier, same 20 yuan fee', () => {
    const card = cardReissueOrThrow(FORMAL, ReissueChannel.ONLINE, '2025-03-04');
    expect(card.reissue).toEqual({
      channel: ReissueChannel.ONLINE,
      requestedOn: '2025-03-04',
      readyOn: null,
      fee: yuan(20),
    });
    expect(cardReissueCompleteOrThrow(card, '2025-03-06')).toEqual(ACTIVE_CARD);
  });

  it('R-CARD-1: the counter card is collected from its ready date, then the card is active again', () => {
    const card = cardReissueOrThrow(FORMAL, ReissueChannel.COUNTER, '2025-03-06');
    expect(() => cardReissueCompleteOrThrow(card, '2025-03-11')).toThrow(
      expect.objectContaining({ code: CardErrorCode.REISSUE_NOT_READY, rule: 'R-CARD-1' }),
    );
    expect(cardReissueCompleteOrThrow(card, '2025-03-12')).toEqual(ACTIVE_CARD);
  });

  it.each([
    ['R-CARD-1: no reissue without a formal report', PRE, CardErrorCode.NOT_FORMALLY_REPORTED],
    ['R-CARD-1: no reissue of an active card', ACTIVE_CARD, CardErrorCode.NOT_FORMALLY_REPORTED],
  ])('%s', (_name, card, code) => {
    expect(() => cardReissueOrThrow(card, 'COUNTER', '2025-03-05')).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('R-CARD-1: nothing to collect without a pending reissue', () => {
    expect(() => cardReissueCompleteOrThrow(FORMAL, '2025-03-05')).toThrow(
      expect.objectContaining({ code: CardErrorCode.NO_REISSUE_PENDING }),
    );
  });
});

describe('payments with a frozen card (R-CARD-1)', () => {
  const pending = cardReissueOrThrow(FORMAL, 'COUNTER', '2025-03-04');
  const cases: [string, Card, string, PaymentChannel, boolean][] = [
    ['active card pays by card', ACTIVE_CARD, '2025-03-05', PaymentChannel.CARD, true],
    ['pre-reported card refuses card payment', PRE, '2025-03-05', PaymentChannel.CARD, false],
    ['pre-reported card: the e-voucher keeps working', PRE, '2025-03-05', PaymentChannel.E_VOUCHER, true],
    ['lapsed pre-report pays by card again', PRE, '2025-03-14', PaymentChannel.CARD, true],
    [
      'reported card refuses a registration fee by card',
      FORMAL,
      '2025-03-05',
      PaymentChannel.REGISTRATION_FEE,
      false,
    ],
    ['reported card: the e-voucher keeps working', FORMAL, '2025-03-05', PaymentChannel.E_VOUCHER, true],
    [
      'reissue pending refuses cross-region card payment',
      pending,
      '2025-03-05',
      PaymentChannel.CROSS_REGION_DIRECT,
      false,
    ],
    ['reissue pending: the e-voucher keeps working', pending, '2025-03-05', PaymentChannel.E_VOUCHER, true],
  ];
  it.each(cases)('R-CARD-1: %s', (_name, card, on, channel, allowed) => {
    expect(cardPaymentsAllowed(card, on, channel)).toBe(allowed);
    if (allowed) expect(() => cardPaymentAllowedOrThrow(card, on, channel)).not.toThrow();
    else
      expect(() => cardPaymentAllowedOrThrow(card, on, channel)).toThrow(
        expect.objectContaining({ code: CardErrorCode.CARD_FROZEN, rule: 'R-CARD-1' }),
      );
  });
});
