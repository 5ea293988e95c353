import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/user-error';
import { Person } from '../../person/person.types';

@ObjectType({ description: 'Result of personRegister.' })
export class PersonRegisterPayload {
  @Field(() => Person, { nullable: true, description: 'The new person (null when refused).' })
  person!: Person | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The initial 6-digit payment password, shown once to the counter outside production for testing and demos ' +
      '(R-ACC-7). Always null in production, where it is only sent by SMS; null when none was issued (no personal ' +
      'account, or no phone to send it to).',
  })
  initialPaymentPassword?: string | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal writes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of personUpdate.' })
export class PersonUpdatePayload {
  @Field(() => Person, { nullable: true, description: 'The person after the change (null when refused).' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}
