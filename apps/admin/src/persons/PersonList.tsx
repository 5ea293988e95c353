// Counter search: one box for an ID number or a name (analysts: ID number only, their names are masked).
import { Alert } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  ExportButton,
  List,
  SearchInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { canDoCounterWork } from '../access/roles';
import { todayInChina } from '../data/today';
import { LabelField } from '../shared/fields';
import { ListLoadError, PaginationUnlessError, useListQueryOptions } from '../shared/LoadError';
import { personExporter } from './personExport';
import { idNumberSearchProblem } from './personForm';
import { responsiveListSx } from '../shared/listLayout';

/** A searched ID number that is incomplete or cannot exist (check digit, birth date): said, not only 没有参保人员. */
function IdNumberSearchNotice({ idNumberOnly }: { readonly idNumberOnly: boolean }) {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  // Also while the number is incomplete: nothing is looked up until it is whole and valid (dataProvider.ts).
  const problem = idNumberSearchProblem(filterValues?.q, todayInChina(), idNumberOnly);
  if (!problem) return null;
  return (
    <Alert severity="warning" data-testid="person-search-notice" sx={{ m: 1 }}>
      {translate(problem)}
    </Alert>
  );
}

function personFilters(placeholder: string) {
  return [
    <SearchInput
      key="q"
      source="q"
      alwaysOn
      placeholder={placeholder}
      sx={{ minWidth: { xs: 0, sm: 320 } }}
    />,
    <TextInput key="regionCode" source="regionCode" alwaysOn resettable />,
  ];
}

export function PersonList() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const analyst = permissions === 'ANALYST';
  const queryOptions = useListQueryOptions();
  const placeholder = translate(analyst ? 'gongji.persons.search_id_only' : 'gongji.persons.search_hint');
  return (
    <List
      // Phones: the table scrolls in its box, the toolbar wraps (shared/listLayout.ts).
      sx={responsiveListSx}
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
      queryOptions={queryOptions}
      error={<ListLoadError />}
      pagination={<PaginationUnlessError />}
    >
      <IdNumberSearchNotice idNumberOnly={analyst} />
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
