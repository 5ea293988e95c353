import { print } from 'graphql';
import { HttpError } from 'ra-core';
import { offsetCursor } from '../../cursor';
import {
  buildInstitutionQuery,
  toInstitutionCreateInput,
  toInstitutionFilter,
  toInstitutionUpdateInput,
  type InstitutionRecord,
} from '../buildInstitutionQuery';

/** An Apollo result carrying only `data` (what the parsers read). */
const res = (data: Record<string, unknown>) => ({ data }) as never;

const hospital: InstitutionRecord = {
  id: 'i1',
  code: 'H11010100001',
  name: '北京协和医院',
  kind: 'HOSPITAL',
  level: 'TERTIARY',
  regionCode: '110000',
  designated: true,
  openToAll: true,
  acceptsWallet: false,
};

describe('institutions', () => {
  it.each([
    [
      { q: ' 协和 ', kind: 'HOSPITAL', level: 'TERTIARY', regionCode: ' 110000 ', designated: 'true' },
      { q: '协和', kind: 'HOSPITAL', level: 'TERTIARY', regionCode: '110000', designated: true },
    ],
    [{ designated: 'false' }, { designated: false }],
    [{ designated: false }, { designated: false }],
    [{ q: '', kind: 'CLINIC', level: 'TOP', designated: '', other: 'x' }, {}],
    [{ q: '   ', regionCode: '  ' }, {}],
    [{}, {}],
  ])('filter %j → InstitutionFilter %j', (filter, expected) => {
    expect(toInstitutionFilter(filter)).toEqual(expected);
  });

  it('GET_LIST asks institutions(filter, first, after): the server filters, pages by code and counts', () => {
    const query = buildInstitutionQuery('GET_LIST', 'institutions', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'code', order: 'ASC' },
      filter: { q: '协和', kind: 'HOSPITAL' },
    });
    expect(print(query.query)).toContain('institutions(filter: $filter, first: $first, after: $after)');
    expect(print(query.query)).toContain('totalCount');
    expect(query.variables).toEqual({
      filter: { q: '协和', kind: 'HOSPITAL' },
      first: 25,
      after: offsetCursor(24),
    });
    const firstPage = buildInstitutionQuery('GET_LIST', 'institutions', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'code', order: 'ASC' },
      filter: {},
    });
    expect(firstPage.variables).toEqual({ filter: {}, first: 10 });
    expect(
      query.parseResponse(
        res({
          institutions: {
            totalCount: 26,
            pageInfo: { hasNextPage: false, hasPreviousPage: true },
            edges: [{ node: hospital }],
          },
        }),
      ),
    ).toEqual({ data: [hospital], total: 26, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('GET_ONE reads institution(id); an unknown id is item_doesnt_exist', () => {
    const query = buildInstitutionQuery('GET_ONE', 'institutions', { id: 'i1' });
    expect(print(query.query)).toContain('institution(id: $id)');
    expect(query.variables).toEqual({ id: 'i1' });
    expect(query.parseResponse(res({ institution: hospital }))).toEqual({ data: hospital });
    expect(() => query.parseResponse(res({ institution: null }))).toThrow(
      'ra.notification.item_doesnt_exist',
    );
  });

  it('CREATE sends institutionCreate with the code upper-cased, text trimmed and the flags as booleans', () => {
    const query = buildInstitutionQuery('CREATE', 'institutions', {
      data: {
        code: ' p37020200009 ',
        name: ' 青岛药房 ',
        kind: 'PHARMACY',
        level: 'OTHER',
        regionCode: '370200',
        designated: true,
        acceptsWallet: true,
        reason: '  ',
      },
    });
    expect(print(query.query)).toContain('institutionCreate(input: $input)');
    expect(query.variables).toEqual({
      input: {
        code: 'P37020200009',
        name: '青岛药房',
        kind: 'PHARMACY',
        level: 'OTHER',
        regionCode: '370200',
        designated: true,
        openToAll: false,
        acceptsWallet: true,
      },
    });
    expect(toInstitutionCreateInput({ code: 'H1', reason: ' 新定点 ' })).toMatchObject({
      designated: true,
      reason: '新定点',
    });
    expect(
      query.parseResponse(res({ institutionCreate: { institution: hospital, userErrors: [] } })),
    ).toEqual({ data: hospital });
  });

  it("turns userErrors into the form's field errors (duplicate code, unknown region)", () => {
    const query = buildInstitutionQuery('CREATE', 'institutions', { data: { ...hospital } });
    let error: unknown;
    try {
      query.parseResponse(
        res({
          institutionCreate: {
            institution: null,
            userErrors: [
              { code: 'CONFLICT', message: '编码已被使用', field: ['code'], rule: null },
              { code: 'NOT_FOUND', message: '未找到地区', field: ['regionCode'], rule: null },
            ],
          },
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).body.errors).toMatchObject({
      code: '编码已被使用',
      regionCode: '未找到地区',
    });
  });

  it('UPDATE sends only what changed to institutionUpdate, with the reason', () => {
    expect(
      toInstitutionUpdateInput({
        id: 'i1',
        data: { ...hospital, name: ' 北京协和医院（东院） ', acceptsWallet: true, reason: ' 开通钱包 ' },
        previousData: hospital,
      }),
    ).toEqual({ id: 'i1', name: '北京协和医院（东院）', acceptsWallet: true, reason: '开通钱包' });
    expect(toInstitutionUpdateInput({ id: 'i1', data: { ...hospital }, previousData: hospital })).toEqual({
      id: 'i1',
    });
    const query = buildInstitutionQuery('UPDATE', 'institutions', {
      id: 'i1',
      data: { ...hospital, code: 'h11010100002' },
      previousData: hospital,
    });
    expect(print(query.query)).toContain('institutionUpdate(input: $input)');
    expect(query.variables).toEqual({ input: { id: 'i1', code: 'H11010100002' } });
    expect(
      query.parseResponse(
        res({ institutionUpdate: { institution: { ...hospital, code: 'H11010100002' }, userErrors: [] } }),
      ),
    ).toEqual({ data: { ...hospital, code: 'H11010100002' } });
  });

  it('DELETE is not offered by the API', () => {
    expect(() => buildInstitutionQuery('DELETE', 'institutions', { id: 'i1' })).toThrow(/not offered/);
  });
});
