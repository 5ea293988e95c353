// The ledger's booking-date filter (起始日期 / 截止日期, inclusive, China dates).

/** Why the date range can match nothing (an i18n key): the start is after the end. Null when it is fine. */
export function dateRangeProblem(fromDate: unknown, toDate: unknown): string | null {
  const from = typeof fromDate === 'string' ? fromDate.slice(0, 10) : '';
  const to = typeof toDate === 'string' ? toDate.slice(0, 10) : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  return from > to ? 'gongji.transactions.date_range_inverted' : null;
}
