import type {
  FundingSourceRow,
  PersonSummary,
  PocketRow,
  RegionEntity,
  RegionSummary,
} from '@gongji/persistence';
import type { Fen } from '@gongji/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { EmploymentStatus, InsuranceType, KinChannel, PocketKind, Relation } from '../../common/domain-enums';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars';

@ObjectType({ simpleResolvers: true, description: 'One pocket of a personal account.' })
export class Pocket {
  @Field(() => PocketKind, { description: 'Which pocket.' })
  kind!: PocketKind;

  @Field(() => MoneyScalar, { description: 'Balance.' })
  balance!: Fen;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A personal account (个人账户) and its pockets (R-ACC-3).',
})
export class Account {
  @Field(() => [Pocket], {
    description: 'Pockets: EARMARKED, LEGACY, WALLET (WALLET only for people without an account).',
  })
  pockets!: Pocket[];

  @Field(() => MoneyScalar, { description: 'Sum of all pockets.' })
  total!: Fen;
}

@ObjectType({ simpleResolvers: true, description: 'Wallet confirmation (确认使用钱包, R-WAL-5).' })
export class Wallet {
  @Field(() => ID, { description: 'Usage region code.' })
  usageRegionCode!: string;

  @Field({ description: 'Bound phone (masked for analysts).' })
  phone!: string;

  @Field(() => DateTimeScalar, { description: 'Confirmed at.' })
  activatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'Social-security card status (R-CARD-1).' })
export class Card {
  @Field({
    description:
      'State as of today (R-CARD-1): ACTIVE, PRE_REPORTED, REPORTED or REISSUE_PENDING; a lapsed pre-report reads ACTIVE.',
  })
  state!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the loss report.' })
  reportedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When a reissued card is ready.' })
  reissueReadyOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Social security card number (社会保障卡号), the proof of presence a desk reads off the card. ADMIN and COUNTER only; null for everyone else.',
  })
  cardNumber!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An insured person (R-ACC-2). Analysts see masked name, ID number and phone.',
})
export class Person {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  /** Rows a page read along with the person (not in the schema): its edges then resolve without a loader. */
  pageRows?: {
    readonly region?: RegionEntity | RegionSummary | null;
    readonly pockets?: readonly PocketRow[];
    readonly fundingSources?: readonly FundingSourceRow[];
  };

  @Field({ description: 'Name (张* for analysts).' })
  name!: string;

  @Field({ description: 'Resident ID number (110105********1234 for analysts).' })
  idNumber!: string;

  @Field(() => String, { nullable: true, description: 'Phone (masked for analysts).' })
  phone!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Birth date (null for analysts).' })
  birthDate!: string | null;

  @Field(() => InsuranceType, { description: 'Scheme (R-ACC-1).' })
  insuranceType!: InsuranceType;

  @Field(() => EmploymentStatus, {
    nullable: true,
    description: 'In service or retired (employee participants).',
  })
  employmentStatus!: EmploymentStatus | null;

  @Field(() => ID, { description: 'Insured region (参保地) code.' })
  regionCode!: string;

  @Field({ description: 'Real-name verified (实名认证).' })
  realNameVerified!: boolean;

  @Field({ description: 'Out-of-region use of mutual-aid funds switched on (R-KIN-6).' })
  outOfRegionUsePermission!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A registered mutual-aid relation (备案): the beneficiary may spend the provider’s account.',
})
export class KinRelation {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  /** The provider's summary a page read along (not in the schema): `provider` resolves without a loader. */
  providerRow?: PersonSummary;

  @Field(() => ID, { description: 'Provider (holder of the account).' })
  providerId!: string;

  @Field(() => ID, { description: 'Beneficiary.' })
  beneficiaryId!: string;

  @Field(() => Relation, { description: "The beneficiary's relation to the provider." })
  relation!: Relation;

  @Field(() => KinChannel, { description: 'Registration channel.' })
  channel!: KinChannel;

  @Field(() => Int, {
    description: "Position in the beneficiary's registered order of providers (1 = used first, R-KIN-4).",
  })
  position!: number;

  @Field(() => DateScalar, { description: 'Registered on.' })
  registeredOn!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Revoked at (history is kept, R-KIN-5).' })
  revokedAt!: Date | null;
}

@InputType({ description: 'Who the e-voucher code is for.' })
export class EVoucherCodeIssueInput {
  @Field(() => ID, { description: 'Person id.' })
  personId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The national app's signed-in holder's ID number (实名认证, R-ACC-2): required from a PORTAL, must be the person's (REAL_NAME_MISMATCH otherwise). Counter staff check the document instead.",
  })
  idNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The phone bound to the holder's app account: required from a PORTAL, must be the person's registered phone.",
  })
  phone?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Result of eVoucherCodeIssue.' })
export class EVoucherCodeIssuePayload {
  @Field(() => String, { nullable: true, description: 'The code to show at the desk (proof of presence).' })
  code!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the code stops being accepted.' })
  expiresAt!: Date | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success.' })
  userErrors!: UserError[];
}
