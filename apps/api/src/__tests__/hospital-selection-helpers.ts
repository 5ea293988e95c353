import type { UserErr } from './settlement-helpers';

export const HOSPITALS_SET = `mutation($input: PersonHospitalsSetInput!) { personHospitalsSet(input: $input) {
  person { id hospitals { id code kind openToAll } }
  hospitals { id code name kind level regionCode openToAll acceptsWallet }
  userErrors { code message field rule }
} }`;

export interface HospitalsSetData {
  personHospitalsSet: {
    person: { id: string; hospitals: { id: string; code: string }[] } | null;
    hospitals: { id: string; code: string; kind: string; openToAll: boolean }[];
    userErrors: UserErr[];
  };
}

/** The demo hospitals: 协和 is open to all (A-class); the Chaoyang community centre must be chosen (R-USE-1). */
export const XIEHE = 'H11010100001';
export const CHAOYANG = 'H11010500002';
export const TONGRENTANG = 'P11010500003';
export const HEBEI = 'H13010200001';
export const SHANDONG = 'H37010200001';
