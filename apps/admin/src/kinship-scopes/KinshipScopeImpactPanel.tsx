// Impact before saving (issue #10): while the officer edits a kinship scope, the server counts the registrations
// and providers the new scope would take out (`kinshipScopeImpact`), so a narrowing is seen before it is saved.
import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { kinshipScopeImpact } from '../data/policy/policyClient';
import { toImpactVariables } from '../data/policy/policyRules';
import type { KinshipScopeImpact } from '../data/policy/policyTypes';

export function useScopeImpact() {
  const values = useWatch() as Record<string, unknown>;
  const variables = toImpactVariables(values);
  return useQuery({
    queryKey: ['kinshipScopeImpact', variables],
    queryFn: () => kinshipScopeImpact(variables as Record<string, unknown>),
    enabled: variables !== null,
    placeholderData: (previous) => previous,
  });
}

/** True when the proposal takes a relation out of the scope on some day (R-KIN-1; the server compares every stretch). */
export function isNarrowing(impact: KinshipScopeImpact | undefined | null): boolean {
  return !!impact && impact.removedRelations.length > 0;
}

/**
 * The stretches of days in which the scope changes (audit C #1): a past date can also hide a later national scope,
 * so "from when" is said per stretch, not only for the date typed.
 */
function ImpactPeriods({ impact }: { impact: KinshipScopeImpact }) {
  const translate = useTranslate();
  const rel = (list: readonly string[]) => list.map((r) => translate(`gongji.relations.${r}`)).join('、');
  const lines = (impact.periods ?? []).flatMap((p) => {
    const until = p.until ? translate('gongji.impact.period_until', { date: p.until }) : '';
    return [
      ...(p.removedRelations.length
        ? [translate('gongji.impact.period', { from: p.from, until, relations: rel(p.removedRelations) })]
        : []),
      ...(p.addedRelations.length
        ? [translate('gongji.impact.period_added', { from: p.from, until, relations: rel(p.addedRelations) })]
        : []),
    ];
  });
  if (lines.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="impact-periods">
      {lines.map((line) => (
        <li key={line}>
          <Typography variant="body2">{line}</Typography>
        </li>
      ))}
    </Box>
  );
}

export function ImpactSummary({ impact }: { impact: KinshipScopeImpact }) {
  const translate = useTranslate();
  const rel = (list: readonly string[]) => list.map((r) => translate(`gongji.relations.${r}`)).join('、');
  if (!isNarrowing(impact)) {
    return (
      <Alert severity="success" data-testid="impact-summary">
        {translate('gongji.impact.no_narrowing')}
        {impact.addedRelations.length
          ? ` ${translate('gongji.impact.added', { relations: rel(impact.addedRelations) })}`
          : ''}
      </Alert>
    );
  }
  return (
    <Alert severity={impact.registrationCount > 0 ? 'warning' : 'info'} data-testid="impact-summary">
      <Typography variant="body2" data-testid="impact-count">
        {translate('gongji.impact.count', {
          registrations: impact.registrationCount,
          providers: impact.providerCount,
        })}
      </Typography>
      <Typography variant="body2">
        {translate('gongji.impact.removed', { relations: rel(impact.removedRelations) })}
      </Typography>
      <ImpactPeriods impact={impact} />
      {impact.providers.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="impact-providers">
          {impact.providers.slice(0, 10).map((p) => (
            <li key={p.personId}>
              {p.name}（{p.regionCode}）：{rel(p.relations)} × {p.registrationCount}
            </li>
          ))}
          {impact.providers.length > 10 ? <li>…</li> : null}
        </Box>
      ) : null}
    </Alert>
  );
}

export function KinshipScopeImpactPanel() {
  const translate = useTranslate();
  const { data, isFetching, error } = useScopeImpact();
  return (
    <Card sx={{ width: 360, flexShrink: 0 }} variant="outlined" data-testid="impact-panel">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('gongji.impact.title')}
        </Typography>
        {isFetching ? <LinearProgress sx={{ mb: 1 }} /> : null}
        {error ? <Alert severity="error">{translate('gongji.impact.error')}</Alert> : null}
        {data ? (
          <ImpactSummary impact={data} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('gongji.impact.hint')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
