// Display fields shared by the counter pages: codes shown as labels, money in yuan, instants in China time.
import { useRecordContext, useTranslate } from 'react-admin';

interface FieldProps {
  readonly source: string;
  readonly label?: string;
  readonly sortable?: boolean;
  readonly sortBy?: string;
}

function valueAt(record: Record<string, unknown> | undefined, source: string): unknown {
  return source
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], record);
}

/** A code (enum value) as its label: `${prefix}.${code}`. */
export function LabelField({ source, prefix }: FieldProps & { readonly prefix: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = valueAt(record, source);
  if (value === null || value === undefined || value === '') return <span>—</span>;
  return <span>{translate(`${prefix}.${String(value)}`, { _: String(value) })}</span>;
}

/** A `Money` string ("1800.00") as "1,800.00 元". */
export function formatYuan(value: unknown, translate: (key: string, o?: Record<string, unknown>) => string) {
  if (typeof value !== 'string' || value === '') return '—';
  const [whole, cents = '00'] = value.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return translate('gongji.money.yuan', { amount: `${value.startsWith('-') ? '-' : ''}${grouped}.${cents}` });
}

export function MoneyField({ source }: FieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(valueAt(record, source), translate)}</span>;
}

/** An ISO instant as a China-time date and time (2026-12-01 22:05), whatever the browser's time zone. */
export function formatChinaTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const china = new Date(date.getTime() + 8 * 3600 * 1000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

export function ChinaTimeField({ source }: FieldProps) {
  const record = useRecordContext();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatChinaTime(valueAt(record, source))}</span>;
}

/** A plain value or a dash. */
export function PlainField({ source }: FieldProps) {
  const record = useRecordContext();
  const value = valueAt(record, source);
  return <span>{value === null || value === undefined || value === '' ? '—' : String(value)}</span>;
}
