import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { WalletActivateInput } from './dtos/wallet-activate.input';
import { WalletActivatePayload } from './dtos/wallet-activate.payload';
import { WalletTransferInput } from './dtos/wallet-transfer.input';
import { WalletTransferPayload } from './dtos/wallet-transfer.payload';
import { WalletService } from './wallet.service';

/** The medical-insurance wallet (医保钱包, R-WAL): confirmation, usage region, transfers to near relatives. */
@Resolver()
export class WalletResolver {
  @Authorized('ADMIN', 'COUNTER', 'PORTAL:wallet:transfer')
  @Mutation(() => WalletActivatePayload, {
    description:
      'Confirms the wallet with a usage region and bound phone, opening the WALLET pocket (R-WAL-5). Sending the same confirmation again changes nothing; another usage region changes it where the province offers 使用地变更 (R-WAL-2/5). Staff changes are audited.',
  })
  async walletActivate(
    @Arg('input', () => WalletActivateInput) input: WalletActivateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WalletActivatePayload> {
    return new WalletService(ctx).activate(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN', 'COUNTER', 'PORTAL:wallet:transfer')
  @Mutation(() => WalletTransferPayload, {
    description:
      "Transfers money from the sender's own EARMARKED or WALLET into a near relative's WALLET, in any region where the wallet is open (R-WAL-3..6). Exactly once per idempotency key.",
  })
  async walletTransfer(
    @Arg('input', () => WalletTransferInput) input: WalletTransferInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WalletTransferPayload> {
    return new WalletService(ctx).transfer(requirePrincipal(ctx), input);
  }
}
