// 办理结算 at the counter (R-SET-4/5, ADMIN and COUNTER): the clerk enters the bill (institution, visit type, service
// date, amounts, how the patient pays), asks for the split (试算: settlementQuote, no money moves), reads it with
// the patient — fund, own account, wallet, each relative by name, cash, relatives skipped and why — and confirms
// (确认结算: settlementConfirm). Confirming needs a quote of exactly what is typed. Every attempt sends an
// idempotency key: the same one only to retry the identical request whose outcome is unknown, a new one otherwise
// (requestKeys.ts). A refusal (wrong password R-ACC-7, PASSWORD_LOCKED …) is shown in Chinese on its input or above
// the buttons; the dialog stays open with what was typed.
import PointOfSale from '@mui/icons-material/PointOfSale';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useGetOne, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apolloClient } from '../../data/apolloClient';
import { PERSON_STAFF } from '../../data/counter/buildPersonQuery';
import { isNetworkFailure, isSessionLost, normalizeDataProviderError } from '../../data/graphqlErrors';
import { SessionExpiredAlert } from '../../shared/SessionExpired';
import { newIdempotencyKey, type Payload, runMutation } from '../../data/counter/runMutation';
import {
  SETTLE_CHOICES_QUERY,
  SETTLEMENT_CONFIRM_MUTATION,
  SETTLEMENT_QUOTE_QUERY,
} from '../../data/counter/settlementDocuments';
import { todayInChina } from '../../data/today';
import { formatYuan } from '../../shared/format';
import { saveErrorsOf } from '../../shared/moneyInput';
import { ExplanationLines } from '../../transactions/transactionFields';
import { isKeyReused, requestKeys, userErrorsOf } from '../../transactions/requestKeys';
import type { PersonRecord, PersonStaffRecord } from '../personTypes';
import {
  defaultInstitutionId,
  initialSettleValues,
  placeUserErrors,
  quoteKey,
  SETTLE_FIELDS,
  type SettleValues,
  SETTLEMENT_CHANNELS,
  type SettlementQuoteView,
  settleValuesErrors,
  splitLines,
  toSettlementInput,
  VISIT_TYPES,
  visitTypeFor,
} from '../settlementForm';

interface InstitutionOption {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly designated: boolean;
  /** One of the person's chosen hospitals (R-USE-1). */
  readonly chosen: boolean;
}

interface ChoicesData {
  readonly person: { readonly hospitals: ReadonlyArray<Omit<InstitutionOption, 'chosen'>> } | null;
  readonly institutions: {
    readonly edges: ReadonlyArray<{ readonly node: Omit<InstitutionOption, 'chosen'> }>;
  };
}

interface ConfirmPayload extends Payload {
  readonly transaction: { readonly id: string; readonly amount: string } | null;
}

type FieldErrors = Partial<Record<keyof SettleValues, string>>;

/** The chosen hospitals first (in the person's order), then every other designated institution. */
function institutionOptions(data: ChoicesData | undefined): InstitutionOption[] {
  if (!data) return [];
  const chosen = (data.person?.hospitals ?? []).map((h) => ({ ...h, chosen: true }));
  const rest = data.institutions.edges
    .map((e) => ({ ...e.node, chosen: false }))
    .filter((i) => i.designated && !chosen.some((c) => c.id === i.id));
  return [...chosen.filter((c) => c.designated), ...rest];
}

/** The success notice: the amount settled and a link to the new transaction. */
function SettledNotice(props: { readonly id: string; readonly amount: string }) {
  const translate = useTranslate();
  return (
    <Alert severity="success" variant="filled" data-testid="settle-done">
      {translate('gongji.settle.done', { amount: formatYuan(props.amount, translate) })}{' '}
      <Link to={`/transactions/${props.id}/show`} sx={{ color: 'inherit', textDecoration: 'underline' }}>
        {translate('gongji.settle.open_transaction')}
      </Link>
    </Alert>
  );
}

