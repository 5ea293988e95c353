import { KinChannel, type KinRelation, Relation } from '../kin';
import {
  establishedRelation,
  inverseRelation,
  kinshipOnRecord,
  relationsInForceOn,
  relationsOnRecord,
} from '../relations-on';

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
    expect(establishedRelation({ ...base, declared: Relation.CHILD, kinRelations: forward })).toEqual({
      kind: 'REGISTERED',
    });
    // S (beneficiary) is the CHILD of R (provider): R is S's PARENT
    const backward = [rel({ providerId: 'R', beneficiaryId: 'S', relation: Relation.CHILD })];
    expect(establishedRelation({ ...base, declared: Relation.PARENT, kinRelations: backward })).toEqual({
      kind: 'REGISTERED',
    });
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
    ).toEqual({ kind: 'ATTESTED', evidenceKind: 'MARRIAGE_CERTIFICATE', checkedOn: '2025-02-01' });
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

describe('R-WAL-4: the relations on record when the caller names none (API.md walletTransfer input)', () => {
  const base = { fromPersonId: 'S', toPersonId: 'R', date: '2025-03-01' };
  const attestation = {
    personId: 'S',
    relativePersonId: 'R',
    relation: Relation.SPOUSE,
    evidenceKind: 'MARRIAGE_CERTIFICATE',
    checkedOn: '2025-02-01',
    revokedOn: null,
  };

  it('kin relations in force (inverted when the sender is the beneficiary), then attestations, each once', () => {
    const kinRelations = [
      rel({ providerId: 'R', beneficiaryId: 'S', relation: Relation.CHILD }), // R is S's PARENT
      rel({ providerId: 'S', beneficiaryId: 'X', relation: Relation.CHILD }), // someone else
    ];
    expect(relationsOnRecord({ ...base, kinRelations, attestations: [attestation] })).toEqual([
      Relation.PARENT,
      Relation.SPOUSE,
    ]);
    const both = [rel({ providerId: 'S', beneficiaryId: 'R', relation: Relation.SPOUSE })];
    expect(relationsOnRecord({ ...base, kinRelations: both, attestations: [attestation] })).toEqual([
      Relation.SPOUSE,
    ]);
    for (const r of relationsOnRecord({ ...base, kinRelations, attestations: [attestation] })) {
      expect(
        establishedRelation({ ...base, declared: r, kinRelations, attestations: [attestation] }),
      ).not.toBeNull();
    }
  });

  it('nothing registered by the date, revoked, or attested later: none', () => {
    expect(
      relationsOnRecord({
        ...base,
        kinRelations: [
          rel({ providerId: 'S', beneficiaryId: 'R', registeredOn: '2025-04-01' }),
          rel({ providerId: 'R', beneficiaryId: 'S', revokedAt: '2025-02-01' }),
        ],
        attestations: [{ ...attestation, checkedOn: '2025-03-02' }],
      }),
    ).toEqual([]);
  });
});

describe('relations on record are looked up in both directions, attestations too (inverse relation)', () => {
  const base = { fromPersonId: 'S', toPersonId: 'R', date: '2025-03-01', kinRelations: [] };
  // Recorded for R about S: S is R's PARENT, so R is S's CHILD.
  const reverse = {
    personId: 'R',
    relativePersonId: 'S',
    relation: Relation.PARENT,
    evidenceKind: 'HOUSEHOLD_REGISTER',
    checkedOn: '2025-02-01',
    revokedOn: null,
  };

  it('R-WAL-4: an attestation recorded the other way round gives the inverse relation', () => {
    expect(relationsOnRecord({ ...base, attestations: [reverse] })).toEqual([Relation.CHILD]);
    expect(establishedRelation({ ...base, declared: Relation.CHILD, attestations: [reverse] })).toEqual({
      kind: 'ATTESTED',
      evidenceKind: 'HOUSEHOLD_REGISTER',
      checkedOn: '2025-02-01',
    });
    expect(establishedRelation({ ...base, declared: Relation.PARENT, attestations: [reverse] })).toBeNull();
  });
});

describe('R-USE-3 2021 regime: the family ties on record (no registration needed)', () => {
  const base = { fromPersonId: 'S', toPersonId: 'R', date: '2022-01-01' };
  const attestation = {
    personId: 'S',
    relativePersonId: 'R',
    relation: Relation.CHILD,
    evidenceKind: 'HOUSEHOLD_REGISTER',
    checkedOn: '2026-12-01',
    revokedOn: null,
  };

  it('registrations either direction (inverse when S is the beneficiary), even made after the date, then attestations', () => {
    const kinRelations = [
      // R (provider) registered S as a PARENT beneficiary: R is S's CHILD.
      rel({ providerId: 'R', beneficiaryId: 'S', relation: Relation.PARENT, registeredOn: '2022-10-20' }),
      rel({ providerId: 'S', beneficiaryId: 'X', relation: Relation.SPOUSE }), // someone else
    ];
    expect(kinshipOnRecord({ ...base, kinRelations, attestations: [] })).toEqual([Relation.CHILD]);
    // relationsOnRecord (R-WAL-4) needs the registration in force on the date.
    expect(relationsOnRecord({ ...base, kinRelations, attestations: [] })).toEqual([]);
    expect(kinshipOnRecord({ ...base, kinRelations: [], attestations: [attestation] })).toEqual([
      Relation.CHILD,
    ]);
    expect(
      kinshipOnRecord({
        ...base,
        kinRelations: [],
        attestations: [{ ...attestation, personId: 'R', relativePersonId: 'S', relation: Relation.SPOUSE }],
      }),
    ).toEqual([Relation.SPOUSE]);
  });

  it('a record revoked on or before the date does not count; one revoked later does', () => {
    const revoked = rel({
      providerId: 'S',
      beneficiaryId: 'R',
      relation: Relation.SPOUSE,
      revokedAt: '2022-01-01',
    });
    expect(kinshipOnRecord({ ...base, kinRelations: [revoked], attestations: [] })).toEqual([]);
    expect(
      kinshipOnRecord({ ...base, kinRelations: [{ ...revoked, revokedAt: '2022-01-02' }], attestations: [] }),
    ).toEqual([Relation.SPOUSE]);
    expect(
      kinshipOnRecord({
        ...base,
        kinRelations: [],
        attestations: [{ ...attestation, revokedOn: '2021-12-31' }],
      }),
    ).toEqual([]);
  });
});
