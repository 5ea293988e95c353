// History of the kinship scopes (R-KIN-1) of one region, oldest first; an empty region code lists the national rows.
// The server filters and pages (`policySettings` connection); columns are not sortable (oldest first only).
import History from '@mui/icons-material/History';
import Policy from '@mui/icons-material/Policy';
import { Button } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  LinkBase,
  List,
  ReferenceField,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { KinshipScopeRecord } from '../data/buildKinshipScopeQuery';
import { auditLink, policyLink } from '../regions/RegionLinks';
import { ChinaTimeField } from '../shared/fields';
import { RegionAutocompleteInput } from './RegionAutocompleteInput';
import { PlainDateField, PurposeField, RelationsField, purposeChoices } from './kinshipScopeFields';
import { responsiveListSx } from '../shared/listLayout';

export const DEFAULT_REGION_CODE = '110000';

const kinshipScopeFilters = [
  <RegionAutocompleteInput key="regionCode" source="regionCode" alwaysOn />,
  <SelectInput key="purpose" source="purpose" choices={purposeChoices} alwaysOn />,
];

function KinshipScopeListActions() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const region = typeof filterValues.regionCode === 'string' ? filterValues.regionCode : '';
  return (
    <TopToolbar>
      {region ? (
        <Button size="small" component={LinkBase} to={policyLink(region)} startIcon={<Policy />}>
          {translate('gongji.policy.link')}
        </Button>
      ) : null}
      <CreateButton />
    </TopToolbar>
  );
}

/** Issue #10: each scope links to its audit entries (who set it, when, why, what it replaced). */
function ScopeAuditLink(_props: { label?: string }) {
  const record = useRecordContext<KinshipScopeRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Button
      size="small"
      component={LinkBase}
      to={auditLink({ entityId: String(record.id) })}
      startIcon={<History />}
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
    >
      {translate('gongji.audit.link')}
    </Button>
  );
}

/** The scope's region by name ("北京市（110000）"); a scope without region is the national default. */
export function RegionNameField(_props: { label?: string }) {
  const record = useRecordContext<KinshipScopeRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.regionCode) {
    return <span data-testid="scope-region">{translate('gongji.kinship_scopes.national_default')}</span>;
  }
  return (
    <ReferenceField source="regionCode" reference="regions" link={false}>
      <RegionName />
    </ReferenceField>
  );
}

function RegionName() {
  const region = useRecordContext<{ id: string; name: string }>();
  if (!region) return null;
  return <span data-testid="scope-region">{`${region.name}（${region.id}）`}</span>;
}

export function KinshipScopeList() {
  return (
    <List
      // Phones: the table scrolls in its box, the toolbar wraps (shared/listLayout.ts).
      sx={responsiveListSx}
      filters={kinshipScopeFilters}
      filterDefaultValues={{ regionCode: DEFAULT_REGION_CODE }}
      actions={<KinshipScopeListActions />}
      sort={{ field: 'effectiveFrom', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <RegionNameField label="gongji.kinship_scopes.region" />
        <PurposeField label="resources.kinship-scopes.fields.purpose" sortable={false} />
        <RelationsField label="resources.kinship-scopes.fields.relations" sortable={false} />
        <PlainDateField
          source="effectiveFrom"
          label="resources.kinship-scopes.fields.effectiveFrom"
          sortable={false}
        />
        <TextField source="createdBy" sortable={false} />
        <ChinaTimeField
          source="createdAt"
          label="resources.kinship-scopes.fields.createdAt"
          sortable={false}
        />
        <ScopeAuditLink label="gongji.audit.title" />
      </Datagrid>
    </List>
  );
}
