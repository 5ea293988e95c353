import { print } from 'graphql';
import { buildTransactionQuery } from '../../data/counter/buildTransactionQuery';
import {
  cachedPersonLookup,
  classifyPersonFilter,
  currentPersonFilterOutcome,
  listTransactionsByPerson,
  PERSON_FILTER_FORMAT,
  type PersonRef,
} from '../../data/counter/transactionPersonFilter';
import { institutionLabel, personLabel } from '../transactionLabels';

const TODAY = '2026-06-01';
const JIANGUO: PersonRef = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  name: '王建国',
  idNumber: '110105195203150179',
};
const PAGE = { pagination: { page: 1, perPage: 25 }, sort: { field: 'createdAt', order: 'DESC' as const } };
const ROWS = { data: [{ id: 't1' }], total: 1, pageInfo: { hasNextPage: false, hasPreviousPage: false } };

describe('the ledger person filter: ID number or person id', () => {
  it.each([
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    [undefined, { kind: 'none' }],
    [` ${JIANGUO.id.toUpperCase()} `, { kind: 'personId', personId: JIANGUO.id }],
    [' 110105195203150179 ', { kind: 'idNumber', idNumber: '110105195203150179' }],
    ['11010520120910055x', { kind: 'idNumber', idNumber: '11010520120910055X' }],
    // a typo is said to be one (R-ACC-2) and spends no look-up
    [
      '110105195203150178',
      { kind: 'invalid', input: '110105195203150178', problem: 'gongji.person_form.id_check_digit' },
    ],
    [
      '11010519520315017',
      { kind: 'invalid', input: '11010519520315017', problem: 'gongji.person_form.id_format' },
    ],
    ['王建国', { kind: 'invalid', input: '王建国', problem: PERSON_FILTER_FORMAT }],
    ['6f1c2d3e-4b5a', { kind: 'invalid', input: '6f1c2d3e-4b5a', problem: PERSON_FILTER_FORMAT }],
  ])('%j → %j', (value, expected) => {
    expect(classifyPersonFilter(value, TODAY)).toEqual(expected);
  });

  it('an ID number is resolved, then the transactions of that person id are asked for, with who was found', async () => {
    const lookup = jest.fn(async () => JIANGUO);
    const getList = jest.fn(async () => ROWS);
    const result = await listTransactionsByPerson(
      getList,
      { ...PAGE, filter: { personId: ' 110105195203150179', kind: 'SETTLEMENT' } },
      lookup,
      TODAY,
    );
    expect(lookup).toHaveBeenCalledWith('110105195203150179');
    expect(getList).toHaveBeenCalledWith({ ...PAGE, filter: { personId: JIANGUO.id, kind: 'SETTLEMENT' } });
    expect(result).toEqual({
      ...ROWS,
      meta: { personFilter: { status: 'found', input: '110105195203150179', person: JIANGUO } },
    });
  });

  it('an ID number nobody has gives no rows and says so, without asking for transactions', async () => {
    const getList = jest.fn(async () => ROWS);
    const result = await listTransactionsByPerson(
      getList,
      { ...PAGE, filter: { personId: '11010520120910055x' } },
      async () => null,
      TODAY,
    );
    expect(getList).not.toHaveBeenCalled();
    expect(result).toEqual({
      data: [],
      total: 0,
      meta: { personFilter: { status: 'not_found', input: '11010520120910055X' } },
    });
  });

  it('a person id goes straight to the API; an invalid text asks nothing; no filter lists everything', async () => {
    const lookup = jest.fn(async () => JIANGUO);
    const getList = jest.fn(async () => ROWS);
    await listTransactionsByPerson(getList, { ...PAGE, filter: { personId: JIANGUO.id } }, lookup, TODAY);
    expect(getList).toHaveBeenLastCalledWith({ ...PAGE, filter: { personId: JIANGUO.id } });
    await listTransactionsByPerson(getList, { ...PAGE, filter: {} }, lookup, TODAY);
    expect(getList).toHaveBeenLastCalledWith({ ...PAGE, filter: {} });
    const invalid = await listTransactionsByPerson(
      getList,
      { ...PAGE, filter: { personId: '王' } },
      lookup,
      TODAY,
    );
    expect(invalid.meta).toEqual({
      personFilter: { status: 'invalid', input: '王', problem: PERSON_FILTER_FORMAT },
    });
    expect(getList).toHaveBeenCalledTimes(2);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('the page shows only the outcome of the filter it shows (not the previous page’s)', () => {
    const meta = { personFilter: { status: 'not_found', input: '11010520120910055X' } };
    expect(currentPersonFilterOutcome(meta, ' 11010520120910055x ')).toEqual(meta.personFilter);
    expect(currentPersonFilterOutcome(meta, '110105195203150179')).toBeNull();
    expect(currentPersonFilterOutcome(meta, '')).toBeNull();
    expect(currentPersonFilterOutcome(undefined, '110105195203150179')).toBeNull();
  });
});

describe('person look-ups are remembered (analysts may make 30 an hour)', () => {
  function setup() {
    let clock = 0;
    let token = 'counter-token';
    const answers = new Map<string, PersonRef | null>([[JIANGUO.idNumber, JIANGUO]]);
    const fetch = jest.fn(async (idNumber: string) => answers.get(idNumber) ?? null);
    const lookup = cachedPersonLookup(fetch, { scope: () => token, now: () => clock, missTtlMs: 60_000 });
    return {
      fetch,
      lookup,
      answers,
      tick: (ms: number) => (clock += ms),
      signInAs: (t: string) => (token = t),
    };
  }

  it('asks once per ID number, however often the list is re-rendered, re-fetched, paged or exported', async () => {
    const { fetch, lookup, tick } = setup();
    const [a, b] = await Promise.all([lookup(JIANGUO.idNumber), lookup(JIANGUO.idNumber)]);
    tick(3_600_000);
    const c = await lookup(JIANGUO.idNumber);
    expect([a, b, c]).toEqual([JIANGUO, JIANGUO, JIANGUO]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('believes "nobody" for a minute only: a person may be registered meanwhile', async () => {
    const { fetch, lookup, answers, tick } = setup();
    const other = { id: 'p2', name: '李四', idNumber: '11010520120910055X' };
    expect(await lookup(other.idNumber)).toBeNull();
    tick(30_000);
    expect(await lookup(other.idNumber)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    answers.set(other.idNumber, other);
    tick(31_000);
    expect(await lookup(other.idNumber)).toEqual(other);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failure, nor hand one user’s answer to another', async () => {
    const { fetch, lookup, signInAs } = setup();
    fetch.mockRejectedValueOnce(new Error('RATE_LIMITED'));
    await expect(lookup(JIANGUO.idNumber)).rejects.toThrow('RATE_LIMITED');
    expect(await lookup(JIANGUO.idNumber)).toEqual(JIANGUO);
    signInAs('analyst-token');
    await lookup(JIANGUO.idNumber);
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});

describe('the ledger shows persons and institutions by name', () => {
  it('reads the person edge in the same list query (no request per row)', () => {
    const query = buildTransactionQuery('GET_LIST', 'transactions', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: { personId: JIANGUO.id },
    });
    const printed = print(query.query);
    expect(printed).toMatch(/transactions\(filter: \$filter[\s\S]*person \{\s*id\s+name\s+idNumber\s*\}/);
    expect(query.variables?.filter).toEqual({ personId: JIANGUO.id });
    const node = {
      id: 't1',
      kind: 'SETTLEMENT',
      person: { id: JIANGUO.id, name: '王*', idNumber: '110105********0179' },
    };
    expect(
      query.parseResponse({
        data: {
          transactions: {
            totalCount: 1,
            pageInfo: { hasNextPage: false, hasPreviousPage: false },
            edges: [{ node }],
          },
        },
      } as never).data,
    ).toEqual([node]);
    expect(print(buildTransactionQuery('GET_ONE', 'transactions', { id: 't1' }).query)).toContain('idNumber');
  });

  it('labels a person by name and ID number and an institution by name and code', () => {
    expect(personLabel(JIANGUO)).toBe('王建国（110105195203150179）');
    expect(personLabel({ name: '王*', idNumber: '110105********0179' })).toBe('王*（110105********0179）');
    expect(institutionLabel({ name: '北京协和医院', code: 'H11010100001' })).toBe(
      '北京协和医院（H11010100001）',
    );
  });
});
