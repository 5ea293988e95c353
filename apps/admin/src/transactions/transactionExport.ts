// CSV of the ledger list: Chinese headers, kinds and statuses as labels, explanation lines joined.
import { formatChinaTime } from '../shared/format';
import { csvExporter, labelColumn, textColumn, type CsvColumn } from '../export/csvExport';
import type { TransactionRecord } from './transactionFields';

export const TRANSACTION_COLUMNS: readonly CsvColumn<TransactionRecord>[] = [
  textColumn('resources.transactions.fields.id', 'id'),
  { header: 'resources.transactions.fields.createdAt', value: (r) => formatChinaTime(r.createdAt) },
  labelColumn('resources.transactions.fields.kind', 'kind', 'gongji.transaction_kinds'),
  labelColumn('resources.transactions.fields.status', 'status', 'gongji.transaction_statuses'),
  textColumn('resources.transactions.fields.amount', 'amount'),
  textColumn('resources.transactions.fields.serviceDate', 'serviceDate'),
  // Who and where by name (masked for analysts, as the API returns them), then the ids for joining with other data.
  { header: 'gongji.export.person_name', value: (r) => r.person?.name ?? '' },
  { header: 'gongji.export.person_id_number', value: (r) => r.person?.idNumber ?? '' },
  { header: 'resources.transactions.fields.institution', value: (r) => r.institution?.name ?? '' },
  { header: 'gongji.export.institution_code', value: (r) => r.institution?.code ?? '' },
  textColumn('resources.transactions.fields.personId', 'personId'),
  textColumn('resources.transactions.fields.institutionId', 'institutionId'),
  {
    header: 'resources.transactions.fields.explanation',
    value: (r) => (r.explanation ?? []).map((l) => `${l.rule} ${l.message}`).join('；'),
  },
];

export const transactionExporter = csvExporter(TRANSACTION_COLUMNS, 'gongji.export.transactions_file');
