import type { PersonSummary, RegionEntity, RegionSummary } from '@gongji/persistence';
import type { ExplanationParams, Fen } from '@gongji/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { PocketKind, SystemAccount } from '../../common/domain-enums';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars';

@ObjectType({
  simpleResolvers: true,
  description: 'One line of the explanation of a decision: the rule that applied and what it did.',
})
export class ExplanationLine {
  @Field({ description: 'DOMAIN.md rule id, e.g. "R-SET-1".' })
  rule!: string;

  @Field({ description: 'What the rule decided.' })
  message!: string;

  /**
   * Not in the schema: the explanation catalogue's code and the values it formats in. `message` above is the English
   * text the rule wrote (logs, old rows); what the field returns is rendered by code in the reader's language
   * (ExplanationLineResolver). Kept in stored transactions and stored replies, so a later read renders again.
   */
  code?: string | null;
  params?: ExplanationParams | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One double-entry line; the postings of a transaction sum to zero (R-SET-6).',
})
export class PostingLine {
  @Field({
    description: 'Ledger account: a person id for a pocket, or the system account name (with its reference).',
  })
  account!: string;

  @Field(() => ID, { nullable: true, description: 'Person owning the pocket (pocket postings only).' })
  personId!: string | null;

  @Field(() => PocketKind, { nullable: true, description: 'Pocket (pocket postings only).' })
  pocket!: PocketKind | null;

  @Field(() => SystemAccount, { nullable: true, description: 'System account (system postings only).' })
  systemAccount!: SystemAccount | null;

  @Field(() => MoneyScalar, { description: 'Signed amount: positive increases the account.' })
  amount!: Fen;

  @Field(() => MoneyScalar, { nullable: true, description: "The pocket's balance after this posting." })
  balanceAfter!: Fen | null;
}

@ObjectType({ simpleResolvers: true, description: 'A money transaction with its postings and explanation.' })
export class Transaction {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field({
    description:
      'SETTLEMENT, SETTLEMENT_CANCEL, REFUND, PREMIUM, RESIDENT_CONTRIBUTION, WALLET_TRANSFER, CONTRIBUTION_CREDIT, INTEREST, LEGACY_WITHDRAWAL.',
  })
  kind!: string;

  @Field({ description: 'POSTED, CANCELLED, PARTIALLY_REFUNDED or REFUNDED.' })
  status!: string;

  @Field(() => MoneyScalar, { description: 'Headline amount (bill total, transfer, premium...).' })
  amount!: Fen;

  @Field(() => ID, { nullable: true, description: 'The person it is about (patient, payer, sender).' })
  personId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The other person (recipient, insured).' })
  counterpartyPersonId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Institution, for settlements.' })
  institutionId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Service date, for settlements.' })
  serviceDate!: string | null;

  @Field(() => ID, { nullable: true, description: 'The transaction this one cancels or refunds.' })
  originalTransactionId!: string | null;

  @Field(() => DateTimeScalar, { description: 'Posted at.' })
  createdAt!: Date;

  @Field(() => [PostingLine], { description: 'Double-entry postings (sum zero).' })
  postings!: PostingLine[];

  /** The person row (with region) a page read along (not in the schema): `person` resolves without a loader. */
  personRow?: {
    readonly person: PersonSummary;
    readonly region: RegionEntity | RegionSummary | null;
  } | null;

  /** Set by writers; reads load it only when asked for (TransactionResolver.explanation). */
  @Field(() => [ExplanationLine], { description: 'Rule ids and messages of the decision.' })
  explanation?: ExplanationLine[];
}

@ObjectType('TransactionConnection', {
  simpleResolvers: true,
  description: 'A page of transactions (newest first).',
})
export class TransactionConnection extends ConnectionType(Transaction, 'Transaction') {}

@InputType({ description: 'Filter of `transactions`.' })
export class TransactionFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      "Transactions about this person (as patient/payer/sender or recipient) or that moved money of this person's pockets (a relative whose account paid a settlement, R-KIN-4).",
  })
  personId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these kinds.' })
  kinds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The cancellation and refunds of this transaction (a settlement's, R-USE-5), e.g. to show what is left to refund.",
  })
  originalTransactionId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Posted at or after.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Posted before.' })
  to?: Date | null;
}

@ArgsType()
export class TransactionsArgs {
  @Field(() => TransactionFilter, { nullable: true, description: 'Conditions.' })
  filter?: TransactionFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}
