import type { Fen } from '@gongji/domain';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, MoneyScalar } from '../../../common/scalars';
import { SettlementChannel, SettlementVisitType } from '../settlement.types';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../../common/idempotency';

@InputType({ description: 'A medical bill to split (settlementQuote) or pay (settlementConfirm), API.md.' })
export class SettlementInput {
  @Field(() => ID, { description: 'The patient (person id).' })
  patientId!: string;

  @Field(() => ID, {
    description: 'The settling institution: its id or its national code (e.g. H11010100001).',
  })
  institutionId!: string;

  @Field(() => SettlementVisitType, { description: 'OUTPATIENT, INPATIENT or PHARMACY.' })
  visitType!: SettlementVisitType;

  @Field(() => DateScalar, { description: 'Service date; its calendar year picks the accumulators.' })
  serviceDate!: string;

  @Field(() => MoneyScalar, {
    description: 'In-catalogue cost (目录内): base of deductibles and fund rates.',
  })
  covered!: Fen;

  @Field(() => MoneyScalar, {
    description: 'Out-of-catalogue items (目录外): no fund payment (R-SET-3).',
    defaultValue: 0n,
  })
  outOfCatalogue!: Fen;

  @Field(() => MoneyScalar, {
    description: 'Items outside the fund’s scope (不报销范围): paid in cash only (R-USE-4).',
    defaultValue: 0n,
  })
  excluded!: Fen;

  @Field(() => SettlementChannel, {
    description: 'CARD, E_VOUCHER, REGISTRATION_FEE or CROSS_REGION_DIRECT.',
  })
  channel!: SettlementChannel;

  @Field(() => String, {
    nullable: true,
    description: "The patient's own payment password when required (R-ACC-7); never stored or logged.",
  })
  password?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The e-voucher code the patient showed (eVoucherCodeIssue / the national app, 5 minutes): verified when given (E_VOUCHER_CODE_INVALID if forged, expired or another person’s); required for a portal’s E_VOUCHER bill where the password policy says so (`eVoucherCodeRequired`, R-ACC-7). Proof, not part of the bill: a retry under the same key may carry a fresh code.',
  })
  eVoucherCode?: string | null;
}

@InputType({ description: 'settlementConfirm: the bill plus an idempotency key.' })
export class SettlementConfirmInput extends SettlementInput {
  @Field({
    description: IDEMPOTENCY_KEY_DESCRIPTION,
  })
  idempotencyKey!: string;
}

@InputType({ description: 'settlementCancel: reverses a whole settlement (R-USE-5).' })
export class SettlementCancelInput {
  @Field(() => ID, { description: 'The SETTLEMENT transaction to cancel.' })
  transactionId!: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why (kept in the audit log of a staff cancellation; not part of the request a key identifies).',
  })
  reason?: string | null;
}

@InputType({ description: 'refundIssue: returns part of a settlement to the pockets that paid (R-USE-5).' })
export class RefundIssueInput {
  @Field(() => ID, { description: 'The SETTLEMENT transaction to refund.' })
  transactionId!: string;

  @Field(() => MoneyScalar, { description: 'Amount to refund (positive).' })
  amount!: Fen;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why (kept in the audit log of a staff refund; not part of the request a key identifies).',
  })
  reason?: string | null;
}
