import { addDays, type IsoDate } from '../shared/dates';
import type { HolidayCalendar, HolidayCalendarYear } from './calendar';

/** Every day from `from` to `to`, both included (a holiday block as the notices write it: "1月28日至2月4日"). */
function days(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * 国务院办公厅关于2024年部分节假日安排的通知 (published 2023-10-25). 元旦 1月1日; 春节 2月10日–17日, 上班 2月4日(日)
 * and 2月18日(日); 清明 4月4日–6日, 上班 4月7日(日); 劳动节 5月1日–5日, 上班 4月28日(日) and 5月11日(六); 端午 6月10日;
 * 中秋 9月15日–17日, 上班 9月14日(六); 国庆 10月1日–7日, 上班 9月29日(日) and 10月12日(六).
 */
const Y2024: HolidayCalendarYear = Object.freeze({
  holidays: Object.freeze([
    '2024-01-01',
    ...days('2024-02-10', '2024-02-17'),
    ...days('2024-04-04', '2024-04-06'),
    ...days('2024-05-01', '2024-05-05'),
    '2024-06-10',
    ...days('2024-09-15', '2024-09-17'),
    ...days('2024-10-01', '2024-10-07'),
  ]),
  makeUpWorkdays: Object.freeze([
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
  ]),
});

/**
 * 国务院办公厅关于2025年部分节假日安排的通知 (published 2024-11-12, with the amended 全国年节及纪念日放假办法 that adds
 * 除夕 and a second 劳动节 day). 元旦 1月1日; 春节 1月28日–2月4日, 上班 1月26日(日) and 2月8日(六); 清明 4月4日–6日;
 * 劳动节 5月1日–5日, 上班 4月27日(日); 端午 5月31日–6月2日; 国庆·中秋 10月1日–8日, 上班 9月28日(日) and 10月11日(六).
 */
const Y2025: HolidayCalendarYear = Object.freeze({
  holidays: Object.freeze([
    '2025-01-01',
    ...days('2025-01-28', '2025-02-04'),
    ...days('2025-04-04', '2025-04-06'),
    ...days('2025-05-01', '2025-05-05'),
    ...days('2025-05-31', '2025-06-02'),
    ...days('2025-10-01', '2025-10-08'),
  ]),
  makeUpWorkdays: Object.freeze(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']),
});

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025). 元旦 1月1日–3日, 上班 1月4日(日); 春节 2月15日–23日,
 * 上班 2月14日(六) and 2月28日(六); 清明 4月4日–6日; 劳动节 5月1日–5日, 上班 5月9日(六); 端午 6月19日–21日;
 * 中秋 9月25日–27日; 国庆 10月1日–7日, 上班 9月20日(日) and 10月10日(六).
 */
const Y2026: HolidayCalendarYear = Object.freeze({
  holidays: Object.freeze([
    ...days('2026-01-01', '2026-01-03'),
    ...days('2026-02-15', '2026-02-23'),
    ...days('2026-04-04', '2026-04-06'),
    ...days('2026-05-01', '2026-05-05'),
    ...days('2026-06-19', '2026-06-21'),
    ...days('2026-09-25', '2026-09-27'),
    ...days('2026-10-01', '2026-10-07'),
  ]),
  makeUpWorkdays: Object.freeze([
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ]),
});

/**
 * The national holiday calendar seeded as default policy (kind `HOLIDAY_CALENDAR`, one row per year), transcribed
 * from the State Council notices named above; docs/decisions.md says they must be checked against the published
 * notices. Later years are added by staff (`holidayCalendarSet`) when the next notice is published.
 */
export const NATIONAL_HOLIDAY_CALENDAR: HolidayCalendar = Object.freeze({
  '2024': Y2024,
  '2025': Y2025,
  '2026': Y2026,
});

/**
 * Date a year's calendar row takes effect in the built-in defaults: the first day of the year before it (the notice
 * is published in the autumn before, so a reissue requested in December already sees January's holidays).
 */
export function holidayCalendarEffectiveFrom(year: string): IsoDate {
  return `${Number(year) - 1}-01-01`;
}
