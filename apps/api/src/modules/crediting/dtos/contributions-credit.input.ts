import type { Fen } from '@gongji/domain';
import { Field, ID, InputType } from 'type-graphql';
import { MoneyScalar } from '../../../common/scalars';

@InputType({ description: 'What was collected for one person in the month (R-ACC-4).' })
export class ContributionRowInput {
  @Field(() => ID, { description: 'The insured (employee participant with a personal account).' })
  personId!: string;

  @Field(() => MoneyScalar, {
    description: 'Amount to credit; "0.00" = nothing collected this month, so no credit (R-ACC-4).',
  })
  amount!: Fen;
}

@InputType({
  description:
    'A monthly batch of collected contributions. Exactly once per person and month: a row already credited with the same amount is a no-op, with another amount the whole batch is refused (CONFLICTING_CREDIT). No idempotency key: the person-month is the key, so resending a batch is always safe.',
})
export class ContributionsCreditInput {
  @Field({ description: 'Month, YYYY-MM. Months before the region’s earmarkedFrom are credited to LEGACY.' })
  month!: string;

  @Field(() => [ContributionRowInput], { description: 'Rows, at most 1000.' })
  rows!: ContributionRowInput[];
}
