import { CardState, preReportLastDay } from '@gongji/domain';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { seesCardNumbers, toCard, toPerson } from '../person/person.mapper';
import { CardService } from './card.service';
import {
  CardRecoverInput,
  CardReissueCompleteInput,
  CardReissueInput,
  CardReportLossInput,
} from './dtos/card.inputs';
import {
  CardRecoverPayload,
  CardReissueCompletePayload,
  CardReissuePayload,
  CardReportLossPayload,
} from './dtos/card.payloads';

/** Card loss, unlock, replacement and its hand-over at the counter (R-CARD-1): staff only, every change audited. */
@Resolver()
export class CardResolver {
  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => CardReportLossPayload, {
    description:
      'Reports a lost card (R-CARD-1): PRE freezes card payments for the days of the card rules in force (10 by ' +
      'default, see effectivePolicy.cardRules), FORMAL until a reissue and issues a ' +
      'temporary certificate. The electronic voucher keeps working. Audited.',
  })
  async cardReportLoss(
    @Arg('input', () => CardReportLossInput) input: CardReportLossInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CardReportLossPayload> {
    const { change, userErrors } = await new CardService(ctx).reportLoss(
      requirePrincipal(ctx),
      input.personId,
      input.stage,
      input.reason,
    );
    const pre = change?.card.state === CardState.PRE_REPORTED && change.card.reportedOn;
    return {
      ...personAndCard(change, seesCardNumbers(ctx.principal)),
      preReportValidUntil: pre ? (change.card.preReportValidUntil ?? preReportLastDay(pre)) : null,
      temporaryCertificate: change?.card.temporaryCertificate ?? false,
      userErrors,
    };
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => CardRecoverPayload, {
    description:
      'Unlocks (解挂) a pre-reported card found while its pre-report is in force (R-CARD-1); a formal report cannot be ' +
      'undone. Audited.',
  })
  async cardRecover(
    @Arg('input', () => CardRecoverInput) input: CardRecoverInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CardRecoverPayload> {
    const { change, userErrors } = await new CardService(ctx).recover(
      requirePrincipal(ctx),
      input.personId,
      input.reason,
    );
    return {
      ...personAndCard(change, seesCardNumbers(ctx.principal)),
      userErrors,
    };
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => CardReissuePayload, {
    description:
      'Requests a replacement card after a formal report (R-CARD-1): fee of the card rules in force (20.00 by default) ' +
      'paid in cash at the counter (or online at request) — recorded in the payload and the audit log, NOT debited ' +
      'from the personal account (decision); at a counter ready after the working days of the card rules (4 by ' +
      'default) counted on the holiday calendar (节假日 skipped, 调休 make-up days counted). Audited.',
  })
  async cardReissue(
    @Arg('input', () => CardReissueInput) input: CardReissueInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CardReissuePayload> {
    const { change, userErrors } = await new CardService(ctx).reissue(
      requirePrincipal(ctx),
      input.personId,
      input.channel,
      input.reason,
    );
    return {
      ...personAndCard(change, seesCardNumbers(ctx.principal)),
      fee: change?.card.reissue?.fee ?? null,
      readyOn: change?.card.reissue?.readyOn ?? null,
      userErrors,
    };
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => CardReissueCompletePayload, {
    description:
      'Hands over the replacement card (R-CARD-1): collected at the counter from its ready date (REISSUE_NOT_READY ' +
      'before) or delivered by courier; the card is ACTIVE again and card payments work. Audited.',
  })
  async cardReissueComplete(
    @Arg('input', () => CardReissueCompleteInput) input: CardReissueCompleteInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CardReissueCompletePayload> {
    const { change, userErrors } = await new CardService(ctx).reissueComplete(
      requirePrincipal(ctx),
      input.personId,
      input.reason,
    );
    return {
      ...personAndCard(change, seesCardNumbers(ctx.principal)),
      userErrors,
    };
  }
}

/**
 * The person and the card after a card change (both null when it was refused); the card number as `Person.card`
 * shows it to the same caller (staff who handle cards: the new number after a completed reissue).
 */
function personAndCard(
  change: { person: Parameters<typeof toPerson>[0]; row: Parameters<typeof toCard>[0] } | null,
  showNumber: boolean,
) {
  return {
    person: change ? toPerson(change.person, false) : null,
    card: change ? toCard(change.row, undefined, showNumber) : null,
  };
}
