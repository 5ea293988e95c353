// Sections of the policy in force (issue #10): each value with where it comes from — the region itself, its
// province, or the national default — as `effectivePolicy` computes it on the server.
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { type PolicySource, sourceOf } from '../data/policy/policyRules';
import type { EffectivePolicyView } from '../data/policy/policyTypes';

const SOURCE_COLOR: Record<PolicySource, 'primary' | 'secondary' | 'default'> = {
  REGION: 'primary',
  PROVINCE: 'secondary',
  NATIONAL: 'default',
};

export function SourceChip({ source, testId }: { source: PolicySource; testId?: string }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={SOURCE_COLOR[source]}
      label={translate(`gongji.policy.source_${source}`)}
      data-testid={testId}
    />
  );
}

export const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(basisPoints % 100 ? 1 : 0)}%`;

export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3 }} data-testid={testId}>
      <Typography variant="h6" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
}

const nowrap = { '& th': { whiteSpace: 'nowrap' } };

export function FeaturesSection({ policy }: { policy: EffectivePolicyView }) {
  const translate = useTranslate();
  return (
    <Section title="gongji.policy.sections.rollout" testId="policy-features">
      <Table size="small" sx={nowrap}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('gongji.policy.feature')}</TableCell>
            <TableCell>{translate('gongji.policy.from')}</TableCell>
            <TableCell>{translate('gongji.policy.status')}</TableCell>
            <TableCell>{translate('gongji.policy.source')}</TableCell>
            <TableCell>{translate('gongji.policy.rule')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {policy.features.map((f) => (
            <TableRow key={f.feature} data-testid={`policy-feature-${f.feature}`}>
              <TableCell>{translate(`gongji.features.${f.feature}`)}</TableCell>
              <TableCell>{f.from ?? translate('gongji.regions.not_set')}</TableCell>
              <TableCell>{translate(f.open ? 'gongji.wallet.open' : 'gongji.wallet.closed')}</TableCell>
              <TableCell>
                {f.from ? <SourceChip source={sourceOf(f.sourceRegionCode, policy.regionCode)} /> : '—'}
              </TableCell>
              <TableCell>{f.rule}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

export function KinshipSection({ policy }: { policy: EffectivePolicyView }) {
  const translate = useTranslate();
  return (
    <Section title="gongji.policy.sections.kinship" testId="policy-kinship">
      <Table size="small" sx={nowrap}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.kinship-scopes.fields.purpose')}</TableCell>
            <TableCell>{translate('resources.kinship-scopes.fields.relations')}</TableCell>
            <TableCell>{translate('resources.kinship-scopes.fields.effectiveFrom')}</TableCell>
            <TableCell>{translate('gongji.policy.source')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {policy.kinshipScopes.map((s) => (
            <TableRow key={s.purpose} data-testid={`policy-scope-${s.purpose}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`gongji.kin_purposes.${s.purpose}`)}
              </TableCell>
              <TableCell>
                {s.relations.length === 0
                  ? translate('gongji.kinship_scopes.nobody')
                  : s.relations.map((r) => translate(`gongji.relations.${r}`)).join('、')}
              </TableCell>
              <TableCell>{s.effectiveFrom ?? '—'}</TableCell>
              <TableCell>
                <SourceChip
                  source={sourceOf(s.sourceRegionCode, policy.regionCode)}
                  testId={`policy-scope-source-${s.purpose}`}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

