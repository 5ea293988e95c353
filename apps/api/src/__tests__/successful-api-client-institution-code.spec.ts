import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { institutionId } from './settlement-helpers';

const CREATE = `mutation($i: ApiClientCreateInput!) { apiClientCreate(input: $i) {
  apiKey apiClient { institutionId } userErrors { code field } } }`;
type Out = {
  apiClientCreate: {
    apiKey: string | null;
    apiClient: { institutionId: string | null } | null;
    userErrors: { code: string; field: string[] }[];
  };
};

/** apiClientCreate names the institution like a settlement does: by id or by its national code. */
describe(`an API client bound to an institution by its national code (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  const create = async (institution: string) =>
    (
      await app.gql<Out>(
        CREATE,
        { i: { name: 'hospital desk', scopes: ['settlement:write'], institutionId: institution } },
        await app.login('admin'),
      )
    ).data!.apiClientCreate;

  it('H11010100001 binds the client to that hospital (stored by id); an unknown code is NOT_FOUND', async () => {
    const id = await institutionId(app, 'H11010100001');
    const byCode = await create('H11010100001');
    expect(byCode.userErrors).toEqual([]);
    expect(byCode.apiClient?.institutionId).toBe(id);
    expect((await create(id)).apiClient?.institutionId).toBe(id);
    const unknown = await create('H99999999999');
    expect(unknown.apiKey).toBeNull();
    expect(unknown.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['institutionId'] }]);
  });
});
