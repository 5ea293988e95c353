// Sidebar grouping the list by province: a policy officer works province by province (R-WAL-2 rolls out per
// provincial bureau), so one click narrows the list to a province and shows how many regions it has.
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LocationCity from '@mui/icons-material/LocationCity';
import { FilterList, FilterListItem, useGetList, useTranslate } from 'react-admin';
import type { RegionRecord } from '../data/graphqlTypes';

export function ProvinceFilterSidebar() {
  const translate = useTranslate();
  const { data: provinces = [] } = useGetList<RegionRecord>('regions', {
    filter: { level: 'PROVINCE' },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'code', order: 'ASC' },
  });
  return (
    <Card
      sx={{ order: -1, mr: 2, mt: 8, width: 190, flexShrink: 0, display: { xs: 'none', md: 'block' } }}
      data-testid="province-sidebar"
    >
      <CardContent sx={{ maxHeight: '80vh', overflowY: 'auto' }}>
        <FilterList label={translate('gongji.regions.provinces')} icon={<LocationCity />}>
          {provinces.map((province) => (
            <FilterListItem
              key={province.code}
              // The filter lists the province's own row and its regions: the count is the rows shown (issue #10).
              label={`${province.name} (${province.regionCount + 1})`}
              value={{ provinceCode: province.code }}
            />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}
