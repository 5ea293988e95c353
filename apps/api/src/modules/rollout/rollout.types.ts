import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { Region } from '../region/region.type';

@ObjectType({ description: 'Wallet rollout of one province-level unit on a date.' })
export class ProvinceRollout {
  @Field(() => Region, { description: 'The province-level unit.' })
  province!: Region;

  @Field(() => DateScalar, { nullable: true, description: 'Date the province counts as open (R-WAL-2).' })
  walletFrom!: string | null;

  @Field(() => Int, { description: 'Named regions of the province with the wallet open on the date.' })
  regionsOpen!: number;

  @Field({ description: 'False where the source counts the province as open without naming its regions.' })
  regionsEnumerated!: boolean;

  @Field({ description: 'Open province-wide (全域) on the date.' })
  fullCoverage!: boolean;

  @Field({ description: 'Usage-location change (使用地变更) available on the date (R-WAL-5).' })
  usageLocationChange!: boolean;
}

@ObjectType({ description: 'Wallet rollout as of a date (R-WAL-2).' })
export class RolloutSummary {
  @Field(() => DateScalar, { description: 'The date asked about.' })
  on!: string;

  @Field(() => Int, {
    description: 'Regions held in Gongji (named by the source) with the wallet open on the date.',
  })
  regionsOpen!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The published total of open regions that applies on the date (227 as of 2025-05-08, seed 004); 0 before the national launch; null when no figure applies.',
  })
  reportedRegionsOpen!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the published figure.' })
  reportedAsOf!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the published figure comes from.' })
  reportedSource!: string | null;

  @Field(() => Int, {
    description: 'Province-level units (including the XPCC) with the wallet open on the date.',
  })
  provincesOpen!: number;

  @Field(() => [Region], { description: 'Province-level units open province-wide (全域) on the date.' })
  fullCoverageProvinces!: Region[];

  @Field(() => [Region], { description: 'Province-level units offering usage-location change on the date.' })
  usageChangeProvinces!: Region[];

  @Field(() => [ProvinceRollout], {
    description: 'Per province-level unit with the wallet open on the date.',
  })
  provinces!: ProvinceRollout[];
}

@ObjectType({ description: 'Regions and provinces open on a date (a point of the rollout chart).' })
export class RolloutPoint {
  @Field(() => DateScalar, { description: 'Date.' })
  date!: string;

  @Field(() => Int, { description: 'Named regions open.' })
  regionsOpen!: number;

  @Field(() => Int, { description: 'Province-level units open.' })
  provincesOpen!: number;
}
