import { ENTITY_DIALECT } from '@gongji/persistence';
import { type App, startApp } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { type TestApp, createTestApp } from '../testing/test-app';
import { institutionId, personId } from './settlement-helpers';

const QUOTE = `query($input: SettlementInput!) { settlementQuote(input: $input) {
  providers { providerId amount } skippedProviders { providerId rule } userErrors { code } } }`;
type QuoteOut = {
  settlementQuote: {
    providers: { providerId: string; amount: string }[];
    skippedProviders: { providerId: string; rule: string }[];
    userErrors: { code: string }[];
  };
};

/**
 * Issue #7 "policy in memory": the effective policy is cached per process, yet a change made by ANOTHER API process
 * on the same database is visible to the very next decision (the cache is keyed on a data version read each time).
 */
describe(`policy cache across two API processes (${ENTITY_DIALECT})`, () => {
  let a: TestApp;
  let b: App;
  beforeAll(async () => {
    a = await createTestApp();
    b = await startApp(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        GONGJI_ADMIN_DIR: '',
        DATABASE_URL: a.databaseUrl,
      }),
      createLogger('fatal'),
    );
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('process B moves Beijing’s mutual-aid use date; process A’s next quote follows it', async () => {
    const counter = await a.login('counter');
    const input = {
      patientId: await personId(a, '王小明'),
      institutionId: await institutionId(a, 'H11010100001'),
      visitType: 'OUTPATIENT',
      serviceDate: '2023-01-10',
      covered: '100.00',
      channel: 'E_VOUCHER',
    };
    const quote = async () => (await a.gql<QuoteOut>(QUOTE, { input }, counter)).data!.settlementQuote;
    const before = await quote();
    expect(before.userErrors).toEqual([]);
    expect(before.providers.length).toBeGreaterThan(0); // mutual aid open since 2022-12-01 (R-KIN-3)
    expect((await quote()).providers).toEqual(before.providers); // served from A's cache

    // an ADMIN on process B moves the use date past the bill's date
    const login = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { sessionCreate(input: { username: "admin", password: "gongji-admin-demo" }) { token } }',
      }),
    });
    const token = ((await login.json()) as { data: { sessionCreate: { token: string } } }).data.sessionCreate
      .token;
    const changed = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { regionUpdate(input: { code: "110000", mutualAidUseFrom: "2023-02-01", reason: "test: later use date" }) { userErrors { code } } }`,
      }),
    });
    expect(
      ((await changed.json()) as { data: { regionUpdate: { userErrors: unknown[] } } }).data.regionUpdate
        .userErrors,
    ).toEqual([]);

    const after = await quote();
    expect(after.providers).toEqual([]);
    expect(after.skippedProviders.length).toBeGreaterThan(0);
  });
});
