import { ENTITY_DIALECT, PolicySettingEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

interface Page {
  policySettings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; kind: string; purpose: string | null; effectiveFrom: string };
    }[];
  };
}

const LIST = `query($r: ID, $k: String, $p: KinPurpose, $first: Int, $after: String) {
  policySettings(regionCode: $r, kind: $k, purpose: $p, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id kind purpose effectiveFrom } }
  }
}`;

const REGION = '130000';

/** `policySettings` is a Relay connection (API.md): a scope's unretired rows, oldest first, paged in SQL. */
describe(`policySettings connection (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  // [id, kind, purpose, effectiveFrom, saved on day, retired]; listed by first day, then when saved, then id.
  const rows: [string, string, string | null, string, number, boolean][] = [
    ['00000000-0000-4000-8000-0000000000a5', 'KINSHIP_SCOPE', 'MEDICAL', '2030-01-01', 5, false],
    ['00000000-0000-4000-8000-0000000000a1', 'KINSHIP_SCOPE', 'WALLET_TRANSFER', '2021-01-01', 1, false],
    ['00000000-0000-4000-8000-0000000000a3', 'SPENDING_CAPS', null, '2024-07-01', 3, false],
    // Same first day and same save time as …a3: the id breaks the tie, so cursors stay stable.
    ['00000000-0000-4000-8000-0000000000a2', 'KINSHIP_SCOPE', 'MEDICAL', '2024-07-01', 3, false],
    ['00000000-0000-4000-8000-0000000000a4', 'KINSHIP_SCOPE', 'MEDICAL', '2024-07-01', 4, false],
    ['00000000-0000-4000-8000-0000000000a6', 'KINSHIP_SCOPE', 'MEDICAL', '2025-01-01', 6, true],
  ];
  const ids = (r: { data?: Page | null }) => r.data!.policySettings.edges.map((e) => e.node.id.slice(-2));

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    const repo = app.db.getRepository(PolicySettingEntity);
    await repo.delete({ scopeRegionCode: REGION });
    await repo.save(
      rows.map(([id, kind, purpose, effectiveFrom, day, retired]) => ({
        id,
        scopeRegionCode: REGION,
        kind,
        purpose,
        effectiveFrom,
        value: kind === 'KINSHIP_SCOPE' ? ['SPOUSE'] : {},
        createdBy: 'test',
        createdAt: new Date(Date.UTC(2026, 0, day)),
        retiredAt: retired ? new Date(Date.UTC(2026, 5, 1)) : null,
      })),
    );
  });
  afterAll(async () => app?.close());

  const list = async (variables: Record<string, unknown>, token: string | null = admin) =>
    app.gql<Page>(LIST, { r: REGION, ...variables }, token);

  it('pages oldest first with first/after, totalCount counting every unretired row of the scope', async () => {
    const first = await list({ first: 2 });
    expect(first.errors).toBeUndefined();
    expect(ids(first)).toEqual(['a1', 'a2']);
    expect(first.data!.policySettings.totalCount).toBe(5);
    expect(first.data!.policySettings.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await list({ first: 2, after: first.data!.policySettings.pageInfo.endCursor });
    expect(ids(second)).toEqual(['a3', 'a4']);
    expect(second.data!.policySettings).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
    });

    const third = await list({ first: 2, after: second.data!.policySettings.pageInfo.endCursor });
    expect(ids(third)).toEqual(['a5']);
    expect(third.data!.policySettings).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });

    // The same page asked again answers the same rows under the same cursors.
    const again = await list({ first: 2, after: first.data!.policySettings.pageInfo.endCursor });
    expect(again.data!.policySettings.edges).toEqual(second.data!.policySettings.edges);

    const all = await list({});
    expect(ids(all)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const none = await list({ first: 0 });
    expect(none.data!.policySettings).toMatchObject({
      totalCount: 5,
      edges: [],
      pageInfo: { hasNextPage: true },
    });
  });

  it('keeps kind and adds purpose as filters; no region code lists the national rows', async () => {
    const kinship = await list({ k: 'KINSHIP_SCOPE', first: 2 });
    expect(ids(kinship)).toEqual(['a1', 'a2']);
    expect(kinship.data!.policySettings).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const medical = await list({ k: 'KINSHIP_SCOPE', p: 'MEDICAL' });
    expect(ids(medical)).toEqual(['a2', 'a4', 'a5']);
    expect(medical.data!.policySettings.totalCount).toBe(3);

    const national = await list({ r: null, first: 100 });
    expect(national.errors).toBeUndefined();
    expect(national.data!.policySettings.edges.map((e) => e.node.id)).not.toContain(rows[0][0]);
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

  it('is still ADMIN and ANALYST: the analyst reads it, counter staff get FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const analyst = await list({ first: 1 }, await app.login('analyst'));
    expect(analyst.errors).toBeUndefined();
    expect(ids(analyst)).toEqual(['a1']);

    const counter = await list({}, await app.login('counter'));
    expect(counter.data).toBeNull();
    expect(counter.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const anonymous = await list({}, null);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
