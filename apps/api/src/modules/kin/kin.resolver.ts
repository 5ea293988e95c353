import { detailParam } from '@gongji/domain';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '../../auth/authenticate';
import { assertPortalServes } from '../../auth/portal-serves';
import { Role } from '../../auth/principal';
import { KinChannel } from '../../common/domain-enums';
import { ApiErrorCode, userError } from '../../common/user-error';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toKinRelation, toPerson } from '../person/person.mapper';
import {
  KinRelationRegisterInput,
  KinRelationRevokeInput,
  KinRelationsReorderInput,
} from './dtos/kin.inputs';
import {
  KinRelationRegisterPayload,
  KinRelationRevokePayload,
  KinRelationsReorderPayload,
} from './dtos/kin.payloads';
import { KinService } from './kin.service';

const KIN_WRITERS = ['ADMIN', 'COUNTER', 'PORTAL:kin:write'];

/** Mutual-aid registrations (备案) at the counter or through a portal with `kin:write` (the national app). */
@Resolver()
export class KinResolver {
  @Authorized(...KIN_WRITERS)
  @Mutation(() => KinRelationRegisterPayload, {
    description:
      'Registers a relative who may spend the provider’s account (R-KIN-1/2/3): scope of the provider’s region on ' +
      'the date, same province (else the wallet), registration open; placed last in the order of use (R-KIN-4). ' +
      'Audited.',
  })
  async kinRelationRegister(
    @Arg('input', () => KinRelationRegisterInput) input: KinRelationRegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<KinRelationRegisterPayload> {
    const principal = requirePrincipal(ctx);
    if (principal.role === Role.PORTAL) {
      if (input.on != null)
        throw forbidden(
          'Only staff may enter a registration with a past date',
          detailParam('STAFF_ONLY_PAST_REGISTRATION'),
        );
      if (input.channel === KinChannel.COUNTER) {
        return {
          relation: null,
          fundingSources: [],
          explanation: [],
          userErrors: [
            userError(
              ApiErrorCode.INVALID_INPUT,
              'A portal registration cannot claim the COUNTER channel (R-KIN-3)',
              ['channel'],
              'R-KIN-3',
            ),
          ],
        };
      }
      await assertPortalServes(ctx, [input.providerId, input.beneficiaryId]);
    }
    const result = await new KinService(ctx).register(principal, input);
    return {
      relation: result.relation ? toKinRelation(result.relation) : null,
      fundingSources: result.fundingSources.map(toKinRelation),
      explanation: [...result.explanation],
      userErrors: result.userErrors,
    };
  }

  @Authorized(...KIN_WRITERS)
  @Mutation(() => KinRelationsReorderPayload, {
    description:
      'Sets the order in which a beneficiary’s providers are used (R-KIN-5): a permutation of the active ones. Audited.',
  })
  async kinRelationsReorder(
    @Arg('input', () => KinRelationsReorderInput) input: KinRelationsReorderInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<KinRelationsReorderPayload> {
    await assertPortalServes(ctx, [input.beneficiaryId, ...input.providerIds]);
    const result = await new KinService(ctx).reorder(requirePrincipal(ctx), input);
    return {
      beneficiary: result.beneficiary ? toPerson(result.beneficiary, false) : null,
      fundingSources: result.fundingSources.map(toKinRelation),
      userErrors: result.userErrors,
    };
  }

  @Authorized(...KIN_WRITERS)
  @Mutation(() => KinRelationRevokePayload, {
    description:
      'Revokes a mutual-aid relation (R-KIN-5): the row is kept with revokedAt, the remaining providers are ' +
      'renumbered 1..n. Audited.',
  })
  async kinRelationRevoke(
    @Arg('input', () => KinRelationRevokeInput) input: KinRelationRevokeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<KinRelationRevokePayload> {
    const result = await new KinService(ctx).revoke(requirePrincipal(ctx), input);
    return {
      relation: result.relation ? toKinRelation(result.relation) : null,
      fundingSources: result.fundingSources.map(toKinRelation),
      userErrors: result.userErrors,
    };
  }
}
