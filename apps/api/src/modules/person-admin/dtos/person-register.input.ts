import { Field, ID, InputType } from 'type-graphql';
import { EmploymentStatus, InsuranceType } from '../../../common/domain-enums';

@InputType({
  description:
    'A person registered at the counter (R-ACC-1/2/3). The birth date is read from the ID number; pockets and an ' +
    'ACTIVE card are created with the person.',
})
export class PersonRegisterInput {
  @Field({ description: 'Name as on the ID card (1–64 characters).' })
  name!: string;

  @Field({
    description:
      '18-character resident ID number: GB 11643 check digit, real birth date, GB/T 2260 province (R-ACC-2).',
  })
  idNumber!: string;

  @Field(() => String, { nullable: true, description: 'Mainland mobile number (R-ACC-2).' })
  phone?: string | null;

  @Field(() => ID, { description: 'Insured region (参保地): an existing pooling region.' })
  regionCode!: string;

  @Field(() => InsuranceType, {
    description:
      'Scheme: EMPLOYEE gets EARMARKED, LEGACY and WALLET pockets, others a WALLET only (R-ACC-1/3).',
  })
  insuranceType!: InsuranceType;

  @Field(() => EmploymentStatus, {
    nullable: true,
    description: 'Required for EMPLOYEE, refused for any other scheme.',
  })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Name, ID and phone verified (实名认证); default false.',
  })
  realNameVerified?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Out-of-region use of mutual-aid funds switched on (R-KIN-6); default false.',
  })
  outOfRegionUsePermission?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Passbook (存折) linked to a bank card for free withdrawal: under the 2021 regime (before 2022-09-01) such a holder cannot pay supplementary-insurance premiums from the account (R-ACC-6); default false.',
  })
  bankCardLinked?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
