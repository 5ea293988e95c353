import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toPerson } from '../person/person.mapper';
import { PersonRegisterInput } from './dtos/person-register.input';
import { PersonUpdateInput } from './dtos/person-update.input';
import { PersonRegisterPayload, PersonUpdatePayload } from './dtos/person-admin.payloads';
import { PersonAdminService } from './person-admin.service';

/** Counter registration of persons (R-ACC-1/2/3): staff only, every change audited. */
@Resolver()
export class PersonAdminResolver {
  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => PersonRegisterPayload, {
    description:
      'Registers an insured person (COUNTER, ADMIN; audited): ID number checked (GB 11643 check digit, birth date, ' +
      'province; R-ACC-2), region must be a pool, pockets opened at zero by scheme (R-ACC-1/3), card ACTIVE. An ' +
      'account holder with a phone gets a random initial payment password by SMS through the outbox (R-ACC-7).',
  })
  async personRegister(
    @Arg('input', () => PersonRegisterInput) input: PersonRegisterInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersonRegisterPayload> {
    const result = await new PersonAdminService(ctx).register(requirePrincipal(ctx), input);
    return {
      person: result.person ? toPerson(result.person, false) : null,
      initialPaymentPassword: result.initialPaymentPassword ?? null,
      userErrors: result.userErrors,
    };
  }

  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => PersonUpdatePayload, {
    description:
      'Changes phone, real-name flag, out-of-region permission (R-KIN-6), employment status (retirement) or insured ' +
      'region (COUNTER, ADMIN; audited with before and after). Never the ID number.',
  })
  async personUpdate(
    @Arg('input', () => PersonUpdateInput) input: PersonUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersonUpdatePayload> {
    const result = await new PersonAdminService(ctx).update(requirePrincipal(ctx), input);
    return { person: result.person ? toPerson(result.person, false) : null, userErrors: result.userErrors };
  }
}
