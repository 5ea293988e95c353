import { ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import {
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isNonNullType,
} from 'graphql';
import { PERSON_READ_POLICY } from '../auth/person-read-policy';
import { createSchema } from '../schema';
import { type TestApp, createTestApp } from '../testing/test-app';
import { fullIdNumbers, moneySnapshot, presentEVoucher } from './gateway.helpers';
import { institutionId } from './settlement-helpers';
import { portal } from './wallet.helpers';

/** Every (type, field) whose named type is Person, found by this test's own walk of the built schema. */
function personFields(schema: GraphQLSchema): { type: string; field: GraphQLField<unknown, unknown> }[] {
  const found: { type: string; field: GraphQLField<unknown, unknown> }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name === 'Person') found.push({ type: type.name, field });
    }
  }
  return found;
}

const LEAF = 'id name idNumber phone birthDate';

/**
 * Selections from a Person that reach another Person (depth ≤ 3, fields without required arguments), generated from
 * the schema: a new edge is covered without editing this test.
 */
function pathsToPersons(schema: GraphQLSchema): string[] {
  const paths: string[] = [];
  const walk = (type: GraphQLNamedType, prefix: string[], depth: number): void => {
    if (!(type instanceof GraphQLObjectType) || depth > 3) return;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const target = getNamedType(field.type);
      if (target.name === 'Person' && prefix.length > 0) {
        paths.push([...prefix, field.name].reduceRight((inner, name) => `${name} { ${inner} }`, LEAF));
      } else if (target instanceof GraphQLObjectType && target.name !== 'Person') {
        walk(target, [...prefix, field.name], depth + 1);
      }
      if (target.name === 'Person' && prefix.length === 0) {
        // a Person → Person edge (none today, but covered if one is added)
        paths.push(`${field.name} { ${LEAF} }`);
      }
    }
  };
  walk(schema.getType('Person')!, [], 0);
  return paths;
}

