/** Today's date in China Standard Time (UTC+8, no DST): policy dates are Beijing calendar dates. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
