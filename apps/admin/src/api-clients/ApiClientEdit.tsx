// Scopes, allow-list and rate limit of an API client (audited with a reason); rotate or revoke its key.
import { REASON_MAX_LENGTH } from '@gongji/domain';
import { useState } from 'react';
import {
  BooleanInput,
  CheckboxGroupInput,
  Edit,
  Labeled,
  ListButton,
  NumberInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { API_CLIENT_REVOKE_MUTATION, API_CLIENT_ROTATE_MUTATION } from '../data/counter/apiClientDocuments';
import { runMutation } from '../data/counter/runMutation';
import { ActionDialog } from '../shared/ActionDialog';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';
import { InstitutionField } from '../transactions/transactionFields';
import { scopeChoices } from './ApiClientCreate';
import { SecretDialog } from './SecretDialog';
// Signed out (Back after 退出) or unreachable is not 条目不存在: see useShowQueryOptions.
import { useShowQueryOptions } from '../shared/LoadError';

function KeyActions() {
  const record = useRecordContext<{ id: string; revokedAt: string | null }>();
  const translate = useTranslate();
  const [secret, setSecret] = useState<string | null>(null);
  if (!record || record.revokedAt) return <ListButton />;
  const reason = [{ name: 'reason', label: 'gongji.actions.reason', required: true, multiline: true }];
  return (
    <>
      <ActionDialog
        label="gongji.api_clients.rotate"
        title="gongji.api_clients.rotate_title"
        description={translate('gongji.api_clients.rotate_help')}
        color="warning"
        testId="api-client-rotate"
        fields={reason}
        onConfirm={async (values) => {
          const payload = await runMutation<{ apiKey: string | null; userErrors: [] }>(
            API_CLIENT_ROTATE_MUTATION,
            'apiClientRotate',
            { id: record.id, reason: values.reason.trim() },
          );
          setSecret(payload.apiKey);
          return { message: 'gongji.api_clients.rotated' };
        }}
      />
      <ActionDialog
        label="gongji.api_clients.revoke"
        title="gongji.api_clients.revoke_title"
        description={translate('gongji.api_clients.revoke_help')}
        color="error"
        testId="api-client-revoke"
        fields={reason}
        onConfirm={async (values) => {
          await runMutation(API_CLIENT_REVOKE_MUTATION, 'apiClientRevoke', {
            id: record.id,
            reason: values.reason.trim(),
          });
          return { message: 'gongji.api_clients.revoked_done' };
        }}
      />
      <ListButton />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

/** The page title names the client, not its id. */
function ApiClientTitle() {
  const record = useRecordContext<{ name?: string }>();
  const translate = useTranslate();
  return (
    <span>{`${translate('resources.api-clients.name', { smart_count: 1 })} · ${record?.name ?? ''}`}</span>
  );
}

export function ApiClientEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      queryOptions={useShowQueryOptions()}
      title={<ApiClientTitle />}
      actions={
        <TopToolbar>
          <KeyActions />
        </TopToolbar>
      }
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Labeled source="keyPrefix">
          <TextField source="keyPrefix" />
        </Labeled>
        <Labeled source="institutionId">
          <InstitutionField />
        </Labeled>
        <Labeled source="product">
          <TextField source="product" emptyText="—" />
        </Labeled>
        <CheckboxGroupInput source="scopes" choices={scopeChoices} />
        <BooleanInput source="persistedOperationsOnly" helperText="gongji.api_clients.allow_list_hint" />
        <NumberInput source="rateLimitPerMinute" min={1} helperText="gongji.api_clients.rate_limit_hint" />
        <TextInput
          source="reason"
          validate={required()}
          multiline
          fullWidth
          helperText="gongji.api_clients.reason_hint"
          slotProps={{ htmlInput: { maxLength: REASON_MAX_LENGTH } }}
        />
      </SimpleForm>
    </Edit>
  );
}
