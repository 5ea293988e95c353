// Bulk rollout (issue #10): the selected regions get one feature's date in ONE audited server operation
// (`regionsRolloutSet`); while it runs a progress bar shows, then one line per region — changed, unchanged, or
// refused with the server's reason and rule id.
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
import { useQueryClient } from '@tanstack/react-query';
import { HttpError } from 'ra-core';
import { useState } from 'react';
import { useGetMany, useListContext, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { todayInChina } from '../data/today';
import { regionsRolloutSet } from '../data/policy/policyClient';
import { type RolloutLine, rolloutLines, toRegionsRolloutSetInput } from '../data/policy/policyRules';
import { FEATURES, type Feature } from '../data/policy/policyTypes';
import { freshBatchForm, selectedRegionLabels } from './bulkRolloutForm';

const OUTCOME_COLOR = { CHANGED: 'success', UNCHANGED: 'default', REFUSED: 'error' } as const;

export function BulkRolloutButton() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource ?? 'regions');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [feature, setFeature] = useState<Feature>('WALLET');
  const [date, setDate] = useState(todayInChina());
  const [reason, setReason] = useState('');
  // The names of the selected regions (they may be on other pages of the list), listed before 确认.
  const { data: selectedRecords, isPending: namesPending } = useGetMany<{
    id: string;
    name: string;
    code: string;
  }>(resource ?? 'regions', { ids: selectedIds }, { enabled: open && selectedIds.length > 0 });
  const selectedLabels = selectedRegionLabels(selectedIds, selectedRecords ?? []);

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
  const [lines, setLines] = useState<RolloutLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    if (lines) {
      unselectAll();
      refresh();
    }
    setLines(null);
    setError(null);
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const payload = await regionsRolloutSet(toRegionsRolloutSetInput(selectedIds, feature, date, reason));
      setLines(rolloutLines(payload));
      // The dashboard's counts and chart read the rollout: show the new dates there at once.
      await queryClient.invalidateQueries({ queryKey: ['rolloutSummary'] });
      await queryClient.invalidateQueries({ queryKey: ['rolloutTimeline'] });
      await queryClient.invalidateQueries({ queryKey: ['effectivePolicy'] });
    } catch (e) {
      setError(
        translate(e instanceof HttpError || e instanceof Error ? e.message : 'gongji.errors.internal'),
      );
    } finally {
      setRunning(false);
    }
  };

  const future = date > todayInChina();
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
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'bulk-date' } }}
                helperText={translate(
                  date ? (future ? 'gongji.bulk.scheduled' : 'gongji.bulk.now') : 'gongji.bulk.clear',
                )}
              />
              <TextField
                label={translate('gongji.bulk.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                multiline
                slotProps={{ htmlInput: { 'data-testid': 'bulk-reason' } }}
                helperText={translate('gongji.regions.reason_hint')}
              />
              {running ? <LinearProgress data-testid="bulk-progress" /> : null}
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
          <Button onClick={close} disabled={running}>
            {translate(lines ? 'gongji.bulk.close' : 'ra.action.cancel')}
          </Button>
          {lines === null ? (
            <Button
              variant="contained"
              onClick={run}
              disabled={running || selectedIds.length === 0}
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
