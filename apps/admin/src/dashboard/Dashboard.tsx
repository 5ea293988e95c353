// Rollout of the medical-insurance wallet (R-WAL-2) on a chosen date, and how it grew since the launch.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import { Authenticated, Title, useTranslate } from 'react-admin';
import { todayInChina } from '../data/today';
import { ProvinceTable } from './ProvinceTable';
import { SummaryCards } from './SummaryCards';
import { useRolloutSummary } from './useRollout';

// recharts is the largest dependency and only this chart needs it: load it after the summary.
const TimelineChart = lazy(() => import('./TimelineChart').then((m) => ({ default: m.TimelineChart })));

function RolloutDashboard() {
  const translate = useTranslate();
  const [on, setOn] = useState(todayInChina());
  const { data: summary, isPending, error } = useRolloutSummary(on);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }} data-testid="dashboard">
      <Title title="ra.page.dashboard" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" sx={{ flexGrow: 1 }}>
          {translate('gongji.dashboard.title')}
        </Typography>
        <TextField
          type="date"
          size="small"
          sx={{ width: 200 }}
          label={translate('gongji.dashboard.on')}
          value={on}
          onChange={(event) => setOn(event.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'summary-on' } }}
        />
      </Box>
      {isPending ? <LinearProgress /> : null}
      {error ? <Alert severity="error">{translate('gongji.dashboard.load_error')}</Alert> : null}
      {summary ? (
        <>
          <SummaryCards summary={summary} />
          <ProvinceTable provinces={summary.provinces} />
        </>
      ) : null}
      <Suspense fallback={<LinearProgress />}>
        <TimelineChart to={on} />
      </Suspense>
    </Box>
  );
}

/**
 * Queries only once the session is confirmed. (`<Admin requireAuth>` would do the same for every route, but with
 * react-router 7 it bounces on /login for seconds: marmelab/react-admin#10885.)
 */
export function Dashboard() {
  return (
    <Authenticated loading={<LinearProgress />}>
      <RolloutDashboard />
    </Authenticated>
  );
}
