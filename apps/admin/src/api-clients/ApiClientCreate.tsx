// Creates an API client; its key is shown once, then the officer returns to the list.
import { useState } from 'react';
import {
  CheckboxGroupInput,
  Create,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useNotify,
  useRedirect,
} from 'react-admin';
import { API_CLIENT_CREATE_MUTATION, SCOPES } from '../data/counter/apiClientDocuments';
import { runMutation } from '../data/counter/runMutation';
import { SecretDialog } from './SecretDialog';

export const scopeChoices = SCOPES.map((scope) => ({ id: scope, name: `gongji.scopes.${scope}` }));

export function ApiClientCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  const notify = useNotify();
  const redirect = useRedirect();
  const save = async (data: Record<string, unknown>) => {
    try {
      const payload = await runMutation<{ apiKey: string | null; userErrors: [] }>(
        API_CLIENT_CREATE_MUTATION,
        'apiClientCreate',
        {
          name: String(data.name ?? '').trim(),
          scopes: (data.scopes as string[] | undefined) ?? [],
          ...(data.institutionId ? { institutionId: String(data.institutionId).trim() } : {}),
          ...(data.product ? { product: String(data.product).trim() } : {}),
        },
      );
      notify('gongji.api_clients.created', { type: 'success' });
      setSecret(payload.apiKey);
      return undefined;
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      if (body?.errors) return body.errors;
      throw error;
    }
  };
  return (
    <Create>
      <SimpleForm
        onSubmit={save}
        defaultValues={{ scopes: [] }}
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="name" validate={required()} />
        <CheckboxGroupInput source="scopes" choices={scopeChoices} />
        <TextInput source="institutionId" helperText="gongji.api_clients.institution_hint" />
        <TextInput source="product" helperText="gongji.api_clients.product_hint" />
      </SimpleForm>
      <SecretDialog
        secret={secret}
        onClose={() => {
          setSecret(null);
          redirect('list', 'api-clients');
        }}
      />
    </Create>
  );
}
