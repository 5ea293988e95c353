import { HttpError } from 'ra-core';
import { buildRegionQuery, toRegionFilter, toRegionUpdateInput } from '../buildRegionQuery';
import { offsetCursor, pageToConnectionArgs } from '../cursor';
import { normalizeDataProviderError, userErrorsToHttpError } from '../graphqlErrors';

describe('pagination → Relay arguments', () => {
  it.each([
    [1, 25, { first: 25 }],
    [2, 25, { first: 25, after: offsetCursor(24) }],
    [3, 10, { first: 10, after: offsetCursor(19) }],
    [1, 500, { first: 100 }],
  ])('page %i of %i rows', (page, perPage, expected) => {
    expect(pageToConnectionArgs(page, perPage)).toEqual(expected);
  });

  it('encodes cursors as base64("offset:<n>") like the API', () => {
    expect(Buffer.from(offsetCursor(24), 'base64').toString()).toBe('offset:24');
  });
});

describe('getList', () => {
  it('maps filters, sort and page to regions(filter, first, after, orderBy)', () => {
    const query = buildRegionQuery('GET_LIST', 'regions', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'name', order: 'DESC' },
      filter: { q: ' 石家庄 ', provinceCode: '130000', level: '', walletOpenOn: '2025-05-08' },
    });
    expect(query.variables).toEqual({
      filter: { q: '石家庄', provinceCode: '130000', walletOpenOn: '2025-05-08' },
      first: 25,
      after: offsetCursor(24),
      orderBy: { field: 'NAME', direction: 'DESC' },
      on: '2025-05-08',
    });
  });

  it('uses the region code as the record id and totalCount as the total', () => {
    const query = buildRegionQuery('GET_LIST', 'regions', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    const result = query.parseResponse({
      data: {
        regions: {
          totalCount: 236,
          pageInfo: { hasNextPage: true, hasPreviousPage: false },
          edges: [{ cursor: 'x', node: { id: 'R1', code: '110000', name: '北京市' } }],
        },
      },
    } as never);
    expect(result.total).toBe(236);
    expect(result.data[0]).toMatchObject({ id: '110000', nodeId: 'R1', code: '110000' });
  });

  it('drops empty filter values', () => {
    expect(toRegionFilter({ q: '', level: null, isPool: false })).toEqual({ isPool: false });
  });
});

describe('update', () => {
  it('sends only changed fields; a cleared date is an explicit null (inherit)', () => {
    const input = toRegionUpdateInput({
      id: '110000',
      data: {
        code: '110000',
        walletFrom: '',
        mutualAidUseFrom: '2025-04-01',
        earmarkedFrom: '2022-09-01',
        reason: ' 文件 ',
      },
      previousData: {
        id: '110000',
        walletFrom: '2025-01-01',
        mutualAidUseFrom: null,
        earmarkedFrom: '2022-09-01',
      },
    });
    expect(input).toEqual({
      code: '110000',
      walletFrom: null,
      mutualAidUseFrom: '2025-04-01',
      reason: '文件',
    });
  });

  it('turns userErrors into a validation HttpError carrying the rule id on the field', () => {
    const query = buildRegionQuery('UPDATE', 'regions', {
      id: '110000',
      data: {},
      previousData: { id: '110000' },
    });
    const userErrors = [
      {
        code: 'USE_BEFORE_REGISTRATION',
        message: '使用日期早于备案日期',
        field: ['mutualAidUseFrom'],
        rule: 'R-KIN-3',
      },
    ];
    let thrown: unknown;
    try {
      query.parseResponse({ data: { regionUpdate: { region: null, userErrors } } } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).body.errors).toEqual({
      mutualAidUseFrom: '使用日期早于备案日期 (R-KIN-3)',
      root: { serverError: '使用日期早于备案日期 (R-KIN-3)' },
    });
  });
});

describe('error normalisation', () => {
  it('unwraps the validation error ra-data-graphql re-wraps', () => {
    const inner = userErrorsToHttpError([
      { code: 'X', message: 'm', field: ['input', 'walletFrom'], rule: 'R-WAL-2' },
    ]);
    expect(normalizeDataProviderError(new HttpError('m', 200, inner))).toBe(inner);
    expect(inner.body.errors.walletFrom).toBe('m (R-WAL-2)');
  });

  it.each([
    ['UNAUTHENTICATED', 401, 'gongji.errors.unauthenticated'],
    ['FORBIDDEN', 403, 'gongji.errors.forbidden'],
  ])('maps %s to %i', (code, status, message) => {
    const apolloError = { message: 'x', graphQLErrors: [{ message: 'x', extensions: { code } }] };
    const normalized = normalizeDataProviderError(new HttpError('x', 200, apolloError)) as HttpError;
    expect(normalized.status).toBe(status);
    expect(normalized.message).toBe(message);
  });
});
