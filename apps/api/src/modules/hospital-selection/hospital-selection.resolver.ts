import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { chosenHospitalsOf } from '@gongji/persistence';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toPerson } from '../person/person.mapper';
import { Person } from '../person/person.types';
import { HospitalSelectionService, toInstitution } from './hospital-selection.service';
import { Institution, PersonHospitalsSetInput, PersonHospitalsSetPayload } from './hospital-selection.types';

/** Per-person hospital selection (R-USE-1): the mutation and `Person.hospitals`. */
@Resolver(() => Person)
export class HospitalSelectionResolver {
  @Authorized('ADMIN', 'COUNTER')
  @Mutation(() => PersonHospitalsSetPayload, {
    description:
      "Replaces a person's chosen hospitals (R-USE-1; COUNTER, ADMIN; audited with before and after): at most 4 (by " +
      'default; the hospital-selection rules of the region) ' +
      'designated HOSPITALs, no duplicates, positions 1..n. The fund pays at hospitals only when chosen or open to ' +
      'all (TCM, specialist, A-class); pharmacies need no selection.',
  })
  async personHospitalsSet(
    @Arg('input', () => PersonHospitalsSetInput) input: PersonHospitalsSetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersonHospitalsSetPayload> {
    const result = await new HospitalSelectionService(ctx).set(requirePrincipal(ctx), input);
    if (result.person) ctx.loaders.personById.clear(result.person.id);
    return {
      person: result.person ? toPerson(result.person, false) : null,
      hospitals: result.hospitals.map(toInstitution),
      userErrors: result.userErrors,
    };
  }

  @FieldResolver(() => [Institution], {
    description:
      'Hospitals this person has chosen, in order (R-USE-1; at most 4). Hospitals open to all are usable besides.',
  })
  async hospitals(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Institution[]> {
    return (await chosenHospitalsOf(ctx.dataSource.manager, person.id)).map(toInstitution);
  }
}
