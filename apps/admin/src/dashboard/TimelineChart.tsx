import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRolloutTimeline } from './useRollout';

/** The national wallet launch (R-WAL-1) is the natural start of the timeline. */
const WALLET_LAUNCH = '2024-12-02';
const DAY = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const ISO = (t: number) => new Date(t).toISOString().slice(0, 10);

export function TimelineChart({ to: initialTo }: { to: string }) {
  const translate = useTranslate();
  const [from, setFrom] = useState(WALLET_LAUNCH);
  const [to, setTo] = useState(initialTo);
  const { data, isPending, error } = useRolloutTimeline(from, to);
  return (
    <Card data-testid="rollout-timeline">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>
            {translate('gongji.dashboard.timeline')}
          </Typography>
          <TextField
            type="date"
            size="small"
            sx={{ width: 180 }}
            label={translate('gongji.dashboard.timeline_from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            size="small"
            sx={{ width: 180 }}
            label={translate('gongji.dashboard.timeline_to')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
        {isPending ? <LinearProgress /> : null}
        {error ? <Alert severity="error">{translate('gongji.dashboard.load_error')}</Alert> : null}
        {data ? (
          <Box sx={{ width: '100%', height: 300 }}>
            <ResponsiveContainer>
              <LineChart
                data={data.map((point) => ({ ...point, t: DAY(point.date) }))}
                margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                {/* A time scale: the API returns only the dates on which the numbers change. */}
                <XAxis
                  dataKey="t"
                  type="number"
                  scale="time"
                  domain={['dataMin', 'dataMax']}
                  tickFormatter={ISO}
                  minTickGap={24}
                />
                <YAxis yAxisId="regions" allowDecimals={false} />
                <YAxis yAxisId="provinces" orientation="right" allowDecimals={false} />
                <Tooltip labelFormatter={(t) => ISO(Number(t))} />
                <Legend />
                <Line
                  yAxisId="regions"
                  type="stepAfter"
                  dataKey="regionsOpen"
                  name={translate('gongji.dashboard.series_regions')}
                  stroke="#1976d2"
                  dot
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="provinces"
                  type="stepAfter"
                  dataKey="provincesOpen"
                  name={translate('gongji.dashboard.series_provinces')}
                  stroke="#2e7d32"
                  dot
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
}
