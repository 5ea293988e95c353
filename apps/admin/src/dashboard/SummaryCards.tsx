import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import type { RolloutSummary } from '../data/graphqlTypes';

function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: number | string;
  note?: string;
  testId: string;
}) {
  // Sources can be a long quotation: show the start, the whole text on hover.
  const shortNote = note && note.length > 60 ? `${note.slice(0, 60)}…` : note;
  return (
    <Card sx={{ flex: '1 1 200px' }} data-testid={testId}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" component="p">
          {value}
        </Typography>
        {note ? (
          <Typography variant="caption" color="text.secondary" title={note} component="p">
            {shortNote}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}

function ProvinceChips({
  label,
  provinces,
  testId,
}: {
  label: string;
  provinces: RolloutSummary['fullCoverageProvinces'];
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: '1 1 320px' }} data-testid={testId}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {label} ({provinces.length})
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {provinces.length === 0
            ? translate('gongji.dashboard.none')
            : provinces.map((p) => <Chip key={p.code} size="small" label={p.name} />)}
        </Box>
      </CardContent>
    </Card>
  );
}

/**
 * The published figure's source as the reader knows it: the data cites the project's seed document
 * ("seed 004: 截至2025年5月8日…"); the console shows the quoted notice only, without the internal file label.
 */
export function sourceText(source: string | null): string {
  if (!source) return '—';
  return source.replace(/^seed\s+\d+\s*[:：]\s*/i, '').trim() || '—';
}

export function SummaryCards({ summary }: { summary: RolloutSummary }) {
  const translate = useTranslate();
  const reportedNote =
    summary.reportedAsOf || summary.reportedSource
      ? translate('gongji.dashboard.reported_as_of', {
          date: summary.reportedAsOf ?? '—',
          source: sourceText(summary.reportedSource),
        })
      : undefined;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <Stat
        testId="stat-regions-open"
        label={translate('gongji.dashboard.regions_open')}
        value={summary.regionsOpen}
      />
      <Stat
        testId="stat-reported-regions-open"
        label={translate('gongji.dashboard.reported_regions_open')}
        value={summary.reportedRegionsOpen ?? '—'}
        note={reportedNote}
      />
      <Stat
        testId="stat-provinces-open"
        label={translate('gongji.dashboard.provinces_open')}
        value={summary.provincesOpen}
      />
      <ProvinceChips
        testId="full-coverage-provinces"
        label={translate('gongji.dashboard.full_coverage')}
        provinces={summary.fullCoverageProvinces}
      />
      <ProvinceChips
        testId="usage-change-provinces"
        label={translate('gongji.dashboard.usage_change')}
        provinces={summary.usageChangeProvinces}
      />
    </Box>
  );
}
