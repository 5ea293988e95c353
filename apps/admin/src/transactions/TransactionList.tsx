// The ledger: newest first, filtered by kind, person and booking dates (China time).
import { Datagrid, DateInput, List, SelectInput, TextField, TextInput } from 'react-admin';
import { ChinaTimeField, LabelField, MoneyField } from '../shared/fields';
import { TRANSACTION_KINDS } from './transactionKinds';
import { transactionExporter } from './transactionExport';
import { ExplanationField } from './transactionFields';

const transactionFilters = [
  <SelectInput
    key="kind"
    source="kind"
    alwaysOn
    choices={TRANSACTION_KINDS.map((kind) => ({ id: kind, name: `gongji.transaction_kinds.${kind}` }))}
  />,
  <TextInput key="personId" source="personId" alwaysOn resettable />,
  <DateInput key="fromDate" source="fromDate" alwaysOn />,
  <DateInput key="toDate" source="toDate" alwaysOn />,
];

export function TransactionList() {
  return (
    <List
      filters={transactionFilters}
      perPage={25}
      exporter={transactionExporter}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ChinaTimeField source="createdAt" label="resources.transactions.fields.createdAt" sortable={false} />
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
        <TextField source="serviceDate" sortable={false} emptyText="—" />
        <ExplanationField label="resources.transactions.fields.explanation" />
      </Datagrid>
    </List>
  );
}
