// Small display fields shared by the region list and show views.
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useRecordContext, useTranslate } from 'react-admin';
import { REGION_LEVELS, type RegionRecord, type RolloutDateField } from '../data/graphqlTypes';

export const levelChoices = REGION_LEVELS.map((level) => ({ id: level, name: `gongji.levels.${level}` }));

/** ISO dates are shown as written (`2025-05-08`): a Date object would shift the day in some time zones. */
export function IsoDateField({
  source,
}: {
  source: RolloutDateField | 'effectiveWalletFrom';
  label?: string;
  sortable?: boolean;
}) {
  const record = useRecordContext<RegionRecord>();
  const value = record?.[source];
  return <span>{value ?? '—'}</span>;
}

export function LevelField(_props: { label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  return record ? <span>{translate(`gongji.levels.${record.level}`)}</span> : null;
}

export function ProvinceNameField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<RegionRecord>();
  if (!record) return null;
  return (
    <span>{record.level === 'PROVINCE' ? record.name : (record.province?.name ?? record.provinceCode)}</span>
  );
}

/** Wallet open or closed on the list's date (R-WAL-2/R-WAL-3), with where the effective date comes from. */
export function WalletStatusField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const inherited = !record.walletFrom && !!record.effectiveWalletFrom;
  const title = record.effectiveWalletFrom
    ? `${record.effectiveWalletFrom}${inherited ? ` (${translate('gongji.wallet.inherited')})` : ''}`
    : '—';
  return (
    <Tooltip title={title}>
      <Chip
        size="small"
        color={record.walletOpen ? 'success' : 'default'}
        variant={record.walletOpen ? 'filled' : 'outlined'}
        label={translate(record.walletOpen ? 'gongji.wallet.open' : 'gongji.wallet.closed')}
      />
    </Tooltip>
  );
}

/** Own wallet date, or the province's (shown in grey) when the region inherits it. */
export function WalletFromField(_props: { label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.walletFrom) return <span>{record.walletFrom}</span>;
  if (record.effectiveWalletFrom) {
    return (
      <Tooltip title={translate('gongji.wallet.inherited')}>
        <span style={{ color: 'rgba(0,0,0,0.5)' }}>{record.effectiveWalletFrom}*</span>
      </Tooltip>
    );
  }
  return <span>—</span>;
}

/**
 * 全域开通 as derived (R-WAL-2, issue #10): a province is 全域 only with the flag AND a wallet date, which every region
 * of it then inherits; a region shows 随省全域 when its province's date reaches it, never a bare ✓.
 */
export function FullCoverageField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<RegionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.level === 'PROVINCE') {
    return record.walletFullCoverage && record.walletFrom ? (
      <Chip size="small" color="success" label={translate('gongji.wallet.full_coverage')} />
    ) : (
      <span>—</span>
    );
  }
  const inherited = !record.walletFrom && record.effectiveWalletFrom;
  return inherited ? <span>{translate('gongji.wallet.full_coverage_inherited')}</span> : <span>—</span>;
}
