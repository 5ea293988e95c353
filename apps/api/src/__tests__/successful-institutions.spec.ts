import { AuditLogEntity, ENTITY_DIALECT, InstitutionEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { userToken } from './gateway.helpers';
import {
  INSTITUTION_FIELDS,
  type InstitutionPage,
  type InstitutionPayload,
  LIST,
  UPDATE,
  createInstitution,
  hospitalInput,
} from './institution.helpers';
import { portal } from './wallet.helpers';

/**
 * Designated institutions are created and changed by the ADMIN (production has no demo data: without these a
 * portal's API client and every settlement had nothing to point at), read by staff as a Relay connection.
 */
describe(`institutions (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  const list = (variables: Record<string, unknown>, token: string = admin) =>
    app.gql<InstitutionPage>(LIST, variables, token);
  const codes = (r: { data?: InstitutionPage | null }) => r.data!.institutions.edges.map((e) => e.node.code);

  it('institutionCreate stores the institution, returns it and writes an audit row', async () => {
    const created = await createInstitution(
      app,
      { ...hospitalInput(), reason: 'newly designated 2026' },
      admin,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.institution).toMatchObject({
      code: 'H44030400001',
      name: '深圳市人民医院',
      kind: 'HOSPITAL',
      level: 'TERTIARY',
      regionCode: '440300',
      designated: true,
      openToAll: true,
      acceptsWallet: true,
    });
    const id = created.institution!.id;
    const row = await app.db.getRepository(InstitutionEntity).findOneByOrFail({ id });
    expect(row).toMatchObject({
      code: 'H44030400001',
      designated: true,
      openToAll: true,
      acceptsWallet: true,
    });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'institutionCreate', entityId: id });
    expect(audit).toMatchObject({
      actorType: 'USER',
      actorName: 'admin',
      entityType: 'Institution',
      before: null,
      reason: 'newly designated 2026',
    });
    expect(audit.after).toMatchObject({ code: 'H44030400001', regionCode: '440300', designated: true });
  });

  it('defaults: designated, not open to all, no wallet; a pharmacy code starts with P and has level OTHER; code upper-cased', async () => {
    const created = await createInstitution(
      app,
      {
        code: 'p44030400002',
        name: '深圳海王星辰药房',
        kind: 'PHARMACY',
        level: 'OTHER',
        regionCode: '440300',
      },
      admin,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.institution).toMatchObject({
      code: 'P44030400002',
      kind: 'PHARMACY',
      designated: true,
      openToAll: false,
      acceptsWallet: false,
    });
  });

  it('institutionUpdate changes the given fields only, audits before and after; a no-op writes no audit row', async () => {
    const { institution } = await createInstitution(
      app,
      hospitalInput({ code: 'H44030400003', name: '深圳市第二人民医院', openToAll: false }),
      admin,
    );
    const res = await app.gql<{ institutionUpdate: InstitutionPayload }>(
      UPDATE,
      {
        input: {
          id: institution!.id,
          name: '深圳大学第一附属医院',
          designated: false,
          acceptsWallet: false,
          reason: 'designation withdrawn',
        },
      },
      admin,
    );
    expect(res.data!.institutionUpdate.userErrors).toEqual([]);
    expect(res.data!.institutionUpdate.institution).toMatchObject({
      id: institution!.id,
      code: 'H44030400003',
      name: '深圳大学第一附属医院',
      level: 'TERTIARY',
      designated: false,
      openToAll: false,
      acceptsWallet: false,
    });
    const audit = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'institutionUpdate', entityId: institution!.id });
    expect(audit.before).toEqual({ name: '深圳市第二人民医院', designated: true, acceptsWallet: true });
    expect(audit.after).toEqual({ name: '深圳大学第一附属医院', designated: false, acceptsWallet: false });
    expect(audit.reason).toBe('designation withdrawn');

    const same = await app.gql<{ institutionUpdate: InstitutionPayload }>(
      UPDATE,
      { input: { id: institution!.id, name: '深圳大学第一附属医院' } },
      admin,
    );
    expect(same.data!.institutionUpdate.userErrors).toEqual([]);
    expect(
      await app.db
        .getRepository(AuditLogEntity)
        .countBy({ action: 'institutionUpdate', entityId: institution!.id }),
    ).toBe(1);

    const moved = await app.gql<{ institutionUpdate: InstitutionPayload }>(
      UPDATE,
      { input: { id: institution!.id, code: 'H44030400013', regionCode: '110000' } },
      admin,
    );
    expect(moved.data!.institutionUpdate.institution).toMatchObject({
      code: 'H44030400013',
      regionCode: '110000',
    });
  });

  it('pages by national code with first/after and totalCount; filters by text, kind, level, region and designation', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await createInstitution(
        app,
        hospitalInput({
          code: `H32010200${String(i).padStart(3, '0')}`,
          name: `南京分页医院 ${i}`,
          regionCode: '320100',
          level: i % 2 ? 'SECONDARY' : 'PRIMARY',
          designated: i !== 5,
        }),
        admin,
      );
      expect(r.userErrors).toEqual([]);
    }
    const first = await list({ filter: { q: '分页' }, first: 2 });
    expect(first.errors).toBeUndefined();
    expect(codes(first)).toEqual(['H32010200001', 'H32010200002']);
    expect(first.data!.institutions).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const second = await list({
      filter: { q: '分页' },
      first: 2,
      after: first.data!.institutions.pageInfo.endCursor,
    });
    expect(codes(second)).toEqual(['H32010200003', 'H32010200004']);
    const third = await list({
      filter: { q: '分页' },
      first: 2,
      after: second.data!.institutions.pageInfo.endCursor,
    });
    expect(codes(third)).toEqual(['H32010200005']);
    expect(third.data!.institutions.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    expect(codes(await list({ filter: { q: 'h320102' } }))).toHaveLength(5);
    expect(codes(await list({ filter: { regionCode: '320100', level: 'PRIMARY' } }))).toEqual([
      'H32010200002',
      'H32010200004',
    ]);
    expect(codes(await list({ filter: { regionCode: '320100', designated: false } }))).toEqual([
      'H32010200005',
    ]);
    const pharmacies = await list({ filter: { kind: 'PHARMACY' } });
    expect(codes(pharmacies)).toEqual(['P11010500003', 'P37020200002', 'P44030400002']);

    const all = await list({ first: 100 });
    expect(all.data!.institutions.totalCount).toBe(await app.db.getRepository(InstitutionEntity).count());
  });

  it('institution(id) finds one by id or national code; null for an unknown one', async () => {
    const one = await app.gql<{ institution: { name: string } | null }>(
      'query($id: ID!) { institution(id: $id) { name } }',
      { id: 'H44030400001' },
      admin,
    );
    expect(one.data!.institution).toEqual({ name: '深圳市人民医院' });
    const none = await app.gql<{ institution: unknown }>(
      'query($id: ID!) { institution(id: $id) { name } }',
      { id: 'H99999999999' },
      admin,
    );
    expect(none.errors).toBeUndefined();
    expect(none.data!.institution).toBeNull();
  });

  it.each(['counter', 'analyst'] as const)('%s reads the list and one institution', async (user) => {
    const token = await app.login(user);
    const res = await list({ filter: { q: '分页' } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.institutions.totalCount).toBe(5);
    const one = await app.gql<{ institution: { code: string } }>(
      `query($id: ID!) { institution(id: $id) { ${INSTITUTION_FIELDS} } }`,
      { id: 'H44030400001' },
      token,
    );
    expect(one.data!.institution.code).toBe('H44030400001');
  });

  it('a portal sees only its own institution; a product portal sees none', async () => {
    const own = await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code: 'H44030400001' });
    const key = await portal(app, ['settlement:write'], { institutionId: own.id });
    const mine = await list({ first: 100 }, key);
    expect(mine.errors).toBeUndefined();
    expect(codes(mine)).toEqual(['H44030400001']);
    expect(mine.data!.institutions.totalCount).toBe(1);
    const other = await app.gql<{ institution: unknown }>(
      'query($id: ID!) { institution(id: $id) { code } }',
      { id: 'H11010100001' },
      key,
    );
    expect(other.data!.institution).toBeNull();
    const itself = await app.gql<{ institution: { code: string } }>(
      'query($id: ID!) { institution(id: $id) { code } }',
      { id: own.id },
      key,
    );
    expect(itself.data!.institution.code).toBe('H44030400001');

    const product = await portal(app, ['premium:write'], { product: 'HUIMINBAO' });
    const none = await list({}, product);
    expect(none.data!.institutions).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('an API client can be created for a new institution (the production bootstrap path)', async () => {
    const { institution } = await createInstitution(
      app,
      hospitalInput({ code: 'H44030400021', name: '深圳市中医院' }),
      admin,
    );
    const res = await app.gql<{ apiClientCreate: { apiKey: string | null; userErrors: unknown[] } }>(
      `mutation($i: ID) { apiClientCreate(input: { name: "深圳市中医院 HIS", scopes: ["settlement:write"], institutionId: $i }) { apiKey userErrors { code } } }`,
      { i: institution!.id },
      admin,
    );
    expect(res.data!.apiClientCreate.userErrors).toEqual([]);
    expect(res.data!.apiClientCreate.apiKey).toMatch(/^gj_/);
  });
});

/** Production mode has no demo data: the first ADMIN creates the institutions, then the portals' API clients. */
describe(`institutions in production mode (${ENTITY_DIALECT})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        NODE_ENV: 'production',
        GONGJI_SECRET: 'a-production-secret-of-at-least-32-characters',
        GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
      },
    });
  });
  afterAll(async () => app?.close());

  it('starts without institutions; the ADMIN creates one, an API client for it, and the portal reads it', async () => {
    expect(await app.db.getRepository(InstitutionEntity).count()).toBe(0);
    const admin = await userToken(app, 'ADMIN');
    const empty = await app.gql<InstitutionPage>(LIST, {}, admin);
    expect(empty.data!.institutions).toMatchObject({ totalCount: 0, edges: [] });
    const created = await createInstitution(
      app,
      hospitalInput({ code: 'H11010100001', regionCode: '110000' }),
      admin,
    );
    expect(created.userErrors).toEqual([]);
    const client = await app.gql<{ apiClientCreate: { apiKey: string | null; userErrors: unknown[] } }>(
      `mutation($i: ID) { apiClientCreate(input: { name: "HIS", scopes: ["settlement:write"], institutionId: $i }) { apiKey userErrors { code } } }`,
      { i: created.institution!.id },
      admin,
    );
    expect(client.data!.apiClientCreate.userErrors).toEqual([]);
    const mine = await app.gql<InstitutionPage>(LIST, {}, client.data!.apiClientCreate.apiKey!);
    expect(mine.data!.institutions.edges.map((e) => e.node.code)).toEqual(['H11010100001']);
  });
});
