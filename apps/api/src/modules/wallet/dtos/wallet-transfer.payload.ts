import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { Transaction } from '../../transaction/transaction.types';

@ObjectType({ description: 'Result of walletTransfer.' })
export class WalletTransferPayload {
  @Field(() => Transaction, {
    nullable: true,
    description: 'The WALLET_TRANSFER transaction; null when refused (no money moved).',
  })
  transaction!: Transaction | null;

  @Field(() => [UserError], { description: 'Refusals with their rule ids; empty on success.' })
  userErrors!: UserError[];
}
