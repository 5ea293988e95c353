import { ENTITY_DIALECT, PersonEntity, RelationshipAttestationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

interface Page {
  relationshipAttestations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; relation: string; revokedAt: string | null } }[];
  };
}

const LIST = `query($id: ID!, $first: Int, $after: String) {
  relationshipAttestations(personId: $id, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id relation revokedAt } }
  }
}`;

/** `relationshipAttestations` is a Relay connection (API.md): one person's attestations, oldest check first. */
describe(`relationshipAttestations connection (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let personId: string;
  // [id, relation, checked on day, revoked]; listed by check time, then id.
  const rows: [string, string, number, boolean][] = [
    ['00000000-0000-4000-8000-0000000000b4', 'SIBLING', 4, false],
    ['00000000-0000-4000-8000-0000000000b1', 'SPOUSE', 1, false],
    ['00000000-0000-4000-8000-0000000000b3', 'CHILD', 2, false],
    // Checked at the same instant as …b3: the id breaks the tie, so cursors stay stable.
    ['00000000-0000-4000-8000-0000000000b2', 'PARENT', 2, true],
    ['00000000-0000-4000-8000-0000000000b5', 'GRANDPARENT', 5, false],
  ];
  const ids = (r: { data?: Page | null }) =>
    r.data!.relationshipAttestations.edges.map((e) => e.node.id.slice(-2));

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    const persons = await app.db.getRepository(PersonEntity).find({ order: { id: 'ASC' }, take: 2 });
    personId = persons[0].id;
    const repo = app.db.getRepository(RelationshipAttestationEntity);
    await repo.delete({ personId });
    await repo.save(
      rows.map(([id, relation, day, revoked]) => ({
        id,
        personId,
        relativePersonId: persons[1].id,
        relation,
        evidenceKind: 'HOUSEHOLD_REGISTER',
        evidenceRef: null,
        checkedBy: 'test',
        checkedByName: 'test',
        checkedAt: new Date(Date.UTC(2026, 0, day)),
        revokedAt: revoked ? new Date(Date.UTC(2026, 5, 1)) : null,
      })),
    );
  });
  afterAll(async () => app?.close());

  const list = async (variables: Record<string, unknown>, token: string | null = admin) =>
    app.gql<Page>(LIST, { id: personId, ...variables }, token);

  it('pages oldest check first with first/after, revoked ones included, totalCount counting all of them', async () => {
    const first = await list({ first: 2 });
    expect(first.errors).toBeUndefined();
    expect(ids(first)).toEqual(['b1', 'b2']);
    expect(first.data!.relationshipAttestations.edges[1].node.revokedAt).not.toBeNull();
    expect(first.data!.relationshipAttestations).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });

    const second = await list({ first: 2, after: first.data!.relationshipAttestations.pageInfo.endCursor });
    expect(ids(second)).toEqual(['b3', 'b4']);
    expect(second.data!.relationshipAttestations).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
    });

    const third = await list({ first: 2, after: second.data!.relationshipAttestations.pageInfo.endCursor });
    expect(ids(third)).toEqual(['b5']);
    expect(third.data!.relationshipAttestations.pageInfo.hasNextPage).toBe(false);

    expect(ids(await list({}))).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
  });

  it('answers an empty page for a person without attestations', async () => {
    const other = await list({ id: '00000000-0000-4000-8000-0000000000ff' });
    expect(other.errors).toBeUndefined();
    expect(other.data!.relationshipAttestations).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null },
      edges: [],
    });
  });

  it('refuses first above 100 with QUERY_TOO_COMPLEX, a negative first and a forged cursor as BAD_USER_INPUT', async () => {
    const tooMany = await list({ first: 101 });
    expect(tooMany.data).toBeUndefined();
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    const negative = await list({ first: -1 });
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const forged = await list({ after: 'bm9wZQ==' });
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('is still ADMIN and COUNTER: counter staff read it, the analyst gets FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const counter = await list({ first: 1 }, await app.login('counter'));
    expect(counter.errors).toBeUndefined();
    expect(ids(counter)).toEqual(['b1']);

    const analyst = await list({}, await app.login('analyst'));
    expect(analyst.data).toBeNull();
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const anonymous = await list({}, null);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
