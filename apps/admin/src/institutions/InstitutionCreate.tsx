// A new designated hospital or pharmacy (ADMIN; audited). Refusals (duplicate code, unknown region) show on the field.
import { Create, SimpleForm } from 'react-admin';
import { InstitutionInputs, validateInstitution } from './institutionFields';

export function InstitutionCreate() {
  return (
    <Create redirect="list">
      <SimpleForm
        validate={validateInstitution}
        defaultValues={{ designated: true, openToAll: false, acceptsWallet: false, level: 'TERTIARY' }}
      >
        <InstitutionInputs />
      </SimpleForm>
    </Create>
  );
}
