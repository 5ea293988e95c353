import { ENTITY_DIALECT, KinRelationEntity, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { SCOPE, type ScopePayload } from './policy-console.helpers';

/**
 * Audit C #1 (R-KIN-1): kinshipScopeImpact compares the proposed scope with what applies on every day from its date
 * until the next row of the same region and purpose — not only on the first day. Beijing (demo data) has no row of
 * its own: the national default is spouse/parents/children from 2021 and all near relatives from 2024-07-01, and
 * 王建国 registered his grandson 王小明 (GRANDCHILD) from 2024-07-01.
 */
const IMPACT_PERIODS = `query($r: ID, $p: KinPurpose!, $rel: [Relation!]!, $on: Date!) {
  kinshipScopeImpact(regionCode: $r, purpose: $p, relations: $rel, effectiveFrom: $on) {
    currentRelations removedRelations addedRelations registrationCount providerCount
    periods { from until currentRelations proposedRelations removedRelations addedRelations }
    providers { name relations registrationCount } } }`;

type Impact = {
  currentRelations: string[];
  removedRelations: string[];
  addedRelations: string[];
  registrationCount: number;
  providerCount: number;
  periods: {
    from: string;
    until: string | null;
    currentRelations: string[];
    proposedRelations: string[];
    removedRelations: string[];
    addedRelations: string[];
  }[];
  providers: { name: string; relations: string[]; registrationCount: number }[];
};

const BASIC = ['SPOUSE', 'PARENT', 'CHILD'];

describe(`kinshipScopeImpact over the whole stretch of a new row (R-KIN-1, audit C #1, ${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  const impact = async (r: string | null, rel: string[], on: string, p = 'MEDICAL') => {
    const res = await app.gql<{ kinshipScopeImpact: Impact }>(IMPACT_PERIODS, { r, p, rel, on }, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.kinshipScopeImpact;
  };
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  it('a future date: the scope in force then loses the grandchild; 王建国 is named', async () => {
    const i = await impact('110000', BASIC, '2027-01-01');
    expect(i.currentRelations).toContain('GRANDCHILD');
    expect(i.removedRelations).toContain('GRANDCHILD');
    expect(i.periods).toEqual([
      expect.objectContaining({ from: '2027-01-01', until: null, proposedRelations: BASIC }),
    ]);
    expect(i.providers).toContainEqual(
      expect.objectContaining({ name: '王建国', relations: ['GRANDCHILD'], registrationCount: 1 }),
    );
  });

  it('a past date before the near-relative scope of 2024-07-01: nothing changes on the first day, but the row hides that scope from 2024-07-01 on', async () => {
    const i = await impact('110000', BASIC, '2024-01-01');
    expect(i.currentRelations).toEqual(BASIC); // the first day alone says nothing is narrowed (the old answer)
    expect(i.removedRelations).toEqual(expect.arrayContaining(['GRANDCHILD', 'SIBLING']));
    expect(i.addedRelations).toEqual([]);
    expect(i.periods).toEqual([
      {
        from: '2024-07-01',
        until: null,
        currentRelations: expect.arrayContaining(['GRANDCHILD', ...BASIC]),
        proposedRelations: BASIC,
        removedRelations: expect.arrayContaining(['GRANDCHILD']),
        addedRelations: [],
      },
    ]);
    expect(i.registrationCount).toBeGreaterThanOrEqual(1);
    expect(i.providers.map((p) => p.name)).toContain('王建国');
  });

  it('only adding relations on a past date removes nothing', async () => {
    const i = await impact('110000', [...BASIC, 'SIBLING'], '2023-01-01', 'LONG_TERM_CARE');
    // 2023-01-01…2024-07-01 the sibling joins; from 2024-07-01 the row would hide the grandchildren (a narrowing).
    expect(i.addedRelations).toEqual(['SIBLING']);
    const all = await impact(
      '110000',
      [...BASIC, 'SIBLING', 'GRANDPARENT', 'MATERNAL_GRANDPARENT', 'GRANDCHILD', 'MATERNAL_GRANDCHILD'],
      '2023-01-01',
    );
    expect(all).toMatchObject({ removedRelations: [], registrationCount: 0, providers: [] });
    expect(all.addedRelations.length).toBeGreaterThan(0);
  });

  it('a date between two settings of the region: compared until the next one, which it does not reach', async () => {
    const set = async (relations: string[], effectiveFrom: string) => {
      const res = await app.gql<ScopePayload>(
        SCOPE,
        {
          i: {
            regionCode: '110000',
            purpose: 'RESIDENT_CONTRIBUTION',
            relations,
            effectiveFrom,
            reason: '测试',
          },
        },
        admin,
      );
      expect(res.data!.kinshipScopeSet.userErrors).toEqual([]);
    };
    await set(BASIC, '2024-03-01');
    await set([...BASIC, 'GRANDCHILD'], '2026-01-01');
    // From 2025-01-01 until 2026-01-01: today the Beijing row of 2024-03-01 (basic) applies.
    const narrower = await impact('110000', ['SPOUSE'], '2025-01-01', 'RESIDENT_CONTRIBUTION');
    expect(narrower.periods).toEqual([
      {
        from: '2025-01-01',
        until: '2026-01-01',
        currentRelations: BASIC,
        proposedRelations: ['SPOUSE'],
        removedRelations: ['PARENT', 'CHILD'],
        addedRelations: [],
      },
    ]);
    // The grandchild is in the scope only from 2026-01-01, which the new row does not reach: 王建国 keeps it.
    expect(narrower.providers.map((p) => p.name)).not.toContain('王建国');
    const same = await impact('110000', BASIC, '2025-01-01', 'RESIDENT_CONTRIBUTION');
    expect(same).toMatchObject({
      removedRelations: [],
      addedRelations: [],
      periods: [],
      registrationCount: 0,
    });
  });

  it('a registration made after the only narrowed stretch ended keeps its effect and is not counted', async () => {
    // A Beijing MEDICAL row from 2025-01-01 (all near relatives, as the national scope): a BASIC row of 2024-07-01
    // narrows only 2024-07-01…2025-01-01.
    const res = await app.gql<ScopePayload>(
      SCOPE,
      {
        i: {
          regionCode: '110000',
          purpose: 'MEDICAL',
          relations: [
            ...BASIC,
            'SIBLING',
            'GRANDPARENT',
            'MATERNAL_GRANDPARENT',
            'GRANDCHILD',
            'MATERNAL_GRANDCHILD',
          ],
          effectiveFrom: '2025-01-01',
          reason: '测试',
        },
      },
      admin,
    );
    expect(res.data!.kinshipScopeSet.userErrors).toEqual([]);
    const inForce = await impact('110000', BASIC, '2024-07-01');
    expect(inForce.periods).toEqual([
      expect.objectContaining({
        from: '2024-07-01',
        until: '2025-01-01',
        removedRelations: expect.arrayContaining(['GRANDCHILD']),
      }),
    ]);
    expect(inForce.providers.map((p) => p.name)).toContain('王建国'); // registered 2024-07-01: in force then

    const persons = app.db.getRepository(PersonEntity);
    const relations = app.db.getRepository(KinRelationEntity);
    const provider = await persons.findOneByOrFail({ name: '王建国' });
    const grandson = await persons.findOneByOrFail({ name: '王小明' });
    const registration = await relations.findOneByOrFail({
      providerId: provider.id,
      beneficiaryId: grandson.id,
    });
    await relations.update(registration.id, { registeredOn: '2025-03-01' });
    try {
      const later = await impact('110000', BASIC, '2024-07-01');
      expect(later.removedRelations).toEqual(expect.arrayContaining(['GRANDCHILD']));
      expect(later.providers.map((p) => p.name)).not.toContain('王建国');
      // On the day the stretch ends the registration is not yet in force either; a day earlier it is.
      await relations.update(registration.id, { registeredOn: '2025-01-01' });
      expect((await impact('110000', BASIC, '2024-07-01')).providers.map((p) => p.name)).not.toContain(
        '王建国',
      );
      await relations.update(registration.id, { registeredOn: '2024-12-31' });
      expect((await impact('110000', BASIC, '2024-07-01')).providers.map((p) => p.name)).toContain('王建国');
    } finally {
      await relations.update(registration.id, { registeredOn: registration.registeredOn });
    }
  });

  it('a national change is compared per provider region over the whole stretch too', async () => {
    const i = await impact(null, BASIC, '2024-01-01', 'SUPPLEMENTARY_PREMIUM');
    expect(i.removedRelations).toEqual(expect.arrayContaining(['GRANDCHILD']));
    expect(i.periods[0]).toMatchObject({ from: '2024-07-01' });
  });
});
