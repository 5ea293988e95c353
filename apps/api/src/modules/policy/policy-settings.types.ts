import type { Fen } from '@gongji/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InstitutionLevel, KinPurpose, Relation } from '../../common/domain-enums';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';
import { EffectivePolicyView } from './policy.types';

@ObjectType({ description: 'One effective-dated policy setting (append-only history; audited).' })
export class PolicySettingView {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Region or province it applies to; null = national.' })
  regionCode!: string | null;

  @Field({ description: 'KINSHIP_SCOPE, BENEFIT_SCHEDULE, SPENDING_CAPS or PASSWORD_POLICY.' })
  kind!: string;

  @Field(() => KinPurpose, { nullable: true, description: 'Purpose, for kinship scopes.' })
  purpose!: KinPurpose | null;

  @Field(() => DateScalar, {
    description: 'Applies from this date until a later row of the same kind and scope.',
  })
  effectiveFrom!: string;

  @Field({ description: 'The setting as JSON (money in fen as {"$bigint": "…"}).' })
  value!: string;

  @Field({ description: 'Who saved it.' })
  createdBy!: string;

  @Field(() => DateTimeScalar, { description: 'When it was saved.' })
  createdAt!: Date;
}

@InputType({ description: 'A kinship scope for one purpose from a date (R-KIN-1).' })
export class KinshipScopeSetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national default.' })
  regionCode?: string | null;

  @Field(() => KinPurpose, { description: 'What the relatives may be helped with.' })
  purpose!: KinPurpose;

  @Field(() => [Relation], { description: 'Allowed relations (empty = nobody).' })
  relations!: Relation[];

  @Field(() => DateScalar, {
    description: 'First day it applies. A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

@InputType({ description: 'Deductible and fund rate of one outpatient category.' })
export class OutpatientTermsInput {
  @Field(() => MoneyScalar, { description: 'Annual deductible.' })
  deductible!: Fen;

  @Field(() => Int, { description: 'Fund rate in basis points (5000 = 50%).' })
  fundRate!: number;
}

@InputType({ description: 'Outpatient terms (R-SET-1).' })
export class OutpatientScheduleInput {
  @Field(() => OutpatientTermsInput, { description: 'In service.' })
  inService!: OutpatientTermsInput;

  @Field(() => OutpatientTermsInput, { description: 'Retired, under 70.' })
  retiredUnder70!: OutpatientTermsInput;

  @Field(() => OutpatientTermsInput, { description: 'Retired, 70 or older.' })
  retired70Plus!: OutpatientTermsInput;

  @Field(() => MoneyScalar, { nullable: true, description: 'Annual fund cap; null = none.' })
  annualFundCap?: Fen | null;
}

@InputType({ description: 'One inpatient band.' })
export class InpatientBandInput {
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Upper bound of covered cost; null for the last band.',
  })
  upTo?: Fen | null;

  @Field(() => Int, { description: 'In-service fund rate in basis points.' })
  fundRate!: number;
}

@InputType({ description: 'Inpatient terms (R-SET-2).' })
export class InpatientScheduleInput {
  @Field(() => MoneyScalar, { description: 'Deductible of the first admission of the year.' })
  firstAdmissionDeductible!: Fen;

  @Field(() => MoneyScalar, { description: 'Deductible of each later admission.' })
  laterAdmissionDeductible!: Fen;

  @Field(() => [InpatientBandInput], { description: 'Bands, rising, the last one open-ended.' })
  bands!: InpatientBandInput[];

  @Field(() => Int, {
    description: "Retiree's personal share as a fraction of an in-service person's, basis points.",
  })
  retireePersonalShareFactor!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Annual inpatient fund maximum; null = none.' })
  annualFundMax?: Fen | null;
}

@InputType({ description: 'A benefit schedule from a date; parts left out keep what applies on that date.' })
export class BenefitScheduleSetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national default.' })
  regionCode?: string | null;

  @Field(() => DateScalar, {
    description: 'First day it applies. A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

  @Field(() => [InstitutionLevel], {
    nullable: true,
    description: 'Hospital levels the terms apply to (default: all).',
  })
  levels?: InstitutionLevel[] | null;

  @Field(() => OutpatientScheduleInput, { nullable: true, description: 'Outpatient terms for those levels.' })
  outpatient?: OutpatientScheduleInput | null;

  @Field(() => InpatientScheduleInput, { nullable: true, description: 'Inpatient terms for those levels.' })
  inpatient?: InpatientScheduleInput | null;

  @Field(() => Int, { nullable: true, description: 'Retail-pharmacy fund rate, basis points (R-SET-3).' })
  pharmacyFundRate?: number | null;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

@InputType({ description: 'Caps on personal-account payment from a date (R-USE-6); null = off.' })
export class SpendingCapsSetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national default.' })
  regionCode?: string | null;

  @Field(() => DateScalar, {
    description: 'First day it applies. A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per institution per day.' })
  perInstitutionPerDay?: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per day across institutions.' })
  perDayAcrossInstitutions?: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per calendar year.' })
  perYear?: Fen | null;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

@ObjectType({ description: 'Result of a policy setting change.' })
export class PolicySettingPayload {
  @Field(() => PolicySettingView, { nullable: true, description: 'The saved setting.' })
  setting!: PolicySettingView | null;

  @Field(() => EffectivePolicyView, {
    nullable: true,
    description: 'What applies in the region on `effectiveFrom` now.',
  })
  effectivePolicy!: EffectivePolicyView | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}
