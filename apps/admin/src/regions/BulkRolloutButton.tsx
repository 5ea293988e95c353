// Bulk rollout (issue #10): the selected regions get one feature's date in audited server operations
// (`regionsRolloutSet`, at most 100 regions each: a larger selection goes in batches with a progress bar, audit C #2),
// then one combined line per region — changed, unchanged, or refused with the server's reason and rule id. A past
// date needs a reason before submitting (libs/domain pastDayNeedingReason, audit C #3); refused regions stay
// selected so they can be retried.
import { REASON_MAX_LENGTH } from '@gongji/domain';
import EventAvailable from '@mui/icons-material/EventAvailable';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { HttpError } from 'ra-core';
import { useMemo, useState } from 'react';
import { useDataProvider, useListContext, useRefresh, useTranslate } from 'react-admin';
import { todayInChina } from '../data/today';
import { regionsRolloutSet } from '../data/policy/policyClient';
import { type RolloutLine, rolloutLines, toRegionsRolloutSetInput } from '../data/policy/policyRules';
import { FEATURES, type Feature } from '../data/policy/policyTypes';
import {
  ROLLOUT_BATCH_MAX,
  bulkPastDayNeedingReason,
  combineRolloutLines,
  dateHint,
  failedBatchLines,
  freshBatchForm,
  refusedCodes,
  rolloutBatches,
  selectedRegionLabels,
} from './bulkRolloutForm';

type RegionRow = { id: string; name: string; code: string } & Record<string, unknown>;

/** Chips shown before 确认; a larger selection is summed up ("及其余 N 个"). */
const NAMED_MAX = 100;

const OUTCOME_COLOR = { CHANGED: 'success', UNCHANGED: 'default', REFUSED: 'error' } as const;

