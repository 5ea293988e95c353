// Designated hospitals and pharmacies (定点医药机构): every staff role reads them; only ADMIN creates and edits.
import {
  BooleanField,
  CreateButton,
  Datagrid,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { kindChoices, levelChoices, TermField } from './institutionFields';
import { responsiveListSx } from '../shared/listLayout';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="level" source="level" choices={levelChoices} />,
  <TextInput key="regionCode" source="regionCode" />,
  <SelectInput
    key="designated"
    source="designated"
    choices={[
      { id: 'true', name: 'gongji.institutions.designated_yes' },
      { id: 'false', name: 'gongji.institutions.designated_no' },
    ]}
  />,
];

export function InstitutionList() {
  const { permissions } = usePermissions<string>();
  const canEdit = permissions === 'ADMIN';
  return (
    <List
      // Phones: the table scrolls in its box, the toolbar wraps (shared/listLayout.ts).
      sx={responsiveListSx}
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      exporter={false}
      actions={<TopToolbar>{canEdit ? <CreateButton /> : null}</TopToolbar>}
    >
      <Datagrid rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="code" sortable={false} />
        <TextField source="name" sortable={false} />
        <TermField source="kind" label="resources.institutions.fields.kind" />
        <TermField source="level" label="resources.institutions.fields.level" />
        <TextField source="regionCode" sortable={false} />
        <BooleanField source="designated" sortable={false} />
        <BooleanField source="openToAll" sortable={false} />
        <BooleanField source="acceptsWallet" sortable={false} />
      </Datagrid>
    </List>
  );
}
