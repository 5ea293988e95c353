// Pure formatting of the counter pages (no React): money in yuan, instants in China time.

/** A `Money` string ("1800.00") as "1,800.00 元". */
export function formatYuan(value: unknown, translate: (key: string, o?: Record<string, unknown>) => string) {
  if (typeof value !== 'string' || value === '') return '—';
  const [whole, cents = '00'] = value.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return translate('gongji.money.yuan', { amount: `${value.startsWith('-') ? '-' : ''}${grouped}.${cents}` });
}

/**
 * An ISO instant as a Beijing-time (UTC+8) date and time — `2026-12-01 22:05`, or `2026-12-01 22:05:09` with
 * `seconds` — whatever the browser's time zone. The console's one date-time formatter.
 */
export function formatChinaTime(value: unknown, options: { seconds?: boolean } = {}): string {
  if (typeof value !== 'string' || !value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const china = new Date(date.getTime() + 8 * 3600 * 1000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, options.seconds ? 19 : 16)}`;
}

/** An ISO instant with a time of day (`2026-12-02T04:51:20.081Z`), as the API writes DateTime values. */
export function isIsoInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
  );
}
