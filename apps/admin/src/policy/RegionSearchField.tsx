// Search a region by name or code (autocomplete over `regions(filter: { q })`), outside a react-admin form.
import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useGetOne, useTranslate } from 'react-admin';
import type { RegionRecord } from '../data/graphqlTypes';

export function regionLabel(region: Pick<RegionRecord, 'name' | 'code'> | null | undefined): string {
  return region ? `${region.name}（${region.code}）` : '';
}

export function RegionSearchField({
  value,
  onChange,
  testId = 'region-search',
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  testId?: string;
}) {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const { data: options = [], isPending } = useGetList<RegionRecord>('regions', {
    filter: q.trim() ? { q: q.trim() } : {},
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'code', order: 'ASC' },
  });
  const { data: selected } = useGetOne<RegionRecord>('regions', { id: value ?? '' }, { enabled: !!value });
  return (
    <Autocomplete
      sx={{ width: 320 }}
      options={options}
      loading={isPending}
      value={selected ?? null}
      filterOptions={(x) => x}
      getOptionLabel={regionLabel}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      onInputChange={(_e, text, reason) => {
        if (reason === 'input') setQ(text);
      }}
      onChange={(_e, region) => onChange(region?.code ?? null)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('gongji.policy.region')}
          helperText={translate('gongji.policy.region_hint')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps?.htmlInput, 'data-testid': testId },
          }}
        />
      )}
      noOptionsText={translate('ra.navigation.no_results')}
    />
  );
}
