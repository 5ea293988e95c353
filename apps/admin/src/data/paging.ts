// The API serves at most 100 rows a page (API.md pagination limits); react-admin's export asks for 1,000 at once.
// A larger request is read 100 rows at a time, so an export holds every row it promises, not the first 100.
import type { GetListParams, GetListResult, RaRecord } from 'ra-core';

export const API_PAGE_MAX = 100;

export async function readInPages<R extends RaRecord>(
  getList: (params: GetListParams) => Promise<GetListResult<R>>,
  params: GetListParams,
): Promise<GetListResult<R>> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  if (perPage <= API_PAGE_MAX) return getList(params);
  // Pages of 100 from the one holding the first row asked for, then exactly the rows asked for: 250 a page reads
  // rows 0–299 and keeps 0–249 (react-admin's "select all" asked 250 and got 300 selected: black-box audit).
  const start = (page - 1) * perPage;
  const firstPage = Math.floor(start / API_PAGE_MAX);
  const skip = start - firstPage * API_PAGE_MAX;
  const rows: R[] = [];
  let total: number | undefined;
  for (let p = firstPage; p * API_PAGE_MAX < start + perPage; p += 1) {
    const chunk = await getList({ ...params, pagination: { page: p + 1, perPage: API_PAGE_MAX } });
    rows.push(...chunk.data);
    total = chunk.total ?? total;
    if (chunk.data.length < API_PAGE_MAX || (total !== undefined && (p + 1) * API_PAGE_MAX >= total)) break;
  }
  const data = rows.slice(skip, skip + perPage);
  return total === undefined
    ? { data, pageInfo: { hasPreviousPage: start > 0, hasNextPage: false } }
    : { data, total };
}
