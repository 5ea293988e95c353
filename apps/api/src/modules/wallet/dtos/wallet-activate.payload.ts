import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { Wallet } from '../../person/person.types';

@ObjectType({ description: 'Result of walletActivate.' })
export class WalletActivatePayload {
  @Field(() => Wallet, {
    nullable: true,
    description:
      'The confirmed wallet (unchanged when the same confirmation is sent again); null when refused.',
  })
  wallet!: Wallet | null;

  @Field({
    description:
      'True when a wallet was confirmed or its usage region changed now; false for a repeat of the current confirmation or a refusal.',
  })
  changed!: boolean;

  @Field(() => [UserError], { description: 'Refusals (R-WAL-3, R-WAL-4, R-WAL-5); empty on success.' })
  userErrors!: UserError[];
}
