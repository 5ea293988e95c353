import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/scalars';

@InputType({
  description:
    'Confirms the wallet (确认使用钱包, R-WAL-5), or changes its usage region when already confirmed (使用地变更).',
})
export class WalletActivateInput {
  @Field(() => ID, { description: 'The person confirming the wallet.' })
  personId!: string;

  @Field(() => ID, {
    description:
      'Usage region code; the wallet must be open there (R-WAL-3). A different code than the confirmed one is a usage-region change, offered only where the province allows it (R-WAL-2/5).',
  })
  usageRegionCode!: string;

  @Field({ description: 'Bound mainland mobile phone (11 digits).' })
  phone!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Decision date; default today (China). Staff only (ADMIN, COUNTER); a portal gets FORBIDDEN.',
  })
  on?: string | null;
}
