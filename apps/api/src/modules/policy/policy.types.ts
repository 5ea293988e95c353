import { type Fen, Feature, InstitutionLevel } from '@gongji/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { KinPurpose, Relation } from '../../common/domain-enums';
import { DateScalar, MoneyScalar } from '../../common/scalars';
import { ExplanationLine } from '../transaction/transaction.types';

registerEnumType(Feature, {
  name: 'Feature',
  description: 'A feature that opens per region on a date (rollout).',
});

@ObjectType({ description: 'Whether a feature is open on the date, and whose date decided it.' })
export class FeatureStatus {
  @Field(() => Feature, { description: 'Feature.' })
  feature!: Feature;

  @Field({ description: 'The RegionUpdateInput field that sets it.' })
  field!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Opening date that applies (null = not scheduled).',
  })
  from!: string | null;

  @Field({ description: 'Open on the date.' })
  open!: boolean;

  @Field({ description: 'DOMAIN.md rule that refuses when closed.' })
  rule!: string;

  @Field(() => ID, { nullable: true, description: 'Region whose date applies (null = national default).' })
  sourceRegionCode!: string | null;
}

@ObjectType({ description: 'Relations allowed for one purpose on the date (R-KIN-1).' })
export class KinshipScopeStatus {
  @Field(() => KinPurpose, { description: 'Purpose.' })
  purpose!: KinPurpose;

  @Field(() => [Relation], { description: 'Allowed relations.' })
  relations!: Relation[];

  @Field(() => DateScalar, { nullable: true, description: 'Date the applying setting took effect.' })
  effectiveFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'Region of the applying setting (null = national).' })
  sourceRegionCode!: string | null;
}

@ObjectType({ description: 'Deductible and fund rate of one outpatient category (R-SET-1).' })
export class OutpatientTermsView {
  @Field(() => MoneyScalar, { description: 'Annual deductible on covered spend.' })
  deductible!: Fen;

  @Field(() => Int, { description: 'Fund rate in basis points (5000 = 50%).' })
  fundRate!: number;
}

@ObjectType({ description: 'Outpatient schedule of one hospital level (R-SET-1).' })
export class OutpatientLevelView {
  @Field(() => InstitutionLevel, { description: 'Hospital level.' })
  level!: InstitutionLevel;

  @Field(() => OutpatientTermsView, { description: 'In service.' })
  inService!: OutpatientTermsView;

  @Field(() => OutpatientTermsView, { description: 'Retired, under 70 on the service date.' })
  retiredUnder70!: OutpatientTermsView;

  @Field(() => OutpatientTermsView, { description: 'Retired, 70 or older on the service date.' })
  retired70Plus!: OutpatientTermsView;

  @Field(() => MoneyScalar, { nullable: true, description: 'Annual fund cap (null = none).' })
  annualFundCap!: Fen | null;
}

@ObjectType({ description: 'One inpatient band (R-SET-2).' })
export class InpatientBandView {
  @Field(() => MoneyScalar, { nullable: true, description: 'Upper bound of covered cost (null = none).' })
  upTo!: Fen | null;

  @Field(() => Int, { description: 'In-service fund rate in basis points.' })
  fundRate!: number;
}

@ObjectType({ description: 'Inpatient schedule of one hospital level (R-SET-2).' })
export class InpatientLevelView {
  @Field(() => InstitutionLevel, { description: 'Hospital level.' })
  level!: InstitutionLevel;

  @Field(() => MoneyScalar, { description: 'Deductible of the first admission of the year.' })
  firstAdmissionDeductible!: Fen;

  @Field(() => MoneyScalar, { description: 'Deductible of each later admission.' })
  laterAdmissionDeductible!: Fen;

  @Field(() => [InpatientBandView], { description: 'Bands above the deductible.' })
  bands!: InpatientBandView[];

  @Field(() => Int, {
    description: "A retiree's personal share as a fraction of an in-service person's, basis points.",
  })
  retireePersonalShareFactor!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Annual inpatient fund maximum (null = none).' })
  annualFundMax!: Fen | null;
}

@ObjectType({ description: 'Caps on personal-account payment (R-USE-6); null = off.' })
export class SpendingCapsView {
  @Field(() => MoneyScalar, { nullable: true, description: 'Per institution per day.' })
  perInstitutionPerDay!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per day across institutions.' })
  perDayAcrossInstitutions!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per calendar year.' })
  perYear!: Fen | null;
}

@ObjectType({ description: 'Card rules (R-CARD-1).' })
export class CardRulesView {
  @Field(() => Int, { description: 'Days a pre-report stays in force after the report day.' })
  preReportValidDays!: number;

