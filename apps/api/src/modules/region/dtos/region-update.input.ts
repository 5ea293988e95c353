import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/scalars';

/**
 * Changes to a region. A field left out is unchanged; an explicit `null` clears the region's own date so it
 * inherits again (province, then national default).
 */
@InputType({
  description: 'Changes to a region: omitted fields are unchanged, explicit null clears (inherit).',
})
export class RegionUpdateInput {
  @Field(() => ID, { description: 'Region code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'EARMARKED account from (R-ACC-5).' })
  earmarkedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Mutual-aid registration from (R-KIN-3).' })
  mutualAidRegistrationFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Mutual-aid use from (R-KIN-3); not before registration.',
  })
  mutualAidUseFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Wallet open from (R-WAL-2); not before 2024-12-02.',
  })
  walletFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Usage-location change from (R-WAL-5); not before the wallet.',
  })
  usageLocationChangeFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Supplementary premium for self from (R-USE-3).' })
  supplementaryPremiumSelfFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Supplementary premium for kin from (R-USE-3); not before self.',
  })
  supplementaryPremiumKinFrom?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Province opened the wallet province-wide (全域).' })
  walletFullCoverage?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Fields (as in `Region.staffOwnedFields`, e.g. `walletFrom`) to hand back to the reference data: they take ' +
      'the reference value now and follow reference-data upgrades again. Not together with a new value.',
  })
  returnToReferenceData?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
