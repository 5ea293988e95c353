// One confirmed action: a button opens a dialog with the inputs the mutation needs (a reason for the audit log,
// an ID number …); the server's refusals are shown on the right input, the rest above the buttons with the rule id.
// A result to show once (a new payment password, an API key) stays on screen with a copy button until closed.
import { REASON_MAX_LENGTH } from '@gongji/domain';
import ContentCopy from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { isNetworkFailure, isSessionLost } from '../data/graphqlErrors';
import { type DialogErrorBody, placeDialogErrors } from './dialogErrors';
import { SessionExpiredAlert } from './SessionExpired';

/** A `reason` input (audited changes) stops at the API's limit (REASON_TOO_LONG). */
const isReason = (name: string): boolean => name === 'reason' || name.endsWith('.reason');

export interface ActionField {
  /** Input path, dotted (`identityCheck.idNumber`): the server's `userErrors.field` lands here. */
  readonly name: string;
  readonly label: string;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly helperText?: string;
  readonly defaultValue?: string;
  readonly choices?: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Other input paths whose refusals belong on this input (`beneficiaryId` for an ID-number input). */
  readonly alsoFor?: readonly string[];
}

export { flattenErrors, placeDialogErrors } from './dialogErrors';

export interface ActionResult {
  /** Notified after success (i18n key or text). */
  readonly message?: string;
  /** Shown once in the dialog (label, value) with a copy button. */
  readonly reveal?: { readonly label: string; readonly value: string };
}

export interface ActionDialogProps {
  readonly label: string;
  readonly title: string;
  readonly description?: ReactNode;
  readonly fields?: readonly ActionField[];
  readonly confirmLabel?: string;
  readonly color?: 'primary' | 'error' | 'warning';
  readonly icon?: ReactNode;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly variant?: 'text' | 'outlined' | 'contained';
  /** The button is `icon` alone (label as its title and accessible name), e.g. the order arrows of a table. */
  readonly iconOnly?: boolean;
  onConfirm(values: Record<string, string>): Promise<ActionResult | void>;
}

function initialValues(fields: readonly ActionField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? '']));
}

export function ActionDialog(props: ActionDialogProps) {
  const { fields = [], onConfirm } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(fields));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [rootError, setRootError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<ActionResult['reveal'] | null>(null);
  const [expired, setExpired] = useState(false);

  const close = () => {
    setOpen(false);
    setRevealed(null);
    setFieldErrors({});
    setRootError(null);
    setExpired(false);
    setValues(initialValues(fields));
  };

  const missing = fields.filter((f) => f.required && !values[f.name]?.trim());

  const confirm = async () => {
    setBusy(true);
    setFieldErrors({});
    setRootError(null);
    setExpired(false);
    try {
      const result = await onConfirm(values);
      if (result?.message) notify(result.message, { type: 'success' });
      refresh();
      if (result?.reveal) setRevealed(result.reveal);
      else close();
    } catch (error) {
      // The session ended: 登录已过期 with a way to sign in again, never the server's text about API keys.
      if (isSessionLost(error)) {
        setExpired(true);
        return;
      }
      if (isNetworkFailure(error)) {
        setRootError(translate('gongji.errors.network'));
        return;
      }
      const body = (error as { body?: DialogErrorBody }).body;
      const { byInput, unplaced } = placeDialogErrors(body, fields);
      setFieldErrors(byInput);
      const text =
        unplaced.length > 0
          ? unplaced.join('；')
          : Object.keys(byInput).length === 0
            ? translate((error as Error).message, { _: (error as Error).message })
            : null;
      setRootError(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {props.iconOnly ? (
        <IconButton
          size="small"
          color={props.color ?? 'primary'}
          disabled={props.disabled}
          aria-label={translate(props.label)}
          title={translate(props.label)}
          onClick={() => setOpen(true)}
          data-testid={`${props.testId}-button`}
        >
          {props.icon}
        </IconButton>
      ) : (
        <Button
          size="small"
          variant={props.variant ?? 'outlined'}
          color={props.color ?? 'primary'}
          startIcon={props.icon}
          disabled={props.disabled}
          onClick={() => setOpen(true)}
          data-testid={`${props.testId}-button`}
        >
          {translate(props.label)}
        </Button>
      )}
      <Dialog
        open={open}
        onClose={busy ? undefined : close}
        fullWidth
        maxWidth="sm"
        data-testid={props.testId}
      >
        <DialogTitle>{translate(props.title)}</DialogTitle>
        <DialogContent>
          {revealed ? (
            <Box data-testid={`${props.testId}-revealed`}>
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('gongji.actions.shown_once')}
              </Alert>
              <Typography variant="body2" color="text.secondary">
                {translate(revealed.label)}
              </Typography>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <Typography
                  component="code"
                  sx={{ fontFamily: 'monospace', fontSize: 18, wordBreak: 'break-all' }}
                  data-testid="revealed-value"
                >
                  {revealed.value}
                </Typography>
                <IconButton
                  aria-label={translate('gongji.actions.copy')}
                  title={translate('gongji.actions.copy')}
                  onClick={() => {
                    void globalThis.navigator?.clipboard?.writeText(revealed.value).then(
                      () => notify('gongji.actions.copied', { type: 'info' }),
                      () => undefined,
                    );
                  }}
                >
                  <ContentCopy />
                </IconButton>
              </Box>
            </Box>
          ) : (
            <>
              {props.description ? <Box sx={{ mb: 2 }}>{props.description}</Box> : null}
              {fields.map((field) => (
                <TextField
                  key={field.name}
                  name={field.name}
                  label={translate(field.label)}
                  value={values[field.name] ?? ''}
                  onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                  required={field.required}
                  multiline={field.multiline}
                  select={Boolean(field.choices)}
                  error={Boolean(fieldErrors[field.name])}
                  helperText={
                    fieldErrors[field.name] ?? (field.helperText ? translate(field.helperText) : undefined)
                  }
                  fullWidth
                  margin="dense"
                  slotProps={{
                    htmlInput: {
                      'data-testid': `input-${field.name}`,
                      maxLength: isReason(field.name) ? REASON_MAX_LENGTH : undefined,
                    },
                  }}
                >
                  {field.choices?.map((choice) => (
                    <MenuItem key={choice.id} value={choice.id}>
                      {translate(choice.name)}
                    </MenuItem>
                  ))}
                </TextField>
              ))}
              {expired ? <SessionExpiredAlert testId={`${props.testId}-session-expired`} /> : null}
              {rootError ? (
                <Alert severity="error" sx={{ mt: 2 }} data-testid={`${props.testId}-error`}>
                  {rootError}
                </Alert>
              ) : null}
            </>
          )}
        </DialogContent>
        <DialogActions>
          {revealed ? (
            <Button onClick={close} variant="contained">
              {translate('ra.action.close')}
            </Button>
          ) : (
            <>
              <Button onClick={close} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button
                onClick={() => void confirm()}
                disabled={busy || missing.length > 0}
                variant="contained"
                color={props.color ?? 'primary'}
                data-testid={`${props.testId}-confirm`}
              >
                {translate(props.confirmLabel ?? 'ra.action.confirm')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
