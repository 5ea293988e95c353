import { ENTITY_DIALECT, PocketEntity, PostingEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { personId } from './settlement-helpers';

const CREDIT = `mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) {
  userErrors { code message field rule } } }`;

/**
 * Money is exact: a pocket never holds more than the ledger's largest balance (10^15 fen, MAX_BALANCE_FEN). A black-box
 * tester credited maximal amounts month after month until a balance passed 2^53 fen; on SQLite it then read one fen off
 * its postings. Such an entry is now refused (BALANCE_TOO_LARGE) and moves nothing, and balances stay exact.
 */
describe(`the largest balance (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let wang: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    wang = await personId(app, '王建国'); // EARMARKED 8,000.00
  });
  afterAll(async () => app?.close());

  const credit = (month: string, amount: string, headers?: Record<string, string>) =>
    app.gql<{ contributionsCredit: { userErrors: { code: string; message: string }[] } }>(
      CREDIT,
      { i: { month, rows: [{ personId: wang, amount }] } },
      admin,
      headers,
    );
  const earmarked = async () =>
    (await app.db.getRepository(PocketEntity).findOneByOrFail({ personId: wang, kind: 'EARMARKED' })).balance;

  it('a credit that would pass 10^15 fen is BALANCE_TOO_LARGE (Chinese by default), nothing moves; up to it is exact', async () => {
    const before = await earmarked();
    // 10^15 fen minus the current balance: the largest credit that still fits.
    const fits = 1_000_000_000_000_000n - before;
    const text = `${fits / 100n}.${String(fits % 100n).padStart(2, '0')}`;
    expect((await credit('2025-01', text)).data!.contributionsCredit.userErrors).toEqual([]);
    expect(await earmarked()).toBe(1_000_000_000_000_000n);

    const postingsBefore = await app.db.getRepository(PostingEntity).count();
    const zh = await credit('2025-02', '0.01', { 'accept-language': '' });
    expect(zh.data!.contributionsCredit.userErrors).toEqual([
      expect.objectContaining({ code: 'BALANCE_TOO_LARGE', message: expect.stringContaining('上限') }),
    ]);
    const en = await credit('2025-03', '0.01');
    expect(en.data!.contributionsCredit.userErrors[0].message).toMatch(/largest balance the ledger keeps/);
    expect(await earmarked()).toBe(1_000_000_000_000_000n);
    expect(await app.db.getRepository(PostingEntity).count()).toBe(postingsBefore);

    // The balance reads exactly through the API, and equals the sum of its postings.
    const read = await app.gql<{ person: { account: { pockets: { kind: string; balance: string }[] } } }>(
      'query($id: ID!) { person(id: $id) { account { pockets { kind balance } } } }',
      { id: wang },
      admin,
    );
    expect(read.data!.person.account.pockets.find((p) => p.kind === 'EARMARKED')?.balance).toBe(
      '10000000000000.00',
    );
    const postings = await app.db
      .getRepository(PostingEntity)
      .findBy({ personId: wang, pocket: 'EARMARKED' });
    expect(postings.reduce((s, p) => s + p.amount, 0n)).toBe(1_000_000_000_000_000n);
  });
});
