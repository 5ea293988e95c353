// Display fields shared by the counter pages: codes shown as labels, money in yuan, instants in China time.
import { useRecordContext, useTranslate } from 'react-admin';
import { formatChinaTime, formatYuan } from './format';

export { formatChinaTime, formatYuan } from './format';

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

export function MoneyField({ source }: FieldProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatYuan(valueAt(record, source), translate)}</span>;
}

export function ChinaTimeField({ source, seconds }: FieldProps & { seconds?: boolean }) {
  const record = useRecordContext();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>{formatChinaTime(valueAt(record, source), { seconds })}</span>
  );
}

/** A plain value or a dash. */
export function PlainField({ source }: FieldProps) {
  const record = useRecordContext();
  const value = valueAt(record, source);
  return <span>{value === null || value === undefined || value === '' ? '—' : String(value)}</span>;
}
