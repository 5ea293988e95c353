// English texts of registering and editing a person and of revoking/reordering mutual-aid relations (counter).
export const personFormsEn = {
  gongji: {
    person_form: {
      create_title: 'Register a person',
      edit_title: 'Edit person: %{name}',
      id_format: 'An ID number has 18 characters: 17 digits and a final digit or X (R-ACC-2)',
      id_check_digit: 'Not a valid ID number: the check digit does not match, check for a typo (R-ACC-2)',
      id_birth_date: 'Not a valid ID number: its birth date does not exist or is in the future (R-ACC-2)',
      id_province: 'Not a valid ID number: the first two digits are not a province code (R-ACC-2)',
      birth_date_read: 'Birth date in the ID number: %{date}',
      id_hint: '18-character resident ID number; the last may be X',
      phone_hint: 'Mainland mobile number; receives the initial payment password by SMS',
      employment_hint: 'Required for employee insurance',
      region_hint: 'Search a pooling region by name or code',
      bank_card_unknown: 'The current state cannot be read here; leave empty to keep it',
      registered: 'Person registered',
      registered_sms: 'Person registered; the initial payment password was sent by SMS to %{phone}',
      registered_no_sms:
        'Person registered; no initial payment password SMS was sent (no personal account or no phone)',
      updated: 'Person updated',
      edit: 'Edit',
    },
    persons: {
      actions: 'Actions',
      revoke: 'Revoke',
      revoke_title: 'Revoke a mutual-aid relation',
      revoke_help:
        "Once revoked, %{beneficiary} can no longer pay from %{provider}'s personal account; the record is kept.",
      revoke_reason: 'Reason (required, kept in the audit log)',
      relation_revoked: 'Relation revoked',
      revoked_on: 'Revoked on %{date}',
      move_up_title: 'Move a funding source up',
      move_down_title: 'Move a funding source down',
      reorder_help: "Move %{provider} %{direction} one place in %{beneficiary}'s order of funding sources.",
      up: 'up',
      down: 'down',
      reorder_reason: 'Reason (required, kept in the audit log)',
    },
  },
  resources: {
    persons: {
      fields: {
        bankCardLinked: 'Passbook linked to a bank card',
        reason: 'Reason (kept in the audit log)',
      },
    },
  },
};
