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
    'A monthly batch of collected contributions. Exactly once per person and month: a row already credited with the same amount is a no-op, with another amount the whole batch is refused (CONFLICTING_CREDIT). With an idempotencyKey a retry replays the first payload; without one the person-month alone is the key, so resending a batch is still safe (its rows come back ALREADY_CREDITED).',
})
export class ContributionsCreditInput {
  @Field({
    description:
      'Month, YYYY-MM, not later than the current month (China; MONTH_IN_FUTURE) and not before the birth month of a person credited (MONTH_BEFORE_BIRTH). Months before the region’s earmarkedFrom (else the province’s, else 2022-09-01, as effectivePolicy reports) are credited to LEGACY.',
  })
  month!: string;

  @Field(() => [ContributionRowInput], { description: 'Rows, at most 1000.' })
  rows!: ContributionRowInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Client idempotency key (1–255 characters, API.md): same key and input replay the first payload and move nothing; same key with another input is IDEMPOTENCY_KEY_REUSED. A top-level error or a lost connection means the outcome is unknown: retry with the same key. Optional for compatibility with clients written before it existed.',
  })
  idempotencyKey?: string | null;
}
