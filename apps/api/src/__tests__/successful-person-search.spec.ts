import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { portal } from './wallet.helpers';

const PERSONS = `query($filter: PersonFilter, $first: Int, $after: String) {
  persons(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id name idNumber regionCode card { state } } }
  }
}`;

interface PersonsData {
  persons: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; idNumber: string; regionCode: string } }[];
  };
}

/** Issue #10: the counter finds a person by ID number or by name; analysts masked; portals get no list. */
describe(`persons (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('finds a person by exact ID number, a lower-case x accepted', async () => {
    const res = await app.gql<PersonsData>(
      PERSONS,
      { filter: { idNumber: '11010520120910055x' } },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.persons.totalCount).toBe(1);
    expect(res.data!.persons.edges[0].node).toMatchObject({
      name: '王小明',
      idNumber: '11010520120910055X',
      regionCode: '110000',
    });
  });

  it('personByIdNumber reads an ID number as personRegister stored it: blanks around it and a lower-case x', async () => {
    // Black-box audit: registration trims, but the look-up by " 11010520120910055x " answered null.
    const res = await app.gql<{ personByIdNumber: { name: string } | null }>(
      'query($id: String!) { personByIdNumber(idNumber: $id) { name } }',
      { id: ' 11010520120910055x ' },
      await app.login('counter'),
    );
    expect(res.data!.personByIdNumber).toEqual({ name: '王小明' });
  });

  it('finds persons by part of the name, ordered by name then ID number, paged by cursor', async () => {
    const token = await app.login('counter');
    const all = await app.gql<PersonsData>(PERSONS, { filter: { name: '王' }, first: 10 }, token);
    expect(all.errors).toBeUndefined();
    const names = all.data!.persons.edges.map((e) => e.node.name);
    expect(all.data!.persons.totalCount).toBe(4);
    expect(new Set(names)).toEqual(new Set(['王建国', '王丽', '王强', '王小明']));
    const first = await app.gql<PersonsData>(PERSONS, { filter: { name: '王' }, first: 2 }, token);
    expect(first.data!.persons.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await app.gql<PersonsData>(
      PERSONS,
      { filter: { name: '王' }, first: 2, after: first.data!.persons.pageInfo.endCursor },
      token,
    );
    expect(next.data!.persons.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...first.data!.persons.edges, ...next.data!.persons.edges].map((e) => e.node.name)).toEqual(
      names.slice(0, 4),
    );
  });

  it('combines name and region, and matches LIKE wildcards literally', async () => {
    const token = await app.login('admin');
    const inQingdao = await app.gql<PersonsData>(
      PERSONS,
      { filter: { name: '刘', regionCode: '370200' } },
      token,
    );
    expect(inQingdao.data!.persons.edges.map((e) => e.node.name).sort()).toEqual(['刘洋', '刘芳'].sort());
    const inJinan = await app.gql<PersonsData>(
      PERSONS,
      { filter: { name: '刘', regionCode: '370100' } },
      token,
    );
    expect(inJinan.data!.persons.totalCount).toBe(0);
    const wildcard = await app.gql<PersonsData>(PERSONS, { filter: { name: '%' } }, token);
    expect(wildcard.data!.persons.totalCount).toBe(0);
  });

  it('folds case alike on both databases: persons by name, the audit log by actor, regions by name (audit B)', async () => {
    const admin = await app.login('admin');
    const counter = await app.login('counter');
    const registered = await app.gql<{ personRegister: { person: { id: string } | null } }>(
      `mutation($i: PersonRegisterInput!) { personRegister(input: $i) { person { id } userErrors { code } } }`,
      {
        i: {
          name: 'Wang Ann',
          idNumber: makeIdNumber('110105', '1990-06-06', 841),
          phone: '13900008410',
          regionCode: '110000',
          insuranceType: 'RESIDENT',
        },
      },
      counter,
    );
    expect(registered.data!.personRegister.person).not.toBeNull();
    for (const name of ['wang', 'ANN', 'Wang Ann']) {
      const found = await app.gql<PersonsData>(PERSONS, { filter: { name } }, admin);
      expect(found.data!.persons.edges.map((e) => e.node.name)).toEqual(['Wang Ann']);
    }
    const audit = `query($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }`;
    const lower = await app.gql<{ auditLog: { totalCount: number } }>(
      audit,
      { f: { actorName: 'counter' } },
      admin,
    );
    const upper = await app.gql<{ auditLog: { totalCount: number } }>(
      audit,
      { f: { actorName: 'COUNTER' } },
      admin,
    );
    expect(lower.data!.auditLog.totalCount).toBeGreaterThan(0);
    expect(upper.data!.auditLog.totalCount).toBe(lower.data!.auditLog.totalCount);
  });

  it('shows analysts masked names and ID numbers, and refuses them a search by name', async () => {
    const token = await app.login('analyst');
    const byRegion = await app.gql<PersonsData>(PERSONS, { filter: { regionCode: '370200' } }, token);
    expect(byRegion.errors).toBeUndefined();
    for (const { node } of byRegion.data!.persons.edges) {
      expect(node.name).toMatch(/^刘\*$/);
      expect(node.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    }
    const byName = await app.gql<PersonsData>(PERSONS, { filter: { name: '刘' } }, token);
    expect(byName.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byName.data).toBeNull();
  });

  it('gives portals and anonymous callers no list of persons', async () => {
    const key = await portal(app, ['person:read', 'settlement:write'], { institutionId: 'H11010100001' });
    const asPortal = await app.gql<PersonsData>(PERSONS, { filter: { name: '王' } }, key);
    expect(asPortal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.gql<PersonsData>(PERSONS, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a page larger than 100 before anything runs', async () => {
    const res = await app.gql<PersonsData>(PERSONS, { first: 101 }, await app.login('counter'));
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
