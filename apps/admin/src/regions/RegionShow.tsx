// Read-only view for roles that may not edit (COUNTER, ANALYST).
import { BooleanField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { ROLLOUT_DATE_FIELDS } from '../data/graphqlTypes';
import { IsoDateField, LevelField, ProvinceNameField, WalletStatusField } from './regionFields';

export function RegionShow() {
  return (
    <Show>
      <SimpleShowLayout>
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
        <BooleanField source="walletFullCoverage" />
      </SimpleShowLayout>
    </Show>
  );
}
