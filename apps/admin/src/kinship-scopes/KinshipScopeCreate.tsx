// Sets the kinship scope of a purpose from a date (R-KIN-1). Create is pessimistic, so the server's userErrors
// (e.g. REASON_REQUIRED for a past date) come back onto the fields through `HttpError.body.errors`.
import {
  CheckboxGroupInput,
  Create,
  DateInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { DEFAULT_REGION_CODE } from './KinshipScopeList';
import { purposeChoices, relationChoices } from './kinshipScopeFields';

export function KinshipScopeCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ regionCode: DEFAULT_REGION_CODE, relations: [] }} sx={{ maxWidth: 900 }}>
        <TextInput
          source="regionCode"
          helperText="gongji.kinship_scopes.region_hint"
          fullWidth={false}
          sx={{ width: 260 }}
        />
        <SelectInput source="purpose" choices={purposeChoices} validate={required()} />
        <CheckboxGroupInput source="relations" choices={relationChoices} />
        <DateInput source="effectiveFrom" validate={required()} fullWidth={false} sx={{ width: 260 }} />
        <TextInput source="reason" multiline fullWidth helperText="gongji.kinship_scopes.reason_hint" />
      </SimpleForm>
    </Create>
  );
}
