// Rollout dates of one region. Pessimistic mode so the server's userErrors come back onto the fields
// (`HttpError.body.errors`, see data/graphqlErrors.ts); the local rule preview only warns.
import { REASON_MAX_LENGTH } from '@gongji/domain';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  DateInput,
  Edit,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { RegionRecord, RolloutDateField } from '../data/graphqlTypes';
import { ProvinceOnly, RegionLinks } from './RegionLinks';
import { RolloutPreview } from './RolloutPreview';
// Signed out (Back after 退出) or unreachable is not 条目不存在: see useShowQueryOptions.
import { useShowQueryOptions } from '../shared/LoadError';

function RegionTitle() {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  return (
    <span>
      {record
        ? `${translate('resources.regions.name', { smart_count: 1 })} ${record.name} (${record.code})`
        : ''}
    </span>
  );
}

function Section({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }} gutterBottom>
      {translate(title)}
    </Typography>
  );
}

/** A rollout date; the hint says what an empty field means for this region (R-WAL-2: cities inherit). */
function RolloutDateInput({ source }: { source: RolloutDateField }) {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  const hint =
    !record || record.level === 'PROVINCE'
      ? translate('gongji.regions.province_hint')
      : translate('gongji.regions.inherit_hint', {
          date: record.province?.[source] ?? translate('gongji.regions.not_set'),
        });
  return <DateInput source={source} helperText={hint} fullWidth={false} sx={{ width: 260 }} />;
}

function RegionEditToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}

function RegionFacts() {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary">
      {record.code} · {translate(`gongji.levels.${record.level}`)}
      {record.level !== 'PROVINCE' && record.province ? ` · ${record.province.name}` : ''}
      {record.effectiveWalletFrom
        ? ` · ${translate('resources.regions.fields.effectiveWalletFrom')}: ${record.effectiveWalletFrom}`
        : ''}
    </Typography>
  );
}

export function RegionEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      title={<RegionTitle />}
      redirect={false}
      queryOptions={useShowQueryOptions()}
    >
      <SimpleForm toolbar={<RegionEditToolbar />} warnWhenUnsavedChanges sx={{ maxWidth: 1200 }}>
        <Box sx={{ display: 'flex', gap: 3, width: '100%', alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Box sx={{ flex: '1 1 560px' }}>
            <Section title="gongji.regions.sections.identity" />
            <RegionFacts />
            <RegionLinks />
            <TextInput source="name" fullWidth={false} sx={{ width: 260 }} />

            <Section title="gongji.regions.sections.mutual_aid" />
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
              <RolloutDateInput source="earmarkedFrom" />
              <RolloutDateInput source="mutualAidRegistrationFrom" />
              <RolloutDateInput source="mutualAidUseFrom" />
            </Box>

            <Section title="gongji.regions.sections.wallet" />
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
              <RolloutDateInput source="walletFrom" />
              <RolloutDateInput source="usageLocationChangeFrom" />
            </Box>
            <ProvinceOnly>
              <BooleanInput source="walletFullCoverage" helperText="gongji.regions.full_coverage_hint" />
            </ProvinceOnly>

            <Section title="gongji.regions.sections.supplementary" />
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
              <RolloutDateInput source="supplementaryPremiumSelfFrom" />
              <RolloutDateInput source="supplementaryPremiumKinFrom" />
            </Box>

            <Section title="gongji.regions.sections.audit" />
            <TextInput
              source="reason"
              multiline
              fullWidth
              helperText="gongji.regions.reason_hint"
              slotProps={{ htmlInput: { maxLength: REASON_MAX_LENGTH } }}
            />
          </Box>
          {/* Inside the form: the preview watches the values being edited. */}
          <RolloutPreview />
        </Box>
      </SimpleForm>
    </Edit>
  );
}
