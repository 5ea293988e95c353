import { ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

const POLICY = `query($r: ID!, $on: Date!) { effectivePolicy(regionCode: $r, on: $on) {
  regionCode on
  features { feature field from open rule sourceRegionCode }
  kinshipScopes { purpose relations effectiveFrom }
  outpatient { level inService { deductible fundRate } retired70Plus { deductible fundRate } annualFundCap }
  inpatient { level firstAdmissionDeductible bands { upTo fundRate } retireePersonalShareFactor }
  spendingCaps { perYear }
  explanation { rule message }
} }`;

type Policy = {
  effectivePolicy: {
    features: { feature: string; open: boolean; from: string | null; sourceRegionCode: string | null }[];
    kinshipScopes: { purpose: string; relations: string[] }[];
    outpatient: {
      level: string;
      inService: { deductible: string; fundRate: number };
      annualFundCap: string | null;
    }[];
    inpatient: { level: string; bands: { upTo: string | null; fundRate: number }[] }[];
    spendingCaps: { perYear: string | null };
    explanation: { rule: string }[];
  };
};

describe(`effectivePolicy and persons over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('R-KIN-1: in Beijing a sibling is out of the medical scope on 2023-06-01 and inside it on 2025-01-01', async () => {
    const token = await app.login('analyst');
    const before = await app.gql<Policy>(POLICY, { r: '110000', on: '2023-06-01' }, token);
    expect(before.errors).toBeUndefined();
    const medical = (p: Policy) =>
      p.effectivePolicy.kinshipScopes.find((s) => s.purpose === 'MEDICAL')?.relations;
    expect(medical(before.data!)).not.toContain('SIBLING');
    expect(medical(before.data!)).toEqual(expect.arrayContaining(['SPOUSE', 'PARENT', 'CHILD']));
    const after = await app.gql<Policy>(POLICY, { r: '110000', on: '2025-01-01' }, token);
    expect(medical(after.data!)).toContain('SIBLING');
  });

  it('R-KIN-3 / R-SET-1: Beijing rollout dates and benefit schedule as they applied on a date', async () => {
    const res = await app.gql<Policy>(POLICY, { r: '110000', on: '2022-11-01' }, await app.login('analyst'));
    const p = res.data!.effectivePolicy;
    expect(p.features.find((f) => f.feature === 'KIN_REGISTRATION')).toMatchObject({
      open: true,
      from: '2022-10-15',
      sourceRegionCode: '110000',
    });
    expect(p.features.find((f) => f.feature === 'KIN_USE')).toMatchObject({
      open: false,
      from: '2022-12-01',
    });
    const tertiary = p.outpatient.find((o) => o.level === 'TERTIARY')!;
    expect(tertiary.inService).toEqual({ deductible: '1800.00', fundRate: 5000 });
    expect(tertiary.annualFundCap).toBe('20000.00'); // before 2023-01-01 (R-SET-1 decision)
    expect(p.inpatient.find((i) => i.level === 'TERTIARY')!.bands).toEqual([
      { upTo: '30000.00', fundRate: 8500 },
      { upTo: '40000.00', fundRate: 9000 },
      { upTo: null, fundRate: 9500 },
    ]);
    expect(p.spendingCaps.perYear).toBeNull(); // R-USE-6: caps off by default
    expect(p.explanation.map((e) => e.rule)).toEqual(
      expect.arrayContaining(['R-KIN-3', 'R-KIN-1', 'R-SET-1']),
    );
    const y2023 = await app.gql<Policy>(
      POLICY,
      { r: '110000', on: '2023-01-01' },
      await app.login('analyst'),
    );
    expect(y2023.data!.effectivePolicy.outpatient[0].annualFundCap).toBeNull();
  });

  it('R-WAL-2: a Hebei city inherits nothing but its own wallet date; an unknown region is BAD_USER_INPUT', async () => {
    const token = await app.login('analyst');
    const res = await app.gql<Policy>(POLICY, { r: '130100', on: '2025-05-08' }, token);
    expect(res.data!.effectivePolicy.features.find((f) => f.feature === 'WALLET')).toMatchObject({
      open: true,
      sourceRegionCode: '130100',
    });
    const unknown = await app.gql(POLICY, { r: '999999', on: '2025-05-08' }, token);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('person shows pockets, funding sources in registered order, wallet and card; analysts see masked data', async () => {
    const child = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王小明' });
    const q = `query($id: ID!) { person(id: $id) { name idNumber phone birthDate region { code }
      account { total pockets { kind balance } }
      fundingSources { position relation provider { name account { total } } }
      card { state } } }`;
    type P = {
      person: {
        name: string;
        idNumber: string;
        birthDate: string | null;
        fundingSources: { position: number; relation: string; provider: { name: string } }[];
        account: { total: string } | null;
        card: { state: string };
      };
    };
    const asAdmin = await app.gql<P>(q, { id: child.id }, await app.login('admin'));
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.person).toMatchObject({
      name: '王小明',
      idNumber: '11010520120910055X',
      birthDate: '2012-09-10',
      card: { state: 'ACTIVE' },
    });
    expect(asAdmin.data!.person.fundingSources.map((f) => [f.position, f.relation, f.provider.name])).toEqual(
      [
        [1, 'CHILD', '王丽'],
        [2, 'GRANDCHILD', '王建国'],
      ],
    );
    const asAnalyst = await app.gql<P>(q, { id: child.id }, await app.login('analyst'));
    expect(asAnalyst.data!.person).toMatchObject({
      name: '王**',
      idNumber: '110105********055X',
      birthDate: null,
    });
    expect(asAnalyst.data!.person.fundingSources[0].provider.name).toBe('王*');
    expect(JSON.stringify(asAnalyst.data)).not.toContain('王丽');
  });

  it('demo opening balances are transactions with balanced postings', async () => {
    const res = await app.gql<{
      transactions: {
        totalCount: number;
        edges: { node: { kind: string; postings: { amount: string }[]; explanation: { rule: string }[] } }[];
      };
    }>(
      '{ transactions(first: 100) { totalCount edges { node { kind amount postings { account pocket systemAccount amount balanceAfter } explanation { rule } } } } }',
      {},
      await app.login('admin'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.transactions.totalCount).toBeGreaterThan(0);
    for (const { node } of res.data!.transactions.edges) {
      expect(node.postings.reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0)).toBe(0);
      expect(node.explanation[0].rule).toBe('R-ACC-4');
    }
  });

  it('a portal without transactions with a person may not read them (API.md: only people it serves)', async () => {
    const created = await app.gql<{ apiClientCreate: { apiKey: string } }>(
      'mutation { apiClientCreate(input: { name: "pharmacy", scopes: ["settlement:write"], institutionId: "H11010100001" }) { apiKey } }',
      {},
      await app.login('admin'),
    );
    const key = created.data!.apiClientCreate.apiKey;
    const someone = await app.db.getRepository(PersonEntity).findOneByOrFail({ name: '王丽' });
    const res = await app.gql('query($id: ID!) { person(id: $id) { name } }', { id: someone.id }, key);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // Issue #8: an ID number alone is no proof of presence; the card number read off the card is.
    const byId = await app.gql('{ personByIdNumber(idNumber: "110105198006010381") { name } }', {}, key);
    expect(byId.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const card = await app.gql<{ person: { card: { cardNumber: string } } }>(
      'query($id: ID!) { person(id: $id) { card { cardNumber } } }',
      { id: someone.id },
      await app.login('counter'),
    );
    const withCard = await app.gql<{ personByIdNumber: { name: string } }>(
      'query($c: String!) { personByIdNumber(idNumber: "110105198006010381", cardNumber: $c) { name } }',
      { c: card.data!.person.card.cardNumber },
      key,
    );
    expect(withCard.data!.personByIdNumber.name).toBe('王丽');
    expect(
      (
        await app.gql<{ person: { name: string } }>(
          'query($id: ID!) { person(id: $id) { name } }',
          { id: someone.id },
          key,
        )
      ).data!.person.name,
    ).toBe('王丽');
  });
});
