import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import { type GraphQLContext, requirePrincipal } from '../../context';
import {
  RelationshipAttestationConnection,
  RelationshipAttestationPayload,
  RelationshipAttestationRecordInput,
  RelationshipAttestationRevokeInput,
  RelationshipAttestationsArgs,
} from './attestation.types';

/** Relationship evidence checked at the counter (R-WAL-4): what a wallet transfer's relation may rest on. */
@Resolver()
export class AttestationResolver {
  @Authorized('ADMIN', 'COUNTER')
  @Query(() => RelationshipAttestationConnection, {
    description:
      "A person's relationship attestations, oldest first, revoked ones included, as a Relay connection (ADMIN, COUNTER).",
  })
  async relationshipAttestations(
    @Args() args: RelationshipAttestationsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RelationshipAttestationConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const { rows, total } = await ctx.services.attestations.of(args.personId, page);
    return toConnection(rows, page, total);
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => RelationshipAttestationPayload, {
    description:
      'Records a relationship checked at the counter (户口簿, 结婚证, 出生医学证明…): a wallet transfer may then name this relation (R-WAL-4). Audited.',
  })
  relationshipAttestationRecord(
    @Arg('input', () => RelationshipAttestationRecordInput) input: RelationshipAttestationRecordInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RelationshipAttestationPayload> {
    return ctx.services.attestations.record(requirePrincipal(ctx), input);
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => RelationshipAttestationPayload, {
    description:
      'Revokes an attestation from now on (history kept; transfers dated before stay valid). Audited.',
  })
  relationshipAttestationRevoke(
    @Arg('input', () => RelationshipAttestationRevokeInput) input: RelationshipAttestationRevokeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RelationshipAttestationPayload> {
    return ctx.services.attestations.revoke(requirePrincipal(ctx), input);
  }
}
