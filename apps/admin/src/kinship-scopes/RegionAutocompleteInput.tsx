// The region of a kinship scope, searched by name or code (autocomplete over `regions(filter: { q })`); empty means
// the national default (issue #10: the code was free text).
import { AutocompleteInput, ReferenceInput } from 'react-admin';

export function RegionAutocompleteInput({ source = 'regionCode' }: { source?: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source={source} reference="regions" sort={{ field: 'code', order: 'ASC' }} perPage={20}>
      <AutocompleteInput
        optionText={(r: { name: string; code: string }) => `${r.name}（${r.code}）`}
        filterToQuery={(q: string) => ({ q })}
        helperText="gongji.kinship_scopes.region_hint"
        label="resources.kinship-scopes.fields.regionCode"
        noOptionsText="ra.navigation.no_results"
        sx={{ width: 320 }}
      />
    </ReferenceInput>
  );
}
