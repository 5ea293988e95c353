import type { Fen } from '@gongji/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, MoneyScalar } from '../../../common/scalars';
import { UserError } from '../../../common/user-error';
import { Person } from '../../person/person.types';

@ObjectType({
  description: 'State of a holder’s payment password (R-ACC-7); never the password or its hash.',
})
export class PaymentPasswordStatus {
  @Field({
    description:
      'A password was issued (initial SMS or reset); false = account payment needing one is refused.',
  })
  set!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was last set (issued, changed or reset).',
  })
  setAt!: Date | null;

  @Field(() => Int, { description: 'Consecutive wrong passwords since the last correct one.' })
  failures!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When account payment was locked after too many wrong passwords; null = not locked.',
  })
  lockedAt!: Date | null;

  @Field(() => MoneyScalar, {
    description:
      'Password-free limit (限额免密) as set by the holder; 0.00 = off. The password policy maximum in force caps it ' +
      'when paying (R-ACC-7): under a lower maximum the maximum applies, and raising the maximum back restores this ' +
      'limit (it is never rewritten).',
  })
  passwordFreeLimit!: Fen;
}

@ObjectType({ description: 'Result of paymentPasswordChange.' })
export class PaymentPasswordChangePayload {
  @Field(() => Person, { nullable: true, description: 'The holder (null when refused).' })
  person!: Person | null;

  @Field(() => [UserError], {
    description: 'Refusals; empty on success. A wrong old password is counted, nothing else changes.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of paymentPasswordReset.' })
export class PaymentPasswordResetPayload {
  @Field(() => Person, { nullable: true, description: 'The holder (null when refused).' })
  person!: Person | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The new 6-digit password, shown once to the counter outside production for testing and demos. Always null ' +
      'in production, where it is only sent by SMS (R-ACC-7).',
  })
  newPaymentPassword!: string | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of paymentPasswordUnlock.' })
export class PaymentPasswordUnlockPayload {
  @Field(() => Person, { nullable: true, description: 'The holder (null when refused).' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of passwordFreeLimitSet.' })
export class PasswordFreeLimitSetPayload {
  @Field(() => Person, { nullable: true, description: 'The holder (null when refused).' })
  person!: Person | null;

  @Field(() => [UserError], {
    description: 'Refusals; empty on success. A wrong password is counted, nothing else changes.',
  })
  userErrors!: UserError[];
}
