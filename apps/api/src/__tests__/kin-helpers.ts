import { PersonEntity } from '@gongji/persistence';
import type { TestApp } from '../testing/test-app';

/** Shared by successful-kin and failing-kin: the mutations and the demo persons they act on. */
export const KIN_REGISTER = `mutation($input: KinRelationRegisterInput!) { kinRelationRegister(input: $input) {
  relation { id providerId beneficiaryId relation channel position registeredOn revokedAt }
  fundingSources { providerId position }
  explanation { rule message }
  userErrors { code message field rule }
} }`;

export const KIN_REORDER = `mutation($input: KinRelationsReorderInput!) { kinRelationsReorder(input: $input) {
  beneficiary { id fundingSources { providerId position } }
  fundingSources { providerId position }
  userErrors { code message field rule }
} }`;

export const KIN_REVOKE = `mutation($input: KinRelationRevokeInput!) { kinRelationRevoke(input: $input) {
  relation { id position revokedAt }
  fundingSources { providerId position }
  userErrors { code message field rule }
} }`;

export type KinUserError = { code: string; message: string; field: string[] | null; rule: string | null };

/** Demo person ids by name (src/seed/demo.ts). */
export async function demoIds(app: TestApp): Promise<Record<string, string>> {
  const rows = await app.db.getRepository(PersonEntity).find();
  return Object.fromEntries(rows.map((p) => [p.name, p.id]));
}

/** An API client of the national app with the `kin:write` scope; returns its key. */
export async function kinPortalKey(app: TestApp): Promise<string> {
  const res = await app.gql<{ apiClientCreate: { apiKey: string } }>(
    'mutation { apiClientCreate(input: { name: "国家医保服务平台 (test)", scopes: ["kin:write"] }) { apiKey } }',
    {},
    await app.login('admin'),
  );
  const key = res.data?.apiClientCreate.apiKey;
  if (!key) throw new Error(`apiClientCreate failed: ${JSON.stringify(res)}`);
  return key;
}
