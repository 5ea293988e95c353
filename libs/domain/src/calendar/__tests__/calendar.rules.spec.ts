import { PolicyErrorCode } from '../../policy/policy.errors';
import { isoWeekday } from '../../shared/dates';
import type { HolidayCalendar } from '../calendar';
import { NATIONAL_HOLIDAY_CALENDAR, holidayCalendarEffectiveFrom } from '../calendar.data';
import { isWorkingDay, nthWorkingDayAfter, validateHolidayCalendarYearOrThrow } from '../calendar.rules';

const CAL = NATIONAL_HOLIDAY_CALENDAR;

describe('holiday calendar: working days (R-CARD-1)', () => {
  it.each([
    ['2025-09-26', true, 'Friday before 国庆'],
    ['2025-09-27', false, 'Saturday'],
    ['2025-09-28', true, 'Sunday, 调休上班'],
    ['2025-10-01', false, '国庆'],
    ['2025-10-06', false, '中秋 inside 国庆'],
    ['2025-10-08', false, 'last day of 国庆·中秋'],
    ['2025-10-09', true, 'Thursday after the holiday'],
    ['2025-10-11', true, 'Saturday, 调休上班'],
    ['2024-09-29', true, 'Sunday, 调休上班 (2024)'],
    ['2024-10-07', false, 'last day of 国庆 2024'],
    ['2024-10-12', true, 'Saturday, 调休上班 (2024)'],
    ['2026-02-16', false, '除夕 2026'],
    ['2026-02-14', true, 'Saturday, 调休上班 (2026)'],
    ['2027-10-01', true, 'a Friday of a year with no calendar: Monday–Friday only'],
    ['2027-10-02', false, 'a Saturday of a year with no calendar'],
  ])('R-CARD-1: %s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date, CAL)).toBe(working);
  });

  it.each([
    ['2025-09-26', 4, '2025-10-09'],
    ['2024-09-27', 4, '2024-10-09'],
    ['2025-01-24', 4, '2025-02-06'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-03-03', 4, '2025-03-07'],
  ])('R-CARD-1: %s + %i working days = %s', (from, n, expected) => {
    expect(nthWorkingDayAfter(from, n, CAL)).toBe(expected);
  });

  it('R-CARD-1: an empty calendar counts Monday–Friday', () => {
    const none: HolidayCalendar = {};
    expect(nthWorkingDayAfter('2025-09-26', 4, none)).toBe('2025-10-02');
  });
});

describe('holiday calendar: the national data 2024–2026', () => {
  it.each(Object.entries(CAL))(
    '%s: dates valid and in the year, make-up days on weekends, no overlap',
    (year, entry) => {
      expect(validateHolidayCalendarYearOrThrow(year, entry)).toEqual({
        holidays: [...entry.holidays].sort(),
        makeUpWorkdays: [...entry.makeUpWorkdays].sort(),
      });
    },
  );

  it.each([
    ['2024', 8],
    ['2025', 5],
    ['2026', 6],
  ])('%s has %i make-up working days (调休上班)', (year, n) => {
    expect(CAL[year].makeUpWorkdays).toHaveLength(n);
    expect(CAL[year].makeUpWorkdays.every((d) => isoWeekday(d) >= 6)).toBe(true);
  });

  it('2025: 国庆·中秋 10-01…10-08 with make-up days 09-28 (Sunday) and 10-11 (Saturday); 2024: 10-01…10-07, 09-29 and 10-12', () => {
    expect(CAL['2025'].holidays.filter((d) => d.startsWith('2025-10'))).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(CAL['2025'].makeUpWorkdays).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
    expect(CAL['2024'].holidays.filter((d) => d.startsWith('2024-10'))).toHaveLength(7);
    expect(CAL['2024'].makeUpWorkdays).toEqual(expect.arrayContaining(['2024-09-29', '2024-10-12']));
  });

  it('a year takes effect on 1 January of the year before (the notice comes in the autumn)', () => {
    expect(holidayCalendarEffectiveFrom('2025')).toBe('2024-01-01');
  });
});

describe('holiday calendar: validation of a year set by staff (R-CARD-1)', () => {
  it.each([
    ['not a date', '2025', { holidays: ['2025-02-30'], makeUpWorkdays: [] }, ['holidays', '0']],
    [
      'outside the year',
      '2025',
      { holidays: ['2025-10-01', '2026-01-01'], makeUpWorkdays: [] },
      ['holidays', '1'],
    ],
    [
      'a weekday as make-up day',
      '2025',
      { holidays: [], makeUpWorkdays: ['2025-09-29'] },
      ['makeUpWorkdays', '0'],
    ],
    [
      'both holiday and make-up day',
      '2025',
      { holidays: ['2025-09-28'], makeUpWorkdays: ['2025-09-28'] },
      ['makeUpWorkdays'],
    ],
    ['a bad year', '25', { holidays: [], makeUpWorkdays: [] }, ['year']],
    ['a year out of range', '2200', { holidays: [], makeUpWorkdays: [] }, ['year']],
  ])('R-CARD-1: %s is refused (INVALID_SETTING)', (_name, year, entry, field) => {
    expect(() => validateHolidayCalendarYearOrThrow(year, entry)).toThrow(
      expect.objectContaining({ code: PolicyErrorCode.INVALID_SETTING, rule: 'R-CARD-1', field }),
    );
  });

  it('R-CARD-1: duplicates are dropped and dates sorted', () => {
    expect(
      validateHolidayCalendarYearOrThrow('2027', {
        holidays: ['2027-10-02', '2027-10-01', '2027-10-01'],
        makeUpWorkdays: ['2027-09-26'],
      }),
    ).toEqual({ holidays: ['2027-10-01', '2027-10-02'], makeUpWorkdays: ['2027-09-26'] });
  });
});
