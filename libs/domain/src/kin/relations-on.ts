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

/**
 * R-WAL-4: is "`to` is `from`'s `declared`" on record on `date`? Either a kin relation registered between the two
 * (either direction: `to` as beneficiary of `from` with relation `declared`, or `from` as beneficiary of `to` with the
 * inverse relation) in force on `date`, or a staff attestation of `from` about `to` checked by then and not revoked.
 * Returns how it is established (for the explanation), or null.
 */
export function establishedRelation(input: {
  readonly fromPersonId: string;
  readonly toPersonId: string;
  readonly declared: Relation;
  readonly date: IsoDate;
  readonly kinRelations: readonly KinRelation[];
  readonly attestations: readonly RelationAttestation[];
}): string | null {
  const { fromPersonId, toPersonId, declared, date } = input;
  const registered = relationsInForceOn(input.kinRelations, date).some(
    (r) =>
      (r.providerId === fromPersonId && r.beneficiaryId === toPersonId && r.relation === declared) ||
      (r.providerId === toPersonId &&
        r.beneficiaryId === fromPersonId &&
        inverseRelation(r.relation) === declared),
  );
  if (registered) return 'registered kin relation';
  const attested = input.attestations.find(
    (a) =>
      a.personId === fromPersonId &&
      a.relativePersonId === toPersonId &&
      a.relation === declared &&
      a.checkedOn <= date &&
      (a.revokedOn == null || a.revokedOn > date),
  );
  return attested ? `attested by counter staff (${attested.evidenceKind}, ${attested.checkedOn})` : null;
}

/**
 * R-WAL-4 when the caller names no relation (API.md's walletTransfer input has no `relation`): every relation of
 * `to` to `from` on record on `date`, each once — kin relations in force in registered order (either direction: the
 * inverse relation when `from` is the beneficiary), then staff attestations of `from` about `to` checked by then and
 * not revoked. {@link establishedRelation} accepts each of them.
 */
export function relationsOnRecord(input: {
  readonly fromPersonId: string;
  readonly toPersonId: string;
  readonly date: IsoDate;
  readonly kinRelations: readonly KinRelation[];
  readonly attestations: readonly RelationAttestation[];
}): Relation[] {
  const { fromPersonId, toPersonId, date } = input;
  const found: Relation[] = [];
  for (const r of relationsInForceOn(input.kinRelations, date)) {
    if (r.providerId === fromPersonId && r.beneficiaryId === toPersonId) found.push(r.relation);
    else if (r.providerId === toPersonId && r.beneficiaryId === fromPersonId)
      found.push(inverseRelation(r.relation));
  }
  for (const a of input.attestations) {
    if (
      a.personId === fromPersonId &&
      a.relativePersonId === toPersonId &&
      a.checkedOn <= date &&
      (a.revokedOn == null || a.revokedOn > date)
    )
      found.push(a.relation);
  }
  return [...new Set(found)];
}
