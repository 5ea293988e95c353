import type { Fen } from '@gongji/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../../common/scalars';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';

export enum ContributionCreditOutcome {
  CREDITED = 'CREDITED',
  ALREADY_CREDITED = 'ALREADY_CREDITED',
  NOT_COLLECTED = 'NOT_COLLECTED',
}
registerEnumType(ContributionCreditOutcome, {
  name: 'ContributionCreditOutcome',
  description: 'What happened to one row of a contribution batch (R-ACC-4).',
  valuesConfig: {
    CREDITED: { description: 'Credited now.' },
    ALREADY_CREDITED: { description: 'Same person, month and amount credited before: nothing moved.' },
    NOT_COLLECTED: { description: 'Nothing collected (amount 0): no credit.' },
  },
});

@ObjectType({ description: 'One row of a contribution batch and its outcome.' })
export class ContributionCreditRow {
  @Field(() => ID, { description: 'The insured.' })
  personId!: string;

  @Field(() => MoneyScalar, { description: 'Amount of the row.' })
  amount!: Fen;

  @Field(() => ContributionCreditOutcome, { description: 'Outcome.' })
  outcome!: ContributionCreditOutcome;
}

@ObjectType({ description: 'Result of contributionsCredit.' })
export class ContributionsCreditPayload {
  @Field({ description: 'The month of the batch.' })
  month!: string;

  @Field(() => Transaction, {
    nullable: true,
    description: 'The CONTRIBUTION_CREDIT transaction of the new credits; null when nothing new or refused.',
  })
  transaction!: Transaction | null;

  @Field(() => Int, { description: 'Person-months credited now.' })
  credited!: number;

  @Field(() => MoneyScalar, { description: 'Total credited now.' })
  creditedTotal!: Fen;

  @Field(() => Int, { description: 'Person-months already credited with the same amount (no-op).' })
  alreadyCredited!: number;

  @Field(() => MoneyScalar, { description: 'Total of the already-credited rows (not moved again).' })
  alreadyCreditedTotal!: Fen;

  @Field(() => Int, { description: 'Rows with nothing collected (no credit).' })
  notCollected!: number;

  @Field(() => [ContributionCreditRow], { description: 'Outcome per person (empty when refused).' })
  rows!: ContributionCreditRow[];

  @Field(() => [UserError], {
    description:
      'Refusals (CONFLICTING_CREDIT, INVALID_MONTH, MONTH_IN_FUTURE, NO_PERSONAL_ACCOUNT…); nothing moved.',
  })
  userErrors!: UserError[];
}
