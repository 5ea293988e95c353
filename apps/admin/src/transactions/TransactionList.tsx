// The ledger: newest first, filtered by kind, person (ID number or person id) and booking dates (China time), with
// the person each transaction is about by name and ID number (masked for analysts), read with the page.
import { Alert } from '@mui/material';
import {
  Datagrid,
  DateInput,
  List,
  ListNoResults,
  SelectInput,
  TextField,
  TextInput,
  useListContext,
  useTranslate,
} from 'react-admin';
import { currentPersonFilterOutcome } from '../data/counter/transactionPersonFilter';
import { ChinaTimeField, LabelField, MoneyField } from '../shared/fields';
import { ListLoadError, PaginationUnlessError, useListQueryOptions } from '../shared/LoadError';
import { dateRangeProblem } from './dateRange';
import { TRANSACTION_KINDS } from './transactionKinds';
import { transactionExporter } from './transactionExport';
import { ExplanationField, InstitutionField, PersonField } from './transactionFields';
import { responsiveListSx } from '../shared/listLayout';

const transactionFilters = [
  <SelectInput
    key="kind"
    source="kind"
    alwaysOn
    choices={TRANSACTION_KINDS.map((kind) => ({ id: kind, name: `gongji.transaction_kinds.${kind}` }))}
  />,
  // An ID number is looked up once by the data provider (transactionPersonFilter.ts); a person id is used as is.
  <TextInput
    key="personId"
    source="personId"
    label="gongji.transactions.person_filter"
    alwaysOn
    resettable
    sx={{ minWidth: 240 }}
  />,
  <DateInput key="fromDate" source="fromDate" alwaysOn />,
  <DateInput key="toDate" source="toDate" alwaysOn />,
];

/** Who the person filter found, or why it found nobody (no person with that ID number, not an ID number). */
export function PersonFilterNotice() {
  const { meta, filterValues } = useListContext();
  const translate = useTranslate();
  const outcome = currentPersonFilterOutcome(meta, filterValues?.personId);
  if (!outcome) return null;
  const message =
    outcome.status === 'found'
      ? translate('gongji.transactions.person_filter_found', {
          name: outcome.person.name,
          idNumber: outcome.person.idNumber,
        })
      : outcome.status === 'not_found'
        ? translate('gongji.transactions.person_not_found', { idNumber: outcome.input })
        : translate(outcome.problem);
  return (
    <Alert
      severity={outcome.status === 'found' ? 'info' : 'warning'}
      data-testid="person-filter-notice"
      sx={{ m: 1 }}
    >
      {message}
    </Alert>
  );
}

/** 起始日期 after 截止日期: said, instead of an empty list with no reason. */
export function DateRangeNotice() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const problem = dateRangeProblem(filterValues?.fromDate, filterValues?.toDate);
  if (!problem) return null;
  return (
    <Alert severity="warning" data-testid="date-range-notice" sx={{ m: 1 }}>
      {translate(problem)}
    </Alert>
  );
}

/** No rows: the notice above already says why when the person filter found nobody. */
function TransactionsEmpty() {
  const { meta, filterValues } = useListContext();
  const outcome = currentPersonFilterOutcome(meta, filterValues?.personId);
  if (outcome && outcome.status !== 'found') return null;
  if (dateRangeProblem(filterValues?.fromDate, filterValues?.toDate)) return null;
  return <ListNoResults />;
}

export function TransactionList() {
  const queryOptions = useListQueryOptions();
  return (
    <List
      // Phones: the table scrolls in its box, the toolbar wraps (shared/listLayout.ts).
      sx={responsiveListSx}
      filters={transactionFilters}
      perPage={25}
      exporter={transactionExporter}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={queryOptions}
      error={<ListLoadError />}
      pagination={<PaginationUnlessError />}
    >
      <PersonFilterNotice />
      <DateRangeNotice />
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<TransactionsEmpty />}
        // Short columns stay on one line at 1366 px ("医疗费用结算", dates); the explanation wraps instead.
        sx={{
          '& .column-kind, & .column-status, & .column-serviceDate, & .column-createdAt, & .column-amount': {
            whiteSpace: 'nowrap',
          },
        }}
      >
        <ChinaTimeField source="createdAt" label="resources.transactions.fields.createdAt" sortable={false} />
        <PersonField label="resources.transactions.fields.person" />
        <InstitutionField label="resources.transactions.fields.institution" />
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
        {/* Two lines at most in the list (one row per screen otherwise); the full text on the transaction page. */}
        <ExplanationField label="resources.transactions.fields.explanation" clamp />
      </Datagrid>
    </List>
  );
}
