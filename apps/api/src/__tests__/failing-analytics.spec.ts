import { ENTITY_DIALECT } from '@gongji/persistence';
import { ConfigError, loadConfig } from '../config';
import { type TestApp, createTestApp } from '../testing/test-app';
import { institutionId } from './settlement-helpers';
import { portal } from './wallet.helpers';

const STATS = `query($g: [StatsDimension!]!, $f: StatsFilter) {
  ledgerStats(groupBy: $g, filter: $f) { kind suppressed transactionCount personCount amount } }`;
const FLOWS = `query($from: Date!, $to: Date!) { crossProvinceFlows(from: $from, to: $to) { suppressed amount } }`;
const RECON = `query($i: ID!, $from: Date!, $to: Date!) {
  reconciliation(institutionId: $i, from: $from, to: $to) { institutionId total { netBillTotal } } }`;

type Err = { message: string; extensions?: Record<string, unknown> };
const codeOf = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.['code'];

describe(`analytics refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let analyst: string;
  beforeAll(async () => {
    app = await createTestApp();
    analyst = await app.login('analyst');
  });
  afterAll(async () => app?.close());

  it.each([
    ['no dimension', [], null, 'groupBy needs 1 to 4 dimensions', ['groupBy']],
    [
      'five dimensions',
      ['PROVINCE', 'REGION', 'MONTH', 'PRODUCT', 'CHANNEL'],
      null,
      'groupBy needs 1 to 4 dimensions',
      ['groupBy'],
    ],
    ['a duplicate', ['REGION', 'REGION'], null, 'groupBy names REGION twice', ['groupBy']],
    [
      'from after to',
      ['MONTH'],
      { from: '2026-05-02', to: '2026-05-01' },
      '`from` must not be after `to`',
      ['filter', 'to'],
    ],
    [
      'more than 3 years',
      ['MONTH'],
      { from: '2020-01-01', to: '2026-01-01' },
      'At most 1098 days',
      ['filter', 'to'],
    ],
    [
      'an unknown region',
      ['MONTH'],
      { regionCode: '999999' },
      'Unknown region 999999',
      ['filter', 'regionCode'],
    ],
    [
      'a region code given as province',
      ['MONTH'],
      { provinceCode: '130100' },
      'Unknown province 130100',
      ['filter', 'provinceCode'],
    ],
    [
      'an unknown kind',
      ['MONTH'],
      { kinds: ['BRIBE'] },
      'Unknown transaction kind BRIBE',
      ['filter', 'kinds'],
    ],
  ])(
    'ledgerStats with %s is a top-level BAD_USER_INPUT naming the field',
    async (_n, g, f, message, field) => {
      const res = await app.gql(STATS, { g, f }, analyst);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(res.errors![0].message).toContain(message);
    },
  );

  it('an unknown dimension is a GraphQL validation error', async () => {
    const res = await app.gql('{ ledgerStats(groupBy: [PERSON]) { kind } }', {}, analyst);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toContain('StatsDimension');
  });

  it('crossProvinceFlows and reconciliation refuse a reversed or too long range', async () => {
    const reversed = await app.gql(FLOWS, { from: '2026-02-01', to: '2026-01-01' }, analyst);
    expect(reversed.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: ['to'] } });
    const xiehe = await institutionId(app, 'H11010100001');
    const long = await app.gql(RECON, { i: xiehe, from: '2020-01-01', to: '2026-01-01' }, analyst);
    expect(long.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: ['to'] } });
    const unknown = await app.gql(
      RECON,
      { i: 'H00000000000', from: '2026-01-01', to: '2026-01-31' },
      analyst,
    );
    expect(unknown.errors![0]).toMatchObject({
      message: 'Unknown institution H00000000000',
      extensions: { code: 'BAD_USER_INPUT', field: ['institutionId'] },
    });
  });

  it('anonymous callers are UNAUTHENTICATED; COUNTER staff and portals are FORBIDDEN from the aggregates', async () => {
    expect(codeOf(await app.gql(STATS, { g: ['MONTH'] }, null))).toBe('UNAUTHENTICATED');
    const counter = await app.login('counter');
    expect(codeOf(await app.gql(STATS, { g: ['MONTH'] }, counter))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(FLOWS, { from: '2026-01-01', to: '2026-01-31' }, counter))).toBe('FORBIDDEN');
    const xiehe = await institutionId(app, 'H11010100001');
    const key = await portal(app, ['settlement:write'], { institutionId: xiehe });
    expect(codeOf(await app.gql(STATS, { g: ['MONTH'] }, key))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(RECON, { i: xiehe, from: '2026-01-01', to: '2026-01-31' }, counter))).toBe(
      'FORBIDDEN',
    );
  });

  it("a portal reading another institution's reconciliation (or an unknown one) is FORBIDDEN", async () => {
    const xiehe = await institutionId(app, 'H11010100001');
    const other = await institutionId(app, 'H11010500002');
    const key = await portal(app, ['settlement:write'], { institutionId: xiehe });
    const range = { from: '2026-01-01', to: '2026-01-31' };
    const res = await app.gql(RECON, { i: other, ...range }, key);
    expect(res.data).toBeNull();
    expect(res.errors![0]).toMatchObject({
      message: 'A portal may only read the reconciliation of its own institution',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(codeOf(await app.gql(RECON, { i: 'H00000000000', ...range }, key))).toBe('FORBIDDEN');
    const own = await app.gql(RECON, { i: xiehe, ...range }, key);
    expect(own.errors).toBeUndefined();
    const noInstitution = await portal(app, ['premium:write'], { product: '北京普惠健康保' });
    expect(codeOf(await app.gql(RECON, { i: xiehe, ...range }, noInstitution))).toBe('FORBIDDEN');
  });

  it('GONGJI_STATS_MIN_CELL: default 5; an override must be an integer of at least 2 (1 would publish single persons)', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).statsMinCell).toBe(5);
    expect(loadConfig({ NODE_ENV: 'test', GONGJI_STATS_MIN_CELL: '10' }).statsMinCell).toBe(10);
    for (const bad of ['1', '0', '2.5', 'five'])
      expect(() => loadConfig({ NODE_ENV: 'test', GONGJI_STATS_MIN_CELL: bad })).toThrow(ConfigError);
  });
});
