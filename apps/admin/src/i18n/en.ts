// English messages: react-admin's catalogue plus the console's own texts.
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { counterEn } from './counter.en';
import { deepMerge } from './deepMerge';
import { institutionsEn } from './institutions.en';
import { personFormsEn } from './personForms.en';
import { policyEn } from './policy.en';

const gongji = {
  gongji: {
    app: { title: 'Gongji · medical-insurance accounts console', language: 'Language' },
    errors: {
      forbidden: 'You are not allowed to do this (forbidden)',
      unauthenticated: 'Your session has expired; please sign in again',
      invalid: 'The server refused the data',
      bad_input: 'Malformed request',
      internal: 'Internal server error; please retry later',
    },
    levels: {
      PROVINCE: 'Province',
      CITY: 'City',
      COUNTY: 'County',
      SPECIAL: 'Special pool',
      NEW_AREA: 'New area',
    },
    wallet: {
      open: 'Open',
      closed: 'Closed',
      inherited: 'inherited from the province',
      basis_EXACT: 'exact date',
      basis_CONFIRMED_BY: 'confirmed by',
    },
    regions: {
      provinces: 'By province',
      all_provinces: 'All provinces',
      sections: {
        identity: 'Region',
        mutual_aid: 'Family mutual aid',
        wallet: 'Medical-insurance wallet',
        supplementary: 'Supplementary premium',
        audit: 'Audit',
      },
      inherit_hint: 'Empty: inherits the province (%{date})',
      province_hint: 'Province setting; regions that leave it empty inherit it',
      not_set: 'not set',
      reason_hint: 'Goes to the audit log, e.g. the circular number',
      preview: {
        title: 'Rule check (local)',
        ok: 'No rule conflicts found in these dates',
        unavailable: 'Local rules not available; the server decides',
        note: 'Advisory only: the server validates on save; saving is not blocked',
      },
    },
    dashboard: {
      title: 'Medical-insurance wallet rollout',
      on: 'As of',
      regions_open: 'Regions open',
      reported_regions_open: 'Officially reported',
      reported_as_of: 'as of %{date}, source: %{source}',
      provinces_open: 'Provinces open',
      full_coverage: 'Province-wide',
      usage_change: 'Usage-location change',
      per_province: 'By province',
      timeline: 'Rollout over time',
      timeline_from: 'From',
      timeline_to: 'To',
      province: 'Province',
      wallet_from: 'Wallet from',
      enumerated: 'Enumerated',
      none: 'none',
      series_regions: 'Regions',
      series_provinces: 'Provinces',
      load_error: 'Could not load the statistics',
    },
    kin_purposes: {
      MEDICAL: 'Medical costs',
      RESIDENT_CONTRIBUTION: 'Resident insurance contribution',
      LONG_TERM_CARE: 'Long-term care contribution',
      SUPPLEMENTARY_PREMIUM: 'Supplementary insurance premium',
      WALLET_TRANSFER: 'Wallet transfer',
    },
    relations: {
      SPOUSE: 'Spouse',
      PARENT: 'Parents',
      CHILD: 'Children',
      SIBLING: 'Siblings',
      GRANDPARENT: 'Grandparents',
      MATERNAL_GRANDPARENT: 'Maternal grandparents',
      GRANDCHILD: 'Grandchildren',
      MATERNAL_GRANDCHILD: 'Maternal grandchildren',
    },
    kinship_scopes: {
      nobody: 'Nobody (no mutual aid)',
      region_hint: 'Region code; empty = national default',
      reason_hint: 'Goes to the audit log; required when the date is in the past',
    },
  },
  resources: {
    regions: {
      name: 'Region |||| Regions',
      fields: {
        id: 'Code',
        code: 'Code',
        name: 'Name',
        level: 'Level',
        provinceCode: 'Province',
        province: 'Province',
        isPool: 'Pooling region',
        synthetic: 'Not an administrative division',
        q: 'Search',
        walletOpenOn: 'Wallet open on',
        walletOpen: 'Wallet',
        walletStatus: 'Wallet (%{date})',
        walletFullCoverage: 'Province-wide',
        walletRegionsEnumerated: 'Enumerated',
        walletFromBasis: 'Date basis',
        earmarkedFrom: 'Earmarked from',
        mutualAidRegistrationFrom: 'Mutual-aid registration from',
        mutualAidUseFrom: 'Mutual-aid use from',
        walletFrom: 'Wallet from',
        effectiveWalletFrom: 'Effective wallet from',
        usageLocationChangeFrom: 'Usage-location change from',
        supplementaryPremiumSelfFrom: 'Supplementary premium (self) from',
        supplementaryPremiumKinFrom: 'Supplementary premium (relatives) from',
        regionCount: 'Regions',
        updatedAt: 'Updated',
        reason: 'Reason',
      },
    },
    'kinship-scopes': {
      name: 'Policy setting |||| Policy settings',
      fields: {
        id: 'Id',
        regionCode: 'Region code',
        purpose: 'Purpose',
        relations: 'Relatives allowed',
        effectiveFrom: 'Effective from',
        createdBy: 'Set by',
        createdAt: 'Set at',
        reason: 'Reason',
      },
    },
  },
};

export const enMessages = deepMerge(
  englishMessages as unknown as Record<string, unknown>,
  gongji,
  counterEn,
  policyEn,
  institutionsEn,
  personFormsEn,
) as unknown as TranslationMessages;
