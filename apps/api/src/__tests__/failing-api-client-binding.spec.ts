import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

const CREATE = `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) {
  apiClient { id } apiKey userErrors { code message field } } }`;

type Created = {
  apiClientCreate: {
    apiClient: { id: string } | null;
    apiKey: string | null;
    userErrors: { code: string; message: string; field: string[] }[];
  };
};

/**
 * API.md: PORTAL is "an API client bound to one institution or product". A black-box tester created a settlement
 * client bound to nothing (every call of it refused later) and one bound to an institution and a product at once.
 */
describe(`apiClientCreate binds a portal to what it acts for (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  const create = (input: Record<string, unknown>, headers?: Record<string, string>) =>
    app.gql<Created>(CREATE, { input: { name: 'portal', ...input } }, admin, headers);

  it.each([
    [
      { scopes: ['settlement:write'] },
      'institutionId',
      /needs the institution/,
      /须绑定办理结算的定点医药机构/,
    ],
    [
      { scopes: ['premium:write'], institutionId: 'H11010100001', product: 'BJ-PUHUI-2026' },
      'product',
      /one institution or one product, not both/,
      /不能同时绑定两者/,
    ],
    // An e-voucher code is a proof of presence (issue #8): the hospital that bills may not mint its own.
    [
      { scopes: ['settlement:write', 'evoucher:issue'], institutionId: 'H11010100001' },
      'scopes',
      /evoucher:issue cannot be given to a client bound to an institution/,
      /医保电子凭证码是参保人到场的证明/,
    ],
  ])(
    '%j is INVALID_INPUT on %s, in English and Chinese, and nothing is created',
    async (input, field, en, zh) => {
      const inEnglish = await create(input);
      expect(inEnglish.data!.apiClientCreate).toEqual({
        apiClient: null,
        apiKey: null,
        userErrors: [{ code: 'INVALID_INPUT', message: expect.stringMatching(en), field: [field] }],
      });
      const inChinese = await create(input, { 'accept-language': '' });
      expect(inChinese.data!.apiClientCreate.userErrors[0].message).toMatch(zh);
    },
  );

  it('bound as it should be, each kind is created: a hospital, an insurer, a contributions portal, an unbound app', async () => {
    for (const input of [
      { scopes: ['settlement:write'], institutionId: 'H11010100001' },
      { scopes: ['premium:write'], product: 'BJ-PUHUI-2026' },
      { scopes: ['premium:write'] }, // resident contributions (no product to charge)
      { scopes: ['kin:write', 'person:read'] },
    ]) {
      const res = await create(input);
      expect(res.data!.apiClientCreate.userErrors).toEqual([]);
      expect(res.data!.apiClientCreate.apiKey).toEqual(expect.any(String));
    }
  });
});
