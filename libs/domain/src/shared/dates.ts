/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Both database drivers return `date` columns in this form and
 * the GraphQL `Date` scalar uses it, so the domain compares them as strings (lexicographic order = date order).
 */
export type IsoDate = string & { readonly __brand?: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (no 2023-02-30). */
export function isIsoDate(s: string): s is IsoDate {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Number of days of `month` (1–12) in `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds `days` calendar days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** `a <= b` for ISO dates; `null` bounds mean "never" (so `onOrAfter(x, null)` is false). */
export function onOrAfter(date: IsoDate, from: IsoDate | null | undefined): boolean {
  return from != null && date >= from;
}

/**
 * The `n`-th weekday after `date` (Monday–Friday; `date` itself is not counted), ignoring the official holiday
 * calendar. Working days of a rule (R-CARD-1) are counted with `nthWorkingDayAfter` and the `HOLIDAY_CALENDAR` of the
 * effective policy, which skips 节假日 and counts 调休 make-up days.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) left--;
  }
  return d;
}
