// The person's transactions, newest first, with their explanation lines (rule id + what it decided), and for roles
// that do counter work the 办理结算 button (quote, then confirm a bill: SettleDialog).
import {
  Datagrid,
  Pagination,
  ReferenceManyField,
  TextField,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { canDoCounterWork } from '../../access/roles';
import { ExplanationField } from '../../transactions/transactionFields';
import { ChinaTimeField, LabelField, MoneyField } from '../../shared/fields';
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
      <ReferenceManyField reference="transactions" target="personId" perPage={10} pagination={<Pagination />}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
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
          <MoneyField source="amount" label="resources.transactions.fields.amount" sortable={false} />
          <TextField
            source="serviceDate"
            label="resources.transactions.fields.serviceDate"
            sortable={false}
            emptyText="—"
          />
          <ExplanationField label="resources.transactions.fields.explanation" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
