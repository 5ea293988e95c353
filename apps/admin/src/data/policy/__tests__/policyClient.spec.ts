import { apolloClient } from '../../apolloClient';
import { policyHistory } from '../policyClient';
import { POLICY_HISTORY_QUERY } from '../policyDocuments';

jest.mock('../../apolloClient', () => ({ apolloClient: { query: jest.fn(), mutate: jest.fn() } }));

const query = apolloClient.query as jest.Mock;

const row = (id: string) => ({ id, kind: 'KINSHIP_SCOPE', effectiveFrom: '2024-07-01', value: '[]' });

/** The policy timeline merges a tier's whole history: `policyHistory` reads every page of the connection. */
describe('policyHistory', () => {
  beforeEach(() => query.mockReset());

  it('follows endCursor page after page (100 at a time) until hasNextPage is false', async () => {
    query
      .mockResolvedValueOnce({
        data: {
          policySettings: {
            pageInfo: { hasNextPage: true, endCursor: 'c1' },
            edges: [{ node: row('a') }, { node: row('b') }],
          },
        },
      })
      .mockResolvedValueOnce({
        data: {
          policySettings: { pageInfo: { hasNextPage: false, endCursor: 'c2' }, edges: [{ node: row('c') }] },
        },
      });
    const rows = await policyHistory('110000');
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(query.mock.calls.map(([options]) => options.variables)).toEqual([
      { regionCode: '110000', first: 100 },
      { regionCode: '110000', first: 100, after: 'c1' },
    ]);
    expect(query.mock.calls[0][0].query).toBe(POLICY_HISTORY_QUERY);
  });

  it('asks without a region code for the national rows', async () => {
    query.mockResolvedValueOnce({
      data: { policySettings: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
    });
    expect(await policyHistory(null)).toEqual([]);
    expect(query.mock.calls[0][0].variables).toEqual({ first: 100 });
  });
});
