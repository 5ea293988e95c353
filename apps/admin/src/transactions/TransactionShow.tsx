// One transaction: headline, postings, explanation; cancel or refund a settlement (R-USE-5) for ADMIN and COUNTER
// (the dialogs and their idempotency keys: SettlementActions.tsx).
import { Box } from '@mui/material';
import {
  Labeled,
  Link,
  ListButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ChinaTimeField, LabelField, MoneyField } from '../shared/fields';
import { formatYuan } from '../shared/format';
import {
  ExplanationField,
  InstitutionField,
  PostingsTable,
  type TransactionRecord,
} from './transactionFields';
import { personLabel } from './transactionLabels';
import { SettlementActions } from './SettlementActions';

/** The person by name and ID number (masked for analysts), linked to their page. */
function PersonLink() {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  if (!record?.personId) return <span>—</span>;
  return (
    <Link to={`/persons/${record.personId}/show`} data-testid="transaction-person-link">
      {record.person ? personLabel(record.person) : translate('gongji.transactions.open_person')}
    </Link>
  );
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
          <SettlementActions />
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
        <RefundState label={false} />
        <TextField source="serviceDate" emptyText="—" />
        <Labeled label="resources.transactions.fields.person">
          <PersonLink />
        </Labeled>
        <Labeled label="resources.transactions.fields.institution">
          <InstitutionField />
        </Labeled>
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

/**
 * Settlements: what has been refunded and what is left to refund (R-USE-5, `Transaction.refunded`/`refundable`);
 * nothing for other kinds. `label={false}`: it brings its own labels.
 */
function RefundState(_props: { label?: false }) {
  const record = useRecordContext();
  if (!record || record['refunded'] == null) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4 }} data-testid="refund-state">
      <Labeled label="resources.transactions.fields.refunded">
        <MoneyField source="refunded" />
      </Labeled>
      <Labeled label="resources.transactions.fields.refundable">
        <MoneyField source="refundable" />
      </Labeled>
    </Box>
  );
}
