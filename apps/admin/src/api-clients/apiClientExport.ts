import { csvExporter, labelColumn, textColumn, booleanColumn, type CsvColumn } from '../export/csvExport';
import { formatChinaTime } from '../shared/format';
import type { ApiClientRecord } from '../data/counter/buildApiClientQuery';

export const API_CLIENT_COLUMNS: readonly CsvColumn<ApiClientRecord>[] = [
  textColumn('resources.api-clients.fields.name', 'name'),
  textColumn('resources.api-clients.fields.keyPrefix', 'keyPrefix'),
  labelColumn('resources.api-clients.fields.scopes', 'scopes', 'gongji.scopes'),
  textColumn('resources.api-clients.fields.institutionId', 'institutionId'),
  textColumn('resources.api-clients.fields.product', 'product'),
  textColumn('resources.api-clients.fields.rateLimitPerMinute', 'rateLimitPerMinute'),
  booleanColumn('resources.api-clients.fields.persistedOperationsOnly', 'persistedOperationsOnly'),
  {
    header: 'gongji.api_clients.status',
    value: (r, t) => t(r.revokedAt ? 'gongji.api_clients.revoked' : 'gongji.api_clients.active'),
  },
  { header: 'resources.api-clients.fields.createdAt', value: (r) => formatChinaTime(r.createdAt) },
];

export const apiClientExporter = csvExporter(API_CLIENT_COLUMNS, 'gongji.export.api_clients_file');
