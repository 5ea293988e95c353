// Read-only view for roles that may not edit (COUNTER, ANALYST).
import { Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { ROLLOUT_DATE_FIELDS } from '../data/graphqlTypes';
import { usePermissions } from 'react-admin';
import { canEditRegions, showActionsFor } from '../access/roles';
import { RegionLinks } from './RegionLinks';
import {
  FullCoverageField,
  IsoDateField,
  LevelField,
  ProvinceNameField,
  WalletStatusField,
} from './regionFields';
import { useShowQueryOptions } from '../shared/LoadError';

export function RegionShow() {
  const { permissions } = usePermissions<string>();
  // Signed out (Back after 退出) or unreachable is not 条目不存在 (useShowQueryOptions).
  const queryOptions = useShowQueryOptions();
  return (
    <Show actions={showActionsFor(canEditRegions(permissions))} queryOptions={queryOptions}>
      <SimpleShowLayout>
        {/* The audit log is ADMIN-only in the API; the policy in force is open to every role. */}
        <RegionLinks showAudit={permissions === 'ADMIN'} />
        <TextField source="code" />
        <TextField source="name" />
        <Labeled label="resources.regions.fields.level">
          <LevelField />
        </Labeled>
        <Labeled label="resources.regions.fields.province">
          <ProvinceNameField />
        </Labeled>
        <Labeled label="resources.regions.fields.walletOpen">
          <WalletStatusField />
        </Labeled>
        <IsoDateField source="effectiveWalletFrom" />
        {ROLLOUT_DATE_FIELDS.map((field) => (
          <IsoDateField key={field} source={field} />
        ))}
        <Labeled label="resources.regions.fields.walletFullCoverage">
          <FullCoverageField />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
