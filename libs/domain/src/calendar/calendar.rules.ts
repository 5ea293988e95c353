import { type MessageParam, detailParam } from '../messages/params';
import { PolicyError, PolicyErrorCode } from '../policy/policy.errors';
import { addDays, type IsoDate, isIsoDate, isoWeekday } from '../shared/dates';
import type { HolidayCalendar, HolidayCalendarYear } from './calendar';

/** Working days are counted for R-CARD-1 ("4个工作日后可领取新卡"), so calendar refusals cite it. */
const RULE = 'R-CARD-1';

/** Years a calendar row may describe (the system starts in 1998; nothing is announced a century ahead). */
export const CALENDAR_MIN_YEAR = 1999;
export const CALENDAR_MAX_YEAR = 2100;

/**
 * Whether `date` is a working day under `calendar`: an announced holiday (放假) never is; an announced make-up day
 * (调休上班) always is; otherwise Monday–Friday. A year with no calendar entry falls back to Monday–Friday.
 */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  const year = calendar[date.slice(0, 4)];
  if (year?.holidays.includes(date)) return false;
  if (year?.makeUpWorkdays.includes(date)) return true;
  return isoWeekday(date) <= 5;
}

/**
 * The `n`-th working day after `date` (`date` itself not counted) under the holiday calendar (R-CARD-1): a counter
 * reissue on Friday 2025-09-26 with n = 4 counts 09-28 (Sunday, 调休上班), 09-29, 09-30, skips 10-01…10-08 (国庆·中秋)
 * and is ready on 2025-10-09.
 */
export function nthWorkingDayAfter(date: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/**
 * Checks one year of a holiday calendar before staff save it and returns it normalised (sorted, duplicates dropped):
 * the year is 1999–2100; every date is a real `YYYY-MM-DD` date inside that year; a make-up working day (调休上班) is a
 * Saturday or Sunday (a weekday is a working day anyway); no day is both a holiday and a make-up working day. Code
 * `INVALID_SETTING`, rule R-CARD-1, field naming the list and index.
 */
export function validateHolidayCalendarYearOrThrow(
  year: string,
  entry: HolidayCalendarYear,
): HolidayCalendarYear {
  const bad = (message: string, field: string[], detail: MessageParam): never => {
    throw new PolicyError(PolicyErrorCode.INVALID_SETTING, message, RULE, field, { detail });
  };
  const y = Number(year);
  if (!/^\d{4}$/.test(year) || y < CALENDAR_MIN_YEAR || y > CALENDAR_MAX_YEAR)
    bad(
      `year must be ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}, got ${year}`,
      ['year'],
      detailParam('CALENDAR_YEAR_RANGE', { min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR, year }),
    );
  const check = (list: readonly string[], name: 'holidays' | 'makeUpWorkdays'): IsoDate[] => {
    list.forEach((d, i) => {
      const at = `${name}[${i}]`;
      if (!isIsoDate(d))
        bad(
          `${at} "${d}" is not a valid date (YYYY-MM-DD)`,
          [name, String(i)],
          detailParam('CALENDAR_DATE_INVALID', { field: at, date: d }),
        );
      if (d.slice(0, 4) !== year)
        bad(
          `${at} ${d} is not in ${year}`,
          [name, String(i)],
          detailParam('CALENDAR_DATE_OTHER_YEAR', { field: at, date: d, year }),
        );
      if (name === 'makeUpWorkdays' && isoWeekday(d) <= 5)
        bad(
          `makeUpWorkdays[${i}] ${d} is a weekday: only a Saturday or Sunday can be a make-up working day (调休)`,
          [name, String(i)],
          detailParam('CALENDAR_MAKE_UP_WEEKDAY', { field: at, date: d }),
        );
    });
    return [...new Set(list)].sort();
  };
  const holidays = check(entry.holidays, 'holidays');
  const makeUpWorkdays = check(entry.makeUpWorkdays, 'makeUpWorkdays');
  const both = makeUpWorkdays.find((d) => holidays.includes(d));
  if (both)
    bad(
      `${both} cannot be both a holiday and a make-up working day`,
      ['makeUpWorkdays'],
      detailParam('CALENDAR_DATE_BOTH', { date: both }),
    );
  return { holidays, makeUpWorkdays };
}
