// Explanation lines (R-… rule id and what it decided) and double-entry postings (R-SET-6) of a transaction, and the
// person and institution it is about, by name rather than by internal id.
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { PersonRef } from '../data/counter/transactionPersonFilter';
import type { InstitutionRecord } from '../data/institutions/buildInstitutionQuery';
import { explanationDisplay } from './explanationLine';
import { ownAmount } from './ownAmount';
import { formatYuan } from '../shared/fields';

export interface TransactionRecord {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly amount: string;
  readonly personId: string | null;
  readonly counterpartyPersonId: string | null;
  readonly institutionId: string | null;
  readonly serviceDate: string | null;
  readonly originalTransactionId: string | null;
  readonly createdAt: string;
  /** The `Transaction.person` edge, read with the page (masked name and ID number for analysts). */
  readonly person?: PersonRef | null;
  /** The `Transaction.institution` edge, read with the page (null for kinds without one). */
  readonly institution?: { readonly id: string; readonly code: string; readonly name: string } | null;
  readonly explanation?: ReadonlyArray<{ readonly rule: string; readonly message: string }>;
  /** All fields on the transaction page; the lists read `personId pocket amount` only (the person's own share). */
  readonly postings?: ReadonlyArray<{
    readonly account?: string;
    readonly personId: string | null;
    readonly pocket: string | null;
    readonly systemAccount?: string | null;
    readonly amount: string;
    readonly balanceAfter?: string | null;
  }>;
}

/** Ledger column 参保人: the person's name over their ID number, as the API returns them. */
export function PersonField(_props: { readonly label?: string }) {
  const record = useRecordContext<TransactionRecord>();
  if (!record?.person) return <span>—</span>;
  return (
    <Box data-testid="transaction-person">
      <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
        {record.person.name}
      </Box>
      <Typography component="span" variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {record.person.idNumber}
      </Typography>
    </Box>
  );
}

/**
 * The institution of a settlement by name and code: from the `institution` edge read with the page, else (a record
 * read without it) one `institution(id)` read; its id only if that fails.
 */
export function InstitutionField(_props: { readonly label?: string }) {
  const record = useRecordContext<TransactionRecord>();
  const id = record?.institutionId ?? '';
  const known = record?.institution;
  const { data, error } = useGetOne<InstitutionRecord>(
    'institutions',
    { id },
    { enabled: id !== '' && !known },
  );
  if (!id) return <span>—</span>;
  const institution = known ?? data;
  if (institution)
    return (
      <Box component="span" data-testid="transaction-institution" sx={{ display: 'block', minWidth: 96 }}>
        <Box component="span" sx={{ display: 'block' }}>
          {institution.name}
        </Box>
        <Typography component="span" variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {institution.code}
        </Typography>
      </Box>
    );
  return <span data-testid="transaction-institution">{error ? id : '…'}</span>;
}

/**
 * Explanation lines: the rule id and what it decided, in the console's language ({@link explanationDisplay}). A long
 * unbroken run (a transaction number) wraps inside its cell instead of widening the page past the window.
 */
export function ExplanationLines(props: {
  readonly lines: ReadonlyArray<{ readonly rule: string; readonly message: string }>;
  readonly testId: string;
  /** Lists: at most two lines, the whole text as the tooltip (the transaction page shows it in full). */
  readonly clamp?: boolean;
}) {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const fallback = translate('gongji.transactions.rule_applied');
  const shown = props.lines.map((line) => ({ line, ...explanationDisplay(line, locale, fallback) }));
  if (props.clamp) {
    return (
      <Box
        data-testid={props.testId}
        title={shown.map((s) => `${s.line.rule} ${s.text}`).join('\n')}
        sx={{
          // Wraps even inside a table whose cells are nowrap; never wider than its column.
          whiteSpace: 'normal',
          overflowWrap: 'anywhere',
          wordBreak: 'break-word',
          minWidth: 160,
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
        }}
      >
        {shown.map(({ line, text }, i) => (
          <span key={`${line.rule}-${i}`}>
            <Box
              component="span"
              sx={{ fontSize: '0.75rem', px: 0.5, mr: 0.5, borderRadius: 1, bgcolor: 'action.selected' }}
            >
              {line.rule}
            </Box>
            {text}
            {i < shown.length - 1 ? '；' : ''}
          </span>
        ))}
      </Box>
    );
  }
  return (
    <Box
      component="ul"
      sx={{
        m: 0,
        pl: 0,
        listStyle: 'none',
        whiteSpace: 'normal',
        overflowWrap: 'anywhere',
        wordBreak: 'break-word',
      }}
      data-testid={props.testId}
    >
      {shown.map(({ line, text, title }, i) => {
        return (
          <Box component="li" key={`${line.rule}-${i}`} sx={{ mb: 0.5 }} title={title}>
            <Chip size="small" label={line.rule} sx={{ mr: 1 }} />
            {text}
          </Box>
        );
      })}
    </Box>
  );
}

