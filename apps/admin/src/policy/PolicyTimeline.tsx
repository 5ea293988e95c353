// The versions behind a region's policy (issue #10): the built-in national defaults of libs/domain and every
// national, province and region row of `policySettings`, oldest first, each with its tier.
import { NATIONAL_DEFAULT_SETTINGS } from '@gongji/domain';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { policyHistory } from '../data/policy/policyClient';
import { policyTimeline, settingSummary, type TimelineEntry } from '../data/policy/policyRules';
import { Section, SourceChip } from './PolicySections';

const DEFAULTS = NATIONAL_DEFAULT_SETTINGS.map((s) => ({
  kind: s.kind,
  purpose: 'purpose' in s ? (s.purpose ?? null) : null,
  effectiveFrom: s.effectiveFrom,
  value: s.value,
}));

/** Kinship scopes and schedules are what staff compare most; the holiday calendar would drown them. */
const KINDS = [
  'KINSHIP_SCOPE',
  'BENEFIT_SCHEDULE',
  'RESIDENT_BENEFIT_SCHEDULE',
  'SPENDING_CAPS',
  'PASSWORD_POLICY',
  'CARD_RULES',
  'HOSPITAL_SELECTION',
];

function valueText(entry: TimelineEntry, translate: (key: string) => string): string {
  if (entry.kind === 'KINSHIP_SCOPE') {
    try {
      const relations = JSON.parse(entry.value) as string[];
      return relations.length
        ? relations.map((r) => translate(`gongji.relations.${r}`)).join('、')
        : translate('gongji.kinship_scopes.nobody');
    } catch {
      return entry.value;
    }
  }
  // In words, never JSON field names (the raw value stays in the cell's tooltip).
  return settingSummary(entry.kind, entry.value)
    .map((part) => `${translate(part.label)}：${part.value ?? translate('gongji.policy.none')}`)
    .join('；');
}

export function PolicyTimeline({
  regionCode,
  provinceCode,
}: {
  regionCode: string;
  provinceCode: string | null;
}) {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['policyTimeline', regionCode, provinceCode],
    queryFn: async () => {
      const tiers = [
        null,
        ...(provinceCode && provinceCode !== regionCode ? [provinceCode] : []),
        regionCode,
      ];
      const rows = (await Promise.all(tiers.map((code) => policyHistory(code)))).flat();
      return policyTimeline(regionCode, rows, DEFAULTS, KINDS);
    },
  });
  // A role the server refuses (FORBIDDEN, 403) is told so, not shown an empty table (when its role was unknown).
  if (error && (error as { status?: number }).status === 403) {
    return (
      <Section title="gongji.policy.sections.timeline" testId="policy-timeline">
        <Alert severity="info" data-testid="policy-timeline-forbidden">
          {translate('gongji.policy.timeline_forbidden')}
        </Alert>
      </Section>
    );
  }
  return (
    <Section title="gongji.policy.sections.timeline" testId="policy-timeline">
      {error ? <Alert severity="error">{translate('gongji.policy.load_error')}</Alert> : null}
      <Table
        size="small"
        sx={{
          '& th': { whiteSpace: 'nowrap' },
          '& td:nth-of-type(2), & td:last-of-type': { whiteSpace: 'nowrap' },
        }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.kinship-scopes.fields.effectiveFrom')}</TableCell>
            <TableCell>{translate('gongji.policy.tier')}</TableCell>
            <TableCell>{translate('gongji.policy.kind')}</TableCell>
            <TableCell>{translate('resources.kinship-scopes.fields.purpose')}</TableCell>
            <TableCell>{translate('gongji.policy.value')}</TableCell>
            <TableCell>{translate('resources.kinship-scopes.fields.createdBy')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data ?? []).map((entry) => (
            <TableRow key={entry.key} data-testid={`timeline-${entry.tier}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{entry.effectiveFrom}</TableCell>
              <TableCell>
                {entry.tier === 'DEFAULT' ? (
                  translate('gongji.policy.source_DEFAULT')
                ) : (
                  <SourceChip source={entry.tier} />
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`gongji.setting_kinds.${entry.kind}`)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {entry.purpose && entry.kind === 'KINSHIP_SCOPE'
                  ? translate(`gongji.kin_purposes.${entry.purpose}`)
                  : (entry.purpose ?? '—')}
              </TableCell>
              <TableCell title={entry.value} sx={{ fontSize: 13 }}>
                {valueText(entry, translate)}
              </TableCell>
              <TableCell>
                {entry.createdBy === null
                  ? translate('gongji.policy.built_in')
                  : /^DEMO:/.test(entry.createdBy)
                    ? translate('gongji.policy.demo_data')
                    : entry.createdBy}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
