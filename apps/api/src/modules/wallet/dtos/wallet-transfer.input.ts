import type { Fen } from '@gongji/domain';
import { Field, ID, InputType } from 'type-graphql';
import { Relation } from '../../../common/domain-enums';
import { DateScalar, MoneyScalar } from '../../../common/scalars';
import { WalletSource, WalletVerification } from '../wallet.enums';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../../../common/idempotency';

@InputType({ description: 'A wallet transfer to a near relative insured anywhere (R-WAL-3..6).' })
export class WalletTransferInput {
  @Field(() => ID, { description: 'Sender (must have confirmed the wallet, R-WAL-5).' })
  fromPersonId!: string;

  @Field(() => ID, { description: 'Recipient (near relative, any region, confirmed wallet).' })
  toPersonId!: string;

  @Field(() => Relation, {
    nullable: true,
    description:
      "The recipient's relation to the sender, as declared in the national app; checked against the WALLET_TRANSFER kinship scope of the sender's region on the date (R-WAL-4). Not a local 备案 registration. Optional (API.md's input has none): omitted, the relation on record between the two is used — a kin relation in force or a staff attestation, one in the scope first; none on record is RELATION_NOT_ESTABLISHED.",
  })
  relation?: Relation | null;

  @Field(() => MoneyScalar, { description: 'Amount, positive.' })
  amount!: Fen;

  @Field(() => WalletSource, { description: "Sender's own pocket to pay from (R-WAL-6)." })
  source!: WalletSource;

  @Field(() => WalletVerification, {
    description: 'Verification the portal performed successfully (R-WAL-6).',
  })
  verification!: WalletVerification;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Decision date; default today (China). Staff only (ADMIN, COUNTER); a portal gets FORBIDDEN.',
  })
  on?: string | null;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey!: string;
}
