// Province view (issue #10): with a province selected, how many of its regions have the wallet open on the list's
// date and whether it is 全域 — derived as the API does (a province flag plus a wallet date its regions inherit).
import { Alert } from '@mui/material';
import { useGetList, useGetOne, useListContext, useTranslate } from 'react-admin';
import type { RegionRecord } from '../data/graphqlTypes';
import { todayInChina } from '../data/today';

export function ProvinceSummary() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const provinceCode = typeof filterValues.provinceCode === 'string' ? filterValues.provinceCode : '';
  const on =
    typeof filterValues.walletOpenOn === 'string' && filterValues.walletOpenOn
      ? filterValues.walletOpenOn
      : todayInChina();
  const enabled = provinceCode !== '';
  const { data: province } = useGetOne<RegionRecord>('regions', { id: provinceCode }, { enabled });
  const page = { pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' as const } };
  const { total: all } = useGetList('regions', { ...page, filter: { provinceCode } }, { enabled });
  const { total: open } = useGetList(
    'regions',
    { ...page, filter: { provinceCode, walletOpenOn: on } },
    { enabled },
  );
  if (!enabled || !province || all === undefined || open === undefined) return null;
  // The province row itself is not a pool of its own regions: count the others.
  const provinceOpen =
    province.walletFrom !== null && province.walletFrom !== undefined && province.walletFrom <= on;
  const openRegions = open - (provinceOpen ? 1 : 0);
  const fullCoverage = province.walletFullCoverage && !!province.walletFrom;
  return (
    <Alert severity={fullCoverage ? 'success' : 'info'} sx={{ m: 1 }} data-testid="province-summary">
      {translate('gongji.regions.province_summary', {
        province: province.name,
        date: on,
        open: openRegions,
        total: all - 1,
        full: translate(fullCoverage ? 'gongji.regions.full_yes' : 'gongji.regions.full_no'),
      })}
    </Alert>
  );
}
