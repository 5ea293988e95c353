import { ContributionScheme, type Fen } from '@gongji/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../../common/scalars';
import { WalletSource } from '../../wallet/wallet.enums';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../../common/idempotency';

registerEnumType(ContributionScheme, {
  name: 'ResidentContributionScheme',
  description: 'Resident-side contribution a personal account may pay (R-USE-2).',
  valuesConfig: {
    RESIDENT_BASIC: { description: '城乡居民基本医疗保险 (居民医保) personal contribution.' },
    LONG_TERM_CARE: { description: '长期护理保险 contribution.' },
  },
});

@InputType({
  description:
    'A resident basic medical insurance or long-term care insurance contribution paid from the payer’s account for self or a registered relative, in full or not at all (R-USE-2).',
})
export class ResidentContributionPayInput {
  @Field(() => ID, {
    description: 'Account holder who pays: an employee participant (EARMARKED), or the insured (own WALLET).',
  })
  payerId!: string;

  @Field(() => ID, {
    description:
      'The insured: the payer, or a relative registered (备案) as the payer’s beneficiary, in the payer region’s kinship scope for the scheme and in the same province (R-KIN-1, R-KIN-2).',
  })
  insuredId!: string;

  @Field(() => ContributionScheme, { description: 'Which contribution is paid.' })
  scheme!: ContributionScheme;

  @Field(() => MoneyScalar, { description: 'Contribution, positive; the pocket must cover all of it.' })
  amount!: Fen;

  @Field(() => WalletSource, {
    nullable: true,
    description:
      'Pocket that pays; default EARMARKED. WALLET pays only the payer’s own RESIDENT_BASIC contribution (R-WAL-7).',
  })
  source?: WalletSource | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Decision date; default today (China). Staff only (ADMIN, COUNTER); a portal gets FORBIDDEN.',
  })
  on?: string | null;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey!: string;
}

export { ContributionScheme };
