import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { InstitutionKind, InstitutionLevel } from '../../common/domain-enums';
import { UserError } from '../../common/user-error';
import { Person } from '../person/person.types';

@ObjectType({ description: 'A designated medical institution or retail pharmacy (定点医药机构, R-USE-1).' })
export class Institution {
  @Field(() => ID, { description: 'Institution id.' })
  id!: string;

  @Field({ description: 'National institution code (e.g. H11010500001).' })
  code!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => InstitutionKind, { description: 'Hospital or retail pharmacy.' })
  kind!: InstitutionKind;

  @Field(() => InstitutionLevel, { description: 'Hospital level (OTHER for pharmacies).' })
  level!: InstitutionLevel;

  @Field({ description: 'Region code of the institution.' })
  regionCode!: string;

  @Field({
    description:
      'TCM, specialist or A-class hospital usable by everyone without being chosen (R-USE-1): the fund pays there.',
  })
  openToAll!: boolean;

  @Field({ description: 'Accepts wallet payment (R-WAL-7).' })
  acceptsWallet!: boolean;

  @Field({ description: 'Designated (定点): a non-designated institution cannot settle (R-USE-1).' })
  designated!: boolean;
}

@InputType({
  description:
    "Replaces a person's chosen hospitals (R-USE-1): at most the number of the hospital-selection rules of the person's region (4 by default; " +
    'effectivePolicy.hospitalSelection), designated hospitals, no duplicates, in order. ' +
    'An empty list clears the selection.',
})
export class PersonHospitalsSetInput {
  @Field(() => ID, { description: 'Person id.' })
  personId!: string;

  @Field(() => [ID], {
    description:
      'Ids (or national codes) of designated HOSPITALs, in order (positions 1..n); at most 4 by default.',
  })
  institutionIds!: string[];

  @Field(() => String, { nullable: true, description: 'Why the selection changes (kept in the audit log).' })
  reason?: string | null;
}

@ObjectType({ description: 'Result of personHospitalsSet.' })
export class PersonHospitalsSetPayload {
  @Field(() => Person, {
    nullable: true,
    description: 'The person after the change (null when refused); read `hospitals` for the selection.',
  })
  person!: Person | null;

  @Field(() => [Institution], { description: 'The chosen hospitals in order (empty when refused).' })
  hospitals!: Institution[];

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}
