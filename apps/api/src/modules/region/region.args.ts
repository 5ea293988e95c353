import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { RegionLevel } from './region.type';

/** Codes one `regions(filter: { ids })` may list. */
export const MAX_REGION_IDS = 100;

export enum RegionOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  LEVEL = 'LEVEL',
  WALLET_FROM = 'WALLET_FROM',
}
registerEnumType(RegionOrderField, { name: 'RegionOrderField', description: 'Sort key of `regions`.' });

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Sort direction.' });

@InputType({ description: 'Sort order of `regions` (ties broken by code).' })
export class RegionOrder {
  @Field(() => RegionOrderField, { description: 'Sort key.' })
  field!: RegionOrderField;

  @Field(() => OrderDirection, { description: 'Direction.' })
  direction!: OrderDirection;
}

@InputType({ description: 'Filter of `regions`; all given conditions must hold.' })
export class RegionFilter {
  @Field(() => String, { nullable: true, description: 'Name or code contains this text.' })
  q?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Regions of this province-level unit (the province itself included).',
  })
  provinceCode?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only this level.' })
  level?: RegionLevel | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only regions whose wallet is open on this date (own or 全域 date).',
  })
  walletOpenOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only pooling regions (true) or only non-pools (false).',
  })
  isPool?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only regions with no wallet date at all, own or from a 全域 province (true), or only those with one (false).',
  })
  walletNever?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only active regions (true) or only codes the reference data has withdrawn (false).',
  })
  active?: boolean | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Only these codes (at most ${MAX_REGION_IDS}; more is BAD_USER_INPUT).`,
  })
  ids?: string[] | null;
}

@ArgsType()
export class RegionsArgs {
  @Field(() => RegionFilter, { nullable: true, description: 'Conditions.' })
  filter?: RegionFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;

  @Field(() => RegionOrder, { nullable: true, description: 'Sort order (default by code).' })
  orderBy?: RegionOrder | null;
}
