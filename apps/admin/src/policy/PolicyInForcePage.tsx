// The policy in force (issue #10): for a region and a date, what `effectivePolicy` computes on the server —
// rollout dates, kinship scope per purpose, benefit schedule, caps, password policy, card rules, hospital
// selection — each with where it comes from, and the timeline of versions behind it. URL: ?region=110000&on=2026-12-01
import { Alert, Box, Button, LinearProgress, TextField, Typography } from '@mui/material';
import History from '@mui/icons-material/History';
import { useQuery } from '@tanstack/react-query';
import { HttpError } from 'ra-core';
import {
  LinkBase,
  Title,
  useGetOne,
  useLocation,
  useNavigate,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { RegionRecord } from '../data/graphqlTypes';
import { effectivePolicy } from '../data/policy/policyClient';
import { todayInChina } from '../data/today';
import { auditLink } from '../regions/RegionLinks';
import { BenefitsSection, FeaturesSection, KinshipSection, OtherRulesSection } from './PolicySections';
import { PolicyTimeline } from './PolicyTimeline';
import { RegionSearchField, regionLabel } from './RegionSearchField';
import { canReadPolicyHistory } from '../access/roles';

const DEFAULT_REGION = '110000';

export function PolicyInForcePage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const location = useLocation();
  const { permissions } = usePermissions<string>();
  const params = new URLSearchParams(location.search);
  const regionCode = params.get('region') || DEFAULT_REGION;
  const on = params.get('on') || todayInChina();
  const go = (next: { region?: string; on?: string }) =>
    navigate(`/policy-in-force?region=${next.region ?? regionCode}&on=${next.on ?? on}`, { replace: true });

  const { data: region } = useGetOne<RegionRecord>('regions', { id: regionCode });
  const {
    data: policy,
    error,
    isFetching,
  } = useQuery({
    queryKey: ['effectivePolicy', regionCode, on],
    queryFn: () => effectivePolicy(regionCode, on),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(on),
  });
  return (
    <Box sx={{ p: 2 }} data-testid="policy-in-force">
      <Title title={translate('gongji.policy.title')} />
      <Typography variant="h5" gutterBottom>
        {translate('gongji.policy.heading', { region: regionLabel(region) || regionCode, date: on })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <RegionSearchField value={regionCode} onChange={(code) => code && go({ region: code })} />
        <TextField
          type="date"
          label={translate('gongji.policy.on')}
          value={on}
          onChange={(e) => e.target.value && go({ on: e.target.value })}
          sx={{ width: 200 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'policy-date' } }}
        />
        {permissions === 'ADMIN' ? (
          <Button component={LinkBase} to={auditLink({ regionCode })} startIcon={<History />} sx={{ mt: 1 }}>
            {translate('gongji.audit.link')}
          </Button>
        ) : null}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('gongji.policy.explain_sources')}
      </Typography>
      {isFetching ? <LinearProgress sx={{ mt: 2 }} /> : null}
      {error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {translate(error instanceof HttpError ? error.message : 'gongji.policy.load_error')}
        </Alert>
      ) : null}
      {policy ? (
        <>
          <FeaturesSection policy={policy} />
          <KinshipSection policy={policy} />
          <BenefitsSection policy={policy} />
          <OtherRulesSection policy={policy} />
          {/* COUNTER may not read the policy history (FORBIDDEN): no empty timeline for them. */}
          {canReadPolicyHistory(permissions) ? (
            <PolicyTimeline regionCode={regionCode} provinceCode={region?.provinceCode ?? null} />
          ) : null}
        </>
      ) : null}
    </Box>
  );
}
