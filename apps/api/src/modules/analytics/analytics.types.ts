import type { Fen } from '@gongji/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../common/scalars';

/** Dimensions of `ledgerStats` (same spelling as LEDGER_STATS_DIMENSIONS in libs/persistence). */
export enum StatsDimension {
  PROVINCE = 'PROVINCE',
  REGION = 'REGION',
  MONTH = 'MONTH',
  TRANSACTION_KIND = 'TRANSACTION_KIND',
  POCKET_KIND = 'POCKET_KIND',
  RELATION = 'RELATION',
  PRODUCT = 'PRODUCT',
  CHANNEL = 'CHANNEL',
}
registerEnumType(StatsDimension, {
  name: 'StatsDimension',
  description:
    'What `ledgerStats` groups by. PROVINCE, REGION: the current insured region of the person of each counted unit. ' +
    'POCKET_KIND and RELATION count pocket postings instead of transactions (see `StatsRow`).',
  valuesConfig: {
    PROVINCE: { description: 'Province-level unit of the person (code and name, e.g. 110000 北京市).' },
    REGION: { description: 'Insured (pooling) region of the person (code and name).' },
    MONTH: { description: 'Booking month in China Standard Time, `YYYY-MM`.' },
    TRANSACTION_KIND: { description: 'SETTLEMENT, SETTLEMENT_CANCEL, REFUND, PREMIUM, WALLET_TRANSFER, …' },
    POCKET_KIND: { description: 'EARMARKED, LEGACY or WALLET of the personal pocket posted to.' },
    RELATION: {
      description:
        "Mutual aid only: the patient's relation to the provider whose account paid (SPOUSE, PARENT, …, R-KIN-1).",
    },
    PRODUCT: {
      description: 'Supplementary-insurance product of a PREMIUM (R-USE-3); empty for other kinds.',
    },
    CHANNEL: {
      description:
        'Settlement channel (CARD, E_VOUCHER, REGISTRATION_FEE, CROSS_REGION_DIRECT); cancellations and refunds take their settlement’s.',
    },
  },
});

/** Row kinds of `ledgerStats`. */
export enum StatsRowKind {
  CELL = 'CELL',
  SUPPRESSED_REMAINDER = 'SUPPRESSED_REMAINDER',
}
registerEnumType(StatsRowKind, {
  name: 'StatsRowKind',
  description: 'A group of `ledgerStats`, or the one row that adds up every suppressed group.',
  valuesConfig: {
    CELL: { description: 'One combination of dimension values.' },
    SUPPRESSED_REMAINDER: {
      description:
        'All suppressed cells together (no dimension values); published only if it has enough persons itself.',
    },
  },
});

@InputType({ description: 'Conditions of `ledgerStats`. Dates are booking dates in China Standard Time.' })
export class StatsFilter {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'First booking date (inclusive): the day the transaction was posted (createdAt, UTC+8), not the service date.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last booking date (inclusive); at most 3 years after `from`.',
  })
  to?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only persons insured in this region (a known region code).',
  })
  regionCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only persons insured in this province (a province code).',
  })
  provinceCode?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only these transaction kinds (SETTLEMENT, SETTLEMENT_CANCEL, REFUND, PREMIUM, WALLET_TRANSFER, …).',
  })
  kinds?: string[] | null;
}

@ObjectType({ description: 'The value of one dimension in a `StatsRow`.' })
export class StatsDimensionValue {
  @Field(() => StatsDimension, { description: 'Which dimension.' })
  dimension!: StatsDimension;

  @Field(() => String, {
    nullable: true,
    description:
      'Code (region code, `2026-11`, SETTLEMENT, SPOUSE…); null when the unit has none (e.g. no product).',
  })
  code!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Human label: the region or province name (北京市), else the code itself.',
  })
  label!: string | null;
}

@ObjectType({
  description:
    'One group of `ledgerStats`. Unit counted: without POCKET_KIND/RELATION one transaction (its person: patient, ' +
    'payer, sender; a batch credit without a person counts once per credited pocket); with POCKET_KIND or RELATION ' +
    "one posting to a personal pocket (its person: the pocket's owner). Suppressed groups (fewer distinct persons " +
    'than the minimum, default 5) have null numbers; their sum is the SUPPRESSED_REMAINDER row, so published cells ' +
    'plus the remainder add up to the ledger (when the remainder itself is published).',
})
export class StatsRow {
  @Field(() => StatsRowKind, { description: 'A cell, or the remainder of all suppressed cells.' })
  kind!: StatsRowKind;

  @Field(() => [StatsDimensionValue], {
    description: 'One value per `groupBy` dimension, in that order (empty for the remainder row).',
  })
  values!: StatsDimensionValue[];

