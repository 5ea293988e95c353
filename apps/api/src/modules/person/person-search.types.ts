import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Person } from './person.types';

@ObjectType('PersonConnection', {
  simpleResolvers: true,
  description: 'A page of persons (by name, then ID number).',
})
export class PersonConnection extends ConnectionType(Person, 'Person') {}

@InputType({ description: 'Filter of `persons` (all conditions must hold).' })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Exactly this resident ID number (18 characters; a lower-case x is accepted).',
  })
  idNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Name contains this text (staff only: an analyst sees masked names, so searching by name would unmask them).',
  })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Insured in this region (参保地 code).' })
  regionCode?: string | null;
}

@ArgsType()
export class PersonsArgs {
  @Field(() => PersonFilter, { nullable: true, description: 'Conditions.' })
  filter?: PersonFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}
