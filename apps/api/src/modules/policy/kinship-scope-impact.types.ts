import { Field, ID, Int, ObjectType } from 'type-graphql';
import { KinPurpose, Relation } from '../../common/domain-enums';
import { DateScalar } from '../../common/scalars';

@ObjectType({
  description: 'A provider whose registered relatives would lose mutual aid under a narrower scope.',
})
export class KinshipScopeImpactProvider {
  @Field(() => ID, { description: 'Person id of the provider.' })
  personId!: string;

  @Field({ description: 'Name (staff only).' })
  name!: string;

  @Field(() => ID, { description: 'Insured region of the provider.' })
  regionCode!: string;

  @Field(() => Int, { description: 'Registrations of this provider that would lose effect.' })
  registrationCount!: number;

  @Field(() => [Relation], { description: 'Their relations that leave the scope.' })
  relations!: Relation[];
}

@ObjectType({
  description:
    'A stretch of days, from the new date until the next row of the same region and purpose, over which the scope ' +
    'before and after the change stay the same (R-KIN-1). Stretches without a change are left out.',
})
export class KinshipScopeImpactPeriod {
  @Field(() => DateScalar, { description: 'First day.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day after the stretch; null = open-ended.' })
  until!: string | null;

  @Field(() => [Relation], { description: 'Scope that applies in the stretch today.' })
  currentRelations!: Relation[];

  @Field(() => [Relation], { description: 'Scope that would apply in the stretch with the change.' })
  proposedRelations!: Relation[];

  @Field(() => [Relation], { description: 'Relations that would leave the scope in the stretch.' })
  removedRelations!: Relation[];

  @Field(() => [Relation], { description: 'Relations that would join the scope in the stretch.' })
  addedRelations!: Relation[];
}

@ObjectType({
  description:
    'What a kinship-scope change would do, counted by the server before saving (issue #10, R-KIN-1): registered ' +
    'relations that leave the scope stay on record but cannot be used for the purpose from the date.',
})
export class KinshipScopeImpact {
  @Field(() => ID, { nullable: true, description: 'Region (null = national default).' })
  regionCode!: string | null;

  @Field(() => KinPurpose, { description: 'Purpose.' })
  purpose!: KinPurpose;

  @Field(() => DateScalar, { description: 'Date the new scope would apply from.' })
  effectiveFrom!: string;

  @Field(() => [Relation], { description: 'Scope that applies on that date today.' })
  currentRelations!: Relation[];

  @Field(() => [Relation], {
    description:
      'Relations that would leave the scope on any day from the date until the next row of the key.',
  })
  removedRelations!: Relation[];

  @Field(() => [Relation], { description: 'Relations that would join the scope on any day of that stretch.' })
  addedRelations!: Relation[];

  @Field(() => [KinshipScopeImpactPeriod], {
    description:
      'Where the scope changes, stretch by stretch (a past date may also hide a later national scope).',
  })
  periods!: KinshipScopeImpactPeriod[];

  @Field(() => Int, { description: 'Active registrations (备案) that would lose effect for the purpose.' })
  registrationCount!: number;

  @Field(() => Int, { description: 'Distinct providers concerned.' })
  providerCount!: number;

  @Field(() => [KinshipScopeImpactProvider], { description: 'The providers concerned (at most 50).' })
  providers!: KinshipScopeImpactProvider[];
}
