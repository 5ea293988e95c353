// The person's transactions, newest first, with their explanation lines (rule id + what it decided), and for roles
// that do counter work the 办理结算 button (quote, then confirm a bill: SettleDialog). A statement shows, for each
// transaction, this person's own share (the postings to their pockets, signed, R-KIN-4) beside the transaction's
// amount, and the patient or payer when it is someone else (a relative whose account paid part of their bill).
import {
  Datagrid,
  ReferenceManyField,
  TextField,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canDoCounterWork } from '../../access/roles';
import { CounterpartField, ExplanationField, OwnAmountField } from '../../transactions/transactionFields';
import { ChinaTimeField, LabelField, MoneyField } from '../../shared/fields';
import { ListLoadError, PaginationUnlessError, refetchWhileUnreachable } from '../../shared/LoadError';
import type { PersonRecord } from '../personTypes';
import { Section } from './Section';
import { SettleButton } from './SettleDialog';

export function TransactionsSection() {
  const record = useRecordContext<PersonRecord>();
  const { permissions } = usePermissions();
  if (!record) return null;
  return (
    <Section
      title="gongji.persons.sections.transactions"
      testId="person-transactions"
      action={canDoCounterWork(permissions) ? <SettleButton record={record} /> : undefined}
    >
      <ReferenceManyField
        reference="transactions"
        target="personId"
        perPage={10}
        pagination={<PaginationUnlessError />}
        queryOptions={{ refetchInterval: refetchWhileUnreachable }}
      >
        <ListLoadError />
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyUnlessError />}>
          <ChinaTimeField
            source="createdAt"
            label="resources.transactions.fields.createdAt"
            sortable={false}
          />
          <LabelField
            source="kind"
            prefix="gongji.transaction_kinds"
            label="resources.transactions.fields.kind"
            sortable={false}
          />
          <LabelField
            source="status"
            prefix="gongji.transaction_statuses"
            label="resources.transactions.fields.status"
            sortable={false}
          />
          <CounterpartField label="gongji.transactions.counterpart" personId={record.id} />
          <MoneyField source="amount" label="gongji.transactions.whole_amount" sortable={false} />
          <OwnAmountField label="gongji.transactions.own_amount" personId={record.id} />
          <TextField
            source="serviceDate"
            label="resources.transactions.fields.serviceDate"
            sortable={false}
            emptyText="—"
          />
          <ExplanationField label="resources.transactions.fields.explanation" clamp />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}

/** No rows, unless the read failed (ListLoadError above says why). */
function EmptyUnlessError() {
  const { error } = useListContext();
  const translate = useTranslate();
  if (error) return null;
  return <span data-testid="person-transactions-empty">{translate('gongji.persons.no_transactions')}</span>;
}
