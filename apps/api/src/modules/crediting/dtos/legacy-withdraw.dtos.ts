import type { Fen } from '@gongji/domain';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PocketKind } from '../../../common/domain-enums';
import { MoneyScalar } from '../../../common/scalars';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../../common/idempotency';

@InputType({ description: 'A cash withdrawal of the legacy passbook balance through the bank (R-ACC-5).' })
export class LegacyWithdrawInput {
  @Field(() => ID, { description: 'The account holder.' })
  personId!: string;

  @Field(() => MoneyScalar, { description: 'Amount, positive, at most the LEGACY balance.' })
  amount!: Fen;

  @Field(() => PocketKind, {
    nullable: true,
    description:
      'Pocket asked for; default LEGACY. EARMARKED (R-ACC-5) and WALLET (R-WAL-7) are refused: only LEGACY is cash.',
  })
  pocket?: PocketKind | null;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey!: string;
}

@ObjectType({ description: 'Result of legacyWithdraw.' })
export class LegacyWithdrawPayload {
  @Field(() => Transaction, {
    nullable: true,
    description: 'The LEGACY_WITHDRAWAL transaction; null when refused (no money moved).',
  })
  transaction!: Transaction | null;

  @Field(() => [UserError], { description: 'Refusals with their rule ids; empty on success.' })
  userErrors!: UserError[];
}
