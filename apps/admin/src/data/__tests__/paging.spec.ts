import type { GetListParams } from 'ra-core';
import { readInPages } from '../paging';

/** A server of `rows` rows that serves at most 100 a page, like the API. */
function server(rows: number) {
  const asked: { page: number; perPage: number }[] = [];
  const getList = (params: GetListParams) => {
    const { page, perPage } = params.pagination!;
    if (perPage > 100) throw new Error('QUERY_TOO_COMPLEX: first must be at most 100');
    asked.push({ page, perPage });
    const from = (page - 1) * perPage;
    const data = Array.from({ length: Math.max(0, Math.min(perPage, rows - from)) }, (_, i) => ({
      id: from + i,
    }));
    return Promise.resolve({ data, total: rows });
  };
  return { getList, asked };
}

const params = (page: number, perPage: number): GetListParams => ({
  pagination: { page, perPage },
  sort: { field: 'id', order: 'ASC' },
  filter: {},
});

describe('reading a large list 100 rows at a time (exports)', () => {
  it('an export of 1,000 over 250 rows reads three pages and returns all 250 in order', async () => {
    const { getList, asked } = server(250);
    const result = await readInPages(getList, params(1, 1000));
    expect(result.data.map((r) => r.id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(result.total).toBe(250);
    expect(asked).toEqual([
      { page: 1, perPage: 100 },
      { page: 2, perPage: 100 },
      { page: 3, perPage: 100 },
    ]);
  });

  it('stops at the requested size when there are more rows, and leaves small pages alone', async () => {
    const { getList, asked } = server(5000);
    expect((await readInPages(getList, params(1, 1000))).data).toHaveLength(1000);
    expect(asked).toHaveLength(10);
    const small = server(5000);
    expect((await readInPages(small.getList, params(3, 25))).data[0]).toEqual({ id: 50 });
    expect(small.asked).toEqual([{ page: 3, perPage: 25 }]);
  });

  it('returns exactly the rows of the page asked for: 250 a page is 250 rows, page 2 starts at row 250', async () => {
    const { getList } = server(457);
    const first = await readInPages(getList, params(1, 250));
    expect(first.data.map((r) => r.id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    const second = await readInPages(getList, params(2, 250));
    expect(second.data.map((r) => r.id)).toEqual(Array.from({ length: 207 }, (_, i) => 250 + i));
    expect(second.total).toBe(457);
  });
});
