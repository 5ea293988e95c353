import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Relation } from '../../common/domain-enums';
import { DateTimeScalar } from '../../common/scalars';
import { UserError } from '../../common/user-error';

/** Documents counter staff check to establish a relationship (R-WAL-4). */
export enum EvidenceKind {
  HOUSEHOLD_REGISTER = 'HOUSEHOLD_REGISTER',
  MARRIAGE_CERTIFICATE = 'MARRIAGE_CERTIFICATE',
  BIRTH_CERTIFICATE = 'BIRTH_CERTIFICATE',
  OTHER_OFFICIAL = 'OTHER_OFFICIAL',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'Document checked at the counter to establish a relationship (R-WAL-4).',
  valuesConfig: {
    HOUSEHOLD_REGISTER: { description: '户口簿 (household register).' },
    MARRIAGE_CERTIFICATE: { description: '结婚证 (marriage certificate).' },
    BIRTH_CERTIFICATE: { description: '出生医学证明 (medical birth certificate).' },
    OTHER_OFFICIAL: { description: 'Another official certificate of kinship (亲属关系证明).' },
  },
});

@ObjectType({
  description:
    'A relationship checked by counter staff (R-WAL-4): the evidence a wallet transfer may rely on.',
})
export class RelationshipAttestation {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field(() => ID, { description: 'The person whose relative is attested (the wallet sender).' })
  personId!: string;

  @Field(() => ID, { description: 'The relative.' })
  relativePersonId!: string;

  @Field(() => Relation, { description: "The relative's relation to the person." })
  relation!: Relation;

  @Field(() => EvidenceKind, { description: 'The document checked.' })
  evidenceKind!: EvidenceKind;

  @Field(() => String, { nullable: true, description: 'Document number or note.' })
  evidenceRef!: string | null;

  @Field({ description: 'Who checked it.' })
  checkedByName!: string;

  @Field(() => DateTimeScalar, { description: 'When it was checked.' })
  checkedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while in force.' })
  revokedAt!: Date | null;
}

@ArgsType()
export class RelationshipAttestationsArgs {
  @Field(() => ID, { description: 'The person whose relatives are attested.' })
  personId!: string;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string | null;
}

@ObjectType('RelationshipAttestationConnection', {
  simpleResolvers: true,
  description: "A page of a person's relationship attestations, oldest first (Relay connection).",
})
export class RelationshipAttestationConnection extends ConnectionType(
  RelationshipAttestation,
  'RelationshipAttestation',
) {}

@InputType({ description: 'Evidence of a relationship checked at the counter (R-WAL-4).' })
export class RelationshipAttestationRecordInput {
  @Field(() => ID, { description: 'The person whose relative is attested (the future wallet sender).' })
  personId!: string;

  @Field(() => ID, { description: 'The relative.' })
  relativePersonId!: string;

  @Field(() => Relation, { description: "The relative's relation to the person." })
  relation!: Relation;

  @Field(() => EvidenceKind, { description: 'The document checked.' })
  evidenceKind!: EvidenceKind;

  @Field(() => String, { nullable: true, description: 'Document number or note (at most 128 characters).' })
  evidenceRef?: string | null;

  @Field({ description: 'Why (kept in the audit log).' })
  reason!: string;
}

@InputType({ description: 'Which attestation to revoke.' })
export class RelationshipAttestationRevokeInput {
  @Field(() => ID, { description: 'Attestation id.' })
  id!: string;

  @Field({ description: 'Why (kept in the audit log).' })
  reason!: string;
}

@ObjectType({ description: 'Result of relationshipAttestationRecord or relationshipAttestationRevoke.' })
export class RelationshipAttestationPayload {
  @Field(() => RelationshipAttestation, {
    nullable: true,
    description: 'The attestation (null when refused).',
  })
  attestation!: RelationshipAttestation | null;

  @Field(() => [UserError], { description: 'Refusals; empty on success. A refusal changes nothing.' })
  userErrors!: UserError[];
}
