import { ENTITY_DIALECT, RegionEntity } from '@gongji/persistence';
import { todayInChina } from '../common/clock';
import { type TestApp, createTestApp } from '../testing/test-app';
import { BULK, type BulkPayload } from './policy-console.helpers';

const UPDATE = `mutation($i: RegionUpdateInput!) { regionUpdate(input: $i) {
  region { code earmarkedFrom walletFrom } userErrors { code field message } } }`;
type Update = {
  regionUpdate: {
    region: { code: string; earmarkedFrom: string | null; walletFrom: string | null } | null;
    userErrors: { code: string; field: string[]; message: string }[];
  };
};

function dayAfter(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A rollout change that rewrites what applied is a correction and needs its reason (R-ACC-5, R-KIN-3, R-WAL-2;
 * issue #10). Audit B: the check compared the region's own column only, so a region inheriting the national book-entry
 * date of 2022-09-01 moved it to 2027 without a reason — four years of contributions became withdrawable LEGACY — and
 * a wallet date in force since today could be withdrawn without one.
 */
describe(`rollout corrections compare the dates in force (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  const today = todayInChina();
  const update = (i: Record<string, unknown>) =>
    app.gql<Update>(UPDATE, { i }, admin, { 'accept-language': '' });
  const own = (code: string) => app.db.getRepository(RegionEntity).findOneByOrFail({ code });

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  it('an inherited 2022-09-01 book-entry date moved to 2027 needs a reason (regionUpdate and the bulk form)', async () => {
    expect((await own('350600')).earmarkedFrom).toBeNull(); // inherits the national 2022-09-01
    const refused = await update({ code: '350600', earmarkedFrom: '2027-01-01' });
    expect(refused.data!.regionUpdate.region).toBeNull();
    expect(refused.data!.regionUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'] }),
    ]);
    expect(refused.data!.regionUpdate.userErrors[0].message).toContain('2022年9月1日');
    expect((await own('350600')).earmarkedFrom).toBeNull();

    const bulk = await app.gql<BulkPayload>(
      BULK,
      { i: { regionCodes: ['350700'], feature: 'EARMARKED_ACCOUNT', date: '2027-01-01' } },
      admin,
    );
    expect(bulk.data!.regionsRolloutSet).toMatchObject({ changedCount: 0, refusedCount: 1 });
    expect(bulk.data!.regionsRolloutSet.results[0].userErrors[0].code).toBe('REASON_REQUIRED');
    expect((await own('350700')).earmarkedFrom).toBeNull();

    const corrected = await update({ code: '350600', earmarkedFrom: '2027-01-01', reason: '按省局通知更正' });
    expect(corrected.data!.regionUpdate.userErrors).toEqual([]);
    expect(corrected.data!.regionUpdate.region).toMatchObject({ earmarkedFrom: '2027-01-01' });
  });

  it('writing the inherited date as the region’s own changes nothing in force: no reason needed', async () => {
    const res = await update({ code: '350800', earmarkedFrom: '2022-09-01' });
    expect(res.data!.regionUpdate.userErrors).toEqual([]);
  });

  it('opening today needs no reason; moving or withdrawing a date in force since today does', async () => {
    const opened = await update({ code: '350900', walletFrom: today });
    expect(opened.data!.regionUpdate.userErrors).toEqual([]);
    for (const walletFrom of [dayAfter(today, 10), null]) {
      const moved = await update({ code: '350900', walletFrom });
      expect(moved.data!.regionUpdate.region).toBeNull();
      const [error] = moved.data!.regionUpdate.userErrors;
      expect(error.code).toBe('REASON_REQUIRED');
      expect(error.message).toContain('自今天');
      expect((await own('350900')).walletFrom).toBe(today);
    }
    const withReason = await update({
      code: '350900',
      walletFrom: dayAfter(today, 10),
      reason: '开通有误，推迟',
    });
    expect(withReason.data!.regionUpdate.userErrors).toEqual([]);
    // A date still to come moves freely.
    const again = await update({ code: '350900', walletFrom: dayAfter(today, 20) });
    expect(again.data!.regionUpdate.userErrors).toEqual([]);
  });

  it('a use date without a registration date says to set that date first (R-KIN-3, audit C)', async () => {
    expect((await own('350100')).mutualAidRegistrationFrom).toBeNull();
    const res = await update({ code: '350100', mutualAidUseFrom: dayAfter(today, 30) });
    expect(res.data!.regionUpdate.region).toBeNull();
    const [error] = res.data!.regionUpdate.userErrors;
    expect(error).toMatchObject({ code: 'USE_BEFORE_REGISTRATION', field: ['mutualAidUseFrom'] });
    expect(error.message).toContain('须先设置“家庭共济备案”的开始日期');
    expect(error.message).not.toContain('不能早于');
  });
});
