// Pure formatting of the counter pages (no React): money in yuan, instants in China time.

/** A `Money` string ("1800.00") as "1,800.00 元". */
export function formatYuan(value: unknown, translate: (key: string, o?: Record<string, unknown>) => string) {
  if (typeof value !== 'string' || value === '') return '—';
  const [whole, cents = '00'] = value.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return translate('gongji.money.yuan', { amount: `${value.startsWith('-') ? '-' : ''}${grouped}.${cents}` });
}

/** An ISO instant as a China-time date and time (2026-12-01 22:05), whatever the browser's time zone. */
export function formatChinaTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const china = new Date(date.getTime() + 8 * 3600 * 1000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}
