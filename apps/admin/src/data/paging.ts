// The API serves at most 100 rows a page (API.md pagination limits); react-admin's export asks for 1,000 at once.
// A larger request is read 100 rows at a time, so an export holds every row it promises, not the first 100.
import type { GetListParams, GetListResult, RaRecord } from 'ra-core';

export const API_PAGE_MAX = 100;

export async function readInPages<R extends RaRecord>(
  getList: (params: GetListParams) => Promise<GetListResult<R>>,
  params: GetListParams,
): Promise<GetListResult<R>> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  if (perPage <= API_PAGE_MAX || ((page - 1) * perPage > 0 && ((page - 1) * perPage) % API_PAGE_MAX !== 0))
    return getList(params);
  const start = (page - 1) * perPage;
  const data: R[] = [];
  let total: number | undefined;
  for (let offset = start; offset < start + perPage; offset += API_PAGE_MAX) {
    const chunk = await getList({
      ...params,
      pagination: { page: offset / API_PAGE_MAX + 1, perPage: API_PAGE_MAX },
    });
    data.push(...chunk.data);
    total = chunk.total ?? total;
    if (chunk.data.length < API_PAGE_MAX || (total !== undefined && offset + API_PAGE_MAX >= total)) break;
  }
  return total === undefined
    ? { data, pageInfo: { hasPreviousPage: start > 0, hasNextPage: false } }
    : { data, total };
}
