// Changing a person at the counter (personUpdate): a misspelt name (with the reason: the document checked), phone,
// real-name flag, out-of-region permission, passbook linked to a bank card, the scheme (参保身份变更, with a reason),
// employment status (employee participants) and insured region; never the ID number. Only what changed is sent, with
// the reason; refusals land on their inputs.
import { Typography } from '@mui/material';
import {
  BooleanInput,
  Edit,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { editNameError, editPhoneError } from './personForm';
import type { PersonRecord } from './personTypes';
import {
  EmploymentStatusInput,
  InsuranceTypeInput,
  PhoneInput,
  PoolRegionInput,
  ReasonInput,
} from './personFormInputs';
// Signed out (Back after 退出) or unreachable is not 条目不存在: see useShowQueryOptions.
import { useShowQueryOptions } from '../shared/LoadError';

function EditTitle() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  return <span>{record ? translate('gongji.person_form.edit_title', { name: record.name }) : ''}</span>;
}

/** A phone that was set can only be replaced, not removed (editPhoneError): checked against the record read. */
function EditPhoneInput() {
  const record = useRecordContext<PersonRecord>();
  return <PhoneInput validate={(value: unknown) => editPhoneError(value, record?.phone)} />;
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
    <Edit
      mutationMode="pessimistic"
      title={<EditTitle />}
      redirect="show"
      queryOptions={useShowQueryOptions()}
    >
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
          // A cleared name would be sent as null, which personUpdate reads as "unchanged": required here.
          validate={editNameError}
          helperText="gongji.person_form.name_correction_help"
          slotProps={{ htmlInput: { 'data-testid': 'input-name', maxLength: 64 } }}
        />
        <EditPhoneInput />
        <PoolRegionInput />
        <InsuranceTypeInput helperText="gongji.person_form.scheme_change_help" />
        <EmploymentStatusInput />
        <BooleanInput source="realNameVerified" />
        <BooleanInput source="outOfRegionUsePermission" />
        <BooleanInput source="bankCardLinked" helperText="gongji.person_form.bank_card_help" />
        <ReasonInput />
      </SimpleForm>
    </Edit>
  );
}
