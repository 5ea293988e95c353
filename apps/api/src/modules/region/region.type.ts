import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  SPECIAL = 'SPECIAL',
  NEW_AREA = 'NEW_AREA',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Kind of coverage region.',
  valuesConfig: {
    PROVINCE: { description: 'Province-level unit (省、自治区、直辖市) or the XPCC (兵团).' },
    CITY: { description: 'Prefecture-level pooling region (地级市、盟、州、地区).' },
    COUNTY: { description: 'County-level city pooling on its own (e.g. 辛集市, 定州市).' },
    SPECIAL: {
      description:
        'Special pool that is not an administrative division (省本级, oil fields, XPCC divisions).',
    },
    NEW_AREA: { description: 'New area (雄安新区, 济源产城融合示范区).' },
  },
});

export enum WalletDateBasis {
  EXACT = 'EXACT',
  CONFIRMED_BY = 'CONFIRMED_BY',
}
registerEnumType(WalletDateBasis, {
  name: 'WalletDateBasis',
  description: 'How the wallet-open date is known.',
  valuesConfig: {
    EXACT: { description: 'The source gives the exact opening date.' },
    CONFIRMED_BY: {
      description:
        'The source confirms the wallet open no later than this date (seed 004: as of 2025-05-08).',
    },
  },
});

/** A coverage region (R-ACC-2, R-WAL-2). Field resolvers live in RegionResolver. */
@ObjectType({
  simpleResolvers: true,
  description:
    'A coverage region: a province-level unit or a pooling region under one, with its rollout dates.',
})
export class Region {
  @Field(() => ID, { description: 'Same as `code` (for clients that need an `id`).' })
  id!: string;

  @Field(() => ID, {
    description: '6-digit GB/T 2260 code, or a synthetic code for special pools (docs/regions.md).',
  })
  code!: string;

  @Field({ description: 'Official name.' })
  name!: string;

  @Field(() => RegionLevel, { description: 'Kind of region.' })
  level!: RegionLevel;

  @Field(() => ID, { description: 'Code of the province-level unit (itself for a province).' })
  provinceCode!: string;

  @Field({ description: 'A pooling region (参保地) where persons are insured.' })
  isPool!: boolean;

  @Field({ description: 'Code from the synthetic scheme, not GB/T 2260.' })
  synthetic!: boolean;

  @Field({ description: 'The province opened the wallet province-wide (全域, R-WAL-2).' })
  walletFullCoverage!: boolean;

  @Field({
    description: 'False where the source counts the province as open without naming its regions (R-WAL-2).',
  })
  walletRegionsEnumerated!: boolean;

  @Field(() => WalletDateBasis, { nullable: true, description: 'How `walletFrom` is known.' })
  walletFromBasis!: WalletDateBasis | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: EARMARKED book-entry account from (R-ACC-5). Null inherits.',
  })
  earmarkedFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: mutual-aid registration from (R-KIN-3). Null inherits.',
  })
  mutualAidRegistrationFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: mutual-aid use from (R-KIN-3). Null inherits.',
  })
  mutualAidUseFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: wallet open from (R-WAL-2/3). Null inherits from a 全域 province.',
  })
  walletFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: wallet usage-location change from (R-WAL-5).',
  })
  usageLocationChangeFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: supplementary premium for self from (R-USE-3).',
  })
  supplementaryPremiumSelfFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Own setting: supplementary premium for registered kin from (R-USE-3).',
  })
  supplementaryPremiumKinFrom!: string | null;

  @Field({
    description:
      'False once the reference data has withdrawn the code: kept for the persons and history that refer to it, ' +
      'closed to new registrations.',
  })
  active!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the reference data withdrew the code.' })
  withdrawnAt!: Date | null;

  @Field(() => [String], {
    description:
      'Fields set by staff with `regionUpdate` (e.g. `walletFrom`); reference-data upgrades never overwrite them.',
  })
  staffOwnedFields!: string[];

  @Field(() => DateTimeScalar, { description: 'Last change.' })
  updatedAt!: Date;
}
