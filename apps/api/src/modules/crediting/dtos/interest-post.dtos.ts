import type { Fen } from '@gongji/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, MoneyScalar } from '../../../common/scalars';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';

@InputType({ description: 'The yearly interest run (结息) on EARMARKED balances, once per year (R-ACC-4).' })
export class InterestPostInput {
  @Field(() => Int, {
    description:
      'Calendar year that has ended (China time; the current year: YEAR_NOT_ENDED, a later one: YEAR_IN_FUTURE); interest is on each EARMARKED balance at the end of that year, not before 2022, when the book-entry account started (YEAR_BEFORE_EARMARKED, R-ACC-3).',
  })
  year!: number;

  @Field(() => Int, {
    description: 'Annual rate in integer basis points, 0–10000 (150 = 1.50 %).',
  })
  annualRate!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Client idempotency key (1–255 characters, API.md): same key and input replay the first payload and move nothing; same key with another input is IDEMPOTENCY_KEY_REUSED. A top-level error or a lost connection means the outcome is unknown: retry with the same key (the run resumes where it stopped; nobody is paid twice). Optional for compatibility with clients written before it existed.',
  })
  idempotencyKey?: string | null;
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
    description:
      'The INTEREST transaction when the run took one batch; null when refused, when no account earns a fen, or when the run took several batches (see transactionIds).',
  })
  transaction!: Transaction | null;

  @Field(() => [ID], {
    description:
      'Every INTEREST transaction this call posted, one per batch of EARMARKED holders (each batch locks only its own holders).',
  })
  transactionIds!: string[];

  @Field(() => [UserError], {
    description:
      'Refusals (INTEREST_ALREADY_POSTED, INVALID_YEAR, YEAR_IN_FUTURE, YEAR_NOT_ENDED, INVALID_RATE); nothing moved.',
  })
  userErrors!: UserError[];
}