/** The quote: the split in payment order, relatives skipped and why, and the explanation lines. */
function QuoteView(props: { readonly quote: SettlementQuoteView; readonly record: PersonRecord }) {
  const translate = useTranslate();
  const { quote, record } = props;
  const names = new Map(record.fundingSources.map((r) => [r.providerId, r.provider.name]));
  const nameOf = (id: string) => names.get(id);
  const lines = splitLines(quote, nameOf);
  return (
    <Box
      data-testid="settle-quote-result"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, mt: 1 }}
    >
      <Table size="small" sx={{ '& td': { py: 0.5, px: 1 } }}>
        <TableBody>
          {lines.map((line) => (
            <TableRow key={line.testId} data-testid={line.testId}>
              <TableCell>
                {translate(line.label, { name: line.name ?? translate('gongji.settle.relative') })}
                {line.relation
                  ? `（${translate('gongji.settle.patient_is_their', {
                      relation: translate(line.relation, { _: '' }),
                    })}）`
                  : ''}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatYuan(line.amount, translate)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ fontSize: '0.875rem' }}>
        {quote.passwordRequired ? (
          <Alert severity="info" sx={{ mb: 1, py: 0 }} data-testid="settle-password-needed">
            {translate('gongji.settle.password_needed')}
          </Alert>
        ) : null}
        {quote.skippedProviders.length > 0 ? (
          <Box data-testid="settle-skipped" sx={{ mb: 1 }}>
            <Typography variant="subtitle2">{translate('gongji.settle.skipped')}</Typography>
            {quote.skippedProviders.map((s, i) => (
              <Box key={`${s.providerId}-${i}`} sx={{ mb: 0.5 }}>
                <Chip size="small" label={s.rule} sx={{ mr: 1 }} />
                {nameOf(s.providerId) ?? translate('gongji.settle.relative')}
                {s.relation
                  ? `（${translate('gongji.settle.patient_is_their', {
                      relation: translate(`gongji.relation_one.${s.relation}`, { _: '' }),
                    })}）`
                  : ''}
                ：{s.reason}
              </Box>
            ))}
          </Box>
        ) : null}
        <Typography variant="subtitle2">{translate('gongji.settle.explanation')}</Typography>
        <ExplanationLines lines={quote.explanation} testId="settle-explanation" />
      </Box>
    </Box>
  );
}

/** The fields and the rest of a failed quote or confirmation, never a raw code. */
function errorsOf(
  error: unknown,
  translate: (key: string) => string,
  passwordInput = false,
): { fields: FieldErrors; root: string | null; expired?: boolean } {
  // The session ended: 登录已过期 with 重新登录 (SessionExpiredAlert), never the server's text about API keys.
  if (isSessionLost(error)) return { fields: {}, root: null, expired: true };
  if (isNetworkFailure(error)) return { fields: {}, root: translate('gongji.errors.network') };
  if (isKeyReused(error)) return { fields: {}, root: translate('gongji.settle.key_reused') };
  const userErrors = userErrorsOf(error);
  if (userErrors.length > 0) return placeUserErrors(userErrors, { passwordInput });
  const { fields, root } = saveErrorsOf(error);
  const placed: FieldErrors = {};
  const rest: string[] = root ? [translate(root)] : [];
  for (const [path, text] of Object.entries(fields)) {
    const field = SETTLE_FIELDS.find((f) => f === path);
    if (field) placed[field] = text;
    else rest.push(text);
  }
  return { fields: placed, root: rest.length > 0 ? rest.join('；') : null };
}

