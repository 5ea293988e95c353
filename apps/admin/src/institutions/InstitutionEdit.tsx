// Changes an institution (ADMIN; audited with before and after). Its id is what an API client is bound to.
import { Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';
import { InstitutionInputs, validateInstitution } from './institutionFields';
// Signed out (Back after 退出) or unreachable is not 条目不存在: see useShowQueryOptions.
import { useShowQueryOptions } from '../shared/LoadError';

export function InstitutionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" queryOptions={useShowQueryOptions()}>
      <SimpleForm validate={validateInstitution} toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="id" />
        </Labeled>
        <InstitutionInputs />
      </SimpleForm>
    </Edit>
  );
}