export function BenefitsSection({ policy }: { policy: EffectivePolicyView }) {
  const translate = useTranslate();
  const terms = (t: { deductible: string; fundRate: number }) => `${t.deductible} / ${percent(t.fundRate)}`;
  return (
    <Section title="gongji.policy.sections.benefits" testId="policy-benefits">
      <Typography variant="subtitle2">{translate('gongji.policy.outpatient')}</Typography>
      <Table size="small" sx={nowrap}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('gongji.policy.level')}</TableCell>
            <TableCell>{translate('gongji.policy.in_service')}</TableCell>
            <TableCell>{translate('gongji.policy.retired_under_70')}</TableCell>
            <TableCell>{translate('gongji.policy.retired_70_plus')}</TableCell>
            <TableCell>{translate('gongji.policy.annual_cap')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {policy.outpatient.map((o) => (
            <TableRow key={o.level}>
              <TableCell>{translate(`gongji.institution_levels.${o.level}`)}</TableCell>
              <TableCell>{terms(o.inService)}</TableCell>
              <TableCell>{terms(o.retiredUnder70)}</TableCell>
              <TableCell>{terms(o.retired70Plus)}</TableCell>
              <TableCell>{o.annualFundCap ?? translate('gongji.policy.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('gongji.policy.inpatient')}
      </Typography>
      <Table size="small" sx={nowrap}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('gongji.policy.level')}</TableCell>
            <TableCell>{translate('gongji.policy.first_deductible')}</TableCell>
            <TableCell>{translate('gongji.policy.later_deductible')}</TableCell>
            <TableCell>{translate('gongji.policy.bands')}</TableCell>
            <TableCell>{translate('gongji.policy.annual_max')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {policy.inpatient.map((i) => (
            <TableRow key={i.level}>
              <TableCell>{translate(`gongji.institution_levels.${i.level}`)}</TableCell>
              <TableCell>{i.firstAdmissionDeductible}</TableCell>
              <TableCell>{i.laterAdmissionDeductible}</TableCell>
              <TableCell>
                {i.bands
                  .map(
                    (b) =>
                      `${b.upTo ? `≤${b.upTo}` : translate('gongji.policy.above')} ${percent(b.fundRate)}`,
                  )
                  .join('；')}
              </TableCell>
              <TableCell>{i.annualFundMax ?? translate('gongji.policy.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('gongji.policy.pharmacy_rate')}：{percent(policy.pharmacyFundRate)}
      </Typography>
    </Section>
  );
}

function Facts({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode]> }) {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ maxWidth: 720 }}>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell sx={{ width: 280, whiteSpace: 'nowrap' }}>{translate(label)}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function OtherRulesSection({ policy }: { policy: EffectivePolicyView }) {
  const translate = useTranslate();
  const none = translate('gongji.policy.none');
  const src = (s: { sourceRegionCode: string | null; effectiveFrom?: string | null }) => (
    <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
      <SourceChip source={sourceOf(s.sourceRegionCode, policy.regionCode)} />
      {s.effectiveFrom ? translate('gongji.policy.since', { date: s.effectiveFrom }) : null}
    </Box>
  );
  return (
    <Section title="gongji.policy.sections.other" testId="policy-other">
      <Facts
        rows={[
          ['gongji.policy.caps_per_institution_day', policy.spendingCaps.perInstitutionPerDay ?? none],
          ['gongji.policy.caps_per_day', policy.spendingCaps.perDayAcrossInstitutions ?? none],
          ['gongji.policy.caps_per_year', policy.spendingCaps.perYear ?? none],
          ['gongji.policy.lockout', policy.passwordPolicy.lockoutAfterFailures],
          ['gongji.policy.max_free_limit', policy.passwordPolicy.maxPasswordFreeLimit],
          ['gongji.policy.max_registration_fee', policy.passwordPolicy.maxRegistrationFee],
          [
            'gongji.policy.evoucher_code',
            translate(
              policy.passwordPolicy.eVoucherCodeRequired
                ? 'gongji.policy.evoucher_code_required'
                : 'gongji.policy.evoucher_code_optional',
            ),
          ],
          ['gongji.policy.password_source', src(policy.passwordPolicy)],
          ['gongji.policy.pre_report_days', policy.cardRules.preReportValidDays],
          ['gongji.policy.reissue_fee', policy.cardRules.reissueFee],
          ['gongji.policy.reissue_days', policy.cardRules.counterReissueWorkingDays],
          ['gongji.policy.card_source', src(policy.cardRules)],
          ['gongji.policy.hospitals', policy.hospitalSelection.maxChosenHospitals],
          ['gongji.policy.hospitals_source', src(policy.hospitalSelection)],
        ]}
      />
    </Section>
  );
}
