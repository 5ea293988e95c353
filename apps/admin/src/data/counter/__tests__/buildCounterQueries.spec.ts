import { print } from 'graphql';
import { offsetCursor } from '../../cursor';
import {
  buildApiClientQuery,
  toApiClientFilter,
  toApiClientUpdateInput,
  type ApiClientRecord,
} from '../buildApiClientQuery';
import { buildPersonQuery, PERSON_STAFF, toPersonFilter } from '../buildPersonQuery';
import { buildTransactionQuery, chinaDayStart, toTransactionFilter } from '../buildTransactionQuery';
import { moveProvider } from '../../../persons/providerOrder';

/** An Apollo result carrying only `data` (what the parsers read). */
const res = (data: Record<string, unknown>) => ({ data }) as never;

describe('persons (counter search)', () => {
  it.each([
    [{ q: ' 11010520120910055x ' }, { idNumber: '11010520120910055X' }],
    [{ q: '王' }, { name: '王' }],
    [{ q: '', regionCode: ' 110000 ' }, { regionCode: '110000' }],
    [{ q: '1101051952', regionCode: '' }, { name: '1101051952' }],
    // an analyst's list (permanent filter idNumberOnly): never a name search, which the API refuses them
    [{ q: '王强', idNumberOnly: true }, { idNumber: '王强' }],
    [{ q: '11010520120910055x', idNumberOnly: true }, { idNumber: '11010520120910055X' }],
  ])('one search box: %j → PersonFilter %j', (filter, expected) => {
    expect(toPersonFilter(filter)).toEqual(expected);
  });

  it('GET_LIST asks persons(filter, first, after) and reads the connection with its total', () => {
    const query = buildPersonQuery('GET_LIST', 'persons', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { q: '王' },
    });
    expect(print(query.query)).toContain('persons(filter: $filter, first: $first, after: $after)');
    expect(query.variables).toEqual({ filter: { name: '王' }, first: 25, after: offsetCursor(24) });
    const parsed = query.parseResponse(
      res({
        persons: {
          totalCount: 30,
          pageInfo: { hasNextPage: true, hasPreviousPage: true },
          edges: [{ node: { id: 'p1', name: '王强' } }],
        },
      }),
    );
    expect(parsed).toEqual({
      data: [{ id: 'p1', name: '王强' }],
      total: 30,
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
    });
  });

  it('GET_ONE reads the person page; person-staff reads the password state and attestations', () => {
    const one = buildPersonQuery('GET_ONE', 'persons', { id: 'p1' });
    expect(print(one.query)).toContain('fundingSources');
    expect(() => one.parseResponse(res({ person: null }))).toThrow('ra.notification.item_doesnt_exist');
    const staff = buildPersonQuery('GET_ONE', PERSON_STAFF, { id: 'p1' });
    expect(print(staff.query)).toContain('relationshipAttestations(personId: $id, first: 100)');
    expect(
      staff.parseResponse(
        res({
          person: { id: 'p1', paymentPassword: { set: true } },
          relationshipAttestations: { edges: [] },
        }),
      ),
    ).toEqual({ data: { id: 'p1', paymentPassword: { set: true }, attestations: [] } });
    const attestation = { id: 'a1', relativePersonId: 'p2', relation: 'PARENT', revokedAt: null };
    expect(
      staff.parseResponse(
        res({
          person: { id: 'p1', paymentPassword: null },
          relationshipAttestations: { edges: [{ node: attestation }] },
        }),
      ),
    ).toEqual({ data: { id: 'p1', paymentPassword: null, attestations: [attestation] } });
  });

  it('offers no writes through the generic provider (page actions run their own mutations)', () => {
    expect(() => buildPersonQuery('DELETE', 'persons', { id: 'p1' })).toThrow(/not offered/);
  });
});

