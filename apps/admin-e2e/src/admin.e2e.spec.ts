// Acceptance test of issue #2: a policy officer signs in, finds regions, edits rollout dates (the server's rule
// R-KIN-3 refusal shows on the field) and reads the rollout dashboard — in Chinese by default, English on demand.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DashboardPage } from './pages/DashboardPage';
import { KinshipScopePage } from './pages/KinshipScopePage';
import { LoginPage } from './pages/LoginPage';
import { PersonPage } from './pages/PersonPage';
import { RegionEditPage } from './pages/RegionEditPage';
import { RegionListPage } from './pages/RegionListPage';
import { type RunningApi, startApi } from './support/apiServer';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { eventually } from './support/eventually';
import { graphql, signIn } from './support/graphql';
import { ARTIFACTS_DIR } from './support/paths';

const ADMIN = { username: 'admin', password: 'gongji-admin-demo' };
const COUNTER = { username: 'counter', password: 'gongji-counter-demo' };
const BEIJING = '110000';
const shot = (name: string) => path.join(ARTIFACTS_DIR, `${name}.png`);
const todayInChina = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

interface RegionDates {
  mutualAidRegistrationFrom: string | null;
  mutualAidUseFrom: string | null;
}

describe('admin console (headless Chromium against the built API)', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];
  const consoleLog: string[] = [];

  const regionDates = async (code: string) =>
    (
      await graphql<{ region: RegionDates }>(
        api.baseUrl,
        `
          query ($code: ID!) {
            region(code: $code) {
              mutualAidRegistrationFrom
              mutualAidUseFrom
            }
          }
        `,
        { code },
        token,
      )
    ).region;

  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
    token = await signIn(api.baseUrl, ADMIN.username, ADMIN.password);
    // An English browser: the console must still open in Chinese (the bureau's working language).
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
  });

  afterAll(async () => {
    writeFileSync(path.join(ARTIFACTS_DIR, 'browser-console.log'), consoleLog.join('\n'));
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('opens in Chinese by default, even for an English browser', async () => {
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    expect((await login.submitButton().innerText()).trim()).toBe('登录');
    await expect(page.getByLabel('用户名').count()).resolves.toBeGreaterThan(0);
    await login.screenshot(shot('01-login'));
  });

  it('signs the admin in and shows the rollout summary of today on the dashboard', async () => {
    await new LoginPage(page, api.baseUrl).signIn(ADMIN.username, ADMIN.password);
    const dashboard = new DashboardPage(page, api.baseUrl);
    await dashboard.waitForSummary();
    const { rolloutSummary } = await graphql<{
      rolloutSummary: { regionsOpen: number; provincesOpen: number; provinces: unknown[] };
    }>(
      api.baseUrl,
      `
        query ($on: Date!) {
          rolloutSummary(on: $on) {
            regionsOpen
            provincesOpen
            provinces {
              regionsOpen
            }
          }
        }
      `,
      { on: todayInChina() },
      token,
    );
    await page.getByText('医保钱包开通概况').waitFor();
    expect(await dashboard.regionsOpen()).toBe(rolloutSummary.regionsOpen);
    expect(await dashboard.provincesOpen()).toBe(rolloutSummary.provincesOpen);
    expect(await dashboard.provinceRows().count()).toBe(rolloutSummary.provinces.length);
    await page.getByTestId('rollout-timeline').locator('.recharts-surface').first().waitFor();
    await dashboard.settle();
    await dashboard.screenshot(shot('02-dashboard'));
  });

  it('lists regions with their total count and finds 石家庄市 by search', async () => {
    const list = new RegionListPage(page, api.baseUrl);
    await list.open();
    const { regions } = await graphql<{ regions: { totalCount: number } }>(
      api.baseUrl,
      `
        {
          regions(first: 1) {
            totalCount
          }
        }
      `,
      {},
      token,
    );
    expect(regions.totalCount).toBeGreaterThan(25);
    await eventually(async () => expect(await list.pageRangeText()).toContain(`共 ${regions.totalCount} 条`));
    await expect(list.columnHeaders().allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['区划代码', '名称']),
    );
    await list.screenshot(shot('03-regions'));

    await list.search('石家庄');
    await list.row('石家庄市').first().waitFor();
    expect(await list.row('北京市').count()).toBe(0);
    expect(await list.pageRangeText()).not.toContain(`共 ${regions.totalCount} 条`);
    await list.screenshot(shot('04-regions-search'));
  });

  it('shows the server refusal R-KIN-3 under mutual-aid use when it precedes registration, and saves nothing', async () => {
    const before = await regionDates(BEIJING);
    const edit = new RegionEditPage(page, api.baseUrl);
    await edit.open(BEIJING);
    await edit.setDate('mutualAidRegistrationFrom', '2025-03-01');
    await edit.setDate('mutualAidUseFrom', '2025-02-01');
    await edit.setReason('e2e: 共济使用早于备案（应被拒绝）');
    await edit.save();
    const helper = edit.fieldHelperText('mutualAidUseFrom');
    await helper.filter({ hasText: 'R-KIN-3' }).waitFor();
    expect(await helper.innerText()).toContain('R-KIN-3');
    await edit.screenshot(shot('05-edit-refused'));
    expect(await regionDates(BEIJING)).toEqual(before);
  });

  it('saves the corrected date and shows it after a reload', async () => {
    const edit = new RegionEditPage(page, api.baseUrl);
    await edit.setDate('mutualAidUseFrom', '2025-04-01');
    await edit.save();
    await edit.notification('条目已更新');
    await eventually(async () =>
      expect(await regionDates(BEIJING)).toEqual({
        mutualAidRegistrationFrom: '2025-03-01',
        mutualAidUseFrom: '2025-04-01',
      }),
    );
    await edit.reload();
    expect(await edit.dateInput('mutualAidUseFrom').inputValue()).toBe('2025-04-01');
    expect(await edit.dateInput('mutualAidRegistrationFrom').inputValue()).toBe('2025-03-01');
    await expect(edit.fieldHelperText('mutualAidUseFrom').innerText()).resolves.not.toContain('R-KIN-3');
    await edit.screenshot(shot('06-edit-saved'));
  });

  it('switches the interface to English', async () => {
    const dashboard = new DashboardPage(page, api.baseUrl);
    await dashboard.open();
    await dashboard.switchLanguage('中文', 'English');
    await page.getByText('Medical-insurance wallet rollout').waitFor();
    await page.getByRole('menuitem', { name: 'Regions' }).first().waitFor();
    await dashboard.screenshot(shot('07-dashboard-en'));
    expect(pageErrors).toEqual([]);
  });

  it('tells a counter clerk that editing rollout dates is forbidden, and changes nothing', async () => {
    const before = await regionDates(BEIJING);
    const counterContext = await browser!.newContext({ viewport: { width: 1440, height: 1000 } });
    try {
      const counterPage = await counterContext.newPage();
      const login = new LoginPage(counterPage, api.baseUrl);
      await login.open();
      await login.signIn(COUNTER.username, COUNTER.password);
      // Policy settings (政策设置) are ADMIN-only: once the menu is there, it has no entry for them.
      await counterPage.getByRole('menuitem', { name: '统筹区' }).first().waitFor();
      expect(await counterPage.getByRole('menuitem', { name: '政策设置' }).count()).toBe(0);
      // A typed edit URL shows the Chinese access-denied page (issue #10), not a form with an active 保存 button.
      const edit = new RegionEditPage(counterPage, api.baseUrl);
      await counterPage.goto(`${api.baseUrl}/admin/#/regions/${BEIJING}`);
      await counterPage.getByTestId('access-denied').waitFor();
      expect(await counterPage.getByText('无权访问').count()).toBeGreaterThan(0);
      expect(await counterPage.getByRole('button', { name: '保存' }).count()).toBe(0);
      expect(await edit.dateInput('mutualAidUseFrom').count()).toBe(0);
      await edit.screenshot(shot('08-counter-forbidden'));
    } finally {
      await counterContext.close();
    }
    expect(await regionDates(BEIJING)).toEqual(before);
  });

  it('lets the admin set a MEDICAL kinship scope for Beijing from 2031-01-01 and lists it (R-KIN-1)', async () => {
    // Own context: independent of the language switch above, and signed in as admin afresh.
    const adminContext = await browser!.newContext({ viewport: { width: 1440, height: 1000 } });
    try {
      const adminPage = await adminContext.newPage();
      adminPage.setDefaultTimeout(20_000);
      adminPage.on('pageerror', (error) => pageErrors.push(String(error)));
      const login = new LoginPage(adminPage, api.baseUrl);
      await login.open();
      await login.signIn(ADMIN.username, ADMIN.password);
      const scopes = new KinshipScopePage(adminPage, api.baseUrl);
      await scopes.menuItem('政策设置').first().waitFor();

      await scopes.openCreate();
      await scopes.setRegionCode(BEIJING);
      await scopes.selectPurpose('就医购药');
      await scopes.checkRelations(['配偶', '父母', '子女']);
      await scopes.setEffectiveFrom('2031-01-01');
      await scopes.setReason('e2e: 北京就医共济范围（2031）');
      await scopes.save();
      await scopes.notification('条目已新建');

      // Redirected to the history of 110000 (the list's default region).
      await adminPage.waitForURL(
        (url) => url.hash.startsWith('#/kinship-scopes') && !url.hash.includes('create'),
      );
      const row = scopes.row('2031-01-01');
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      const text = await row.first().innerText();
      for (const expected of ['就医购药', '配偶', '父母', '子女', 'admin']) expect(text).toContain(expected);
      expect(text).not.toContain('兄弟姐妹');
      await scopes.screenshot(shot('09-kinship-scope-created'));
    } finally {
      await adminContext.close();
    }
    const { policySettings } = await graphql<{
      policySettings: {
        pageInfo: { hasNextPage: boolean };
        edges: Array<{ node: { purpose: string; effectiveFrom: string; value: string } }>;
      };
    }>(
      api.baseUrl,
      `
        query ($regionCode: ID) {
          policySettings(regionCode: $regionCode, kind: "KINSHIP_SCOPE", purpose: MEDICAL, first: 100) {
            pageInfo {
              hasNextPage
            }
            edges {
              node {
                purpose
                effectiveFrom
                value
              }
            }
          }
        }
      `,
      { regionCode: BEIJING },
      token,
    );
    expect(policySettings.pageInfo.hasNextPage).toBe(false);
    const saved = policySettings.edges
      .map((e) => e.node)
      .filter((s) => s.effectiveFrom === '2031-01-01' && s.purpose === 'MEDICAL');
    expect(saved).toHaveLength(1);
    expect(JSON.parse(saved[0].value)).toEqual(['SPOUSE', 'PARENT', 'CHILD']);
  });

  it("shows a person's relationship attestations on the person page (relationshipAttestations connection)", async () => {
    // 张伟's household register was checked at the counter (demo data): his mother 赵敏 is attested (R-WAL-4).
    const { persons } = await graphql<{ persons: { edges: { node: { id: string } }[] } }>(
      api.baseUrl,
      'query { persons(filter: { name: "张伟" }, first: 1) { edges { node { id } } } }',
      {},
      token,
    );
    const person = new PersonPage(page, api.baseUrl);
    await person.openById(persons.edges[0].node.id);
    const attestations = page.getByTestId('person-attestations').locator('tbody tr');
    await attestations.first().waitFor();
    expect(await attestations.count()).toBe(1);
    expect(await attestations.first().innerText()).toContain('（demo）');
    await person.screenshot(shot('10-person-attestations'));
    expect(pageErrors).toEqual([]);
  });

  it('退出 signs the officer out on the server too: the token the browser held is refused afterwards (sessionEnd)', async () => {
    // Black-box audit: signing out only forgot the token in the browser; it stayed valid for its 8 hours.
    const held = await page.evaluate(
      () => JSON.parse(localStorage.getItem('gongji.session') ?? 'null')?.token as string,
    );
    expect(typeof held).toBe('string');
    await graphql(api.baseUrl, '{ viewer { username } }', {}, held);
    await page.getByRole('button', { name: /个人资料|Profile/ }).click();
    await page.getByRole('menuitem', { name: /退出|Logout/ }).click();
    await page.locator('input[name="username"]').waitFor();
    await expect(graphql(api.baseUrl, '{ viewer { username } }', {}, held)).rejects.toThrow(
      /UNAUTHENTICATED/,
    );
    expect(pageErrors).toEqual([]);
  });
});
