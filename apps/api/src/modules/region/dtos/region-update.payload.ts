import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { Region } from '../region.type';

@ObjectType({ description: 'Result of regionUpdate.' })
export class RegionUpdatePayload {
  @Field(() => Region, {
    nullable: true,
    description: 'The region after the change (unchanged when refused).',
  })
  region!: Region | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}
