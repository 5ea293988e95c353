import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InstitutionKind, InstitutionLevel } from '../../common/domain-enums';
import { ConnectionType } from '../../common/connection';
import { UserError } from '../../common/user-error';
import { Institution } from '../hospital-selection/hospital-selection.types';

@InputType({ description: 'Filter of `institutions`; all given conditions must hold.' })
export class InstitutionFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or of the national code (case-insensitive).',
  })
  q?: string | null;

  @Field(() => InstitutionKind, { nullable: true, description: 'Only hospitals or only pharmacies.' })
  kind?: InstitutionKind | null;

  @Field(() => InstitutionLevel, { nullable: true, description: 'Only this level.' })
  level?: InstitutionLevel | null;

  @Field(() => String, { nullable: true, description: 'Only institutions of this region (exact code).' })
  regionCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only designated (true) or non-designated (false) ones.',
  })
  designated?: boolean | null;
}

@ArgsType()
export class InstitutionsArgs {
  @Field(() => InstitutionFilter, { nullable: true, description: 'Conditions.' })
  filter?: InstitutionFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ObjectType('InstitutionConnection', {
  simpleResolvers: true,
  description: 'A page of institutions by national code (Relay connection).',
})
export class InstitutionConnection extends ConnectionType(Institution, 'Institution') {}

@InputType({ description: 'A new designated medical institution or retail pharmacy (定点医药机构).' })
export class InstitutionCreateInput {
  @Field({
    description:
      'National code: H (hospital) or P (pharmacy), the 6-digit administrative division, a 5-digit sequence, e.g. H11010100001. Unique.',
  })
  code!: string;

  @Field({ description: 'Name (1–128 characters).' })
  name!: string;

  @Field(() => InstitutionKind, {
    description: 'Hospital or retail pharmacy; must match the letter of the code.',
  })
  kind!: InstitutionKind;

  @Field(() => InstitutionLevel, { description: 'Hospital level; OTHER for pharmacies.' })
  level!: InstitutionLevel;

  @Field({ description: 'Code of an existing region where the institution is.' })
  regionCode!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Designated (定点): only designated institutions can settle (R-USE-1). Default true.',
  })
  designated?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'TCM, specialist or A-class hospital usable by everyone without being chosen (R-USE-1). Default false.',
  })
  openToAll?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Accepts wallet payment (R-WAL-7). Default false.' })
  acceptsWallet?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@InputType({ description: 'Changes to an institution; omitted (or null) fields stay as they are.' })
export class InstitutionUpdateInput {
  @Field(() => ID, { description: 'Institution id.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'New national code (same form as at creation; unique).',
  })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'New name (1–128 characters).' })
  name?: string | null;

  @Field(() => InstitutionKind, { nullable: true, description: 'Hospital or retail pharmacy.' })
  kind?: InstitutionKind | null;

  @Field(() => InstitutionLevel, { nullable: true, description: 'Hospital level; OTHER for pharmacies.' })
  level?: InstitutionLevel | null;

  @Field(() => String, { nullable: true, description: 'Code of an existing region.' })
  regionCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Designated (定点); a non-designated institution cannot settle (R-USE-1).',
  })
  designated?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Usable by everyone without being chosen (R-USE-1).' })
  openToAll?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Accepts wallet payment (R-WAL-7).' })
  acceptsWallet?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}

@ObjectType({ description: 'Result of institutionCreate or institutionUpdate.' })
export class InstitutionPayload {
  @Field(() => Institution, {
    nullable: true,
    description: 'The institution after the change (null when refused).',
  })
  institution!: Institution | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}