describe('transactions (ledger)', () => {
  it('turns China dates into instants: from the start of the day, to the start of the next (UTC+8)', () => {
    expect(chinaDayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
    expect(
      toTransactionFilter({ kind: 'SETTLEMENT', fromDate: '2026-12-01', toDate: '2026-12-31', personId: '' }),
    ).toEqual({
      kinds: ['SETTLEMENT'],
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
  });

  it("passes a settlement's id on as the original of its reversals (R-USE-5)", () => {
    expect(toTransactionFilter({ originalTransactionId: 's1', kinds: ['REFUND'] })).toEqual({
      originalTransactionId: 's1',
      kinds: ['REFUND'],
    });
  });

  it('GET_MANY_REFERENCE lists one person’s transactions', () => {
    const query = buildTransactionQuery('GET_MANY_REFERENCE', 'transactions', {
      target: 'personId',
      id: 'p1',
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: {},
    });
    expect(query.variables).toEqual({ filter: { personId: 'p1' }, first: 10 });
  });

  it('GET_ONE asks for postings and explanation', () => {
    const query = buildTransactionQuery('GET_ONE', 'transactions', { id: 't1' });
    const text = print(query.query);
    expect(text).toContain('postings');
    expect(text).toContain('explanation');
  });
});

describe('api-clients', () => {
  const clients: ApiClientRecord[] = [
    {
      id: 'a',
      name: '协和医院',
      scopes: ['settlement:write'],
      institutionId: 'i1',
      product: null,
      rateLimitPerMinute: null,
      persistedOperationsOnly: false,
      revokedAt: null,
      createdAt: '2026-01-01T00:00:00Z',
    },
    {
      id: 'b',
      name: '同仁堂',
      scopes: [],
      institutionId: 'i2',
      product: null,
      rateLimitPerMinute: 600,
      persistedOperationsOnly: true,
      revokedAt: '2026-06-01T00:00:00Z',
      createdAt: '2026-02-01T00:00:00Z',
    },
    {
      id: 'c',
      name: '惠民保门户',
      scopes: ['premium:write'],
      institutionId: null,
      product: 'HUIMINBAO',
      rateLimitPerMinute: null,
      persistedOperationsOnly: false,
      revokedAt: null,
      createdAt: '2026-03-01T00:00:00Z',
    },
  ];

  it.each([
    [
      { q: ' 同仁 ', status: 'REVOKED' },
      { q: '同仁', status: 'REVOKED' },
    ],
    [{ q: '', status: 'ACTIVE' }, { status: 'ACTIVE' }],
    [{ q: '   ', status: '' }, {}],
    [{ status: 'ALL', other: 'x' }, {}],
    [{}, {}],
  ])('filter %j → ApiClientFilter %j', (filter, expected) => {
    expect(toApiClientFilter(filter)).toEqual(expected);
  });

  it('GET_LIST asks apiClients(filter, first, after): the server filters, pages newest first and counts', () => {
    const query = buildApiClientQuery('GET_LIST', 'api-clients', {
      pagination: { page: 3, perPage: 10 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { q: '同仁', status: 'REVOKED' },
    });
    expect(print(query.query)).toContain('apiClients(filter: $filter, first: $first, after: $after)');
    expect(print(query.query)).toContain('totalCount');
    expect(query.variables).toEqual({
      filter: { q: '同仁', status: 'REVOKED' },
      first: 10,
      after: offsetCursor(19),
    });
    const firstPage = buildApiClientQuery('GET_LIST', 'api-clients', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: {},
    });
    expect(firstPage.variables).toEqual({ filter: {}, first: 25 });
    const parsed = query.parseResponse(
      res({
        apiClients: {
          totalCount: 21,
          pageInfo: { hasNextPage: false, hasPreviousPage: true },
          edges: [{ node: clients[1] }],
        },
      }),
    );
    expect(parsed).toEqual({
      data: [clients[1]],
      total: 21,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });

  it('sends only what changed to apiClientUpdate, with the reason', () => {
    expect(
      toApiClientUpdateInput({
        id: 'a',
        data: { ...clients[0], scopes: ['settlement:write', 'person:read'], reason: ' 新增查询权限 ' },
        previousData: clients[0],
      }),
    ).toEqual({ id: 'a', reason: '新增查询权限', scopes: ['person:read', 'settlement:write'] });
    expect(
      toApiClientUpdateInput({
        id: 'b',
        data: { ...clients[1], persistedOperationsOnly: false, rateLimitPerMinute: 1200, reason: '调整' },
        previousData: clients[1],
      }),
    ).toEqual({ id: 'b', reason: '调整', persistedOperationsOnly: false, rateLimitPerMinute: 1200 });
  });

  it('GET_ONE reads apiClient(id); an unknown id is item_doesnt_exist', () => {
    const query = buildApiClientQuery('GET_ONE', 'api-clients', { id: 'c' });
    expect(print(query.query)).toContain('apiClient(id: $id)');
    expect(query.variables).toEqual({ id: 'c' });
    expect(query.parseResponse(res({ apiClient: clients[2] }))).toEqual({ data: clients[2] });
    expect(() => query.parseResponse(res({ apiClient: null }))).toThrow('ra.notification.item_doesnt_exist');
  });
});

describe('reordering funding sources (R-KIN-5)', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ] as const)('moves index %i by %i', (index, step, expected) => {
    expect(moveProvider(['a', 'b', 'c'], index, step)).toEqual(expected);
  });
});