export function SettleButton(props: { readonly record: PersonRecord }) {
  const { record } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const keys = useMemo(() => requestKeys(() => newIdempotencyKey('settle')), [record.id]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<InstitutionOption[]>([]);
  const [values, setValues] = useState<SettleValues>(() => initialSettleValues(todayInChina()));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [rootError, setRootError] = useState<string | null>(null);
  const [quote, setQuote] = useState<{ key: string; view: SettlementQuoteView } | null>(null);
  const [expired, setExpired] = useState(false);
  // The payment-password state (R-ACC-7): a locked account is said before the clerk confirms; the same query as
  // the page's 支付密码 section, so a refresh after a refusal updates both.
  const { data: staff } = useGetOne<PersonStaffRecord>(PERSON_STAFF, { id: record.id }, { enabled: open });
  const locked = Boolean(staff?.paymentPassword?.lockedAt);

  useEffect(() => {
    if (!open) return;
    let live = true;
    apolloClient
      .query<ChoicesData>({ query: SETTLE_CHOICES_QUERY, variables: { personId: record.id } })
      .then(({ data }) => {
        if (!live) return;
        const list = institutionOptions(data);
        setOptions(list);
        setValues((v) => {
          if (v.institutionId) return v;
          const id = defaultInstitutionId(list.filter((i) => i.chosen));
          return {
            ...v,
            institutionId: id,
            visitType: visitTypeFor(list.find((i) => i.id === id)?.kind, v.visitType),
          };
        });
      })
      .catch((error: unknown) => {
        if (!live) return;
        const placed = errorsOf(normalizeDataProviderError(error), translate);
        setExpired(Boolean(placed.expired));
        setRootError(placed.root);
      });
    return () => {
      live = false;
    };
  }, [open, record.id, translate]);

  const today = todayInChina();
  const currentKey = quoteKey(record.id, values);
  const shownQuote = quote?.key === currentKey ? quote.view : null;
  const canConfirm = Boolean(shownQuote && shownQuote.userErrors.length === 0 && shownQuote.total !== null);

  const close = () => {
    setOpen(false);
    setFieldErrors({});
    setRootError(null);
    setExpired(false);
    setQuote(null);
    setValues(initialSettleValues(todayInChina()));
  };

  const set = (patch: Partial<SettleValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    // A changed input takes its refusal away; the quote of other inputs is no longer shown (see shownQuote).
    setFieldErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as keyof SettleValues];
      return next;
    });
  };

  const checked = (forConfirm: boolean): boolean => {
    const errors = settleValuesErrors(values, today, {
      forConfirm,
      passwordRequired: shownQuote?.passwordRequired ?? false,
    });
    const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translate(v)]));
    setFieldErrors(translated);
    setRootError(null);
    return Object.keys(errors).length === 0;
  };

  const runQuote = async () => {
    if (!checked(false)) return;
    setBusy(true);
    const key = currentKey;
    try {
      const { data } = await apolloClient.query<{ settlementQuote: SettlementQuoteView }>({
        query: SETTLEMENT_QUOTE_QUERY,
        variables: { input: toSettlementInput(record.id, values) },
        fetchPolicy: 'no-cache',
      });
      const view = data.settlementQuote;
      setQuote({ key, view });
      setExpired(false);
      if (view.userErrors.length > 0) {
        const placed = placeUserErrors(view.userErrors, { passwordInput: values.channel === 'CARD' });
        setFieldErrors(placed.fields);
        setRootError(placed.root ?? translate('gongji.settle.refused'));
      }
    } catch (error) {
      const placed = errorsOf(normalizeDataProviderError(error), translate, values.channel === 'CARD');
      setExpired(Boolean(placed.expired));
      setFieldErrors(placed.fields);
      setRootError(placed.root);
    } finally {
      setBusy(false);
    }
  };

  const runConfirm = async () => {
    if (!checked(true)) return;
    setBusy(true);
    const input = toSettlementInput(record.id, values, { withPassword: true });
    try {
      let payload: ConfirmPayload;
      try {
        payload = await runMutation<ConfirmPayload>(SETTLEMENT_CONFIRM_MUTATION, 'settlementConfirm', {
          ...input,
          idempotencyKey: keys.keyFor(input),
        });
        keys.settle();
      } catch (error) {
        keys.settle(error);
        throw error;
      }
      const transaction = payload.transaction;
      notify(
        transaction ? (
          <SettledNotice id={transaction.id} amount={transaction.amount} />
        ) : (
          'gongji.settle.done_plain'
        ),
        {
          type: 'success',
          autoHideDuration: 15000,
        },
      );
      close();
      refresh();
    } catch (error) {
      const placed = errorsOf(error, translate, values.channel === 'CARD');
      setExpired(Boolean(placed.expired));
      setFieldErrors(placed.fields);
      setRootError(
        placed.expired
          ? null
          : (placed.root ??
              (Object.keys(placed.fields).length === 0 ? translate('gongji.settle.refused') : null)),
      );
      // A refusal may have changed the person (a wrong password counted, the account locked after 5, R-ACC-7):
      // the page's 支付密码 section (failures, 已锁定, 解锁) and this dialog's lock warning are read again.
      if (!placed.expired) refresh();
    } finally {
      setBusy(false);
    }
  };

  const selected = options.find((o) => o.id === values.institutionId) ?? null;
  const input = (
    name: keyof SettleValues,
    label: string,
    extra: { helper?: string; children?: ReactNode } = {},
  ) => ({
    name,
    label: translate(label),
    value: values[name],
    error: Boolean(fieldErrors[name]),
    helperText: fieldErrors[name] ?? (extra.helper ? translate(extra.helper) : undefined),
    size: 'small' as const,
    fullWidth: true,
    margin: 'dense' as const,
  });

  return (
    <>
      <Button
        size="small"
        variant="contained"
        startIcon={<PointOfSale />}
        onClick={() => setOpen(true)}
        data-testid="settle-button"
      >
        {translate('gongji.settle.button')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} fullWidth maxWidth="md" data-testid="settle">
        <DialogTitle sx={{ pb: 1 }}>{translate('gongji.settle.title', { name: record.name })}</DialogTitle>
        <DialogContent sx={{ pb: 1 }}>
          {/* One column on a phone (390 px: no "目录…" labels cut off), three from 600 px. */}
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(3, minmax(0, 1fr))' },
              columnGap: 2,
            }}
          >
            <Box sx={{ gridColumn: { xs: 'auto', sm: 'span 2' } }}>
              <Autocomplete
                options={options}
                value={selected}
                onChange={(_event, option) =>
                  set({
                    institutionId: option?.id ?? '',
                    visitType: visitTypeFor(option?.kind, values.visitType),
                  })
                }
                getOptionLabel={(o) => o.name}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                noOptionsText={translate('gongji.settle.no_institution')}
                renderOption={({ key, ...optionProps }, o) => (
                  <Box component="li" key={key} {...optionProps}>
                    <Box sx={{ flex: 1 }}>{o.name}</Box>
                    <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                      {translate(
                        o.chosen ? 'gongji.settle.chosen_hospital' : `gongji.settle.kind_${o.kind}`,
                        {
                          _: '',
                        },
                      )}
                    </Typography>
                  </Box>
                )}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    {...input('institutionId', 'gongji.settle.institution', {
                      helper: 'gongji.settle.institution_hint',
                    })}
                    value={undefined}
                    slotProps={{
                      ...params.slotProps,
                      htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'input-institutionId' },
                    }}
                  />
                )}
              />
            </Box>
            <TextField
              {...input('visitType', 'gongji.settle.visit_type')}
              select
              onChange={(e) => set({ visitType: e.target.value as SettleValues['visitType'] })}
              slotProps={{ htmlInput: { 'data-testid': 'input-visitType' } }}
            >
              {VISIT_TYPES.map((v) => (
                <MenuItem key={v} value={v}>
                  {translate(`gongji.settle.visit_${v}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              {...input('serviceDate', 'gongji.settle.service_date')}
              type="date"
              onChange={(e) => set({ serviceDate: e.target.value })}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { max: today, 'data-testid': 'input-serviceDate' },
              }}
            />
            <TextField
              {...input('channel', 'gongji.settle.channel')}
              select
              onChange={(e) => set({ channel: e.target.value as SettleValues['channel'], password: '' })}
              slotProps={{ htmlInput: { 'data-testid': 'input-channel' } }}
            >
              {SETTLEMENT_CHANNELS.map((c) => (
                <MenuItem key={c} value={c}>
                  {translate(`gongji.settle.channel_${c}`)}
                </MenuItem>
              ))}
            </TextField>
            {values.channel === 'CARD' ? (
              <TextField
                {...input('password', 'gongji.settle.password', { helper: 'gongji.settle.password_hint' })}
                type="password"
                autoComplete="new-password"
                onChange={(e) => set({ password: e.target.value.replace(/\D/g, '').slice(0, 6) })}
                slotProps={{
                  htmlInput: { inputMode: 'numeric', maxLength: 6, 'data-testid': 'input-password' },
                }}
              />
            ) : (
              <Box sx={{ display: { xs: 'none', sm: 'block' } }} />
            )}
            <TextField
              {...input('covered', 'gongji.settle.covered', { helper: 'gongji.settle.covered_hint' })}
              onChange={(e) => set({ covered: e.target.value })}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'input-covered' } }}
            />
            <TextField
              {...input('outOfCatalogue', 'gongji.settle.out_of_catalogue', {
                helper: 'gongji.settle.out_of_catalogue_hint',
              })}
              onChange={(e) => set({ outOfCatalogue: e.target.value })}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'input-outOfCatalogue' } }}
            />
            <TextField
              {...input('excluded', 'gongji.settle.excluded', { helper: 'gongji.settle.excluded_hint' })}
              onChange={(e) => set({ excluded: e.target.value })}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'input-excluded' } }}
            />
          </Box>
          {shownQuote && shownQuote.userErrors.length === 0 ? (
            <QuoteView quote={shownQuote} record={record} />
          ) : quote && !shownQuote ? (
            <Typography
              variant="body2"
              color="text.secondary"
              sx={{ mt: 1 }}
              data-testid="settle-quote-stale"
            >
              {translate('gongji.settle.quote_stale')}
            </Typography>
          ) : !quote ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('gongji.settle.quote_first')}
            </Typography>
          ) : null}
          {locked ? (
            <Alert severity="warning" sx={{ mt: 1 }} data-testid="settle-locked">
              {translate('gongji.settle.account_locked')}
            </Alert>
          ) : null}
          {expired ? <SessionExpiredAlert testId="settle-session-expired" /> : null}
          {rootError ? (
            <Alert severity="error" sx={{ mt: 1 }} data-testid="settle-error">
              {rootError}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            onClick={() => void runQuote()}
            disabled={busy}
            variant="outlined"
            data-testid="settle-quote"
          >
            {translate('gongji.settle.quote')}
          </Button>
          <Button
            onClick={() => void runConfirm()}
            disabled={busy || !canConfirm}
            variant="contained"
            data-testid="settle-confirm"
          >
            {translate('gongji.settle.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
