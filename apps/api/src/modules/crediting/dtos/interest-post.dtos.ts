import type { Fen } from '@gongji/domain';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, MoneyScalar } from '../../../common/scalars';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';

@InputType({ description: 'The yearly interest run (结息) on EARMARKED balances, once per year (R-ACC-4).' })
export class InterestPostInput {
  @Field(() => Int, { description: 'Calendar year; not later than the current year (China).' })
  year!: number;

  @Field(() => Int, {
    description: 'Annual rate in integer basis points, 0–10000 (150 = 1.50 %).',
  })
  annualRate!: number;
}

@ObjectType({ description: 'A posted interest run (结息).' })
export class InterestRun {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { description: 'Annual rate in basis points (150 = 1.50 %).' })
  annualRate!: number;

  @Field(() => Int, { description: 'Accounts credited (those earning at least 0.01).' })
  accounts!: number;

  @Field(() => MoneyScalar, { description: 'Total interest posted.' })
  total!: Fen;

  @Field(() => DateTimeScalar, { description: 'Posted at.' })
  postedAt!: Date;
}

@ObjectType({ description: 'Result of interestPost.' })
export class InterestPostPayload {
  @Field(() => InterestRun, { nullable: true, description: 'The run; null when refused.' })
  interestRun!: InterestRun | null;

  @Field(() => Transaction, {
    nullable: true,
    description: 'The INTEREST transaction; null when refused or when no account earns a fen.',
  })
  transaction!: Transaction | null;

  @Field(() => [UserError], {
    description: 'Refusals (INTEREST_ALREADY_POSTED, INVALID_YEAR, INVALID_RATE); nothing moved.',
  })
  userErrors!: UserError[];
}
