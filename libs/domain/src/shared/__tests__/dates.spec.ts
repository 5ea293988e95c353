import { addDays, addWorkingDays, daysInMonth, isIsoDate, isoWeekday, onOrAfter } from '../dates';

describe('ISO dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-04-31', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-1', false],
    ['2025-12-31', true],
  ])('R-WAL-2: %s is a calendar date: %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });

  it('R-CARD-1: days in month, weekday and date arithmetic', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(isoWeekday('2025-03-03')).toBe(1);
    expect(isoWeekday('2025-03-09')).toBe(7);
  });

  it.each([
    ['2025-03-07', 1, '2025-03-10'],
    ['2025-03-06', 4, '2025-03-12'],
    ['2025-03-09', 4, '2025-03-13'],
    ['2025-03-03', 0, '2025-03-03'],
  ])('R-CARD-1: %s + %d working days = %s (weekends skipped)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('R-KIN-3: onOrAfter treats a missing bound as never', () => {
    expect(onOrAfter('2025-01-01', null)).toBe(false);
    expect(onOrAfter('2025-01-01', undefined)).toBe(false);
    expect(onOrAfter('2025-01-01', '2025-01-01')).toBe(true);
    expect(onOrAfter('2024-12-31', '2025-01-01')).toBe(false);
  });
});
