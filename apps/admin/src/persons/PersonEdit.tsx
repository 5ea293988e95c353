// Changing a person at the counter (personUpdate): a misspelt name (with the reason: the document checked), phone,
// real-name flag, out-of-region permission, passbook linked to a bank card, the scheme (参保身份变更, with a reason),
// employment status (employee participants) and insured region; never the ID number. Only what changed is sent, with
// the reason; refusals land on their inputs.
import { Typography } from '@mui/material';
import {
  BooleanInput,
  Edit,
  NullableBooleanInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { PersonRecord } from './personTypes';
import {
  EmploymentStatusInput,
  InsuranceTypeInput,
  PhoneInput,
  PoolRegionInput,
  ReasonInput,
} from './personFormInputs';

function EditTitle() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  return <span>{record ? translate('gongji.person_form.edit_title', { name: record.name }) : ''}</span>;
}

function Identity() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body1" sx={{ mb: 2 }} data-testid="person-edit-identity">
      {record.name}（{record.idNumber}）·{' '}
      {translate(`gongji.insurance_types.${record.insuranceType}`, { _: record.insuranceType })}
    </Typography>
  );
}

export function PersonEdit() {
  return (
    <Edit mutationMode="pessimistic" title={<EditTitle />} redirect="show">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
        data-testid="person-edit-form"
      >
        <Identity />
        <TextInput
          source="name"
          helperText="gongji.person_form.name_correction_help"
          slotProps={{ htmlInput: { 'data-testid': 'input-name', maxLength: 64 } }}
        />
        <PhoneInput />
        <PoolRegionInput />
        <InsuranceTypeInput helperText="gongji.person_form.scheme_change_help" />
        <EmploymentStatusInput />
        <BooleanInput source="realNameVerified" />
        <BooleanInput source="outOfRegionUsePermission" />
        <NullableBooleanInput
          source="bankCardLinked"
          helperText="gongji.person_form.bank_card_unknown"
          sx={{ width: 320 }}
        />
        <ReasonInput />
      </SimpleForm>
    </Edit>
  );
}