/** A transaction's explanation lines (—, when it has none); `clamp` in lists (two lines, full text on hover). */
export function ExplanationField(props: { readonly label?: string; readonly clamp?: boolean }) {
  const record = useRecordContext<TransactionRecord>();
  if (!record?.explanation?.length) return <span>—</span>;
  return <ExplanationLines lines={record.explanation} testId="explanation" clamp={props.clamp} />;
}

/**
 * A person's statement: what this transaction did to THIS person's pockets (R-KIN-4: a relative's account may pay a
 * patient's bill), signed — "-1,605.50 元" for a provider who paid part of a relative's bill — or — when it moved
 * none of them.
 */
export function OwnAmountField(props: { readonly label?: string; readonly personId: string }) {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  const own = record ? ownAmount(record.postings, props.personId) : null;
  return (
    <Box component="span" data-testid="own-amount" sx={{ whiteSpace: 'nowrap' }}>
      {own === null ? '—' : formatYuan(own, translate)}
    </Box>
  );
}

/**
 * A person's statement: whom the transaction is about when it is someone else (the patient whose bill a relative's
 * account paid, the sender of a transfer received), by name and ID number; 本人 otherwise.
 */
export function CounterpartField(props: { readonly label?: string; readonly personId: string }) {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.personId || record.personId === props.personId)
    return <span data-testid="transaction-counterpart">{translate('gongji.transactions.self')}</span>;
  return (
    <Box data-testid="transaction-counterpart" sx={{ whiteSpace: 'nowrap' }}>
      <Link
        to={`/persons/${record.personId}/show`}
        onClick={(e: { stopPropagation(): void }) => e.stopPropagation()}
      >
        {record.person?.name ?? translate('gongji.transactions.open_person')}
      </Link>
      {record.person?.idNumber ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {record.person.idNumber}
        </Typography>
      ) : null}
    </Box>
  );
}

/**
 * Whose pocket a posting moved, by name: the transaction's person is read with it, a relative who paid (R-KIN-4) is
 * looked up once; "个人" only while the name is loading or not readable.
 */
function PostingOwner(props: {
  readonly personId: string | null;
  readonly known: PersonRef | null;
  readonly pocket: string;
}) {
  const translate = useTranslate();
  const { personId, known, pocket } = props;
  const other = !!personId && personId !== known?.id;
  const { data } = useGetOne<PersonRef>('persons', { id: personId ?? '' }, { enabled: other });
  const name = personId && personId === known?.id ? known.name : other ? data?.name : undefined;
  const pocketLabel = translate(`gongji.pockets.${pocket}`, { _: pocket });
  return (
    <span data-testid="posting-owner">
      {name
        ? translate('gongji.transactions.named_pocket', { name, pocket: pocketLabel })
        : translate('gongji.transactions.person_pocket', { pocket: pocketLabel })}
    </span>
  );
}

export function PostingsTable() {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  if (!record?.postings) return null;
  return (
    <Table size="small" data-testid="postings">
      <TableHead>
        <TableRow>
          <TableCell>{translate('gongji.transactions.account')}</TableCell>
          <TableCell align="right">{translate('gongji.transactions.posting_amount')}</TableCell>
          <TableCell align="right">{translate('gongji.transactions.balance_after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.postings.map((p, i) => (
          <TableRow key={i}>
            <TableCell>
              {p.pocket ? (
                <PostingOwner personId={p.personId} known={record.person ?? null} pocket={p.pocket} />
              ) : (
                translate(`gongji.system_accounts.${p.systemAccount ?? ''}`, { _: p.account })
              )}
            </TableCell>
            <TableCell align="right">{formatYuan(p.amount, translate)}</TableCell>
            <TableCell align="right">
              {p.balanceAfter ? formatYuan(p.balanceAfter, translate) : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
