import { type ExplanationParams, type Fen, PaymentChannel, VisitType } from '@gongji/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';
import { ExplanationLine } from '../transaction/transaction.types';

/**
 * Own copies of the domain enums: type-graphql keys enums by object, and GraphQL type names are global, so the
 * settlement module registers its own `SettlementVisitType` / `SettlementChannel` (same UPPER_CASE values, API.md).
 */
export const SettlementVisitType = { ...VisitType } as const;
export type SettlementVisitType = VisitType;
export const SettlementChannel = { ...PaymentChannel } as const;
export type SettlementChannel = PaymentChannel;

registerEnumType(SettlementVisitType, {
  name: 'SettlementVisitType',
  description: 'Kind of visit of a bill (R-SET-1/2/3).',
  valuesConfig: {
    OUTPATIENT: { description: 'Outpatient / emergency (门急诊), R-SET-1.' },
    INPATIENT: { description: 'One hospital admission (住院), R-SET-2.' },
    PHARMACY: { description: 'Retail-pharmacy purchase (定点零售药店), R-SET-3.' },
  },
});
registerEnumType(SettlementChannel, {
  name: 'SettlementChannel',
  description:
    'How the patient presents the account; decides whether the payment password is asked (R-ACC-7).',
  valuesConfig: {
    CARD: { description: 'Social-security card: password above the password-free limit.' },
    E_VOUCHER: { description: '医保电子凭证: no password.' },
    REGISTRATION_FEE: {
      description:
        'Registration fee (挂号费) of an OUTPATIENT (outpatient/emergency) visit: no password. Any other visit ' +
        'type is refused CHANNEL_NOT_APPLICABLE (field channel).',
    },
    CROSS_REGION_DIRECT: {
      description:
        "Cross-region direct settlement (异地直接结算): no password. Only at an institution outside the patient's " +
        'insured region; in region it is refused CHANNEL_NOT_APPLICABLE (field channel).',
    },
  },
});

@ObjectType({ description: "Money taken from one relative's EARMARKED account (家庭共济, R-KIN-4)." })
export class SettlementProviderPayment {
  @Field(() => ID, { description: 'The provider (account holder) who paid.' })
  providerId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The patient's relation to the provider (R-KIN-1), e.g. CHILD.",
  })
  relation!: string | null;

  @Field(() => MoneyScalar, { description: 'Amount taken from the provider’s EARMARKED pocket.' })
  amount!: Fen;
}

@ObjectType({ description: 'A relative whose account was not used for this bill, and why (issue #9).' })
export class SettlementProviderSkip {
  @Field(() => ID, { description: 'The provider (account holder) skipped.' })
  providerId!: string;

  @Field(() => String, { nullable: true, description: "The patient's relation to the provider, e.g. CHILD." })
  relation!: string | null;

  @Field({
    description: 'Rule that kept the account out (R-KIN-5: not in force on the service date; R-KIN-2/6…).',
  })
  rule!: string;

  @Field({ description: 'Why, in words.' })
  reason!: string;

  /** Not in the schema: the explanation catalogue's code and values of `reason` (rendered per reader's language). */
  code?: string | null;
  params?: ExplanationParams | null;
}

@ObjectType({ description: 'One line of acct_mulaid_pay (national interface 2207): one provider.' })
export class SettlementNhsaMulaidItem {
  @Field({ description: 'psn_no: the provider (person id).' })
  psn_no!: string;

  @Field(() => MoneyScalar, { description: 'Amount paid from that provider’s account.' })
  amount!: Fen;
}

@ObjectType({
  description:
    'The national settlement interface 2207 (医保结算) output fields; names are the interface’s own.',
})
export class SettlementNhsa {
  @Field(() => MoneyScalar, { description: '医疗费总额: total of the bill.' })
  medfee_sumamt!: Fen;

  @Field(() => MoneyScalar, { description: '基金支付总额: paid by the pooled fund.' })
  fund_pay_sumamt!: Fen;

  @Field(() => MoneyScalar, { description: '个人负担总金额: personal share (total − fund).' })
  psn_part_amt!: Fen;

  @Field(() => MoneyScalar, { description: '个人账户支出: the patient’s own account (EARMARKED + WALLET).' })
  acct_pay!: Fen;

  @Field(() => MoneyScalar, { description: '个人账户共济支付金额: relatives’ accounts (R-KIN-4).' })
  acct_mulaid_pay!: Fen;

  @Field(() => MoneyScalar, { description: '个人现金支出: cash.' })
  psn_cash_pay!: Fen;

  @Field(() => [SettlementNhsaMulaidItem], {
    description: 'acct_mulaid_pay per provider, in the order used.',
  })
  acct_mulaid_pay_items!: SettlementNhsaMulaidItem[];
}

@ObjectType({
  description:
    'The split of a bill between the fund, the accounts and cash (R-SET-4); a quote moves no money (R-SET-5). ' +
    'When the bill is refused, the split fields are null and `userErrors` says why.',
})
export class SettlementQuote {
  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Total of the bill (covered + outOfCatalogue + excluded); null when refused.',
  })
  total!: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Paid by the pooled fund (R-SET-1/2/3); null when refused.',
  })
  fundPay!: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Total minus fund: what the patient’s side pays; null when refused.',
  })
  personalShare!: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'From the patient’s own EARMARKED pocket; null when refused.',
  })
  ownEarmarked!: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'From the patient’s own WALLET pocket (R-WAL-7); null when refused.',
  })
  ownWallet!: Fen | null;

  @Field(() => [SettlementProviderPayment], {
    description:
      'Relatives’ accounts in the order used (R-KIN-4); only non-zero amounts; empty when refused.',
  })
  providers!: SettlementProviderPayment[];

  /** Set by the mapper; replies stored before it existed have none (see the resolver). */
  skippedProviders?: SettlementProviderSkip[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'ownEarmarked + ownWallet + providers; null when refused.',
  })
  accountPaid!: Fen | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Paid in cash (excluded items, caps, empty accounts); null when refused.',
  })
  cash!: Fen | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "The patient's own payment password must be entered (R-ACC-7); null when refused.",
  })
  passwordRequired!: boolean | null;

  @Field(() => [ExplanationLine], {
    description: 'Rule ids and messages of the decision; empty when refused.',
  })
  explanation!: ExplanationLine[];

  @Field(() => SettlementNhsa, {
    nullable: true,
    description: 'The same split in the national interface 2207 fields; null when refused.',
  })
  nhsa!: SettlementNhsa | null;

  @Field(() => [UserError], {
    description: 'Refusals of the bill (API.md: business refusals are userErrors); empty for a valid split.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Amounts of a refund (R-USE-5).' })
export class RefundSummary {
  @Field(() => MoneyScalar, { description: 'Refunded now.' })
  amount!: Fen;

  @Field(() => MoneyScalar, { description: 'Returned to cash.' })
  cashReturned!: Fen;

  @Field(() => MoneyScalar, { description: 'Returned to personal pockets (own and relatives’).' })
  accountReturned!: Fen;

  @Field(() => MoneyScalar, { description: 'Returned to the fund pool.' })
  fundReturned!: Fen;

  @Field(() => MoneyScalar, { description: 'Still refundable after this refund.' })
  remaining!: Fen;

  @Field({ description: 'New status of the settlement: PARTIALLY_REFUNDED or REFUNDED.' })
  settlementStatus!: string;
}
