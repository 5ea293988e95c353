import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';
import { RefundSummary, SettlementQuote } from '../settlement.types';

@ObjectType({ description: 'Result of settlementConfirm.' })
export class SettlementConfirmPayload {
  @Field(() => Transaction, {
    nullable: true,
    description: 'The SETTLEMENT transaction (null when refused).',
  })
  transaction!: Transaction | null;

  @Field(() => SettlementQuote, {
    nullable: true,
    description: 'The split that was paid (null when refused).',
  })
  settlement!: SettlementQuote | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal moves no money.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of settlementCancel.' })
export class SettlementCancelPayload {
  @Field(() => Transaction, {
    nullable: true,
    description: 'The SETTLEMENT_CANCEL transaction (null when refused).',
  })
  transaction!: Transaction | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal moves no money.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of refundIssue.' })
export class RefundIssuePayload {
  @Field(() => Transaction, { nullable: true, description: 'The REFUND transaction (null when refused).' })
  transaction!: Transaction | null;

  @Field(() => RefundSummary, {
    nullable: true,
    description: 'Where the money went back (null when refused).',
  })
  refund!: RefundSummary | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal moves no money.' })
  userErrors!: UserError[];
}
