// Live check of the edited dates against the domain rules (the same pure functions the API runs). Advisory: the
// server remains the authority and saving is never blocked here.
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { RegionRecord } from '../data/graphqlTypes';
import { checkRollout } from './rolloutRules';

export function RolloutPreview() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const values = useWatch();
  const record = useRecordContext<RegionRecord>();
  const province = record && record.level !== 'PROVINCE' ? record.province : null;
  const result = checkRollout(
    values as Record<string, unknown>,
    province,
    locale === 'en' ? 'en' : 'zh',
    record ? { code: record.code, level: record.level, name: record.name } : null,
  );
  return (
    <Card
      sx={{ width: 320, flexShrink: 0, position: 'sticky', top: 80 }}
      variant="outlined"
      data-testid="rollout-preview"
    >
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('gongji.regions.preview.title')}
        </Typography>
        {result.available ? (
          result.violations.length === 0 ? (
            <Alert severity="success">{translate('gongji.regions.preview.ok')}</Alert>
          ) : (
            result.violations.map((violation) => (
              <Alert
                key={`${violation.rule}-${violation.field}-${violation.message}`}
                severity="warning"
                sx={{ mb: 1 }}
              >
                {violation.field ? (
                  <strong>{translate(`resources.regions.fields.${violation.field}`)}: </strong>
                ) : null}
                {violation.message}
                {violation.rule && !violation.message.includes(violation.rule) ? ` (${violation.rule})` : ''}
              </Alert>
            ))
          )
        ) : (
          <Alert severity="info">{translate('gongji.regions.preview.unavailable')}</Alert>
        )}
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('gongji.regions.preview.note')}
        </Typography>
      </CardContent>
    </Card>
  );
}
