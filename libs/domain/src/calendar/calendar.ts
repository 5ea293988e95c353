import type { IsoDate } from '../shared/dates';

/**
 * One year of the official holiday calendar (节假日安排) as the State Council announces it each autumn for the next
 * year (国务院办公厅关于…部分节假日安排的通知): the days off (放假, weekends inside a holiday block included) and the
 * weekend days that are worked instead (调休上班). Policy data (setting kind `HOLIDAY_CALENDAR`, one row per year), so
 * a late or regional announcement (e.g. 广西 三月三, 西藏 藏历新年) is a new row, not a release.
 */
export interface HolidayCalendarYear {
  /** Days off announced for the year (放假), sorted, each within the year. */
  readonly holidays: readonly IsoDate[];
  /** Saturdays and Sundays that are working days (调休上班), sorted, each within the year. */
  readonly makeUpWorkdays: readonly IsoDate[];
}

/**
 * The holiday calendar that applies: one entry per year (`"2025"`). A year without an entry has no known holidays
 * (working days are then Monday–Friday; see `isWorkingDay`).
 */
export type HolidayCalendar = Readonly<Record<string, HolidayCalendarYear>>;
