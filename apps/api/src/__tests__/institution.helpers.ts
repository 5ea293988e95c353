import type { TestApp } from '../testing/test-app';

export const INSTITUTION_FIELDS = 'id code name kind level regionCode designated openToAll acceptsWallet';

export interface InstitutionRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: string;
  regionCode: string;
  designated: boolean;
  openToAll: boolean;
  acceptsWallet: boolean;
}

export interface InstitutionPayload {
  institution: InstitutionRow | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
}

export const CREATE = `mutation($input: InstitutionCreateInput!) {
  institutionCreate(input: $input) { institution { ${INSTITUTION_FIELDS} } userErrors { code message field } }
}`;

export const UPDATE = `mutation($input: InstitutionUpdateInput!) {
  institutionUpdate(input: $input) { institution { ${INSTITUTION_FIELDS} } userErrors { code message field } }
}`;

export const LIST = `query($filter: InstitutionFilter, $first: Int, $after: String) {
  institutions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { ${INSTITUTION_FIELDS} } }
  }
}`;

export interface InstitutionPage {
  institutions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: InstitutionRow }[];
  };
}

/** A valid create input; `overrides` replace fields. */
export function hospitalInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'H44030400001',
    name: '深圳市人民医院',
    kind: 'HOSPITAL',
    level: 'TERTIARY',
    regionCode: '440300',
    designated: true,
    openToAll: true,
    acceptsWallet: true,
    ...overrides,
  };
}

export async function createInstitution(
  app: TestApp,
  input: Record<string, unknown>,
  token: string,
): Promise<InstitutionPayload> {
  const res = await app.gql<{ institutionCreate: InstitutionPayload }>(CREATE, { input }, token);
  if (!res.data) throw new Error(`institutionCreate failed: ${JSON.stringify(res)}`);
  return res.data.institutionCreate;
}
