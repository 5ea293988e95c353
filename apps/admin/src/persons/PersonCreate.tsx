// Registering a person at the counter (personRegister, R-ACC-1/2/7): the ID number is checked while typed, the
// server's refusals land on their inputs (pessimistic save), then the new person's page opens and the clerk is told
// whether the initial payment password went out by SMS. Outside production the API also returns that password
// (`initialPaymentPassword`): it is shown once, in a dialog, before the person's page opens. A save refused because
// the session expired keeps what was typed (personDraft.ts): after signing in again the form is filled in again.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
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
import { readSession } from '../auth/sessionStore';
import { RevealedValue } from '../shared/RevealedValue';
import { clearDraft, isSessionLost, readDraft, saveDraft } from './personDraft';
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
  readonly name?: string;
  readonly phone?: string | null;
  readonly initialPasswordSms?: boolean;
  readonly initialPaymentPassword?: string | null;
}

const DEFAULTS = { realNameVerified: false, outOfRegionUsePermission: false, bankCardLinked: false };

/** The initial payment password, shown once (R-ACC-7, outside production only); closing opens the person's page. */
function InitialPasswordDialog(props: { readonly person: Registered; readonly onClose: () => void }) {
  const translate = useTranslate();
  return (
    <Dialog open fullWidth maxWidth="xs" data-testid="initial-password">
      <DialogTitle>{translate('gongji.person_form.initial_password_title')}</DialogTitle>
      <DialogContent>
        <RevealedValue
          value={props.person.initialPaymentPassword ?? ''}
          testId="initial-password-value"
          fontSize={22}
          label={
            <Typography variant="body2" color="text.secondary">
              {translate('gongji.person_form.initial_password_label', { name: props.person.name ?? '' })}
            </Typography>
          }
        />
        {props.person.initialPasswordSms ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('gongji.person_form.initial_password_sms', { phone: props.person.phone ?? '' })}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={props.onClose} data-testid="initial-password-close">
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function PersonCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  // Who types: a draft kept when the session expired is given back to the same user only.
  const [owner] = useState(() => readSession()?.user.id);
  const [draft, setDraft] = useState(() => readDraft(owner));
  const [formKey, setFormKey] = useState(0);
  const [shown, setShown] = useState<Registered | null>(null);
  return (
    <Create
      title={translate('gongji.person_form.create_title')}
      mutationOptions={{
        onSuccess: (data: Registered) => {
          clearDraft();
          notify(
            data.initialPasswordSms
              ? translate('gongji.person_form.registered_sms', { phone: data.phone ?? '' })
              : 'gongji.person_form.registered_no_sms',
            { type: 'success', autoHideDuration: 10_000 },
          );
          if (data.initialPaymentPassword) setShown(data);
          else redirect('show', 'persons', data.id);
        },
        onError: (error: unknown, variables: unknown) => {
          if (isSessionLost(error)) {
            // Signed out with 登录已过期，请重新登录 already: keep what was typed for after signing in again.
            const values = (variables as { data?: Record<string, unknown> } | undefined)?.data;
            if (values) saveDraft(owner, values);
            return;
          }
          // As react-admin does: refusals on fields are shown on the form, anything else is notified.
          const fieldErrors = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
          if (fieldErrors && Object.keys(fieldErrors).length > 0) return;
          const message = (error as Error | null)?.message || 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message } });
        },
      }}
    >
      <SimpleForm
        key={formKey}
        defaultValues={{ ...DEFAULTS, ...(draft ?? {}) }}
        data-testid="person-create-form"
      >
        {draft ? (
          <Alert
            severity="info"
            data-testid="person-draft-restored"
            sx={{ mb: 2 }}
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  clearDraft();
                  setDraft(null);
                  setFormKey((k) => k + 1);
                }}
              >
                {translate('gongji.person_form.draft_discard')}
              </Button>
            }
          >
            {translate('gongji.person_form.draft_restored')}
          </Alert>
        ) : null}
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
      {shown ? (
        <InitialPasswordDialog
          person={shown}
          onClose={() => {
            setShown(null);
            redirect('show', 'persons', shown.id);
          }}
        />
      ) : null}
    </Create>
  );
}
