import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { KinRelation, Person } from '../../person/person.types';
import { ExplanationLine } from '../../transaction/transaction.types';

@ObjectType({ description: 'Result of kinRelationRegister.' })
export class KinRelationRegisterPayload {
  @Field(() => KinRelation, {
    nullable: true,
    description: 'The new relation, last in the order (null when refused).',
  })
  relation!: KinRelation | null;

  @Field(() => [KinRelation], {
    description: "The beneficiary's active providers in order of use after the change (empty when refused).",
  })
  fundingSources!: KinRelation[];

  @Field(() => [ExplanationLine], { description: 'Why the registration was accepted, rule by rule.' })
  explanation!: ExplanationLine[];

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal writes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of kinRelationsReorder.' })
export class KinRelationsReorderPayload {
  @Field(() => Person, { nullable: true, description: 'The beneficiary (null when refused).' })
  beneficiary!: Person | null;

  @Field(() => [KinRelation], {
    description: "The beneficiary's active providers in the new order (empty when refused).",
  })
  fundingSources!: KinRelation[];

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of kinRelationRevoke.' })
export class KinRelationRevokePayload {
  @Field(() => KinRelation, {
    nullable: true,
    description: 'The revoked relation, kept as history with revokedAt (null when refused).',
  })
  relation!: KinRelation | null;

  @Field(() => [KinRelation], {
    description: "The beneficiary's remaining active providers, renumbered 1..n (empty when refused).",
  })
  fundingSources!: KinRelation[];

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}
