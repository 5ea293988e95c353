import { print } from 'graphql';
import { HttpError } from 'ra-core';
import {
  buildKinshipScopeQuery,
  parseRelations,
  toKinshipScopeSetInput,
  toPolicySettingsVariables,
} from '../buildKinshipScopeQuery';
import { offsetCursor } from '../cursor';
import { buildQuery } from '../buildQuery';
import { KINSHIP_SCOPE_SET_MUTATION, POLICY_SETTINGS_QUERY } from '../kinshipScopeDocuments';
import { REGIONS_QUERY } from '../regionDocuments';

const row = (id: string, purpose: string, effectiveFrom: string, value: string) => ({
  id,
  kind: 'KINSHIP_SCOPE',
  regionCode: '110000',
  purpose,
  effectiveFrom,
  value,
  createdBy: 'admin',
  createdAt: '2025-05-08T02:00:00.000Z',
});

const history = [
  row('a', 'MEDICAL', '2021-01-01', '["SPOUSE","PARENT","CHILD"]'),
  row('b', 'WALLET_TRANSFER', '2024-07-01', '[]'),
  row('c', 'MEDICAL', '2024-07-01', '["SPOUSE","PARENT","CHILD","SIBLING"]'),
];

describe('kinship-scopes getList (R-KIN-1 history)', () => {
  it('asks the policySettings connection of kind KINSHIP_SCOPE for the region, a page at a time', () => {
    const query = buildKinshipScopeQuery('GET_LIST', 'kinship-scopes', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'effectiveFrom', order: 'ASC' },
      filter: { regionCode: ' 110000 ' },
    });
    expect(query.query).toBe(POLICY_SETTINGS_QUERY);
    const printed = print(query.query).replace(/\s+/g, ' ');
    expect(printed).toContain(
      'policySettings( regionCode: $regionCode kind: $kind purpose: $purpose first: $first after: $after )',
    );
    expect(print(query.query)).toContain('totalCount');
    expect(query.variables).toEqual({ kind: 'KINSHIP_SCOPE', regionCode: '110000', first: 25 });
  });

  it('omits the region code for the national rows when the filter is empty; later pages send the cursor', () => {
    const query = buildKinshipScopeQuery('GET_LIST', 'kinship-scopes', {
      pagination: { page: 3, perPage: 10 },
      sort: { field: 'effectiveFrom', order: 'ASC' },
      filter: { regionCode: '' },
    });
    expect(query.variables).toEqual({ kind: 'KINSHIP_SCOPE', first: 10, after: offsetCursor(19) });
  });

  it.each([
    [
      { regionCode: '110000', purpose: 'MEDICAL' },
      { kind: 'KINSHIP_SCOPE', regionCode: '110000', purpose: 'MEDICAL' },
    ],
    [{ purpose: ' WALLET_TRANSFER ' }, { kind: 'KINSHIP_SCOPE', purpose: 'WALLET_TRANSFER' }],
    [{ purpose: 'NOT_A_PURPOSE' }, { kind: 'KINSHIP_SCOPE' }],
    [{ purpose: '' }, { kind: 'KINSHIP_SCOPE' }],
  ])('filter %j → policySettings arguments %j (the server filters by purpose)', (filter, expected) => {
    expect(toPolicySettingsVariables(filter)).toEqual(expected);
  });

  it('reads the connection: JSON values become relations, totalCount drives the pager', () => {
    const query = buildKinshipScopeQuery('GET_LIST', 'kinship-scopes', {
      pagination: { page: 2, perPage: 1 },
      sort: { field: 'effectiveFrom', order: 'ASC' },
      filter: { regionCode: '110000', purpose: 'MEDICAL' },
    });
    const result = query.parseResponse({
      data: {
        policySettings: {
          totalCount: 2,
          pageInfo: { hasNextPage: false, hasPreviousPage: true },
          edges: [{ node: history[2] }],
        },
      },
    } as never);
    expect(result).toEqual({
      total: 2,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
      data: [
        {
          id: 'c',
          regionCode: '110000',
          purpose: 'MEDICAL',
          relations: ['SPOUSE', 'PARENT', 'CHILD', 'SIBLING'],
          effectiveFrom: '2024-07-01',
          createdBy: 'admin',
          createdAt: '2025-05-08T02:00:00.000Z',
        },
      ],
    });
  });

  it('reads a malformed or non-array value as an empty scope', () => {
    expect(parseRelations('not json')).toEqual([]);
    expect(parseRelations('{"$bigint":"100"}')).toEqual([]);
    expect(parseRelations('["SPOUSE","UNCLE"]')).toEqual(['SPOUSE']);
  });
});

describe('kinship-scopes create → kinshipScopeSet', () => {
  it('sends the input in relation order, without blank region or reason', () => {
    expect(
      toKinshipScopeSetInput({
        regionCode: ' ',
        purpose: 'MEDICAL',
        relations: ['CHILD', 'SPOUSE', 'PARENT'],
        effectiveFrom: '2031-01-01',
        reason: '  ',
      }),
    ).toEqual({ purpose: 'MEDICAL', relations: ['SPOUSE', 'PARENT', 'CHILD'], effectiveFrom: '2031-01-01' });
  });

  it('returns the saved setting as a record', () => {
    const query = buildKinshipScopeQuery('CREATE', 'kinship-scopes', {
      data: {
        regionCode: '110000',
        purpose: 'MEDICAL',
        relations: ['SPOUSE'],
        effectiveFrom: '2031-01-01',
        reason: ' 文件 ',
      },
    });
    expect(query.query).toBe(KINSHIP_SCOPE_SET_MUTATION);
    expect(query.variables).toEqual({
      input: {
        regionCode: '110000',
        purpose: 'MEDICAL',
        relations: ['SPOUSE'],
        effectiveFrom: '2031-01-01',
        reason: '文件',
      },
    });
    const result = query.parseResponse({
      data: {
        kinshipScopeSet: {
          setting: row('n', 'MEDICAL', '2031-01-01', '["SPOUSE"]'),
          userErrors: [],
        },
      },
    } as never);
    expect(result.data).toMatchObject({ id: 'n', purpose: 'MEDICAL', relations: ['SPOUSE'] });
  });

  it('turns REASON_REQUIRED into a validation error on the reason field', () => {
    const query = buildKinshipScopeQuery('CREATE', 'kinship-scopes', {
      data: { regionCode: '110000', purpose: 'MEDICAL', relations: [], effectiveFrom: '2020-01-01' },
    });
    let thrown: unknown;
    try {
      query.parseResponse({
        data: {
          kinshipScopeSet: {
            setting: null,
            userErrors: [
              {
                code: 'REASON_REQUIRED',
                message: 'effectiveFrom 2020-01-01 is in the past',
                field: ['reason'],
                rule: null,
              },
            ],
          },
        },
      } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).status).toBe(400);
    expect((thrown as HttpError).body.errors.reason).toBe('effectiveFrom 2020-01-01 is in the past');
  });

  it('refuses methods the API does not offer', () => {
    expect(() => buildKinshipScopeQuery('DELETE', 'kinship-scopes', { id: 'a' })).toThrow(/not offered/);
  });
});

describe('buildQuery dispatch', () => {
  it('routes kinship-scopes to its branch and regions to the region branch', () => {
    expect(buildQuery('GET_LIST', 'kinship-scopes', { filter: {} }).query).toBe(POLICY_SETTINGS_QUERY);
    expect(
      buildQuery('GET_LIST', 'regions', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
      }).query,
    ).toBe(REGIONS_QUERY);
  });
});
