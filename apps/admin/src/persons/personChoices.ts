// Choices of the counter forms, labelled through i18n (gongji.*).
export const RELATIONS = [
  'SPOUSE',
  'PARENT',
  'CHILD',
  'SIBLING',
  'GRANDPARENT',
  'MATERNAL_GRANDPARENT',
  'GRANDCHILD',
  'MATERNAL_GRANDCHILD',
] as const;

export const KIN_CHANNELS = [
  'COUNTER',
  'PUBLIC_SERVICE_PLATFORM',
  'BUREAU_WEBSITE',
  'NATIONAL_APP',
  'JINGTONG_MINI_PROGRAM',
] as const;

export const IDENTITY_DOCUMENTS = [
  'ID_CARD',
  'TEMPORARY_ID_CARD',
  'SOCIAL_SECURITY_CARD',
  'HOUSEHOLD_REGISTER',
] as const;

export const EVIDENCE_KINDS = [
  'HOUSEHOLD_REGISTER',
  'MARRIAGE_CERTIFICATE',
  'BIRTH_CERTIFICATE',
  'OTHER_OFFICIAL',
] as const;

export function choices(values: readonly string[], prefix: string) {
  return values.map((id) => ({ id, name: `${prefix}.${id}` }));
}
