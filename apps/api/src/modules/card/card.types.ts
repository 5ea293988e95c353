import { ReissueChannel } from '@gongji/domain';
import { registerEnumType } from 'type-graphql';

/** Stage of a loss report (R-CARD-1). */
export enum CardLossStage {
  PRE = 'PRE',
  FORMAL = 'FORMAL',
}
registerEnumType(CardLossStage, {
  name: 'CardLossStage',
  description: 'Stage of a card loss report (R-CARD-1).',
  valuesConfig: {
    PRE: {
      description:
        '预挂失 (hotline, outlet, terminal): payments frozen for 10 days by default (card rules), undone by cardRecover.',
    },
    FORMAL: {
      description:
        '正式挂失 (ID card at an outlet): frozen until a reissue; a temporary certificate is issued.',
    },
  },
});

registerEnumType(ReissueChannel, {
  name: 'CardReissueChannel',
  description: 'Where a replacement card is requested (R-CARD-1).',
  valuesConfig: {
    COUNTER: {
      description: 'At a counter: ready after 4 working days by default (card rules, holiday calendar).',
    },
    ONLINE: { description: 'Online: delivered by courier, no ready date.' },
  },
});

export { ReissueChannel as CardReissueChannel };
