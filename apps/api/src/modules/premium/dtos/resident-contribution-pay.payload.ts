import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';

@ObjectType({ description: 'Result of residentContributionPay.' })
export class ResidentContributionPayPayload {
  @Field(() => Transaction, {
    nullable: true,
    description: 'The RESIDENT_CONTRIBUTION transaction; null when refused (nothing charged).',
  })
  transaction!: Transaction | null;

  @Field(() => [UserError], { description: 'Refusals with their rule ids; empty on success.' })
  userErrors!: UserError[];
}
