import { ApiClientEntity, ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

interface Page {
  apiClients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; revokedAt: string | null } }[];
  };
}

const LIST = `query($filter: ApiClientFilter, $first: Int, $after: String) {
  apiClients(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id name revokedAt } }
  }
}`;

/** `apiClients` is a Relay connection (API.md): newest first, paged in SQL, filtered by name/institution and status. */
describe(`apiClients connection (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  // Oldest first; the list answers newest first.
  const rows: [id: string, name: string, institutionId: string | null, revoked: boolean][] = [
    ['00000000-0000-4000-8000-000000000001', 'Paging Alpha Clinic', 'inst-paging-77', false],
    ['00000000-0000-4000-8000-000000000002', 'paging beta pharmacy', null, true],
    ['00000000-0000-4000-8000-000000000003', 'PAGING Gamma 医院', null, false],
    ['00000000-0000-4000-8000-000000000004', 'Other portal', null, false],
    ['00000000-0000-4000-8000-000000000005', 'Paging Delta 100%_', null, true],
  ];

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    const repo = app.db.getRepository(ApiClientEntity);
    await repo.createQueryBuilder().delete().execute();
    await repo.save(
      rows.map(([id, name, institutionId, revoked], i) => ({
        id,
        name,
        keyPrefix: `pg${i}abcdef`,
        keyHash: 'x',
        institutionId,
        product: null,
        scopes: ['person:read'],
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
        revokedAt: revoked ? new Date(Date.UTC(2026, 5, 1)) : null,
        rotatedAt: null,
        lastUsedAt: null,
        persistedOperationsOnly: false,
        rateLimitPerMinute: null,
      })),
    );
  });
  afterAll(async () => app?.close());

  const list = async (variables: Record<string, unknown>, token: string | null = admin) =>
    app.gql<Page>(LIST, variables, token);
  const names = (r: { data?: Page | null }) => r.data!.apiClients.edges.map((e) => e.node.name);

  it('pages newest first with first/after, totalCount counting every match', async () => {
    const first = await list({ first: 2 });
    expect(first.errors).toBeUndefined();
    expect(names(first)).toEqual(['Paging Delta 100%_', 'Other portal']);
    expect(first.data!.apiClients.totalCount).toBe(5);
    expect(first.data!.apiClients.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await list({ first: 2, after: first.data!.apiClients.pageInfo.endCursor });
    expect(names(second)).toEqual(['PAGING Gamma 医院', 'paging beta pharmacy']);
    expect(second.data!.apiClients.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const third = await list({ first: 2, after: second.data!.apiClients.pageInfo.endCursor });
    expect(names(third)).toEqual(['Paging Alpha Clinic']);
    expect(third.data!.apiClients).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });

    const all = await list({});
    expect(names(all)).toHaveLength(5);
  });

  it('filters by part of the name (case-insensitive, % and _ literal) or the institution id, and by status', async () => {
    const paging = await list({ filter: { q: 'pAgInG' } });
    expect(names(paging)).toEqual([
      'Paging Delta 100%_',
      'PAGING Gamma 医院',
      'paging beta pharmacy',
      'Paging Alpha Clinic',
    ]);
    expect(paging.data!.apiClients.totalCount).toBe(4);
    expect(names(await list({ filter: { q: '医院' } }))).toEqual(['PAGING Gamma 医院']);
    expect(names(await list({ filter: { q: '%_' } }))).toEqual(['Paging Delta 100%_']);
    expect(names(await list({ filter: { q: 'inst-paging' } }))).toEqual(['Paging Alpha Clinic']);

    const active = await list({ filter: { status: 'ACTIVE' } });
    expect(names(active)).toEqual(['Other portal', 'PAGING Gamma 医院', 'Paging Alpha Clinic']);
    expect(active.data!.apiClients.totalCount).toBe(3);

    const revokedPaging = await list({ filter: { q: 'paging', status: 'REVOKED' }, first: 1 });
    expect(names(revokedPaging)).toEqual(['Paging Delta 100%_']);
    expect(revokedPaging.data!.apiClients).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
  });

  it('refuses first above 100 like every other connection, and a forged cursor', async () => {
    const tooMany = await list({ first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
    const negative = await list({ first: -1 });
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const forged = await list({ after: 'bm9wZQ==' });
    expect(forged.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('apiClient(id) finds one client, null for an unknown id', async () => {
    const one = await app.gql<{ apiClient: { name: string } | null }>(
      'query($id: ID!) { apiClient(id: $id) { name } }',
      { id: rows[2][0] },
      admin,
    );
    expect(one.data!.apiClient).toEqual({ name: 'PAGING Gamma 医院' });
    const none = await app.gql<{ apiClient: unknown }>(
      'query($id: ID!) { apiClient(id: $id) { name } }',
      { id: '00000000-0000-4000-8000-0000000000ff' },
      admin,
    );
    expect(none.errors).toBeUndefined();
    expect(none.data!.apiClient).toBeNull();
  });

  it.each(['counter', 'analyst'] as const)('is ADMIN only: %s gets FORBIDDEN', async (user) => {
    const token = await app.login(user);
    const res = await list({}, token);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const one = await app.gql('query($id: ID!) { apiClient(id: $id) { name } }', { id: rows[0][0] }, token);
    expect(one.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
