// Saving a kinship scope asks for confirmation and a reason (issue #10): the dialog repeats the server-counted
// impact; a refusal (e.g. DUPLICATE_SETTING: a scope for the same region, purpose and date exists) stays visible.
import { REASON_MAX_LENGTH } from '@gongji/domain';
import Save from '@mui/icons-material/Save';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Toolbar, useGetList, useSaveContext, useTranslate } from 'react-admin';
import type { KinshipScopeRecord } from '../data/buildKinshipScopeQuery';
import { ImpactSummary, isNarrowing, useScopeImpact } from './KinshipScopeImpactPanel';

function messagesOf(errors: unknown): string[] {
  if (!errors || typeof errors !== 'object') return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === 'root' && value && typeof value === 'object') {
      const server = (value as { serverError?: unknown }).serverError;
      if (typeof server === 'string' && server) out.push(server);
    } else if (typeof value === 'string') out.push(value);
  }
  return [...new Set(out)];
}

export function ConfirmScopeSaveToolbar() {
  const translate = useTranslate();
  const { getValues, trigger } = useFormContext();
  const { save, saving } = useSaveContext();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const { data: impact } = useScopeImpact();
  const values = useWatch() as Record<string, unknown>;
  const regionCode = typeof values.regionCode === 'string' ? values.regionCode : '';
  // One scope per region, purpose and date (issue #10): a second save corrects the first, with the reason.
  const { data: existing = [] } = useGetList<KinshipScopeRecord>(
    'kinship-scopes',
    {
      filter: { regionCode, purpose: values.purpose },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'effectiveFrom', order: 'ASC' },
    },
    { enabled: open && !!values.purpose },
  );
  const duplicate = existing.find((row) => row.effectiveFrom === values.effectiveFrom);

  const openDialog = async () => {
    if (!(await trigger())) return;
    setReason(String(getValues('reason') ?? ''));
    setErrors([]);
    setOpen(true);
  };

  const confirm = async () => {
    if (!save) return;
    const result = await save({ ...getValues(), reason: reason.trim() });
    const problems = messagesOf(result);
    if (problems.length > 0) setErrors(problems);
    else setOpen(false);
  };

  return (
    <Toolbar>
      <Button variant="contained" startIcon={<Save />} onClick={openDialog} data-testid="scope-save">
        {translate('ra.action.save')}
      </Button>
      <Dialog open={open} onClose={saving ? undefined : () => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('gongji.impact.confirm_title')}</DialogTitle>
        <DialogContent>
          {impact ? <ImpactSummary impact={impact} /> : null}
          {duplicate ? (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="scope-duplicate-warning">
              {translate('gongji.impact.duplicate', { date: duplicate.effectiveFrom })}
            </Alert>
          ) : null}
          <Typography variant="body2" sx={{ my: 2 }} data-testid="scope-confirm-text">
            {/* Only a narrowing takes registrations out; adding relations warns of nothing (audit C #1). */}
            {translate(
              isNarrowing(impact) ? 'gongji.impact.confirm_text' : 'gongji.impact.confirm_text_widening',
            )}
          </Typography>
          <TextField
            label={translate('resources.kinship-scopes.fields.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            multiline
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'scope-confirm-reason', maxLength: REASON_MAX_LENGTH } }}
            helperText={translate('gongji.kinship_scopes.reason_hint')}
          />
          {errors.length > 0 ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="scope-save-error">
              {errors.join('；')}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={saving}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            variant="contained"
            onClick={confirm}
            disabled={saving || !reason.trim()}
            data-testid="scope-confirm"
          >
            {translate('gongji.impact.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Toolbar>
  );
}