  @Field(() => MoneyScalar, { description: 'Replacement fee (工本费), paid in cash.' })
  reissueFee!: Fen;

  @Field(() => Int, { description: 'Working days (holiday calendar) until a counter reissue is ready.' })
  counterReissueWorkingDays!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date the applying setting took effect.' })
  effectiveFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'Region of the applying setting (null = national).' })
  sourceRegionCode!: string | null;
}

@ObjectType({ description: 'Payment password policy (R-ACC-7).' })
export class PasswordPolicyView {
  @Field(() => Int, { description: 'Consecutive wrong passwords that lock account payment.' })
  lockoutAfterFailures!: number;

  @Field(() => MoneyScalar, { description: 'Highest password-free limit (限额免密) a holder may choose.' })
  maxPasswordFreeLimit!: Fen;

  @Field(() => MoneyScalar, { description: 'Password-free limit of a holder who never set one.' })
  defaultPasswordFreeLimit!: Fen;

  @Field(() => MoneyScalar, {
    description:
      'Highest bill the REGISTRATION_FEE channel (挂号费, no password) may carry; a larger bill is CHANNEL_NOT_APPLICABLE (R-ACC-7).',
  })
  maxRegistrationFee!: Fen;

  @Field(() => Boolean, {
    description:
      "A portal's E_VOUCHER bill must carry the patient's e-voucher code (`SettlementInput.eVoucherCode`), else E_VOUCHER_CODE_REQUIRED (R-ACC-7).",
  })
  eVoucherCodeRequired!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Date the applying setting took effect.' })
  effectiveFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'Region of the applying setting (null = national).' })
  sourceRegionCode!: string | null;
}

@ObjectType({ description: 'Hospital selection (R-USE-1).' })
export class HospitalSelectionRulesView {
  @Field(() => Int, { description: 'Hospitals a person may choose besides those open to all.' })
  maxChosenHospitals!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date the applying setting took effect.' })
  effectiveFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'Region of the applying setting (null = national).' })
  sourceRegionCode!: string | null;
}

@ObjectType({
  description: 'One year of the holiday calendar: 节假日 and 调休 working days (working days of R-CARD-1).',
})
export class HolidayCalendarYearView {
  @Field(() => Int, { description: 'Calendar year.' })
  year!: number;

  @Field(() => [DateScalar], { description: 'Days off (放假).' })
  holidays!: string[];

  @Field(() => [DateScalar], { description: 'Saturdays and Sundays that are working days (调休上班).' })
  makeUpWorkdays!: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Date the applying setting took effect.' })
  effectiveFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'Region of the applying setting (null = national).' })
  sourceRegionCode!: string | null;
}

@ObjectType({ description: 'What applies in a region on a date: rollout, kinship scope, benefits, caps.' })
export class EffectivePolicyView {
  @Field(() => ID, { description: 'Region code.' })
  regionCode!: string;

  @Field(() => DateScalar, { description: 'Date.' })
  on!: string;

  @Field(() => [FeatureStatus], { description: 'Rollout features and whether they are open.' })
  features!: FeatureStatus[];

  @Field(() => [KinshipScopeStatus], { description: 'Kinship scope per purpose (R-KIN-1).' })
  kinshipScopes!: KinshipScopeStatus[];

  @Field(() => [OutpatientLevelView], { description: 'Outpatient schedule per hospital level (R-SET-1).' })
  outpatient!: OutpatientLevelView[];

  @Field(() => [InpatientLevelView], { description: 'Inpatient schedule per hospital level (R-SET-2).' })
  inpatient!: InpatientLevelView[];

  @Field(() => Int, { description: 'Retail-pharmacy fund rate in basis points (R-SET-3).' })
  pharmacyFundRate!: number;

  @Field(() => SpendingCapsView, { description: 'Account spending caps (R-USE-6).' })
  spendingCaps!: SpendingCapsView;

  @Field(() => PasswordPolicyView, { description: 'Payment password policy (R-ACC-7).' })
  passwordPolicy!: PasswordPolicyView;

  @Field(() => CardRulesView, { description: 'Card rules (R-CARD-1).' })
  cardRules!: CardRulesView;

  @Field(() => HospitalSelectionRulesView, { description: 'Hospital selection (R-USE-1).' })
  hospitalSelection!: HospitalSelectionRulesView;

  @Field(() => [HolidayCalendarYearView], {
    description: 'Holiday calendar years known on the date, oldest first (working days of R-CARD-1).',
  })
  holidayCalendar!: HolidayCalendarYearView[];

  @Field(() => [ExplanationLine], { description: 'Why: one line per decision with its rule.' })
  explanation!: ExplanationLine[];
}
