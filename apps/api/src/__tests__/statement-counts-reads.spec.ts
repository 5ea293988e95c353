import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { insertReadFixture, postFixtureMoney } from './read-fixture.helpers';

const PERSONS = `query($first: Int!) {
  persons(first: $first) {
    edges { node {
      id name idNumber insuranceType
      region { code name }
      account { pockets { kind balance } total }
      fundingSources { relation position provider { id name } }
    } }
  }
}`;

const TRANSACTIONS = `query($first: Int!) {
  transactions(first: $first) {
    pageInfo { hasNextPage }
    edges { node {
      id kind amount personId
      person { id name idNumber region { code name } }
      postings { account pocket systemAccount amount }
    } }
  }
}`;

interface PersonsData {
  persons: {
    edges: {
      node: {
        id: string;
        region: { code: string };
        account: { pockets: { kind: string; balance: string }[]; total: string } | null;
        fundingSources: { position: number; provider: { id: string } }[];
      };
    }[];
  };
}

interface TransactionsData {
  transactions: {
    pageInfo: { hasNextPage: boolean };
    edges: {
      node: {
        id: string;
        personId: string | null;
        person: { id: string; idNumber: string; region: { code: string } } | null;
        postings: { amount: string }[];
      };
    }[];
  };
}

/**
 * Issue #11 guard (STYLE.md "a test counts the SQL statements"): a page of 50 costs the statements a page of 10 does
 * — relations come in the page's statement or one batched statement per relation, never one per row.
 */
describe(`statements per read page (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  const counts: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp();
    // 60 more persons with pockets, every third with one or two relatives; then a credit and a settlement each.
    const ids = await insertReadFixture(app, {
      count: 60,
      birthDate: '1980-01-01',
      seqBase: 500,
      name: (n) => `读计数${String(n).padStart(2, '0')}`,
    });
    for (const [i, personId] of ids.entries()) {
      for (const settle of [false, true]) {
        await postFixtureMoney(app, {
          clientId: 'statement-counts-reads',
          key: `reads-${i}-${settle}`,
          personId,
          kind: settle ? 'SETTLEMENT' : 'CONTRIBUTION_CREDIT',
          amount: settle ? 1_000n : 100_000n,
          message: 'statement count fixture',
        });
      }
    }
  });

  afterAll(async () => {
    console.log(
      `statements per read page (${ENTITY_DIALECT}): ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    await app?.close();
  });

  /** Statements of one request, after a warm-up call (credentials cached, as in steady state). */
  const measure = async <T>(name: string, query: string, first: number, token: string) => {
    await app.gql(query, { first }, token);
    app.queries.reset();
    const res = await app.gql<T>(query, { first }, token);
    counts[name] = app.queries.count;
    expect(res.errors).toBeUndefined();
    return { data: res.data!, statements: app.queries.count };
  };

  it('a page of 50 persons with region, pockets and funding sources costs what a page of 10 does', async () => {
    const admin = await app.login('admin');
    const ten = await measure<PersonsData>('persons(10)', PERSONS, 10, admin);
    const fifty = await measure<PersonsData>('persons(50)', PERSONS, 50, admin);
    expect(ten.data.persons.edges).toHaveLength(10);
    expect(fifty.data.persons.edges).toHaveLength(50);
    expect(fifty.statements).toBe(ten.statements);
    // One statement: the page with regions, pockets, funding sources and their providers.
    expect(fifty.statements).toBe(1);
    const withRelatives = fifty.data.persons.edges.filter((e) => e.node.fundingSources.length > 0);
    expect(withRelatives.length).toBeGreaterThan(0);
    for (const { node } of fifty.data.persons.edges) {
      expect(node.region.code).toMatch(/^\d{6}$/);
      expect(node.fundingSources.map((f) => f.position)).toEqual(node.fundingSources.map((_, k) => k + 1));
    }
  });

  it('a page of 50 transactions with postings, person and region costs what a page of 10 does', async () => {
    const admin = await app.login('admin');
    const ten = await measure<TransactionsData>('transactions(10)', TRANSACTIONS, 10, admin);
    const fifty = await measure<TransactionsData>('transactions(50)', TRANSACTIONS, 50, admin);
    expect(ten.data.transactions.edges).toHaveLength(10);
    expect(fifty.data.transactions.edges).toHaveLength(50);
    expect(fifty.data.transactions.pageInfo.hasNextPage).toBe(true);
    expect(fifty.statements).toBe(ten.statements);
    // One statement: the page with its postings, persons and regions.
    expect(fifty.statements).toBe(1);
    for (const { node } of fifty.data.transactions.edges) {
      expect(node.postings.reduce((sum, p) => sum + BigInt(p.amount.replace('.', '')), 0n)).toBe(0n); // R-SET-6
      expect(node.person?.id ?? null).toBe(node.personId);
      if (node.person) expect(node.person.region.code).toMatch(/^\d{6}$/);
    }
  });

  it('a page asking more of the region reads the whole region row (same regions, same statements)', async () => {
    const admin = await app.login('admin');
    const full = await measure<{
      transactions: {
        edges: {
          node: { person: { region: { code: string; walletFrom: string | null; level: string } } | null };
        }[];
      };
    }>(
      'transactions(50) full region',
      `query($first: Int!) { transactions(first: $first) { edges { node { person { region { code level walletFrom earmarkedFrom } } } } } }`,
      50,
      admin,
    );
    expect(full.statements).toBe(1);
    const summary = await app.gql<TransactionsData>(TRANSACTIONS, { first: 50 }, admin);
    expect(full.data.transactions.edges.map((e) => e.node.person?.region.code ?? null)).toEqual(
      summary.data!.transactions.edges.map((e) => e.node.person?.region.code ?? null),
    );
    // 北京 (110000) and 天津 (120000) are province-level units: `level` comes from the full row.
    const people = full.data.transactions.edges.flatMap((e) => (e.node.person ? [e.node.person] : []));
    expect(people.some((p) => p.region.level === 'PROVINCE')).toBe(true);
  });

  it('an analyst gets the same page with masked ID numbers, in the same statements', async () => {
    const analyst = await app.login('analyst');
    const fifty = await measure<TransactionsData>('transactions(50) analyst', TRANSACTIONS, 50, analyst);
    expect(fifty.statements).toBe(counts['transactions(10)']);
    const people = fifty.data.transactions.edges.flatMap((e) => (e.node.person ? [e.node.person] : []));
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) expect(p.idNumber).toContain('*');
  });
});