  @Field({
    description:
      'True when the group has fewer distinct persons than the minimum: every number below is null.',
  })
  suppressed!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct transactions in the group (null when suppressed).',
  })
  transactionCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct persons of the counted units (null when suppressed).',
  })
  personCount!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Transaction grain: sum of headline amounts (bill total, refund, cancelled bill, premium, transfer; always ' +
      'positive, tell kinds apart with TRANSACTION_KIND). POCKET_KIND/RELATION grain: signed sum of the pocket ' +
      'postings (credits positive, debits negative, e.g. mutual aid paid is negative). Null when suppressed.',
  })
  amount!: Fen | null;

  @Field(() => Int, {
    description: 'Cells in this row: 1, or the number of suppressed cells for the remainder.',
  })
  cellCount!: number;
}

@ObjectType({ description: 'A province-level unit (code and name).' })
export class ProvinceRef {
  @Field(() => ID, { description: 'Province code, e.g. 110000.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Name, e.g. 北京市.' })
  name!: string | null;
}

@ObjectType({
  description:
    "Wallet transfers (R-WAL) from persons insured in one province to persons insured in another (or the same) one, by the persons' current insured regions. Suppressed when fewer distinct senders or recipients than the minimum: the pair is listed without numbers, and its figures are not added anywhere.",
})
export class ProvinceFlow {
  @Field(() => ProvinceRef, { description: "Senders' province." })
  fromProvince!: ProvinceRef;

  @Field(() => ProvinceRef, { description: "Recipients' province." })
  toProvince!: ProvinceRef;

  @Field({ description: 'True when sender and recipient provinces differ.' })
  crossProvince!: boolean;

  @Field({ description: 'True when the numbers are withheld (too few distinct senders or recipients).' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Transfers (null when suppressed).' })
  transferCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct senders (null when suppressed).' })
  senderCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct recipients (null when suppressed).' })
  recipientCount!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount transferred (null when suppressed).' })
  amount!: Fen | null;
}

@ObjectType({
  description:
    'Reconciliation figures of one booking day or of the whole range (national 3201 对账). Gross figures are the ' +
    'settlements booked; net figures subtract the cancellations and refunds booked in the same period, component by ' +
    'component (netBillTotal = netFundPaid + netAccountPaid + netMutualAidPaid + netCashPaid).',
})
export class ReconciliationLine {
  @Field(() => DateScalar, { nullable: true, description: 'Booking day (UTC+8); null on the total line.' })
  date!: string | null;

  @Field(() => Int, { description: 'Settlements booked.' })
  settlementCount!: number;

  @Field(() => MoneyScalar, { description: 'Bill total of those settlements (medfee_sumamt).' })
  billTotal!: Fen;

  @Field(() => MoneyScalar, { description: 'Paid by the pooled fund (fund_pay_sumamt).' })
  fundPaid!: Fen;

  @Field(() => MoneyScalar, {
    description: "Paid from the patient's own account: EARMARKED + own WALLET (acct_pay).",
  })
  accountPaid!: Fen;

  @Field(() => MoneyScalar, {
    description: "Paid from relatives' accounts by family mutual aid (acct_mulaid_pay).",
  })
  mutualAidPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Paid in cash (psn_cash_pay).' })
  cashPaid!: Fen;

  @Field(() => Int, { description: 'Cancellations booked (full reversals, R-USE-5).' })
  cancellationCount!: number;

  @Field(() => MoneyScalar, { description: 'Bill totals cancelled.' })
  cancellationAmount!: Fen;

  @Field(() => Int, { description: 'Refunds booked (partial or final, R-USE-5).' })
  refundCount!: number;

  @Field(() => MoneyScalar, { description: 'Amount refunded.' })
  refundAmount!: Fen;

  @Field(() => MoneyScalar, { description: 'billTotal − cancellationAmount − refundAmount.' })
  netBillTotal!: Fen;

  @Field(() => MoneyScalar, {
    description: 'Fund paid after the fund money returned by cancellations and refunds.',
  })
  netFundPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Own account paid after the money returned to it.' })
  netAccountPaid!: Fen;

  @Field(() => MoneyScalar, { description: "Mutual aid after the money returned to relatives' accounts." })
  netMutualAidPaid!: Fen;

  @Field(() => MoneyScalar, { description: 'Cash after the cash returned.' })
  netCashPaid!: Fen;
}

@ObjectType({
  description:
    'Reconciliation statement of one institution over booking dates (national 3201): per day with activity and in total. No personal data.',
})
export class Reconciliation {
  @Field(() => ID, { description: 'The institution.' })
  institutionId!: string;

  @Field({ description: 'National institution code.' })
  institutionCode!: string;

  @Field({ description: 'Institution name.' })
  institutionName!: string;

  @Field(() => DateScalar, { description: 'First booking date (inclusive, UTC+8).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last booking date (inclusive, UTC+8).' })
  to!: string;

  @Field(() => [ReconciliationLine], { description: 'Days with at least one booking, in date order.' })
  days!: ReconciliationLine[];

  @Field(() => ReconciliationLine, { description: 'The whole range (sum of the days).' })
  total!: ReconciliationLine;
}
