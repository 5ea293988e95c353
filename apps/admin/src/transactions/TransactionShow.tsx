// One transaction: headline, postings, explanation; cancel or refund a settlement (R-USE-5) for ADMIN and COUNTER,
// after a confirmation, with an idempotency key generated once per dialog so a double click moves no money twice.
import Undo from '@mui/icons-material/Undo';
import { Box } from '@mui/material';
import { useMemo } from 'react';
import {
  Labeled,
  Link,
  ListButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canDoCounterWork } from '../access/roles';
import { newIdempotencyKey, runMutation } from '../data/counter/runMutation';
import { REFUND_ISSUE_MUTATION, SETTLEMENT_CANCEL_MUTATION } from '../data/counter/transactionDocuments';
import { ActionDialog } from '../shared/ActionDialog';
import { ChinaTimeField, LabelField, MoneyField } from '../shared/fields';
import { formatYuan } from '../shared/format';
import { asFieldsError, fieldsHttpError, moneyInputError } from '../shared/moneyInput';
import { ExplanationField, PostingsTable, type TransactionRecord } from './transactionFields';
import { isReversible } from './transactionKinds';

function ReverseActions() {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  // One key per opened page and action: a retried confirmation replays the first result (API.md).
  const keys = useMemo(
    () => ({ cancel: newIdempotencyKey('cancel'), refund: newIdempotencyKey('refund') }),
    [record?.id, record?.status],
  );
  if (!record || !canDoCounterWork(permissions) || !isReversible(record.kind, record.status)) return null;
  return (
    <>
      <ActionDialog
        label="gongji.transactions.cancel"
        title="gongji.transactions.cancel_title"
        description={translate('gongji.transactions.cancel_help', { amount: record.amount })}
        color="error"
        testId="settlement-cancel"
        icon={<Undo />}
        onConfirm={async () => {
          await runMutation(SETTLEMENT_CANCEL_MUTATION, 'settlementCancel', {
            transactionId: record.id,
            idempotencyKey: keys.cancel,
          });
          return { message: 'gongji.transactions.cancelled' };
        }}
      />
      <ActionDialog
        label="gongji.transactions.refund"
        title="gongji.transactions.refund_title"
        description={translate('gongji.transactions.refund_help')}
        color="warning"
        testId="refund-issue"
        fields={[{ name: 'amount', label: 'gongji.transactions.refund_amount', required: true }]}
        onConfirm={async (values) => {
          // The amount is checked on its field first: a wrong one is never sent.
          const invalid = moneyInputError(values.amount);
          if (invalid) throw fieldsHttpError({ amount: translate(invalid) });
          try {
            await runMutation(REFUND_ISSUE_MUTATION, 'refundIssue', {
              transactionId: record.id,
              amount: values.amount.trim(),
              idempotencyKey: keys.refund,
            });
          } catch (error) {
            throw asFieldsError(error);
          }
          return { message: 'gongji.transactions.refunded' };
        }}
      />
    </>
  );
}

function PersonLink() {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  if (!record?.personId) return <span>—</span>;
  return <Link to={`/persons/${record.personId}/show`}>{translate('gongji.transactions.open_person')}</Link>;
}

/** "医疗费用结算 · 300.00 元 · 已入账" instead of the id. */
function TransactionTitle() {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {[
        translate(`gongji.transaction_kinds.${record.kind}`, { _: record.kind }),
        formatYuan(record.amount, translate),
        translate(`gongji.transaction_statuses.${record.status}`, { _: record.status }),
      ].join(' · ')}
    </span>
  );
}

export function TransactionShow() {
  return (
    <Show
      title={<TransactionTitle />}
      actions={
        <TopToolbar>
          <ReverseActions />
          <ListButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="id" />
        <ChinaTimeField source="createdAt" label="resources.transactions.fields.createdAt" />
        <LabelField
          source="kind"
          prefix="gongji.transaction_kinds"
          label="resources.transactions.fields.kind"
        />
        <LabelField
          source="status"
          prefix="gongji.transaction_statuses"
          label="resources.transactions.fields.status"
        />
        <MoneyField source="amount" label="resources.transactions.fields.amount" />
        <TextField source="serviceDate" emptyText="—" />
        <Labeled label="resources.transactions.fields.personId">
          <PersonLink />
        </Labeled>
        <TextField source="institutionId" emptyText="—" />
        <TextField source="originalTransactionId" emptyText="—" />
        <Labeled label="resources.transactions.fields.postings" fullWidth>
          <Box sx={{ maxWidth: 720 }}>
            <PostingsTable />
          </Box>
        </Labeled>
        <Labeled label="resources.transactions.fields.explanation" fullWidth>
          <ExplanationField />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
