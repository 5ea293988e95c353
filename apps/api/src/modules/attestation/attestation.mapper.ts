import type { RelationAttestation, Relation as DomainRelation } from '@gongji/domain';
import type { RelationshipAttestationEntity } from '@gongji/persistence';
import { todayInChina } from '../../common/clock';

/** The stored attestation as the R-WAL-4 rule reads it (dates in China time). */
export function toAttestation(e: RelationshipAttestationEntity): RelationAttestation {
  return {
    personId: e.personId,
    relativePersonId: e.relativePersonId,
    relation: e.relation as DomainRelation,
    evidenceKind: e.evidenceKind,
    checkedOn: todayInChina(e.checkedAt),
    revokedOn: e.revokedAt ? todayInChina(e.revokedAt) : null,
  };
}
