// English texts of the institution pages (designated hospitals and pharmacies).
export const institutionsEn = {
  gongji: {
    institutions: {
      kinds: { HOSPITAL: 'Hospital', PHARMACY: 'Retail pharmacy' },
      levels: {
        TERTIARY: 'Tertiary',
        SECONDARY: 'Secondary',
        PRIMARY: 'Primary',
        OTHER: 'Other (pharmacy, unrated)',
      },
      designated_yes: 'Designated',
      designated_no: 'Not designated',
      code_hint:
        'National institution code: H (hospital) or P (pharmacy) + 6-digit division + 5-digit sequence, e.g. H11010100001',
      code_invalid: 'The code is H or P followed by 11 digits, e.g. H11010100001',
      code_kind_mismatch: "A hospital's code starts with H, a pharmacy's with P",
      name_too_long: 'The name has at most 128 characters',
      pharmacy_level: 'A pharmacy has level Other',
      level_hint: 'Pharmacies have level Other',
      region_hint: 'Code of the coverage region, e.g. 110000',
      designated_hint: 'A non-designated institution cannot settle (R-USE-1)',
      open_to_all_hint: 'TCM, specialist or A-class hospital: usable without being chosen (R-USE-1)',
      accepts_wallet_hint: 'Accepts payment from the medical-insurance wallet (R-WAL-7)',
      reason_hint: 'Kept in the audit log (optional)',
    },
  },
  resources: {
    institutions: {
      name: 'Institution |||| Institutions',
      fields: {
        q: 'Search name or code',
        id: 'Institution id (to bind an API client)',
        code: 'Code',
        name: 'Name',
        kind: 'Kind',
        level: 'Level',
        regionCode: 'Region code',
        designated: 'Designated',
        openToAll: 'Open to all',
        acceptsWallet: 'Accepts wallet',
        reason: 'Reason',
      },
    },
  },
};
