// History of the kinship scopes (R-KIN-1) of one region, oldest first; an empty region code lists the national rows.
import {
  CreateButton,
  Datagrid,
  DateField,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { PlainDateField, PurposeField, RelationsField, purposeChoices } from './kinshipScopeFields';

export const DEFAULT_REGION_CODE = '110000';

const kinshipScopeFilters = [
  <TextInput
    key="regionCode"
    source="regionCode"
    helperText="gongji.kinship_scopes.region_hint"
    alwaysOn
    resettable
  />,
  <SelectInput key="purpose" source="purpose" choices={purposeChoices} alwaysOn />,
];

function KinshipScopeListActions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

export function KinshipScopeList() {
  return (
    <List
      filters={kinshipScopeFilters}
      filterDefaultValues={{ regionCode: DEFAULT_REGION_CODE }}
      actions={<KinshipScopeListActions />}
      sort={{ field: 'effectiveFrom', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <PurposeField label="resources.kinship-scopes.fields.purpose" sortBy="purpose" />
        <RelationsField label="resources.kinship-scopes.fields.relations" sortable={false} />
        <PlainDateField
          source="effectiveFrom"
          label="resources.kinship-scopes.fields.effectiveFrom"
          sortBy="effectiveFrom"
        />
        <TextField source="createdBy" />
        <DateField source="createdAt" showTime />
      </Datagrid>
    </List>
  );
}
