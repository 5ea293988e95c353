// Shared choices and inputs of the institution pages (list filters, create and edit forms).
import { REASON_MAX_LENGTH } from '@gongji/domain';
import { BooleanInput, SelectInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { INSTITUTION_KINDS, INSTITUTION_LEVELS } from '../data/institutions/institutionDocuments';

export { validateInstitution } from './institutionRules';

export const kindChoices = INSTITUTION_KINDS.map((kind) => ({
  id: kind,
  name: `gongji.institutions.kinds.${kind}`,
}));
export const levelChoices = INSTITUTION_LEVELS.map((level) => ({
  id: level,
  name: `gongji.institutions.levels.${level}`,
}));

/** The institution's kind or level in the console's language. */
export function TermField({ source }: { readonly source: 'kind' | 'level'; readonly label?: string }) {
  const record = useRecordContext<{ kind: string; level: string }>();
  const translate = useTranslate();
  if (!record) return null;
  const set = source === 'kind' ? 'kinds' : 'levels';
  return <span>{translate(`gongji.institutions.${set}.${record[source]}`, { _: record[source] })}</span>;
}

/** The inputs of the create and edit forms (the server checks them again and answers per field). */
export function InstitutionInputs() {
  return (
    <>
      <TextInput source="code" isRequired helperText="gongji.institutions.code_hint" />
      <TextInput source="name" isRequired fullWidth />
      <SelectInput source="kind" choices={kindChoices} isRequired />
      <SelectInput
        source="level"
        choices={levelChoices}
        isRequired
        helperText="gongji.institutions.level_hint"
      />
      <TextInput source="regionCode" isRequired helperText="gongji.institutions.region_hint" />
      <BooleanInput source="designated" helperText="gongji.institutions.designated_hint" />
      <BooleanInput source="openToAll" helperText="gongji.institutions.open_to_all_hint" />
      <BooleanInput source="acceptsWallet" helperText="gongji.institutions.accepts_wallet_hint" />
      <TextInput
        source="reason"
        multiline
        fullWidth
        helperText="gongji.institutions.reason_hint"
        slotProps={{ htmlInput: { maxLength: REASON_MAX_LENGTH } }}
      />
    </>
  );
}