/** Issue #8: a hospital reads only the persons it serves — through root fields, nested edges and payloads alike. */
describe(`portal isolation (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let hospital: string;
  let ids: Record<string, string>;
  let persons: PersonEntity[];
  beforeAll(async () => {
    app = await createTestApp();
    schema = await createSchema();
    persons = await app.db.getRepository(PersonEntity).find();
    ids = Object.fromEntries(persons.map((p) => [p.name, p.id]));
    hospital = await portal(app, ['settlement:write', 'person:read'], {
      institutionId: await institutionId(app, 'H11010100001'),
    });
    // 王小明 presents his card at the hospital's desk: the hospital now serves him, and nobody else.
    const card = await app.gql<{ person: { card: { cardNumber: string } } }>(
      'query($id: ID!) { person(id: $id) { card { cardNumber } } }',
      { id: ids['王小明'] },
      await app.login('counter'),
    );
    const lookUp = await app.gql<{ personByIdNumber: { name: string } }>(
      'query($c: String!) { personByIdNumber(idNumber: "11010520120910055X", cardNumber: $c) { name } }',
      { c: card.data!.person.card.cardNumber },
      hospital,
    );
    expect(lookUp.data!.personByIdNumber.name).toBe('王小明');
  });
  afterAll(async () => app?.close());

  const unservedData = (text: string): string[] =>
    persons
      .filter((p) => p.name !== '王小明')
      .flatMap((p) => [p.name, p.idNumber, p.phone ?? '<none>'])
      .filter((value) => text.includes(value));

  it('every Person-typed field of the schema carries the read policy (found by an independent walk)', () => {
    const fields = personFields(schema);
    expect(fields.length).toBeGreaterThanOrEqual(10);
    const unguarded = fields
      .filter(({ field }) => field.extensions?.[PERSON_READ_POLICY] !== true)
      .map(({ type, field }) => `${type}.${field.name}`);
    expect(unguarded).toEqual([]);
    console.log(`person read policy: ${fields.length} Person-typed fields, all guarded`);
  });

  it('root fields: person(id) and personByIdNumber refuse a person the hospital never served', async () => {
    const before = await moneySnapshot(app);
    const byId = await app.gql(
      'query($id: ID!) { person(id: $id) { name idNumber } }',
      { id: ids['王丽'] },
      hospital,
    );
    expect(byId.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(unservedData(JSON.stringify(byId))).toEqual([]);
    // an id that does not exist gets the same answer: null would tell the portal which ids are real
    const unknown = await app.gql(
      'query($id: ID!) { person(id: $id) { name idNumber } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      hospital,
    );
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(unknown.errors?.[0]?.message).toBe(byId.errors?.[0]?.message);
    const byNumber = await app.gql(
      '{ personByIdNumber(idNumber: "110105198006010381") { name } }',
      {},
      hospital,
    );
    expect(byNumber.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const wrongCard = await app.gql(
      '{ personByIdNumber(idNumber: "110105198006010381", cardNumber: "S000000000000000") { name } }',
      {},
      hospital,
    );
    expect(wrongCard.data).toEqual({ personByIdNumber: null });
    const forged = await app.gql(
      `{ personByIdNumber(idNumber: "110105198006010381", eVoucherCode: "EV1.${ids['王丽']}.9999999999.AAAAAAAAAAAAAAAAAAAAAA") { name } }`,
      {},
      hospital,
    );
    expect(forged.data).toEqual({ personByIdNumber: null });
    expect(await moneySnapshot(app)).toEqual(before);
  });

  it('every nested edge from a served person to another person is refused (paths generated from the schema)', async () => {
    const paths = pathsToPersons(schema);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    // A second hospital serves only 王丽, a provider: her beneficiaries (王小明) must not leak to it either.
    const second = await portal(app, ['settlement:write'], {
      institutionId: await institutionId(app, 'H11010500002'),
    });
    await presentEVoucher(app, second, ids['王丽']);
    let refusedPaths = 0;
    for (const [token, served] of [
      [hospital, '王小明'],
      [second, '王丽'],
    ]) {
      for (const path of paths) {
        const res = await app.gql(
          `query($id: ID!) { person(id: $id) { name ${path} } }`,
          { id: ids[served] },
          token,
        );
        const leaked = persons
          .filter((p) => p.name !== served)
          .flatMap((p) => [p.name, p.idNumber])
          .filter((value) => JSON.stringify(res).includes(value));
        expect({ served, path, leaked }).toEqual({ served, path, leaked: [] });
        if (res.errors?.some((e) => e.extensions?.['code'] === 'FORBIDDEN')) refusedPaths++;
        for (const e of res.errors ?? []) expect(['FORBIDDEN']).toContain(e.extensions?.['code']);
      }
    }
    // 王小明's providers through fundingSources.provider, 王丽's beneficiaries through beneficiaries.beneficiary
    expect(refusedPaths).toBeGreaterThanOrEqual(2);
    console.log(
      `portal isolation: ${paths.length} nested paths × 2 served persons walked, ${refusedPaths} refused, 0 leaks`,
    );
  });

  it('mutation payloads: a no-op kinRelationsReorder by an app that serves neither person is FORBIDDEN and shows nobody', async () => {
    const app2 = await portal(app, ['kin:write']);
    const order = await app.gql<{ person: { fundingSources: { providerId: string }[] } }>(
      'query($id: ID!) { person(id: $id) { fundingSources { providerId } } }',
      { id: ids['王小明'] },
      await app.login('counter'),
    );
    const providerIds = order.data!.person.fundingSources.map((f) => f.providerId);
    const res = await app.gql(
      `mutation($i: KinRelationsReorderInput!) { kinRelationsReorder(input: $i) {
        beneficiary { ${LEAF} } fundingSources { provider { ${LEAF} } beneficiary { ${LEAF} } } userErrors { code } } }`,
      { i: { beneficiaryId: ids['王小明'], providerIds } },
      app2,
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toMatch(/王|110105/);
  });

  it('a served person’s transactions are readable, another’s are not listed', async () => {
    const res = await app.gql<{ transactions: { totalCount: number } }>(
      '{ transactions(first: 50) { totalCount edges { node { id personId } } } }',
      {},
      hospital,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.transactions.totalCount).toBe(0);
  });
});

/** Issue #8: an analyst never reads a full ID number or name, anywhere (nested objects and errors included). */
describe(`analyst masking (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    app = await createTestApp();
    schema = await createSchema();
  });
  afterAll(async () => app?.close());

  it('no full ID number or name in any person path, the transactions list, or an error message', async () => {
    const analyst = await app.login('analyst');
    const persons = await app.db.getRepository(PersonEntity).find();
    const texts: string[] = [];
    for (const p of persons) {
      for (const path of ['', ...pathsToPersons(schema)]) {
        const res = await app.gql(
          `query($id: ID!) { person(id: $id) { ${LEAF} ${path} } }`,
          { id: p.id },
          analyst,
        );
        texts.push(JSON.stringify(res));
      }
      const byNumber = await app.gql(
        `{ personByIdNumber(idNumber: "${p.idNumber}") { ${LEAF} } }`,
        {},
        analyst,
      );
      texts.push(JSON.stringify(byNumber));
    }
    const bad = await app.gql('{ personByIdNumber(idNumber: 110105198006010381) { name } }', {}, analyst);
    expect(bad.errors?.[0]?.message).toBeDefined();
    texts.push(JSON.stringify(bad));
    texts.push(
      JSON.stringify(
        await app.gql('{ transactions(first: 100) { edges { node { id personId } } } }', {}, analyst),
      ),
    );
    const all = texts.join('\n');
    expect(fullIdNumbers(all)).toEqual([]);
    expect(persons.filter((p) => all.includes(p.name)).map((p) => p.name)).toEqual([]);
    console.log(`analyst masking: ${texts.length} responses scanned, 0 full ID numbers, 0 full names`);
  });
});
