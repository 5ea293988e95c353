import { useEffect, useRef } from 'react';
import {
  BulkActionsToolbar,
  Datagrid,
  DateInput,
  EditButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectAllButton,
  SelectInput,
  ShowButton,
  TextField,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { todayInChina } from '../data/today';
import { BulkRolloutButton } from './BulkRolloutButton';
import { ProvinceFilterSidebar } from './ProvinceFilterSidebar';
import { ProvinceSummary } from './ProvinceSummary';
import {
  FullCoverageField,
  IsoDateField,
  LevelField,
  levelChoices,
  ProvinceNameField,
  WalletFromField,
  WalletStatusField,
} from './regionFields';
import { regionExporter } from '../export/policyExports';

const regionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="provinceCode"
    source="provinceCode"
    reference="regions"
    filter={{ level: 'PROVINCE' }}
    sort={{ field: 'code', order: 'ASC' }}
    perPage={100}
    alwaysOn
  >
    <SelectInput optionText="name" label="resources.regions.fields.provinceCode" />
  </ReferenceInput>,
  <SelectInput key="level" source="level" choices={levelChoices} alwaysOn />,
  <DateInput key="walletOpenOn" source="walletOpenOn" />,
];

/**
 * A bulk rollout acts on what the officer sees: the selection is dropped when the filters change (and on arrival),
 * so regions selected under another province or search can never be changed unseen (a black-box tester's 福建
 * "select all" also carried 12 hidden 山西 regions).
 */
function useSelectionFollowsFilters(): void {
  const { filterValues, onUnselectItems } = useListContext();
  const key = JSON.stringify(filterValues);
  const unselect = useRef(onUnselectItems);
  unselect.current = onUnselectItems;
  useEffect(() => {
    unselect.current();
  }, [key]);
}

/**
 * 全选 selects every region matching the filters (all 457 with none), not react-admin's default 250 (read as 300 by
 * pages of 100, audit C #2); the bulk dialog then submits them in batches of at most 100.
 */
function SelectAllMatchingButton() {
  const { total } = useListContext();
  const translate = useTranslate();
  if (!total) return null;
  return (
    <SelectAllButton
      limit={total}
      label={translate('gongji.bulk.select_all_matching', { total })}
      data-testid="select-all-matching"
    />
  );
}

function RegionGrid() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  useSelectionFollowsFilters();
  const { permissions } = usePermissions<string>();
  const on =
    typeof filterValues.walletOpenOn === 'string' && filterValues.walletOpenOn
      ? filterValues.walletOpenOn
      : todayInChina();
  const canEdit = permissions === 'ADMIN';
  return (
    <Datagrid
      rowClick={canEdit ? 'edit' : 'show'}
      // Issue #10: one audited bulk rollout for the selected regions (ADMIN only; others cannot select).
      bulkActionButtons={canEdit ? <BulkRolloutButton /> : false}
      bulkActionsToolbar={
        canEdit ? (
          <BulkActionsToolbar selectAllButton={<SelectAllMatchingButton />}>
            <BulkRolloutButton />
          </BulkActionsToolbar>
        ) : undefined
      }
      // Fits 1366 px without sideways scrolling (audit C #6): the edit action comes first, dates stay on one line,
      // long names and headers wrap at word width (a header is at least as wide as a date, never one character).
      sx={{
        '& .RaDatagrid-rowCell': { whiteSpace: 'nowrap', px: 1 },
        '& .RaDatagrid-headerCell': { whiteSpace: 'normal', minWidth: '4em', px: 1, lineHeight: 1.3 },
        '& .column-name': { whiteSpace: 'normal', minWidth: '6em' },
        '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
      }}
    >
      {canEdit ? <EditButton /> : <ShowButton />}
      <TextField source="code" sortBy="code" />
      <TextField source="name" />
      <LevelField label="resources.regions.fields.level" sortBy="level" />
      <ProvinceNameField label="resources.regions.fields.province" sortable={false} />
      <WalletStatusField
        label={translate('resources.regions.fields.walletStatus', { date: on })}
        sortable={false}
      />
      <WalletFromField label="resources.regions.fields.walletFrom" sortBy="walletFrom" />
      <IsoDateField source="mutualAidRegistrationFrom" sortable={false} />
      <IsoDateField source="mutualAidUseFrom" sortable={false} />
      <FullCoverageField label="resources.regions.fields.walletFullCoverage" sortable={false} />
    </Datagrid>
  );
}

export function RegionList() {
  return (
    <List
      filters={regionFilters}
      aside={<ProvinceFilterSidebar />}
      // The grid scrolls inside the page (not the page sideways), so the bulk toolbar stays in view at 1440 px.
      sx={{ '& .RaList-main': { minWidth: 0 } }}
      sort={{ field: 'code', order: 'ASC' }}
      perPage={25}
      // Chinese headers, labels and a BOM (issue #10), not react-admin's raw JSON columns.
      exporter={regionExporter}
    >
      <ProvinceSummary />
      <RegionGrid />
    </List>
  );
}
