// Inputs shared by the registration and edit pages of a person.
import { REASON_MAX_LENGTH } from '@gongji/domain';
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useFormState, useWatch } from 'react-hook-form';
import { todayInChina } from '../data/today';
import { birthDateWhileTyping, checkIdNumber } from './personForm';
import { choices } from './personChoices';

export const INSURANCE_TYPES = ['EMPLOYEE', 'RESIDENT', 'FLEXIBLE', 'NONE'] as const;
export const EMPLOYMENT_STATUSES = ['IN_SERVICE', 'RETIRED'] as const;

/** react-admin validator of an ID number (R-ACC-2, GB 11643), same checks as the server. */
export function validIdNumber(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const check = checkIdNumber(value, todayInChina());
  return check.ok ? undefined : check.problem;
}

/** The ID-number input with its live check: the birth date read from the number, or why it is not valid. */
export function IdNumberInput() {
  const translate = useTranslate();
  const value = (useWatch({ name: 'idNumber' }) as string | undefined) ?? '';
  const typed = value.trim();
  const check = typed.length >= 18 ? checkIdNumber(typed, todayInChina()) : null;
  const birthDate = check?.ok ? check.birthDate : birthDateWhileTyping(typed);
  // Once the form shows the field's own error (after 保存), the live line does not say it a second time.
  const { errors } = useFormState({ name: 'idNumber' });
  const shownOnField = !!errors.idNumber;
  return (
    <>
      <TextInput
        source="idNumber"
        validate={[required(), validIdNumber]}
        helperText="gongji.person_form.id_hint"
        sx={{ width: 320 }}
        slotProps={{ htmlInput: { maxLength: 18, 'data-testid': 'input-idNumber' } }}
      />
      <Typography
        variant="body2"
        data-testid="id-number-check"
        color={check && !check.ok ? 'error' : check?.ok ? 'success.main' : 'text.secondary'}
        sx={{ mt: -1, mb: 2, minHeight: 20 }}
      >
        {check && !check.ok
          ? shownOnField
            ? ''
            : translate(check.problem)
          : birthDate
            ? translate('gongji.person_form.birth_date_read', { date: birthDate })
            : ''}
      </Typography>
    </>
  );
}

/** The insured region (参保地): a pooling region searched by name or code. */
export function PoolRegionInput() {
  return (
    <ReferenceInput
      source="regionCode"
      reference="regions"
      filter={{ isPool: true }}
      sort={{ field: 'code', order: 'ASC' }}
      perPage={20}
    >
      <AutocompleteInput
        optionText={(r: { name: string; code: string }) => `${r.name}（${r.code}）`}
        filterToQuery={(q: string) => ({ q })}
        helperText="gongji.person_form.region_hint"
        label="resources.persons.fields.region"
        noOptionsText="ra.navigation.no_results"
        validate={required()}
        sx={{ width: 320 }}
      />
    </ReferenceInput>
  );
}

export function InsuranceTypeInput({ helperText }: { readonly helperText?: string } = {}) {
  return (
    <SelectInput
      source="insuranceType"
      choices={choices(INSURANCE_TYPES, 'gongji.insurance_types')}
      validate={required()}
      {...(helperText ? { helperText } : {})}
      sx={{ width: 320 }}
    />
  );
}

/** In service / retired: employee participants only (required there, hidden otherwise). */
export function EmploymentStatusInput({ insuranceType }: { readonly insuranceType?: string }) {
  const watched = useWatch({ name: 'insuranceType' }) as string | undefined;
  if ((insuranceType ?? watched) !== 'EMPLOYEE') return null;
  return (
    <SelectInput
      source="employmentStatus"
      choices={choices(EMPLOYMENT_STATUSES, 'gongji.employment')}
      validate={required()}
      helperText="gongji.person_form.employment_hint"
      sx={{ width: 320 }}
    />
  );
}

export function PhoneInput({ validate }: { readonly validate?: Validator }) {
  return (
    <TextInput
      source="phone"
      validate={validate}
      helperText="gongji.person_form.phone_hint"
      sx={{ width: 320 }}
      slotProps={{ htmlInput: { 'data-testid': 'input-phone' } }}
    />
  );
}

export function ReasonInput() {
  return (
    <TextInput
      source="reason"
      multiline
      fullWidth
      helperText={false}
      slotProps={{ htmlInput: { 'data-testid': 'input-reason', maxLength: REASON_MAX_LENGTH } }}
    />
  );
}
