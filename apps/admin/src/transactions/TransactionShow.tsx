// One transaction: headline, postings, explanation; cancel or refund a settlement (R-USE-5) for ADMIN and COUNTER
// (the dialogs and their idempotency keys: SettlementActions.tsx).
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  Labeled,
  Link,
  ListButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ChinaTimeField, LabelField, MoneyField } from '../shared/fields';
import { formatChinaTime, formatYuan } from '../shared/format';
import { ShowLoadError, useShowQueryOptions } from '../shared/LoadError';
import { reversalsFilter, reversalsOf } from './transactionKinds';
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

/** 原交易编号 of a refund or cancellation, linked to the settlement it reverses. */
function OriginalLink(_props: { label?: string }) {
  const record = useRecordContext<TransactionRecord>();
  if (!record?.originalTransactionId) return <span>—</span>;
  return (
    <Link
      to={`/transactions/${record.originalTransactionId}/show`}
      data-testid="original-transaction-link"
      sx={{ overflowWrap: 'anywhere' }}
    >
      {record.originalTransactionId}
    </Link>
  );
}

/** A settlement's refunds and cancellation (R-USE-5), each linked: the ledger filtered by their original. */
function Reversals(_props: { label?: false }) {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  const filter = record && record.kind === 'SETTLEMENT' ? reversalsFilter(record) : null;
  // A settlement has one cancellation and refunds up to its amount: far fewer than a page of 100.
  const { data, isPending, error } = useGetList<TransactionRecord>(
    'transactions',
    {
      filter: filter ?? {},
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'createdAt', order: 'ASC' },
    },
    { enabled: filter !== null },
  );
  if (!filter || !record) return null;
  if (isPending) return null;
  const rows = error ? [] : reversalsOf(record.id, data ?? []);
  return (
    <Labeled label="gongji.transactions.reversals" fullWidth>
      {rows.length === 0 ? (
        <span data-testid="reversals-none">
          {translate(error ? 'gongji.errors.network' : 'gongji.transactions.reversals_none')}
        </span>
      ) : (
        <Table size="small" data-testid="reversals" sx={{ maxWidth: 720 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.transactions.fields.createdAt')}</TableCell>
              <TableCell>{translate('resources.transactions.fields.kind')}</TableCell>
              <TableCell align="right">{translate('resources.transactions.fields.amount')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((t) => (
              <TableRow key={t.id} data-testid="reversal-row">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatChinaTime(t.createdAt)}</TableCell>
                <TableCell>{translate(`gongji.transaction_kinds.${t.kind}`, { _: t.kind })}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatYuan(t.amount, translate)}
                </TableCell>
                <TableCell>
                  <Link to={`/transactions/${t.id}/show`}>{translate('gongji.settle.open_transaction')}</Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Labeled>
  );
}

export function TransactionShow() {
  const queryOptions = useShowQueryOptions();
  return (
    <Show
      title={<TransactionTitle />}
      queryOptions={queryOptions}
      error={<ShowLoadError />}
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
        <Labeled label="resources.transactions.fields.originalTransactionId">
          <OriginalLink />
        </Labeled>
        <Reversals label={false} />
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
  const translate = useTranslate();
  if (!record || record['refunded'] == null) return null;
  // A cancelled settlement was reversed as a whole (R-USE-5): "已退金额 0.00 元" would say nothing was returned.
  if (record['status'] === 'CANCELLED')
    return (
      <Box data-testid="refund-state">
        <Labeled label="resources.transactions.fields.refunded">
          <span data-testid="refund-state-cancelled">
            {translate('gongji.transactions.cancelled_whole', {
              amount: formatYuan(record['amount'], translate),
            })}
          </span>
        </Labeled>
      </Box>
    );
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
