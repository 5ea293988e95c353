// CSV exports a bureau can open in Excel: Chinese headers, labels instead of codes, UTF-8 with a BOM (without it
// Excel reads the file as GBK and garbles every Chinese character), CRLF lines, and only the columns listed — no
// `__typename`, `nodeId` or other internals.
import { downloadCSV, type Exporter } from 'ra-core';
import { i18nProvider } from '../i18n/i18nProvider';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface CsvColumn<R> {
  /** i18n key (or plain text) of the header. */
  readonly header: string;
  /** The cell: a label, never a raw code where a label exists. */
  readonly value: (record: R, translate: Translate) => unknown;
}

export const UTF8_BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('、') : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (BOM first) of `records` with `columns`. */
export function toCsv<R>(
  records: readonly R[],
  columns: readonly CsvColumn<R>[],
  translate: Translate,
): string {
  const header = columns.map((c) => cell(translate(c.header, { _: c.header })));
  const rows = records.map((r) => columns.map((c) => cell(c.value(r, translate))).join(','));
  return `${UTF8_BOM}${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A column of a plain field. */
export function textColumn<R>(header: string, source: keyof R & string): CsvColumn<R> {
  return { header, value: (r) => (r as Record<string, unknown>)[source] };
}

/** A column of a code shown as its label (`${prefix}.${code}`), the code itself if no label exists. */
export function labelColumn<R>(header: string, source: keyof R & string, prefix: string): CsvColumn<R> {
  return {
    header,
    value: (r, translate) => {
      const code = (r as Record<string, unknown>)[source];
      if (code === null || code === undefined || code === '') return '';
      const list = Array.isArray(code) ? code : [code];
      return list.map((c) => translate(`${prefix}.${String(c)}`, { _: String(c) }));
    },
  };
}

/** A yes/no column (是/否). */
export function booleanColumn<R>(header: string, source: keyof R & string): CsvColumn<R> {
  return {
    header,
    value: (r, translate) =>
      translate((r as Record<string, unknown>)[source] ? 'gongji.export.yes' : 'gongji.export.no'),
  };
}

/** react-admin exporter writing `filename.csv` in the current UI language. */
export function csvExporter<R>(columns: readonly CsvColumn<R>[], filename: string): Exporter {
  return (records) => {
    const translate: Translate = (key, options) => i18nProvider.translate(key, options);
    downloadCSV(toCsv(records as R[], columns, translate), translate(filename, { _: filename }));
  };
}