export function BulkRolloutButton() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { selectedIds, resource, onSelect } = useListContext();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [feature, setFeature] = useState<Feature>('WALLET');
  const [date, setDate] = useState(todayInChina());
  const [reason, setReason] = useState('');
  // The selected regions (they may be on other pages of the list): names listed before 确认, own dates for the
  // past-day check. Read 100 at a time (the API's page limit), so "select all" of 457 regions is read in full.
  const { data: selectedRecords, isPending: namesPending } = useQuery({
    queryKey: [resource ?? 'regions', 'bulkSelection', selectedIds],
    queryFn: async () => {
      const rows: RegionRow[] = [];
      for (const ids of rolloutBatches(selectedIds))
        rows.push(...(await dataProvider.getMany<RegionRow>(resource ?? 'regions', { ids })).data);
      return rows;
    },
    enabled: open && selectedIds.length > 0,
  });
  const names = useMemo(
    () => new Map((selectedRecords ?? []).map((r) => [String(r.id), r.name])),
    [selectedRecords],
  );
  const selectedLabels = selectedRegionLabels(selectedIds.slice(0, NAMED_MAX), selectedRecords ?? []);

  const openNewBatch = () => {
    const fresh = freshBatchForm(todayInChina());
    setFeature(fresh.feature);
    setDate(fresh.date);
    setReason(fresh.reason);
    setLines(null);
    setError(null);
    setOpen(true);
  };
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ batch: number; batches: number; done: number } | null>(null);
  const [lines, setLines] = useState<RolloutLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const today = todayInChina();
  // R-WAL-2/R-KIN-3 corrections: a past day needs its reason before anything is sent (the server's own rule).
  const pastDay = bulkPastDayNeedingReason(feature, date, today, reason, selectedRecords ?? []);
  const refused = lines ? refusedCodes(lines) : [];

  /** After a result, only the refused regions stay selected (they can be retried); none when all succeeded. */
  const close = () => {
    setOpen(false);
    if (lines) {
      onSelect(refused);
      refresh();
    }
    setLines(null);
    setError(null);
  };

  /** 重试未成功的: select the refused regions and go back to the form, feature, date and reason kept. */
  const retryRefused = () => {
    onSelect(refused);
    setLines(null);
    setError(null);
    refresh();
  };

  const run = async () => {
    if (pastDay) return;
    setRunning(true);
    setError(null);
    const batches = rolloutBatches(selectedIds);
    const results: RolloutLine[][] = [];
    try {
      for (const [i, codes] of batches.entries()) {
        setProgress({ batch: i + 1, batches: batches.length, done: results.flat().length });
        try {
          const payload = await regionsRolloutSet(toRegionsRolloutSetInput(codes, feature, date, reason));
          results.push(rolloutLines(payload));
        } catch (e) {
          const message = translate(
            e instanceof HttpError || e instanceof Error ? e.message : 'gongji.errors.internal',
          );
          // One batch alone: the whole answer is that error. Several: the batch's regions are refused with it.
          if (batches.length === 1) {
            setError(message);
            return;
          }
          results.push(failedBatchLines(codes, message, names));
        }
      }
      setLines(combineRolloutLines(results));
      // The dashboard's counts and chart read the rollout: show the new dates there at once.
      await queryClient.invalidateQueries({ queryKey: ['rolloutSummary'] });
      await queryClient.invalidateQueries({ queryKey: ['rolloutTimeline'] });
      await queryClient.invalidateQueries({ queryKey: ['effectivePolicy'] });
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const hint = dateHint(date, today);
  return (
    <>
      <Button
        size="small"
        startIcon={<EventAvailable />}
        onClick={openNewBatch}
        data-testid="bulk-rollout-button"
      >
        {translate('gongji.bulk.button')}
      </Button>
      <Dialog open={open} onClose={running ? undefined : close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('gongji.bulk.title', { count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          {lines === null ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
              <Box data-testid="bulk-selected">
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  {translate('gongji.bulk.selected', { count: selectedIds.length })}
                </Typography>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, maxHeight: 120, overflowY: 'auto' }}>
                  {selectedLabels.map((label, i) => (
                    <Chip key={String(selectedIds[i])} size="small" label={label} />
                  ))}
                </Box>
                {selectedIds.length > NAMED_MAX ? (
                  <Typography variant="caption" color="text.secondary" data-testid="bulk-selected-more">
                    {translate('gongji.bulk.more', { count: selectedIds.length - NAMED_MAX })}
                  </Typography>
                ) : null}
                {selectedIds.length > ROLLOUT_BATCH_MAX ? (
                  <Alert severity="info" sx={{ mt: 1 }} data-testid="bulk-batches-note">
                    {translate('gongji.bulk.batches_note', {
                      count: selectedIds.length,
                      batches: rolloutBatches(selectedIds).length,
                      size: ROLLOUT_BATCH_MAX,
                    })}
                  </Alert>
                ) : null}
                {namesPending && selectedIds.length > 0 ? (
                  <Typography variant="caption" color="text.secondary">
                    {translate('gongji.bulk.loading_names')}
                  </Typography>
                ) : null}
              </Box>
              <TextField
                select
                label={translate('gongji.bulk.feature')}
                value={feature}
                onChange={(e) => setFeature(e.target.value as Feature)}
                slotProps={{ htmlInput: { 'data-testid': 'bulk-feature' } }}
              >
                {FEATURES.map((f) => (
                  <MenuItem key={f} value={f}>
                    {translate(`gongji.features.${f}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                type="date"
                label={translate('gongji.bulk.date')}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'bulk-date' },
                  formHelperText: { 'data-testid': 'bulk-date-hint' } as object,
                }}
                helperText={translate(`gongji.bulk.${hint === 'now' ? 'today' : hint}`)}
              />
              <TextField
                label={translate('gongji.bulk.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                multiline
                required={pastDay !== null}
                error={pastDay !== null}
                slotProps={{
                  htmlInput: { 'data-testid': 'bulk-reason', maxLength: REASON_MAX_LENGTH },
                  formHelperText: { 'data-testid': 'bulk-reason-hint' } as object,
                }}
                helperText={
                  pastDay
                    ? translate('gongji.bulk.reason_required_past', { date: pastDay })
                    : translate('gongji.regions.reason_hint')
                }
              />
              {running ? (
                <Box data-testid="bulk-progress">
                  <LinearProgress
                    variant={progress && progress.batches > 1 ? 'determinate' : 'indeterminate'}
                    value={progress ? ((progress.batch - 1) / progress.batches) * 100 : 0}
                  />
                  {progress && progress.batches > 1 ? (
                    <Typography variant="caption" data-testid="bulk-progress-text">
                      {translate('gongji.bulk.progress', {
                        batch: progress.batch,
                        batches: progress.batches,
                        done: progress.done,
                        count: selectedIds.length,
                      })}
                    </Typography>
                  ) : null}
                </Box>
              ) : null}
              {error ? <Alert severity="error">{error}</Alert> : null}
            </Box>
          ) : (
            <Box data-testid="bulk-results">
              <Typography sx={{ mb: 1 }}>
                {translate('gongji.bulk.summary', {
                  changed: lines.filter((l) => l.outcome === 'CHANGED').length,
                  unchanged: lines.filter((l) => l.outcome === 'UNCHANGED').length,
                  refused: lines.filter((l) => l.outcome === 'REFUSED').length,
                })}
              </Typography>
              <List dense>
                {lines.map((line) => (
                  <ListItem key={line.regionCode} data-testid={`bulk-result-${line.regionCode}`} divider>
                    <Chip
                      size="small"
                      color={OUTCOME_COLOR[line.outcome]}
                      label={translate(`gongji.bulk.outcome_${line.outcome}`)}
                      sx={{ mr: 1.5, minWidth: 64 }}
                    />
                    <ListItemText
                      primary={`${line.name}（${line.regionCode}）`}
                      secondary={line.messages.join('；') || null}
                    />
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={running} data-testid="bulk-close">
            {translate(
              lines
                ? refused.length
                  ? 'gongji.bulk.close_keep_refused'
                  : 'gongji.bulk.close'
                : 'ra.action.cancel',
            )}
          </Button>
          {lines && refused.length > 0 ? (
            <Button variant="contained" onClick={retryRefused} data-testid="bulk-retry-refused">
              {translate('gongji.bulk.retry_refused', { count: refused.length })}
            </Button>
          ) : null}
          {lines === null ? (
            <Button
              variant="contained"
              onClick={run}
              disabled={running || selectedIds.length === 0 || pastDay !== null}
              data-testid="bulk-confirm"
            >
              {translate('gongji.bulk.confirm', { count: selectedIds.length })}
            </Button>
          ) : null}
        </DialogActions>
      </Dialog>
    </>
  );
}
