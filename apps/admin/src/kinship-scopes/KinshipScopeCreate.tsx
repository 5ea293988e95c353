// Sets the kinship scope of a purpose from a date (R-KIN-1). The region is searched by name; the server counts
// what a narrower scope would take out before saving, and saving asks for confirmation and a reason (issue #10).
// After saving, the list opens on the scope's region so the new row is in view.
import Box from '@mui/material/Box';
import { CheckboxGroupInput, Create, DateInput, SelectInput, SimpleForm, required } from 'react-admin';
import { ConfirmScopeSaveToolbar } from './ConfirmScopeSave';
import { KinshipScopeImpactPanel } from './KinshipScopeImpactPanel';
import { RegionAutocompleteInput } from './RegionAutocompleteInput';
import { purposeChoices, relationChoices } from './kinshipScopeFields';

/** The list filtered to the saved scope's region (empty = national rows). */
export function listOfRegion(regionCode: unknown): string {
  const code = typeof regionCode === 'string' ? regionCode : '';
  return `kinship-scopes?filter=${encodeURIComponent(JSON.stringify({ regionCode: code }))}`;
}

export function KinshipScopeCreate() {
  return (
    <Create redirect={(_resource, _id, data) => listOfRegion(data?.regionCode)} mutationMode="pessimistic">
      <SimpleForm
        // No region pre-filled: empty is the national default, as the region input's hint says.
        defaultValues={{ regionCode: null, relations: [] }}
        // Saving validates through trigger() (the confirmation dialog), not a submit: without onChange a 必填 shown
        // then stayed under 共济用途 and 生效日期 after both were filled (audit C #4).
        mode="onChange"
        sx={{ maxWidth: 1200 }}
        toolbar={<ConfirmScopeSaveToolbar />}
      >
        <Box sx={{ display: 'flex', gap: 3, width: '100%', alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Box sx={{ flex: '1 1 520px' }}>
            <RegionAutocompleteInput />
            <SelectInput source="purpose" choices={purposeChoices} validate={required()} />
            <CheckboxGroupInput source="relations" choices={relationChoices} />
            <DateInput source="effectiveFrom" validate={required()} fullWidth={false} sx={{ width: 260 }} />
          </Box>
          <KinshipScopeImpactPanel />
        </Box>
      </SimpleForm>
    </Create>
  );
}
