// API clients of the portals (hospitals, pharmacies, the insurer portal, the national app): ADMIN only.
import {
  ChipField,
  CreateButton,
  Datagrid,
  List,
  SearchInput,
  SelectInput,
  SingleFieldList,
  TextField,
  TopToolbar,
  ArrayField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ChinaTimeField } from '../shared/fields';
import { InstitutionField } from '../transactions/transactionFields';
import { apiClientExporter } from './apiClientExport';
import { responsiveListSx } from '../shared/listLayout';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    choices={[
      { id: 'ACTIVE', name: 'gongji.api_clients.active' },
      { id: 'REVOKED', name: 'gongji.api_clients.revoked' },
    ]}
  />,
];

export function ScopeChips() {
  const record = useRecordContext<{ scopes: string[] }>();
  const translate = useTranslate();
  if (!record) return null;
  const scoped = {
    ...record,
    scopes: record.scopes.map((s) => ({ id: s, name: translate(`gongji.scopes.${s}`, { _: s }) })),
  };
  return (
    <ArrayField source="scopes" record={scoped}>
      <SingleFieldList linkType={false}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ArrayField>
  );
}

function StatusField(_props: { readonly label?: string }) {
  const record = useRecordContext<{ revokedAt: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>{translate(record.revokedAt ? 'gongji.api_clients.revoked' : 'gongji.api_clients.active')}</span>
  );
}

export function ApiClientList() {
  return (
    <List
      // Phones: the table scrolls in its box, the toolbar wraps (shared/listLayout.ts).
      sx={responsiveListSx}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={apiClientExporter}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="keyPrefix" sortable={false} />
        <ScopeChips />
        <InstitutionField label="resources.api-clients.fields.institutionId" />
        <TextField source="product" emptyText="—" sortable={false} />
        <StatusField label="gongji.api_clients.status" />
        <ChinaTimeField source="createdAt" label="resources.api-clients.fields.createdAt" sortable={false} />
        <ChinaTimeField
          source="lastUsedAt"
          label="resources.api-clients.fields.lastUsedAt"
          sortable={false}
        />
      </Datagrid>
    </List>
  );
}
