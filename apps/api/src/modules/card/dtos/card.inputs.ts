import { Field, ID, InputType } from 'type-graphql';
import { CardLossStage, CardReissueChannel } from '../card.types';

@InputType({ description: 'A card loss report (R-CARD-1).' })
export class CardReportLossInput {
  @Field(() => ID, { description: 'Card holder.' })
  personId!: string;

  @Field(() => CardLossStage, { description: 'Pre-report (10 days by default) or formal report.' })
  stage!: CardLossStage;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType({
  description: 'Unlock (解挂) of a pre-reported card found while its pre-report is in force (R-CARD-1).',
})
export class CardRecoverInput {
  @Field(() => ID, { description: 'Card holder.' })
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType({ description: 'A replacement card after a formal loss report (补换卡, R-CARD-1).' })
export class CardReissueInput {
  @Field(() => ID, { description: 'Card holder.' })
  personId!: string;

  @Field(() => CardReissueChannel, {
    description: 'COUNTER (ready after 4 working days by default) or ONLINE (courier).',
  })
  channel!: CardReissueChannel;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType({
  description:
    'The replacement card is handed over (R-CARD-1): collected at the counter from its ready date, or delivered online.',
})
export class CardReissueCompleteInput {
  @Field(() => ID, { description: 'Card holder.' })
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
