// Acceptance test of issue #10, policy staff side: an ADMIN opens the wallet for three regions in one bulk action
// and sees them on the dashboard and in the audit trail; narrows a kinship scope and sees the server-counted
// impact before saving (a duplicate for the same date is refused); sees the policy in force for a region and date
// with its sources. Screenshots go to tmp/screenshots/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DashboardPage } from './pages/DashboardPage';
import { KinshipScopePage } from './pages/KinshipScopePage';
import { LoginPage } from './pages/LoginPage';
import { AuditLogPage, BenefitSchedulePage, PolicyInForcePage } from './pages/PolicyPage';
import { RegionEditPage } from './pages/RegionEditPage';
import { RegionListPage } from './pages/RegionListPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { eventually } from './support/eventually';
import { graphql, signIn } from './support/graphql';
import { scanForEnglish } from './support/languageScan';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `${name}.png`);
const ADMIN = { username: 'admin', password: 'gongji-admin-demo' };
const FUJIAN = [
  { code: '350100', name: '福州市' },
  { code: '350200', name: '厦门市' },
  { code: '350300', name: '莆田市' },
];
const todayInChina = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** The signed-in user's name is data, not interface text. */
const withoutUserNames = (findings: string[]) => findings.filter((f) => !/"admin"/.test(f));

