import { PremiumRegime } from '@gongji/domain';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PocketKind } from '../../../common/domain-enums';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';

registerEnumType(PremiumRegime, {
  name: 'PremiumRegime',
  description: 'Which account regime paid a supplementary premium (R-USE-3).',
  valuesConfig: {
    HISTORICAL_BALANCE_2021: {
      description: '2021-08-26 until the book-entry account: the historical balance (LEGACY).',
    },
    EARMARKED_2022: { description: 'From the book-entry account (2022-09-01 in Beijing): EARMARKED.' },
  },
});

@ObjectType({ description: 'Result of premiumPay.' })
export class PremiumPayPayload {
  @Field(() => Transaction, {
    nullable: true,
    description: 'The PREMIUM transaction; null when refused (nothing charged).',
  })
  transaction!: Transaction | null;

  @Field(() => PocketKind, { nullable: true, description: 'The pocket that paid; null when refused.' })
  pocket!: PocketKind | null;

  @Field(() => PremiumRegime, { nullable: true, description: 'The regime applied; null when refused.' })
  regime!: PremiumRegime | null;

  @Field(() => [UserError], { description: 'Refusals with their rule ids; empty on success.' })
  userErrors!: UserError[];
}

export { PremiumRegime };
