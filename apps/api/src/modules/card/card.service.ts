import {
  type Card,
  CardState,
  type EffectivePolicy,
  type ReissueChannel,
  cardRecoverOrThrow,
  cardReissueCompleteOrThrow,
  cardReissueOrThrow,
  cardReportLossOrThrow,
  cardStateOn,
  formatMoney,
  preReportLastDay,
} from '@gongji/domain';
import {
  CardEntity,
  type Manager,
  type PersonEntity,
  cardForUpdate,
  personOfId,
  saveCard,
} from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { refusal, runStaffChange } from '../person-admin/staff-change';
import { toDomainCard } from './card.mapper';
import type { CardLossStage } from './card.types';
import { newCardNumber } from '../../auth/presence';

export { toDomainCard };

export interface CardChange {
  readonly person: PersonEntity;
  /** The stored card after the change. */
  readonly row: CardEntity;
  /** The domain card after the change (state, temporary certificate, pending reissue). */
  readonly card: Card;
}

export interface CardChangeResult {
  readonly change: CardChange | null;
  readonly userErrors: UserError[];
}

/**
 * The card state machine of R-CARD-1 applied to the stored card, in one transaction with its audit row (COUNTER,
 * ADMIN). Business date: today in Beijing.
 */
export class CardService {
  constructor(private readonly ctx: GraphQLContext) {}

  /** A pre-report's last day is fixed now from the card rules of the holder's region today (R-CARD-1). */
  reportLoss(principal: Principal, personId: string, stage: CardLossStage, reason?: string | null) {
    return this.change(principal, personId, 'cardReportLoss', reason, (card, on, policy) =>
      cardReportLossOrThrow(card, stage, on, policy.cardRules),
    );
  }

  recover(principal: Principal, personId: string, reason?: string | null) {
    return this.change(principal, personId, 'cardRecover', reason, (card, on) =>
      cardRecoverOrThrow(card, on),
    );
  }

  /**
   * 补换卡: fee and counter working days from the card rules of the holder's region today, working days counted on
   * its holiday calendar (R-CARD-1). The fee (20 yuan by default) is collected outside the account (decision) and
   * only recorded in the payload and the audit row.
   */
  reissue(principal: Principal, personId: string, channel: ReissueChannel, reason?: string | null) {
    return this.change(principal, personId, 'cardReissue', reason, (card, on, policy) =>
      cardReissueOrThrow(card, channel, on, policy.cardRules, policy.holidayCalendar),
    );
  }

  /** The replacement card is collected (not before its ready date) or delivered: the card is ACTIVE again. */
  reissueComplete(principal: Principal, personId: string, reason?: string | null) {
    return this.change(principal, personId, 'cardReissueComplete', reason, (card, on) =>
      cardReissueCompleteOrThrow(card, on),
    );
  }

  private async change(
    principal: Principal,
    personId: string,
    action: string,
    reason: string | null | undefined,
    decide: (card: Card, on: string, policy: EffectivePolicy) => Card,
  ): Promise<CardChangeResult> {
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const person = await personOfId(manager, personId);
      if (!person) throw refusal(ApiErrorCode.NOT_FOUND, `No person with id "${personId}"`, ['personId']);
      const current = await cardForUpdate(manager, personId);
      const today = todayInChina();
      const before = toDomainCard(current);
      const policy = await this.ctx.services.policy.effective(person.regionCode, today, manager);
      const next = decide(before, today, policy);
      const row = Object.assign(new CardEntity(), {
        personId,
        state: next.state,
        reportedOn: next.reportedOn,
        // One date column serves both waits (no migration in issue #9): a pending reissue's ready date, or a
        // pre-report's last day in force (see toDomainCard).
        reissueReadyOn: next.reissue?.readyOn ?? next.preReportValidUntil ?? null,
        reissueChannel: next.reissue?.channel ?? null,
        // The replacement card carries a new number: the lost one is no proof of presence any more (issue #8).
        ...(action === 'cardReissueComplete' ? { cardNumber: newCardNumber() } : {}),
        updatedAt: new Date(),
      });
      await saveCard(manager, row);
      await this.audit(manager, principal, action, reason, { personId, before, next, today });
      return { person, row, card: next };
    });
    if (result.value) this.ctx.loaders.cardByPerson.clear(personId);
    return { change: result.value, userErrors: result.userErrors };
  }

  private async audit(
    manager: Manager,
    principal: Principal,
    action: string,
    reason: string | null | undefined,
    c: { personId: string; before: Card; next: Card; today: string },
  ): Promise<void> {
    const reissue = c.next.reissue;
    await this.ctx.services.audit.record(manager, principal, {
      action,
      entityType: 'Card',
      entityId: c.personId,
      before: { state: cardStateOn(c.before, c.today), reportedOn: c.before.reportedOn },
      after: {
        state: c.next.state,
        reportedOn: c.next.reportedOn,
        ...(c.next.state === CardState.PRE_REPORTED && c.next.reportedOn
          ? { validUntil: c.next.preReportValidUntil ?? preReportLastDay(c.next.reportedOn) }
          : {}),
        ...(reissue
          ? {
              reissueChannel: reissue.channel,
              readyOn: reissue.readyOn,
              fee: formatMoney(reissue.fee),
              // Decision: the fee is paid in cash (or online) at request, never debited from the account.
              feePaidFromAccount: false,
            }
          : {}),
      },
      reason: reason ?? null,
    });
  }
}
