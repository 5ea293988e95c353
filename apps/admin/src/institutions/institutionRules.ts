// The institution form's checks, kept free of React so they are unit-tested (the API checks the same again).

/** The national code as the API checks it: H or P, the 6-digit division, a 5-digit sequence. */
const CODE = /^[HhPp]\d{11}$/;

/**
 * The form's checks (form-level: react-admin then skips input-level validators), the same the API makes, so the
 * officer sees them in the console's language before saving: required fields, the code's form, a hospital's code
 * starts with H and a pharmacy's with P, a pharmacy has level OTHER, a name of at most 128 characters.
 */
export function validateInstitution(values: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const text = (key: string) => String(values[key] ?? '').trim();
  for (const key of ['code', 'name', 'kind', 'level', 'regionCode'])
    if (!text(key)) errors[key] = 'ra.validation.required';
  const code = text('code').toUpperCase();
  const letter = values.kind === 'HOSPITAL' ? 'H' : values.kind === 'PHARMACY' ? 'P' : null;
  if (code && !CODE.test(code)) errors.code = 'gongji.institutions.code_invalid';
  else if (code && letter && code[0] !== letter) errors.code = 'gongji.institutions.code_kind_mismatch';
  if (text('name').length > 128) errors.name = 'gongji.institutions.name_too_long';
  if (values.kind === 'PHARMACY' && values.level && values.level !== 'OTHER')
    errors.level = 'gongji.institutions.pharmacy_level';
  return errors;
}
