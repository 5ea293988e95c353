import { Field, ID, InputType } from 'type-graphql';
import { KinChannel, Relation } from '../../../common/domain-enums';
import { DateScalar } from '../../../common/scalars';

@InputType({ description: 'A mutual-aid registration (备案, R-KIN-1/2/3).' })
export class KinRelationRegisterInput {
  @Field(() => ID, { description: 'Provider: the employee participant whose account is shared.' })
  providerId!: string;

  @Field(() => ID, { description: 'Beneficiary: the relative who may spend it.' })
  beneficiaryId!: string;

  @Field(() => Relation, { description: "The beneficiary's relation to the provider." })
  relation!: Relation;

  @Field(() => KinChannel, {
    description: 'Registration channel (R-KIN-3); portals cannot claim COUNTER.',
  })
  channel!: KinChannel;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Registration date, default today (Beijing time). Staff only: back-office entry of a registration made ' +
      'earlier on paper; the scope and rollout dates of that day apply. Never in the future.',
  })
  on?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType({ description: "A beneficiary's new order of use of their providers (R-KIN-5)." })
export class KinRelationsReorderInput {
  @Field(() => ID, { description: 'Beneficiary.' })
  beneficiaryId!: string;

  @Field(() => [ID], {
    description: 'Provider ids, first used first: every active provider exactly once (R-KIN-4/5).',
  })
  providerIds!: string[];

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType({ description: 'Revocation of a mutual-aid relation (R-KIN-5).' })
export class KinRelationRevokeInput {
  @Field(() => ID, { description: 'Relation id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
