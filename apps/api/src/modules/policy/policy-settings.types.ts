import type { Fen } from '@gongji/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InstitutionLevel, KinPurpose, Relation } from '../../common/domain-enums';
import { ConnectionType } from '../../common/connection';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';
import { EffectivePolicyView } from './policy.types';

@ObjectType({ description: 'One effective-dated policy setting (append-only history; audited).' })
export class PolicySettingView {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Region or province it applies to; null = national.' })
  regionCode!: string | null;

  @Field({
    description:
      'KINSHIP_SCOPE, BENEFIT_SCHEDULE, SPENDING_CAPS, PASSWORD_POLICY, CARD_RULES, HOSPITAL_SELECTION or HOLIDAY_CALENDAR.',
  })
  kind!: string;

  @Field(() => KinPurpose, { nullable: true, description: 'Purpose, for kinship scopes.' })
  purpose!: KinPurpose | null;

  @Field(() => Int, { nullable: true, description: 'Calendar year, for HOLIDAY_CALENDAR rows.' })
  year!: number | null;

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

@ArgsType()
export class PolicySettingsArgs {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for national rows.' })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'KINSHIP_SCOPE, BENEFIT_SCHEDULE, SPENDING_CAPS, PASSWORD_POLICY, CARD_RULES, HOSPITAL_SELECTION or HOLIDAY_CALENDAR; omit for every kind.',
  })
  kind?: string | null;

  @Field(() => KinPurpose, { nullable: true, description: 'Only the kinship scopes of this purpose.' })
  purpose?: KinPurpose | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ObjectType('PolicySettingConnection', {
  simpleResolvers: true,
  description: 'A page of the settings history of one scope, oldest first (Relay connection).',
})
export class PolicySettingConnection extends ConnectionType(PolicySettingView, 'PolicySetting') {}

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

  @Field(() => BenefitScheme, {
    nullable: true,
    description:
      'Which scheme the schedule is for: EMPLOYEE (职工医保, default) or RESIDENT (城乡居民医保). A first RESIDENT schedule must be complete (both visit types, every level, the pharmacy rate).',
  })
  scheme?: BenefitScheme | null;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

/** The insurance scheme a benefit schedule applies to (issue #9: each scheme its own schedule). */
export enum BenefitScheme {
  EMPLOYEE = 'EMPLOYEE',
  RESIDENT = 'RESIDENT',
}
registerEnumType(BenefitScheme, {
  name: 'BenefitScheme',
  description: 'Insurance scheme of a benefit schedule.',
  valuesConfig: {
    EMPLOYEE: { description: '职工基本医疗保险 (employees, in service and retired; flexible employment).' },
    RESIDENT: { description: '城乡居民基本医疗保险 (residents): no default figures, configured per region.' },
  },
});

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

@InputType({
  description: 'Card rules from a date (R-CARD-1); parts left out keep what applies on that date.',
})
export class CardRulesSetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national default.' })
  regionCode?: string | null;

  @Field(() => DateScalar, {
    description: 'First day it applies. A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Days a pre-report (预挂失) stays in force after the report day, 1–60 (default 10).',
  })
  preReportValidDays?: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Replacement fee (工本费), paid in cash (default 20.00).',
  })
  reissueFee?: Fen | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Working days of the holiday calendar until a counter reissue is ready, 1–60 (default 4).',
  })
  counterReissueWorkingDays?: number | null;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

@InputType({
  description: 'Password policy from a date (R-ACC-7); parts left out keep what applies on that date.',
})
export class PasswordPolicySetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national default.' })
  regionCode?: string | null;

  @Field(() => DateScalar, {
    description: 'First day it applies. A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Consecutive wrong passwords that lock account payment, 3–10 (default 5).',
  })
  lockoutAfterFailures?: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Highest password-free limit (限额免密) a holder may choose (default 300.00).',
  })
  maxPasswordFreeLimit?: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Password-free limit of a holder who never set one, up to the maximum (default 0.00).',
  })
  defaultPasswordFreeLimit?: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Highest bill the registration-fee channel (挂号费, no password) may carry (default 100.00); a larger bill must be paid by CARD with the password or by E_VOUCHER (R-ACC-7).',
  })
  maxRegistrationFee?: Fen | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "A portal's E_VOUCHER bill must carry the e-voucher code the patient showed (`SettlementInput.eVoucherCode`), else E_VOUCHER_CODE_REQUIRED (R-ACC-7; default false: the portal's channel is taken at its word).",
  })
  eVoucherCodeRequired?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

@InputType({ description: 'How many hospitals a person may choose, from a date (R-USE-1).' })
export class HospitalSelectionRulesSetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national default.' })
  regionCode?: string | null;

  @Field(() => DateScalar, {
    description: 'First day it applies. A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

  @Field(() => Int, {
    description: 'Hospitals a person may choose besides those open to all, 1–20 (default 4).',
  })
  maxChosenHospitals!: number;

  @Field(() => String, { nullable: true, description: 'Why (audit log); required for a past date.' })
  reason?: string | null;
}

@InputType({
  description:
    "One year of the holiday calendar (国务院办公厅关于…部分节假日安排的通知) from a date: replaces that year's days off " +
    'and make-up working days (调休上班) for the region (working days of R-CARD-1).',
})
export class HolidayCalendarSetInput {
  @Field(() => ID, { nullable: true, description: 'Region or province; omit for the national calendar.' })
  regionCode?: string | null;

  @Field(() => Int, { description: 'Calendar year the dates belong to.' })
  year!: number;

  @Field(() => [DateScalar], {
    description: 'Days off (放假) of the year, weekends inside a holiday block included.',
  })
  holidays!: string[];

  @Field(() => [DateScalar], { description: 'Saturdays and Sundays that are working days (调休上班).' })
  makeUpWorkdays!: string[];

  @Field(() => DateScalar, {
    description:
      'First day the calendar is used (usually the publication of the notice). A past date is a correction and needs a reason.',
  })
  effectiveFrom!: string;

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
