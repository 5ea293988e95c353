import type { Fen } from '@gongji/domain';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../../common/scalars';

/** Documents counter staff may check before a reset; each carries the 18-character resident ID number (R-ACC-2). */
export enum IdentityDocument {
  ID_CARD = 'ID_CARD',
  TEMPORARY_ID_CARD = 'TEMPORARY_ID_CARD',
  HOUSEHOLD_REGISTER = 'HOUSEHOLD_REGISTER',
  SOCIAL_SECURITY_CARD = 'SOCIAL_SECURITY_CARD',
}
registerEnumType(IdentityDocument, {
  name: 'IdentityDocument',
  description: 'Original document presented at the counter for an identity check (R-ACC-2).',
  valuesConfig: {
    ID_CARD: { description: 'Resident identity card (居民身份证).' },
    TEMPORARY_ID_CARD: { description: 'Temporary resident identity card (临时居民身份证).' },
    HOUSEHOLD_REGISTER: { description: 'Household register (户口簿), e.g. for a child without an ID card.' },
    SOCIAL_SECURITY_CARD: { description: 'Social-security card (社会保障卡), numbered with the ID number.' },
  },
});

@InputType({
  description: 'The identity check counter staff did before a password reset (R-ACC-2, R-ACC-7).',
})
export class IdentityCheckInput {
  @Field(() => IdentityDocument, { description: 'Which original document was checked.' })
  document!: IdentityDocument;

  @Field({ description: 'The resident ID number on that document; must equal the registered one.' })
  idNumber!: string;
}

@InputType({ description: 'paymentPasswordChange: the holder changes their own payment password (R-ACC-7).' })
export class PaymentPasswordChangeInput {
  @Field(() => ID, { description: 'The holder (person id).' })
  personId!: string;

  @Field({
    description: 'The current payment password; a wrong one counts toward the lockout. Never stored.',
  })
  oldPassword!: string;

  @Field({
    description:
      'The new payment password: 6 digits, not one repeated digit, not an ascending or descending run, not the old one.',
  })
  newPassword!: string;
}

@InputType({
  description: 'paymentPasswordReset: counter staff issue a new password after an identity check.',
})
export class PaymentPasswordResetInput {
  @Field(() => ID, { description: 'The holder (person id).' })
  personId!: string;

  @Field(() => IdentityCheckInput, { description: 'The document checked and the ID number it shows.' })
  identityCheck!: IdentityCheckInput;

  @Field({ description: 'Why the password is reset (audited); required.' })
  reason!: string;
}

@InputType({
  description: 'paymentPasswordUnlock: counter staff lift a lockout after wrong passwords (R-ACC-7).',
})
export class PaymentPasswordUnlockInput {
  @Field(() => ID, { description: 'The holder (person id).' })
  personId!: string;

  @Field({ description: 'Why the lock is lifted (audited); required.' })
  reason!: string;
}

@InputType({
  description: 'passwordFreeLimitSet: the holder sets their password-free limit (限额免密, R-ACC-7).',
})
export class PasswordFreeLimitSetInput {
  @Field(() => ID, { description: 'The holder (person id).' })
  personId!: string;

  @Field(() => MoneyScalar, {
    description:
      'Account payments at or below this need no password; 0.00 switches it off; at most the policy maximum.',
  })
  limit!: Fen;

  @Field({
    description: 'The current payment password; a wrong one counts toward the lockout. Never stored.',
  })
  password!: string;
}
