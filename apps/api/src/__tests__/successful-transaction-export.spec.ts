import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CONFIRM, type ConfirmData, institutionId, personId } from './settlement-helpers';
import { key } from './wallet.helpers';

const PAGE = `query($f: TransactionFilter, $after: String) {
  transactions(filter: $f, first: 3, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
type Page = {
  transactions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string } }[];
  };
};

/**
 * Audit A #4: cursors are positions, so transactions posted between two pages shifted the list and a page repeated
 * items of the one before. The documented way to walk every page (the `transactions` description): fix `filter.to`
 * at the start; what is posted later falls outside, and every transaction is read exactly once.
 */
describe(`walking every page of the ledger while money moves (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('with filter.to fixed at the start, no transaction is seen twice or missed', async () => {
    const admin = await app.login('admin');
    const counter = await app.login('counter');
    const f = { to: new Date().toISOString() };
    const first = await app.gql<Page>(PAGE, { f }, admin);
    const total = first.data!.transactions.totalCount;
    expect(total).toBeGreaterThan(3);
    const seen = first.data!.transactions.edges.map((e) => e.node.id);
    // Three bills posted between the pages.
    const patient = await personId(app, '王建国');
    const xiehe = await institutionId(app, 'H11010100001');
    for (let i = 0; i < 3; i++) {
      const res = await app.gql<ConfirmData>(
        CONFIRM,
        {
          input: {
            patientId: patient,
            institutionId: xiehe,
            visitType: 'OUTPATIENT',
            serviceDate: '2025-03-10',
            covered: '10.00',
            channel: 'E_VOUCHER',
            idempotencyKey: key(`export-${i}`),
          },
        },
        counter,
      );
      expect(res.data!.settlementConfirm.userErrors).toEqual([]);
    }
    let after = first.data!.transactions.pageInfo.endCursor;
    let more = first.data!.transactions.pageInfo.hasNextPage;
    while (more) {
      const page = await app.gql<Page>(PAGE, { f, after }, admin);
      seen.push(...page.data!.transactions.edges.map((e) => e.node.id));
      after = page.data!.transactions.pageInfo.endCursor;
      more = page.data!.transactions.pageInfo.hasNextPage;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  });
});
