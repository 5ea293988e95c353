import type { Fen } from '@gongji/domain';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../../common/scalars';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../../common/idempotency';

@InputType({
  description:
    'A supplementary medical-insurance premium (e.g. 北京普惠健康保) paid from the payer’s account, in full or not at all (R-USE-3).',
})
export class PremiumPayInput {
  @Field(() => ID, { description: 'Account holder who pays (employee participant, real-name verified).' })
  payerId!: string;

  @Field(() => ID, {
    description: 'The insured: the payer, or a relative registered (备案) as the payer’s beneficiary.',
  })
  insuredId!: string;

  @Field({
    description:
      'The insured’s ID number as the insurer portal has it; must equal the registered one (R-USE-3).',
  })
  insuredIdNumber!: string;

  @Field({
    description: 'Product code; a PORTAL may only charge its own product (otherwise FORBIDDEN).',
  })
  product!: string;

  @Field(() => MoneyScalar, { description: 'Premium, positive.' })
  amount!: Fen;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Decision date; default today (China). Staff only (ADMIN, COUNTER); a portal gets FORBIDDEN.',
  })
  on?: string | null;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey!: string;
}
