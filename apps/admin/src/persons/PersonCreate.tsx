// Registering a person at the counter (personRegister, R-ACC-1/2/7): the ID number is checked while typed, the
// server's refusals land on their inputs (pessimistic save), then the new person's page opens and the clerk is told
// whether the initial payment password went out by SMS.
import {
  BooleanInput,
  Create,
  SimpleForm,
  TextInput,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import {
  EmploymentStatusInput,
  IdNumberInput,
  InsuranceTypeInput,
  PhoneInput,
  PoolRegionInput,
  ReasonInput,
} from './personFormInputs';

interface Registered {
  readonly id: string;
  readonly phone?: string | null;
  readonly initialPasswordSms?: boolean;
}

export function PersonCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title={translate('gongji.person_form.create_title')}
      mutationOptions={{
        onSuccess: (data: Registered) => {
          notify(
            data.initialPasswordSms
              ? translate('gongji.person_form.registered_sms', { phone: data.phone ?? '' })
              : 'gongji.person_form.registered_no_sms',
            { type: 'success', autoHideDuration: 10_000 },
          );
          redirect('show', 'persons', data.id);
        },
      }}
    >
      <SimpleForm
        defaultValues={{ realNameVerified: false, outOfRegionUsePermission: false, bankCardLinked: false }}
        data-testid="person-create-form"
      >
        <TextInput
          source="name"
          validate={required()}
          sx={{ width: 320 }}
          slotProps={{ htmlInput: { 'data-testid': 'input-name' } }}
        />
        <IdNumberInput />
        <PhoneInput />
        <PoolRegionInput />
        <InsuranceTypeInput />
        <EmploymentStatusInput />
        <BooleanInput source="realNameVerified" />
        <BooleanInput source="outOfRegionUsePermission" />
        <BooleanInput source="bankCardLinked" />
        <ReasonInput />
      </SimpleForm>
    </Create>
  );
}
