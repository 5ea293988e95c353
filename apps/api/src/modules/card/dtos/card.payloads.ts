import type { Fen } from '@gongji/domain';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../../common/scalars';
import { UserError } from '../../../common/user-error';
import { Card, Person } from '../../person/person.types';

@ObjectType({ description: 'Result of cardReportLoss.' })
export class CardReportLossPayload {
  @Field(() => Person, { nullable: true, description: 'The card holder (null when refused).' })
  person!: Person | null;

  @Field(() => Card, { nullable: true, description: 'The card after the report (null when refused).' })
  card!: Card | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'PRE: last day the pre-report is in force and can be unlocked; it lapses the day after.',
  })
  preReportValidUntil!: string | null;

  @Field({
    description:
      'FORMAL: a temporary certificate (领卡证明) was issued — pay first, claim back later. The electronic voucher keeps working.',
  })
  temporaryCertificate!: boolean;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of cardRecover.' })
export class CardRecoverPayload {
  @Field(() => Person, { nullable: true, description: 'The card holder (null when refused).' })
  person!: Person | null;

  @Field(() => Card, { nullable: true, description: 'The card, ACTIVE again (null when refused).' })
  card!: Card | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({
  description:
    'Result of cardReissue. The fee is paid at the counter in cash (or online at request): it is recorded here ' +
    'and in the audit log, never debited from the personal account.',
})
export class CardReissuePayload {
  @Field(() => Person, { nullable: true, description: 'The card holder (null when refused).' })
  person!: Person | null;

  @Field(() => Card, { nullable: true, description: 'The card, REISSUE_PENDING (null when refused).' })
  card!: Card | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Replacement fee (工本费) of the card rules in force (20.00 by default); collected in cash.',
  })
  fee!: Fen | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'COUNTER: first day the new card can be collected (working days of the card rules on the holiday calendar); null online.',
  })
  readyOn!: string | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of cardReissueComplete.' })
export class CardReissueCompletePayload {
  @Field(() => Person, { nullable: true, description: 'The card holder (null when refused).' })
  person!: Person | null;

  @Field(() => Card, {
    nullable: true,
    description: 'The new card, ACTIVE; card payments work again (null when refused).',
  })
  card!: Card | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}
