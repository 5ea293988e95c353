// Counter search: one box for an ID number or a name (analysts: ID number only, their names are masked).
import {
  CreateButton,
  Datagrid,
  ExportButton,
  List,
  SearchInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { canDoCounterWork } from '../access/roles';
import { LabelField } from '../shared/fields';
import { personExporter } from './personExport';

function personFilters(placeholder: string) {
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={placeholder} sx={{ minWidth: 320 }} />,
    <TextInput key="regionCode" source="regionCode" alwaysOn resettable />,
  ];
}

export function PersonList() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const analyst = permissions === 'ANALYST';
  const placeholder = translate(analyst ? 'gongji.persons.search_id_only' : 'gongji.persons.search_hint');
  return (
    <List
      filters={personFilters(placeholder)}
      // Analysts may not search by name (their names are masked): whatever they type is looked up as an ID number.
      filter={analyst ? { idNumberOnly: true } : undefined}
      perPage={25}
      exporter={personExporter}
      actions={
        <TopToolbar>
          {canDoCounterWork(permissions) ? <CreateButton data-testid="person-create-button" /> : null}
          <ExportButton />
        </TopToolbar>
      }
      sort={{ field: 'name', order: 'ASC' }}
    >
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        sx={{ '& .RaDatagrid-rowCell, & .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } }}
      >
        <TextField source="name" sortable={false} />
        <TextField source="idNumber" sortable={false} />
        <TextField source="region.name" label="resources.persons.fields.region" sortable={false} />
        <LabelField
          source="insuranceType"
          prefix="gongji.insurance_types"
          sortable={false}
          label="resources.persons.fields.insuranceType"
        />
        <LabelField
          source="employmentStatus"
          prefix="gongji.employment"
          sortable={false}
          label="resources.persons.fields.employmentStatus"
        />
        <LabelField
          source="card.state"
          prefix="gongji.card_states"
          sortable={false}
          label="resources.persons.fields.cardState"
        />
      </Datagrid>
    </List>
  );
}
