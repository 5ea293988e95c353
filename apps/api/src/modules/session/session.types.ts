import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../auth/principal';
import { DateTimeScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';

@ObjectType({ description: 'A console user (policy staff, counter staff, analyst).' })
export class User {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field({ description: 'Sign-in name.' })
  username!: string;

  @Field({ description: 'Name shown in the console.' })
  displayName!: string;

  @Field(() => Role, { description: 'Role.' })
  role!: Role;
}

@InputType({ description: 'Credentials of a console user.' })
export class SessionCreateInput {
  @Field({ description: 'Sign-in name.' })
  username!: string;

  @Field({ description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'Result of sessionCreate: a bearer token, or a refusal.' })
export class SessionCreatePayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the token stops working.' })
  expiresAt!: Date | null;

  @Field(() => User, { nullable: true, description: 'The signed-in user.' })
  user!: User | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of sessionEnd: the user is signed out everywhere.' })
export class SessionEndPayload {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'From when every session token of the user signed before it is refused.',
  })
  endedAt!: Date | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}