describe('policy staff console (issue #10, headless Chromium against the built API)', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await startApi();
    browser = await launchChromium();
    token = await signIn(api.baseUrl, ADMIN.username, ADMIN.password);
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    // The sign-in page names the product and the bureau.
    const heading = await page.getByTestId('login-heading').innerText();
    expect(heading).toContain('共济 · 医保个人账户管理后台');
    expect(heading).toContain('医疗保障局');
    await login.screenshot(shot('policy-00-login'));
    await login.signIn(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('opens the wallet for three regions in one bulk action; the dashboard and the audit trail show them', async () => {
    const today = todayInChina();
    const before = await graphql<{ rolloutSummary: { regionsOpen: number } }>(
      api.baseUrl,
      'query ($on: Date!) { rolloutSummary(on: $on) { regionsOpen } }',
      { on: today },
      token,
    );
    const list = new RegionListPage(page, api.baseUrl);
    await list.open();
    // Province view: the sidebar count is the number of rows the filter shows (the province row included).
    await list.filterProvince('福建省');
    const total = Number(/共\s*(\d+)\s*条/.exec(await list.pageRangeText())?.[1]);
    expect(await list.sidebarItem('福建省').innerText()).toContain(`(${total})`);
    expect(await list.rows().count()).toBe(total);
    await expect(page.getByTestId('province-summary').innerText()).resolves.toContain(
      `下辖 ${total - 1} 个统筹区中 0 个已开通医保钱包`,
    );
    // Headers stay on one line at 1440 px.
    for (const header of await list.columnHeaders().all()) {
      const box = await header.boundingBox();
      if (box && (await header.innerText()).trim()) expect(box.height).toBeLessThan(60);
    }
    for (const region of FUJIAN) await list.select(region.name);
    await list.screenshot(shot('policy-01-bulk-selected'));
    // The dialog names the selected regions before 确认.
    await list.openBulk();
    for (const region of FUJIAN) {
      await list.bulkSelected().getByText(`${region.name}（${region.code}）`).waitFor();
    }
    await list.cancelBulk();
    await list.bulkRollout(today, 'e2e：福建第一批开通医保钱包');
    for (const region of FUJIAN) {
      await expect(list.bulkResult(region.code).innerText()).resolves.toContain('已变更');
    }
    await page.getByText('已变更 3 个，未变化 0 个，被拒绝 0 个').waitFor();
    expect(withoutUserNames(await scanForEnglish(page, 'bulk result'))).toEqual([]);
    await list.screenshot(shot('policy-02-bulk-result'));
    await list.closeBulk();
    // A new batch starts from an empty form: the previous batch's reason (its legal basis) is not carried over.
    await list.select('福州市');
    await list.openBulk();
    await list.bulkSelected().getByText('福州市（350100）').waitFor();
    expect(await list.bulkReason().inputValue()).toBe('');
    expect(await list.bulkDate().inputValue()).toBe(today);
    await list.cancelBulk();

    const dashboard = new DashboardPage(page, api.baseUrl);
    await dashboard.open();
    // The bulk action marked the cached summary stale: the dashboard refetches it on opening.
    await eventually(async () =>
      expect(await dashboard.regionsOpen()).toBe(before.rolloutSummary.regionsOpen + 3),
    );
    // (福建省 itself has no wallet date, so it is not listed among the open provinces: only its three regions count.)
    await dashboard.screenshot(shot('policy-03-dashboard-after-bulk'));

    const audit = new AuditLogPage(page, api.baseUrl);
    await audit.open({ action: 'regionsRolloutSet' });
    for (const region of FUJIAN) {
      const row = audit.row(region.code);
      await row.first().waitFor();
      expect(await row.first().innerText()).toContain('e2e：福建第一批开通医保钱包');
    }
    expect(await audit.row('批量操作').count()).toBe(1);
    expect(withoutUserNames(await scanForEnglish(page, 'audit log'))).toEqual([]);
    const diff = await audit.expand('350100');
    await expect(diff.innerText()).resolves.toContain(today);
    // Before/after in words: field names and values translated, no raw codes.
    await expect(diff.innerText()).resolves.toContain('钱包开通日');
    expect(withoutUserNames(await scanForEnglish(page, 'audit diff'))).toEqual([]);
    await audit.screenshot(shot('policy-04-audit-trail'));
    expect(pageErrors).toEqual([]);
  });

  it('narrows a kinship scope and sees the impact counted by the server before saving; a duplicate is refused', async () => {
    const expected = await graphql<{
      kinshipScopeImpact: { registrationCount: number; providerCount: number };
    }>(
      api.baseUrl,
      `
        query {
          kinshipScopeImpact(
            regionCode: "110000"
            purpose: MEDICAL
            relations: [SPOUSE]
            effectiveFrom: "2032-01-01"
          ) {
            registrationCount
            providerCount
          }
        }
      `,
      {},
      token,
    );
    expect(expected.kinshipScopeImpact.registrationCount).toBeGreaterThan(0);
    const scopes = new KinshipScopePage(page, api.baseUrl);
    await scopes.openCreate();
    // Nothing pre-filled: empty means the national default, as the hint says.
    expect(await scopes.regionInput().inputValue()).toBe('');
    await scopes.setRegionCode('110000', '北京');
    await scopes.selectPurpose('就医购药');
    await scopes.checkRelations(['配偶']);
    await scopes.setEffectiveFrom('2032-01-01');
    const count = `将有 ${expected.kinshipScopeImpact.registrationCount} 条已备案的共济关系、${expected.kinshipScopeImpact.providerCount} 位共济人失去效力`;
    await scopes.impactCount().filter({ hasText: count }).waitFor();
    expect(await page.getByTestId('impact-providers').innerText()).toContain('王建国');
    expect(await scopes.regionInput().inputValue()).toContain('北京市');
    expect(withoutUserNames(await scanForEnglish(page, 'kinship scope create'))).toEqual([]);
    await scopes.screenshot(shot('policy-05-impact-before-saving'));

    await scopes.setReason('e2e：北京就医共济收窄为配偶（2032）');
    await scopes.openConfirmation();
    await page.getByRole('dialog').getByText(count).waitFor();
    await scopes.screenshot(shot('policy-06-confirm-with-reason'));
    await page.getByTestId('scope-confirm-reason').fill('e2e：北京就医共济收窄为配偶（2032）');
    await page.getByTestId('scope-confirm').click();
    await scopes.notification('条目已新建');
    // Back on the list of the scope's region, with the new row in view.
    await page.waitForURL((url) => url.hash.startsWith('#/kinship-scopes') && !url.hash.includes('create'));
    await scopes.row('2032-01-01').first().waitFor();
    expect(await scopes.row('2032-01-01').first().innerText()).toContain('配偶');
    expect(await scopes.row('2032-01-01').first().innerText()).toContain('北京市（110000）');
    await scopes.screenshot(shot('policy-07-scope-listed'));

    // The same region, purpose and date again: the dialog says a scope exists and that saving corrects it.
    await scopes.openCreate();
    await scopes.setRegionCode('110000', '北京');
    await scopes.selectPurpose('就医购药');
    await scopes.checkRelations(['配偶', '父母']);
    await scopes.setEffectiveFrom('2032-01-01');
    await scopes.openConfirmation();
    await page.getByTestId('scope-duplicate-warning').waitFor();
    await scopes.screenshot(shot('policy-07b-duplicate-warning'));
    await page.getByTestId('scope-confirm-reason').fill('e2e：更正——漏选父母');
    await page.getByTestId('scope-confirm').click();
    await scopes.notification('条目已新建');
    await page.waitForURL((url) => url.hash.startsWith('#/kinship-scopes') && !url.hash.includes('create'));
    await scopes.row('2032-01-01').first().waitFor();
    expect(await scopes.row('2032-01-01').count()).toBe(1);
    expect(await scopes.row('2032-01-01').first().innerText()).toContain('父母');
    const { policySettings } = await graphql<{
      policySettings: { totalCount: number; edges: { node: { effectiveFrom: string } }[] };
    }>(
      api.baseUrl,
      'query { policySettings(regionCode: "110000", kind: "KINSHIP_SCOPE", first: 100) { totalCount edges { node { effectiveFrom } } } }',
      {},
      token,
    );
    // The second save was a correction: still one row for the date.
    expect(policySettings.edges.length).toBe(policySettings.totalCount);
    expect(policySettings.edges.filter((e) => e.node.effectiveFrom === '2032-01-01')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('shows the policy in force for a region and date with the source of each value and the versions behind it', async () => {
    const policy = new PolicyInForcePage(page, api.baseUrl);
    await policy.open('110000', '2032-06-01');
    await expect(policy.heading().innerText()).resolves.toContain(
      '北京市（110000） 于 2032-06-01 适用的政策',
    );
    // MEDICAL was set for Beijing itself above; the other purposes come from the national default.
    expect(await policy.scopeSource('MEDICAL').innerText()).toBe('本地区');
    expect(await policy.scopeRow('MEDICAL').innerText()).toContain('配偶');
    expect(await policy.scopeSource('WALLET_TRANSFER').innerText()).toBe('全国默认');
    // Beijing's own mutual-aid dates (R-KIN-3): open, from the region itself; no wallet date anywhere in its chain.
    expect(await policy.featureRow('KIN_USE').innerText()).toMatch(/2022-12-01\s+已开通\s+本地区/);
    expect(await policy.featureRow('WALLET').innerText()).toContain('未开通');
    expect(await policy.timelineRows('DEFAULT').count()).toBeGreaterThan(5);
    expect(await policy.timelineRows('REGION').count()).toBeGreaterThanOrEqual(1);
    expect(withoutUserNames(await scanForEnglish(page, 'policy in force'))).toEqual([]);
    await policy.screenshot(shot('policy-08-policy-in-force-beijing'));

    // A city of Fujian opened by the bulk action: its wallet date is its own; a date before shows it closed.
    await policy.open('350100', '2025-01-01');
    expect(await policy.featureRow('WALLET').innerText()).toContain('未开通');
    await policy.open('350100', todayInChina());
    expect(await policy.featureRow('WALLET').innerText()).toMatch(/已开通\s+本地区/);
    expect(await policy.scopeSource('MEDICAL').innerText()).toBe('全国默认');
    await policy.screenshot(shot('policy-09-policy-in-force-fuzhou'));
    expect(pageErrors).toEqual([]);
  });

  it('edits a benefit schedule with the live calculator (libs/domain fundShare) and saves it for a date (R-SET-1)', async () => {
    const schedules = new BenefitSchedulePage(page, api.baseUrl);
    await schedules.open();
    await schedules.setEffectiveFrom('2033-01-01');
    // DOMAIN.md's worked example: in service, covered 2,000.00, deductible 1,800 → fund 100.00, personal 1,900.00.
    await expect(schedules.fund().innerText()).resolves.toBe('100.00');
    await expect(schedules.personal().innerText()).resolves.toBe('1900.00');
    await schedules.setInServiceRate('60');
    await expect(schedules.fund().innerText()).resolves.toBe('120.00');
    expect(withoutUserNames(await scanForEnglish(page, 'benefit schedules'))).toEqual([]);
    await schedules.screenshot(shot('policy-10-benefit-schedule-calculator'));
    await schedules.saveSchedule('e2e：2033年起在职门诊报销比例60%');
    await expect(schedules.outcome().innerText()).resolves.toContain('已保存');
    const { effectivePolicy } = await graphql<{
      effectivePolicy: { outpatient: { level: string; inService: { fundRate: number } }[] };
    }>(
      api.baseUrl,
      'query { effectivePolicy(regionCode: "110000", on: "2033-01-01") { outpatient { level inService { fundRate } } } }',
      {},
      token,
    );
    expect(effectivePolicy.outpatient.map((o) => o.inService.fundRate)).toEqual([6000, 6000, 6000, 6000]);

    // Typed figures survive a change of date: 2032 has 50 %, the officer types 52, then picks a date in 2033 (60 %
    // in force): 52 stays, and the page offers to load the 2033 schedule instead (discarding the edit).
    await schedules.setEffectiveFrom('2032-06-01');
    await eventually(async () => expect(await page.getByTestId('rate-inService').inputValue()).toBe('50'));
    await schedules.setInServiceRate('52');
    await schedules.setEffectiveFrom('2033-06-01');
    await page.getByTestId('schedule-kept-edits').waitFor();
    expect(await page.getByTestId('rate-inService').inputValue()).toBe('52');
    await schedules.screenshot(shot('policy-10b-benefit-schedule-kept-edits'));
    await page.getByTestId('schedule-load-in-force').click();
    await page.getByTestId('schedule-kept-edits').waitFor({ state: 'detached' });
    expect(await page.getByTestId('rate-inService').inputValue()).toBe('60');
    // A rate above 100 % is refused on its own field before anything is sent.
    await schedules.setInServiceRate('150');
    await page.getByTestId('schedule-save').click();
    await page.getByText('比例须在 0–100 之间').waitFor();
    await expect(schedules.outcome().innerText()).resolves.toContain('标红');
    expect(pageErrors).toEqual([]);
  });

  it('refuses 全域 for a province without a wallet date on the switch itself, and offers no switch on a city (R-WAL-2)', async () => {
    const edit = new RegionEditPage(page, api.baseUrl);
    await edit.open('120000');
    await edit.fullCoverageSwitch().check();
    await edit.setReason('e2e：尝试全域');
    await edit.save();
    await edit
      .fieldHelperText('walletFullCoverage')
      .filter({ hasText: '不能标记为全域开通' })
      .first()
      .waitFor();
    expect(withoutUserNames(await scanForEnglish(page, 'region edit refusal'))).toEqual([]);
    await edit.screenshot(shot('policy-11-full-coverage-refused'));
    const { region } = await graphql<{ region: { walletFullCoverage: boolean } }>(
      api.baseUrl,
      'query { region(code: "120000") { walletFullCoverage } }',
      {},
      token,
    );
    expect(region.walletFullCoverage).toBe(false);
    await edit.open('530300');
    expect(await edit.fullCoverageSwitch().count()).toBe(0);
  });
});
