// Display helpers of the kinship-scope resource (R-KIN-1): translated purposes and relation chips.
import Chip from '@mui/material/Chip';
import Box from '@mui/material/Box';
import { useRecordContext, useTranslate } from 'react-admin';
import { KIN_PURPOSES, RELATIONS, type KinshipScopeRecord } from '../data/buildKinshipScopeQuery';

export const purposeChoices = KIN_PURPOSES.map((purpose) => ({
  id: purpose,
  name: `gongji.kin_purposes.${purpose}`,
}));

export const relationChoices = RELATIONS.map((relation) => ({
  id: relation,
  name: `gongji.relations.${relation}`,
}));

export function PurposeField(_props: { label?: string; sortBy?: string; sortable?: boolean }) {
  const record = useRecordContext<KinshipScopeRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{record.purpose ? translate(`gongji.kin_purposes.${record.purpose}`) : '—'}</span>;
}

/** The allowed relations as chips; an empty scope means nobody may be helped. */
export function RelationsField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<KinshipScopeRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.relations.length === 0) return <span>{translate('gongji.kinship_scopes.nobody')}</span>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }} data-testid="kinship-relations">
      {record.relations.map((relation) => (
        <Chip key={relation} size="small" label={translate(`gongji.relations.${relation}`)} />
      ))}
    </Box>
  );
}

/** ISO dates as written; timestamps in the browser's locale. */
export function PlainDateField({
  source,
}: {
  source: 'effectiveFrom';
  label?: string;
  sortBy?: string;
  sortable?: boolean;
}) {
  const record = useRecordContext<KinshipScopeRecord>();
  return <span>{record?.[source] ?? '—'}</span>;
}
