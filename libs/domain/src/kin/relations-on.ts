import type { IsoDate } from '../shared/dates';
import { type KinRelation, Relation } from './kin';

/** True when `relation` is in force on `date`: registered on or before it and not yet revoked (R-KIN-5). */
export function isRelationActiveOn(relation: KinRelation, date: IsoDate): boolean {
  return relation.registeredOn <= date && (relation.revokedAt == null || relation.revokedAt > date);
}

/**
 * THE answer to "which relations are in force on D" (issue #9: one answer per date): registered on or before D and
 * not revoked by D, in registered order (R-KIN-4/5). Settlement, premiums, resident contributions and wallet
 * transfers all ask this with the service date, so a past-dated decision sees the relatives of that day, not today's.
 */
export function relationsInForceOn(relations: readonly KinRelation[], date: IsoDate): KinRelation[] {
  return relations.filter((r) => isRelationActiveOn(r, date)).sort((a, b) => a.order - b.order);
}

/** The relation seen from the other side: a PARENT's child is a CHILD, a GRANDPARENT's grandchild a GRANDCHILD. */
export function inverseRelation(relation: Relation): Relation {
  switch (relation) {
    case Relation.PARENT:
      return Relation.CHILD;
    case Relation.CHILD:
      return Relation.PARENT;
    case Relation.GRANDPARENT:
      return Relation.GRANDCHILD;
    case Relation.GRANDCHILD:
      return Relation.GRANDPARENT;
    case Relation.MATERNAL_GRANDPARENT:
      return Relation.MATERNAL_GRANDCHILD;
    case Relation.MATERNAL_GRANDCHILD:
      return Relation.MATERNAL_GRANDPARENT;
    default:
      return relation; // SPOUSE, SIBLING
  }
}

/** A relationship attested by counter staff (R-WAL-4 evidence), as the rule needs it. */
export interface RelationAttestation {
  readonly personId: string;
  readonly relativePersonId: string;
  /** The relative's relation to the person. */
  readonly relation: Relation;
  readonly evidenceKind: string;
  /** Date the evidence was checked. */
  readonly checkedOn: IsoDate;
  readonly revokedOn: IsoDate | null;
}

interface RecordsBetween {
  readonly fromPersonId: string;
  readonly toPersonId: string;
  readonly date: IsoDate;
  readonly kinRelations: readonly KinRelation[];
  readonly attestations: readonly RelationAttestation[];
}

/**
 * How a relation is on record (R-WAL-4): a kin relation registered between the two and in force, or a relationship
 * attestation counter staff recorded after checking a document (户口簿, 结婚证, 出生医学证明…) on `checkedOn`.
 */
export type RelationEvidence =
  | { readonly kind: 'REGISTERED' }
  | { readonly kind: 'ATTESTED'; readonly evidenceKind: string; readonly checkedOn: string };

/**
 * R-WAL-4's records of what `to` is to `from` on `date`, each with how it is established: kin relations registered
 * between the two and in force (either direction: `to` as beneficiary of `from`, or `from` as beneficiary of `to` with
 * the inverse relation), in registered order, then staff attestations checked by then and not revoked (either
 * direction as well: an attestation recorded for `to` about `from` gives the inverse relation).
 *
 * `recordedAnyTime` (the R-USE-3 2021 regime, see {@link kinshipOnRecord}): a registration or an attestation made
 * after `date` counts too — it documents a family tie, it is not a registration that must precede the use; a record
 * withdrawn (revoked) on or before `date` still does not count.
 */
function recordsBetween(
  input: RecordsBetween,
  recordedAnyTime = false,
): { relation: Relation; how: RelationEvidence }[] {
  const { fromPersonId, toPersonId, date } = input;
  const records: { relation: Relation; how: RelationEvidence }[] = [];
  const registered: RelationEvidence = { kind: 'REGISTERED' };
  const kinRelations = recordedAnyTime
    ? input.kinRelations
        .filter((r) => r.revokedAt == null || r.revokedAt > date)
        .sort((a, b) => a.order - b.order)
    : relationsInForceOn(input.kinRelations, date);
  for (const r of kinRelations) {
    if (r.providerId === fromPersonId && r.beneficiaryId === toPersonId)
      records.push({ relation: r.relation, how: registered });
    else if (r.providerId === toPersonId && r.beneficiaryId === fromPersonId)
      records.push({ relation: inverseRelation(r.relation), how: registered });
  }
  for (const a of input.attestations) {
    if ((!recordedAnyTime && a.checkedOn > date) || (a.revokedOn != null && a.revokedOn <= date)) continue;
    const how: RelationEvidence = { kind: 'ATTESTED', evidenceKind: a.evidenceKind, checkedOn: a.checkedOn };
    if (a.personId === fromPersonId && a.relativePersonId === toPersonId)
      records.push({ relation: a.relation, how });
    else if (a.personId === toPersonId && a.relativePersonId === fromPersonId)
      records.push({ relation: inverseRelation(a.relation), how });
  }
  return records;
}

/**
 * R-WAL-4: is "`to` is `from`'s `declared`" on record on `date` ({@link recordsBetween}: a registered kin relation in
 * force, either direction, or a staff attestation)? Returns how it is established (for the explanation), or null.
 */
export function establishedRelation(
  input: RecordsBetween & { readonly declared: Relation },
): RelationEvidence | null {
  return recordsBetween(input).find((r) => r.relation === input.declared)?.how ?? null;
}

/**
 * R-WAL-4 when the caller names no relation (API.md's walletTransfer input has no `relation`): every relation of
 * `to` to `from` on record on `date` ({@link recordsBetween}), each once, kin relations first.
 * {@link establishedRelation} accepts each of them.
 */
export function relationsOnRecord(input: RecordsBetween): Relation[] {
  return [...new Set(recordsBetween(input).map((r) => r.relation))];
}

/**
 * R-USE-3 2021 regime ("for self, spouse, children and parents, no registration needed", seed 000): what `to` is to
 * `from` as far as the records show, each relation once, kin relations first. No mutual-aid registration (备案) is
 * needed, but the family tie must be on record, not merely claimed by the caller: a kin relation registered between
 * the two in either direction (inverse relation when `from` is the beneficiary), or a staff attestation of a document
 * (户口簿, 结婚证…) in either direction. Unlike {@link relationsOnRecord}, a record made after `date` counts (it
 * documents a tie that already existed: a back-dated 2021 premium is decided with today's evidence); a record revoked
 * on or before `date` does not.
 */
export function kinshipOnRecord(input: RecordsBetween): Relation[] {
  return [...new Set(recordsBetween(input, true).map((r) => r.relation))];
}
