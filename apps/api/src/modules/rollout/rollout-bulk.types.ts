import { Feature } from '@gongji/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';
import { Region } from '../region/region.type';

@InputType({
  description:
    'One rollout date for many regions at once (issue #10): open a feature on a date, schedule a future date, or ' +
    'clear the regions’ own dates (null) so they inherit again.',
})
export class RegionsRolloutSetInput {
  @Field(() => [ID], { description: 'Region codes (1–100; duplicates ignored).' })
  regionCodes!: string[];

  @Field(() => Feature, { description: 'The rollout feature to set, e.g. WALLET (R-WAL-2).' })
  feature!: Feature;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the feature opens; null clears each region’s own date (inherit).',
  })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log of every region).' })
  reason?: string | null;
}

@ObjectType({ description: 'What a bulk rollout did to one region.' })
export class RegionRolloutResult {
  @Field(() => ID, { description: 'Region code as given.' })
  regionCode!: string;

  @Field(() => Region, { nullable: true, description: 'The region after the operation (null if unknown).' })
  region!: Region | null;

  @Field({ description: 'The region’s date changed (false when refused or already set).' })
  changed!: boolean;

  @Field(() => [UserError], { description: 'Why this region was refused; empty otherwise.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of regionsRolloutSet: one line per region.' })
export class RegionsRolloutSetPayload {
  @Field(() => ID, {
    nullable: true,
    description: 'Audit entity id of the batch (entityType RegionBatch); null when the input was refused.',
  })
  batchId!: string | null;

  @Field(() => [RegionRolloutResult], { description: 'Per region, in the order given.' })
  results!: RegionRolloutResult[];

  @Field(() => Int, { description: 'Regions whose date changed.' })
  changedCount!: number;

  @Field(() => Int, { description: 'Regions refused.' })
  refusedCount!: number;

  @Field(() => [UserError], {
    description: 'Refusals of the whole input (nothing changed); empty otherwise.',
  })
  userErrors!: UserError[];
}
