import { formatChinaTime, isIsoInstant } from '../format';

describe('formatChinaTime (the console’s one date-time formatter: Beijing time, UTC+8)', () => {
  it('shows an instant in Beijing time as YYYY-MM-DD HH:mm, whatever the browser’s zone', () => {
    expect(formatChinaTime('2026-12-02T05:03:02.123Z')).toBe('2026-12-02 13:03');
  });

  it('adds the seconds where asked (the audit log)', () => {
    expect(formatChinaTime('2026-12-02T05:03:02.123Z', { seconds: true })).toBe('2026-12-02 13:03:02');
  });

  it('rolls over to the next day in Beijing', () => {
    expect(formatChinaTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });

  it('reads offsets other than Z', () => {
    expect(formatChinaTime('2026-12-02T13:03:00+08:00')).toBe('2026-12-02 13:03');
  });

  it('shows a dash for nothing and leaves unreadable text as it is', () => {
    expect(formatChinaTime(null)).toBe('—');
    expect(formatChinaTime('')).toBe('—');
    expect(formatChinaTime('not a date')).toBe('not a date');
  });

  it('tells instants from plain dates and other text', () => {
    expect(isIsoInstant('2026-12-02T04:51:20.081Z')).toBe(true);
    expect(isIsoInstant('2026-12-02')).toBe(false);
    expect(isIsoInstant('ACTIVE')).toBe(false);
  });
});
