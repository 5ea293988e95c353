import { Field, ID, InputType } from 'type-graphql';
import { EmploymentStatus, InsuranceType } from '../../../common/domain-enums';

@InputType({
  description:
    'Changes to a person; omitted or null fields are unchanged. The ID number never changes; a name correction and a change of scheme need a reason.',
})
export class PersonUpdateInput {
  @Field(() => ID, { description: 'Person id.' })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Corrected name (1–64 characters, R-ACC-2), e.g. a typo at registration; needs a reason (the identity document checked). The ID number never changes.',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New mainland mobile number (R-ACC-2).' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Real-name verified (实名认证).' })
  realNameVerified?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Out-of-region use of mutual-aid funds (R-KIN-6).',
  })
  outOfRegionUsePermission?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Passbook (存折) linked to a bank card for free withdrawal: under the 2021 regime (before 2022-09-01) such a holder cannot pay supplementary-insurance premiums from the account (R-ACC-6).',
  })
  bankCardLinked?: boolean | null;

  @Field(() => InsuranceType, {
    nullable: true,
    description:
      'A change of scheme (参保身份变更, R-ACC-1), e.g. a flexible-employment participant who takes a job becomes EMPLOYEE (give `employmentStatus`) and gets empty EARMARKED/LEGACY pockets; an employee who leaves keeps the balance of their account. Refused while the person provides mutual aid to relatives (revoke first: only employees share an account, R-KIN-1). Needs a reason (audit log).',
  })
  insuranceType?: InsuranceType | null;

  @Field(() => EmploymentStatus, {
    nullable: true,
    description: 'Retirement (IN_SERVICE → RETIRED) or a correction; EMPLOYEE participants only (R-ACC-1).',
  })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Moving insurance to another pooling region. Refused across provinces while local mutual-aid relations ' +
      'with people of the old province are active (R-KIN-2): revoke them first.',
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit log).' })
  reason?: string | null;
}
