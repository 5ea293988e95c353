import { randomUUID } from 'node:crypto';
import { detailParam } from '@gongji/domain';
import {
  type DataSource,
  type RelationshipAttestationEntity,
  attestationOfId,
  attestationsOfPersonPage,
  inTransaction,
  insertAttestation,
  personExists,
  revokeAttestation,
} from '@gongji/persistence';
import { type Principal, actorOf } from '../../auth/principal';
import type { PageRequest } from '../../common/connection';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import type { AuditService } from '../audit/audit.service';
import type {
  RelationshipAttestation,
  RelationshipAttestationPayload,
  RelationshipAttestationRecordInput,
  RelationshipAttestationRevokeInput,
  EvidenceKind,
} from './attestation.types';
import type { Relation } from '../../common/domain-enums';

const refused = (userErrors: UserError[]): RelationshipAttestationPayload => ({
  attestation: null,
  userErrors,
});

/** Relationship evidence recorded by counter staff (R-WAL-4), audited, revocable with history kept. */
export class AttestationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async record(
    principal: Principal,
    input: RelationshipAttestationRecordInput,
  ): Promise<RelationshipAttestationPayload> {
    if (!input.reason.trim())
      return refused([userError(ApiErrorCode.REASON_REQUIRED, 'Give a reason', ['reason'])]);
    if (input.personId === input.relativePersonId)
      return refused([
        userError(
          ApiErrorCode.INVALID_INPUT,
          'A person is not their own relative',
          ['relativePersonId'],
          'R-WAL-4',
          { detail: detailParam('NOT_OWN_RELATIVE') },
        ),
      ]);
    if ((input.evidenceRef ?? '').length > 128)
      return refused([
        userError(
          ApiErrorCode.INVALID_INPUT,
          'evidenceRef is at most 128 characters',
          ['evidenceRef'],
          undefined,
          {
            detail: detailParam('EVIDENCE_REF_TOO_LONG'),
          },
        ),
      ]);
    return inTransaction(this.dataSource, async (manager) => {
      for (const field of ['personId', 'relativePersonId'] as const) {
        if (!(await personExists(manager, input[field])))
          return refused([
            userError(ApiErrorCode.NOT_FOUND, 'No person with this id', [field], undefined, {
              detail: detailParam('NOT_FOUND_PERSON_ID'),
            }),
          ]);
      }
      const row: RelationshipAttestationEntity = {
        id: randomUUID(),
        personId: input.personId,
        relativePersonId: input.relativePersonId,
        relation: input.relation,
        evidenceKind: input.evidenceKind,
        evidenceRef: input.evidenceRef?.trim() || null,
        checkedBy: actorOf(principal),
        checkedByName: principal.name,
        checkedAt: new Date(),
        revokedAt: null,
      };
      await insertAttestation(manager, row);
      await this.audit.record(manager, principal, {
        action: 'relationshipAttestationRecord',
        entityType: 'RelationshipAttestation',
        entityId: row.id,
        before: null,
        after: {
          personId: row.personId,
          relativePersonId: row.relativePersonId,
          relation: row.relation,
          evidenceKind: row.evidenceKind,
        },
        reason: input.reason.trim(),
      });
      return { attestation: toGraphQL(row), userErrors: [] };
    });
  }

  async revoke(
    principal: Principal,
    input: RelationshipAttestationRevokeInput,
  ): Promise<RelationshipAttestationPayload> {
    if (!input.reason.trim())
      return refused([userError(ApiErrorCode.REASON_REQUIRED, 'Give a reason', ['reason'])]);
    return inTransaction(this.dataSource, async (manager) => {
      const row = await attestationOfId(manager, input.id);
      if (!row)
        return refused([
          userError(ApiErrorCode.NOT_FOUND, 'No such attestation', ['id'], undefined, {
            detail: detailParam('NOT_FOUND_ATTESTATION'),
          }),
        ]);
      if (row.revokedAt) return refused([userError(ApiErrorCode.CONFLICT, 'Already revoked', ['id'])]);
      row.revokedAt = new Date();
      await revokeAttestation(manager, row.id, row.revokedAt);
      await this.audit.record(manager, principal, {
        action: 'relationshipAttestationRevoke',
        entityType: 'RelationshipAttestation',
        entityId: row.id,
        before: { revokedAt: null },
        after: { revokedAt: row.revokedAt.toISOString() },
        reason: input.reason.trim(),
      });
      return { attestation: toGraphQL(row), userErrors: [] };
    });
  }

  /** One page of a person's attestations, oldest check first, and how many the person has. */
  async of(personId: string, page: PageRequest): Promise<{ rows: RelationshipAttestation[]; total: number }> {
    const { rows, total } = await attestationsOfPersonPage(this.dataSource, personId, page);
    return { rows: rows.map(toGraphQL), total };
  }
}

function toGraphQL(e: RelationshipAttestationEntity): RelationshipAttestation {
  return {
    id: e.id,
    personId: e.personId,
    relativePersonId: e.relativePersonId,
    relation: e.relation as Relation,
    evidenceKind: e.evidenceKind as EvidenceKind,
    evidenceRef: e.evidenceRef,
    checkedByName: e.checkedByName,
    checkedAt: e.checkedAt,
    revokedAt: e.revokedAt,
  };
}
