import { ENTITY_DIALECT } from '@gongji/persistence';
import { auditServer } from 'graphql-http';
import { type TestApp, createTestApp } from '../testing/test-app';

/**
 * The GraphQL-over-HTTP conformance audit of the `graphql-http` package against the real server: the abuse limits of
 * issue #8 must not break the protocol (0 MUST failures). Prints pass / warn / MUST-error counts.
 */
describe(`GraphQL over HTTP audit (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('0 MUST failures', async () => {
    const results = await auditServer({ url: `${app.url}/graphql` });
    const count = (status: string) =>
      results.filter((r) => (r.status === 'ok' ? 'ok' : r.status) === status).length;
    const pass = count('ok');
    const warn = count('warn') + count('notice');
    const errors = results.filter((r) => r.status === 'error');
    console.log(`graphql-http audit: ${pass} pass / ${warn} warn / ${errors.length} MUST error`);
    expect(errors.map((e) => `${e.id} ${e.name}`)).toEqual([]);
    expect(pass).toBeGreaterThanOrEqual(50);
  });
});
