import { KinChannel, type KinRelation, Relation } from '../kin';
import { establishedRelation, inverseRelation, relationsInForceOn } from '../relations-on';

const rel = (over: Partial<KinRelation>): KinRelation => ({
  providerId: 'P',
  beneficiaryId: 'B',
  relation: Relation.CHILD,
  order: 1,
  registeredOn: '2023-01-01',
  channel: KinChannel.COUNTER,
  revokedAt: null,
  ...over,
});

describe('relations in force on a date (issue #9: one answer per date, R-KIN-4/5)', () => {
  const relations = [
    rel({ providerId: 'A', order: 2, registeredOn: '2023-01-01' }),
    rel({ providerId: 'C', order: 1, registeredOn: '2024-06-01' }),
    rel({ providerId: 'D', order: 3, registeredOn: '2022-01-01', revokedAt: '2024-01-01' }),
  ];

  it('a past date sees the relatives of that day, in registered order; revocation takes effect on its date', () => {
    expect(relationsInForceOn(relations, '2023-06-01').map((r) => r.providerId)).toEqual(['A', 'D']);
    expect(relationsInForceOn(relations, '2024-01-01').map((r) => r.providerId)).toEqual(['A']);
    expect(relationsInForceOn(relations, '2025-01-01').map((r) => r.providerId)).toEqual(['C', 'A']);
  });

  it('inverse relations are symmetric', () => {
    for (const r of Object.values(Relation)) expect(inverseRelation(inverseRelation(r))).toBe(r);
    expect(inverseRelation(Relation.PARENT)).toBe(Relation.CHILD);
    expect(inverseRelation(Relation.MATERNAL_GRANDCHILD)).toBe(Relation.MATERNAL_GRANDPARENT);
    expect(inverseRelation(Relation.SPOUSE)).toBe(Relation.SPOUSE);
  });
});

describe('R-WAL-4: a wallet relation must be on record', () => {
  const base = { fromPersonId: 'S', toPersonId: 'R', date: '2025-03-01', attestations: [] };

  it('a registered relation in either direction establishes it', () => {
    // R (beneficiary) is the CHILD of S (provider)
    const forward = [rel({ providerId: 'S', beneficiaryId: 'R', relation: Relation.CHILD })];
    expect(establishedRelation({ ...base, declared: Relation.CHILD, kinRelations: forward })).toBe(
      'registered kin relation',
    );
    // S (beneficiary) is the CHILD of R (provider): R is S's PARENT
    const backward = [rel({ providerId: 'R', beneficiaryId: 'S', relation: Relation.CHILD })];
    expect(establishedRelation({ ...base, declared: Relation.PARENT, kinRelations: backward })).toBe(
      'registered kin relation',
    );
    expect(establishedRelation({ ...base, declared: Relation.CHILD, kinRelations: backward })).toBeNull();
  });

  it('a relation registered after the date, or revoked by it, does not count', () => {
    const later = [rel({ providerId: 'S', beneficiaryId: 'R', registeredOn: '2025-04-01' })];
    expect(establishedRelation({ ...base, declared: Relation.CHILD, kinRelations: later })).toBeNull();
  });

  it('a staff attestation establishes it from the day it was checked until revoked', () => {
    const attestation = {
      personId: 'S',
      relativePersonId: 'R',
      relation: Relation.SPOUSE,
      evidenceKind: 'MARRIAGE_CERTIFICATE',
      checkedOn: '2025-02-01',
      revokedOn: null,
    };
    expect(
      establishedRelation({
        ...base,
        declared: Relation.SPOUSE,
        kinRelations: [],
        attestations: [attestation],
      }),
    ).toBe('attested by counter staff (MARRIAGE_CERTIFICATE, 2025-02-01)');
    expect(
      establishedRelation({
        ...base,
        declared: Relation.SPOUSE,
        kinRelations: [],
        attestations: [{ ...attestation, revokedOn: '2025-02-15' }],
      }),
    ).toBeNull();
    expect(
      establishedRelation({
        ...base,
        declared: Relation.SIBLING,
        kinRelations: [],
        attestations: [attestation],
      }),
    ).toBeNull();
  });
});
