import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { insertReadFixture, postFixtureMoney } from './read-fixture.helpers';

/** Every field a page read as JSON answers (libs/persistence page-json.ts). */
const PERSON = `id name idNumber phone birthDate insuranceType employmentStatus regionCode realNameVerified
  outOfRegionUsePermission __typename`;
const PERSONS = (extra: string) => `query($first: Int!, $after: String) {
  persons(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      ${PERSON}
      region { id code name level provinceCode isPool __typename }
      account { pockets { kind balance } total }
      fundingSources {
        id providerId beneficiaryId relation channel position registeredOn revokedAt
        provider { ${PERSON} region { code name } account { total pockets { balance } } }
      }
      ${extra}
    } }
  }
}`;

const TRANSACTIONS = (extra: string) => `query($first: Int!, $after: String) {
  transactions(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id kind status amount personId counterpartyPersonId institutionId serviceDate originalTransactionId createdAt
      postings { account personId pocket systemAccount amount balanceAfter }
      person {
        ...P
        region { code name }
        account { total }
        fundingSources { position relation provider { id name idNumber } }
      }
      ${extra}
    } }
  }
}
fragment P on Person { ${PERSON} }`;

type Page = Record<string, { edges: { node: Record<string, unknown> }[] }>;

/**
 * Issue #11: a page read as JSON shaped by the query's selection answers byte for byte what the row-by-row read
 * answers. Asking for one field the JSON page does not answer (`beneficiaries`, `explanation`) sends the same page
 * through the row-by-row read; with that field removed, both answers must be equal — for staff and, masked, for
 * analysts. On SQLite both go row by row (the JSON page is PostgreSQL's).
 */
describe(`pages read as JSON answer what the row-by-row read does (${ENTITY_DIALECT})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    const ids = await insertReadFixture(app, {
      count: 12,
      birthDate: '1975-03-09',
      seqBase: 700,
      name: (n) => `页JSON${String(n).padStart(2, '0')}`,
      vary: (n) => ({
        phone: n % 3 ? `1391234${String(5000 + n)}` : null,
        insuranceType: n % 4 === 3 ? 'RESIDENT' : 'EMPLOYEE',
        employmentStatus: n % 4 === 3 ? null : 'IN_SERVICE',
        realNameVerified: n % 5 !== 0,
      }),
      // One person without pockets: `account` is null.
      withoutPockets: (n) => n === 11,
      relation: (k) => (k === 0 ? 'SPOUSE' : 'CHILD'),
    });
    for (const [i, personId] of ids.slice(0, 10).entries()) {
      await postFixtureMoney(app, {
        clientId: 'read-pages-json',
        key: `pages-json-${i}`,
        personId,
        kind: 'CONTRIBUTION_CREDIT',
        amount: BigInt(100_000 + i * 101),
        message: 'page JSON fixture',
      });
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  const strip = (data: Page, list: string, extra: string): Page => {
    for (const { node } of data[list].edges) delete node[extra];
    return data;
  };

  /** The answer of `query('')` and of `query(extra)` without `extra`, page after page. */
  const compare = async (list: string, query: (extra: string) => string, extra: string, token: string) => {
    let after: string | null = null;
    let rows = 0;
    for (let page = 0; page < 4; page++) {
      const variables: Record<string, unknown> = { first: 8, after };
      app.queries.reset();
      const json = await app.gql<Page>(query(''), variables, token);
      const statements = app.queries.statements.join('\n');
      const rowByRow = await app.gql<Page>(query(`${extra} { __typename }`), variables, token);
      expect(json.errors).toBeUndefined();
      expect(rowByRow.errors).toBeUndefined();
      // The JSON page is one statement whose one column is the page.
      if (ENTITY_DIALECT === 'postgres') expect(statements).toMatch(/\) AS page FROM \(/);
      expect(JSON.stringify(json.data)).toBe(JSON.stringify(strip(rowByRow.data!, list, extra)));
      const edges = json.data![list].edges;
      rows += edges.length;
      after = (json.data![list] as unknown as { pageInfo: { endCursor: string | null } }).pageInfo.endCursor;
      if (!after) break;
    }
    return rows;
  };

  it('persons: every JSON field, nested region, account and funding sources with providers, paged', async () => {
    expect(await compare('persons', PERSONS, 'beneficiaries', await app.login('admin'))).toBeGreaterThan(16);
  });

  it('persons for an analyst: masked the same way (name, ID number, phone; no birth date)', async () => {
    const analyst = await app.login('analyst');
    expect(await compare('persons', PERSONS, 'beneficiaries', analyst)).toBeGreaterThan(16);
    const res = await app.gql<Page>(PERSONS(''), { first: 100 }, analyst);
    const mine = res
      .data!['persons'].edges.map((e) => e.node)
      .filter((n) => String(n['name']).startsWith('页'));
    expect(mine.length).toBe(12);
    for (const node of mine) {
      expect(node['name']).toMatch(/^页\*+$/);
      expect(node['idNumber']).toMatch(/^110105\*{8}\d{3}[\dX]$/);
      expect(node['birthDate']).toBeNull();
      if (node['phone'] !== null) expect(node['phone']).toMatch(/^139\*{4}\d{4}$/);
    }
  });

  it('transactions: every JSON field, postings, the person with region, account and funding sources, paged', async () => {
    expect(
      await compare('transactions', TRANSACTIONS, 'explanation', await app.login('admin')),
    ).toBeGreaterThan(16);
    expect(
      await compare('transactions', TRANSACTIONS, 'explanation', await app.login('analyst')),
    ).toBeGreaterThan(16);
  });
});
