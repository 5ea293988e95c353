// Audit C (black-box tester, policy staff at 1366×768): the kinship-scope impact over the whole stretch of a new row
// (#1), "select all" of every region submitted in batches of at most 100 (#2), a past date asks for its reason before
// submitting and refused regions can be retried (#3), the kinship-scope form's stale 必填 and the purpose select's
// accessible name (#4), the audit trail's keyboard expand button (#5), and the regions list fitting 1366 px (#6).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { KinshipScopePage } from './pages/KinshipScopePage';
import { LoginPage } from './pages/LoginPage';
import { AuditLogPage } from './pages/PolicyPage';
import { RegionListPage } from './pages/RegionListPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { eventually } from './support/eventually';
import { graphql, signIn } from './support/graphql';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `audit-c-${name}.png`);
const ADMIN = { username: 'admin', password: 'gongji-admin-demo' };
const VIEWPORT = { width: 1366, height: 768 };

describe('audit C: policy staff console at 1366×768 (headless Chromium against the built API)', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await startApi();
    browser = await launchChromium();
    token = await signIn(api.baseUrl, ADMIN.username, ADMIN.password);
    context = await browser.newContext({ locale: 'zh-CN', viewport: VIEWPORT });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    await login.signIn(ADMIN.username, ADMIN.password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('#6 the regions list fits 1366 px: no sideways scrolling, the edit button of a row is in the viewport', async () => {
    const list = new RegionListPage(page, api.baseUrl);
    await list.open();
    const edit = list.rows().first().getByRole('link', { name: '编辑' });
    const box = await edit.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
    const overflow = await page.evaluate(() => {
      const wrapper = document.querySelector('.RaDatagrid-tableWrapper') as HTMLElement | null;
      const root = document.scrollingElement as HTMLElement;
      return {
        page: root.scrollWidth - root.clientWidth,
        grid: wrapper ? wrapper.scrollWidth - wrapper.clientWidth : 0,
      };
    });
    expect(overflow).toEqual({ page: 0, grid: 0 });
    await list.screenshot(shot('06-regions-1366'));
  });

  it('#2 全选 selects every matching region and the dialog submits them in batches of at most 100, one combined result', async () => {
    const { regions } = await graphql<{ regions: { totalCount: number } }>(
      api.baseUrl,
      '{ regions(first: 1) { totalCount } }',
      {},
      token,
    );
    expect(regions.totalCount).toBeGreaterThan(100);
    const list = new RegionListPage(page, api.baseUrl);
    await list.open();
    await page.locator('.RaDatagrid-table thead input[type="checkbox"]').check();
    await page.getByTestId('select-all-matching').click();
    const toolbar = page.locator('.RaBulkActionsToolbar-toolbar, [class*="RaBulkActionsToolbar"]').first();
    await eventually(async () =>
      expect(await toolbar.innerText()).toMatch(new RegExp(`选中\\s*${regions.totalCount}\\s*项`)),
    );
    await list.screenshot(shot('02-select-all'));
    await page.getByTestId('bulk-rollout-button').click();
    await page.getByTestId('bulk-batches-note').waitFor();
    expect(await page.getByTestId('bulk-batches-note').innerText()).toContain(
      `共 ${regions.totalCount} 个统筹区，将分 ${Math.ceil(regions.totalCount / 100)} 批提交`,
    );
    await page.getByTestId('bulk-date').fill('2035-01-01');
    await page.getByTestId('bulk-reason').fill('e2e：全部统筹区预约开通');
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-results').waitFor({ timeout: 120_000 });
    const summary = await page.getByTestId('bulk-results').locator('p').first().innerText();
    const counts = /已变更 (\d+) 个，未变化 (\d+) 个，被拒绝 (\d+) 个/.exec(summary);
    expect(counts).not.toBeNull();
    expect(Number(counts![1]) + Number(counts![2]) + Number(counts![3])).toBe(regions.totalCount);
    expect(summary).not.toContain('输入无效');
    await list.screenshot(shot('02-select-all-result'));
    await page.getByTestId('bulk-close').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('#3 a past date needs the reason before submitting; refused regions stay selected and can be retried', async () => {
    const list = new RegionListPage(page, api.baseUrl);
    await list.open();
    await list.search('北京市');
    await list.select('北京市');
    await page.getByTestId('bulk-rollout-button').click();
    // 家庭共济使用 on 2022-01-01: a past day (reason needed), and before Beijing's registration date (R-KIN-3 refusal).
    await page.getByTestId('bulk-feature').locator('..').getByRole('combobox').click();
    await page.getByRole('option', { name: '家庭共济使用', exact: true }).click();
    await page.getByTestId('bulk-date').fill('2022-01-01');
    await page.getByTestId('bulk-reason-hint').filter({ hasText: '须填写原因' }).waitFor();
    expect(await page.getByTestId('bulk-date-hint').innerText()).toContain('须填写原因');
    await expect(page.getByTestId('bulk-confirm').isDisabled()).resolves.toBe(true);
    await list.screenshot(shot('03-past-needs-reason'));
    await page.getByTestId('bulk-reason').fill('e2e：补录');
    await expect(page.getByTestId('bulk-confirm').isEnabled()).resolves.toBe(true);
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-results').waitFor();
    await expect(list.bulkResult('110000').innerText()).resolves.toContain('被拒绝');
    const retry = page.getByTestId('bulk-retry-refused');
    expect(await retry.innerText()).toContain('重试未成功的 1 个');
    await list.screenshot(shot('03-refused'));
    await retry.click();
    // Back to the form with the refused region selected, feature/date/reason kept.
    await page.getByTestId('bulk-selected').getByText('北京市（110000）').waitFor();
    expect(await page.getByTestId('bulk-date').inputValue()).toBe('2022-01-01');
    expect(await page.getByTestId('bulk-reason').inputValue()).toBe('e2e：补录');
    await page.getByTestId('bulk-date').fill('2030-01-01');
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-results').waitFor();
    await page.getByTestId('bulk-close').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('#1 the kinship-scope impact of a past date tells that the grandchild relation loses effect from 2024-07-01', async () => {
    const scopes = new KinshipScopePage(page, api.baseUrl);
    await scopes.openCreate();
    // #4: the purpose select has an accessible name.
    await page.getByRole('combobox', { name: /共济用途/ }).waitFor();
    await scopes.setRegionCode('110000', '北京市');
    await scopes.selectPurpose('就医购药');
    await scopes.checkRelations(['配偶', '父母', '子女']);
    await scopes.setEffectiveFrom('2024-01-01');
    const summary = page.getByTestId('impact-summary');
    await summary.filter({ hasText: '失去效力' }).waitFor();
    expect(await summary.innerText()).toContain('孙子女');
    expect(await page.getByTestId('impact-periods').innerText()).toContain('2024-07-01 起');
    // #4: no stale 必填 under 共济用途 and 生效日期 once they are filled (after a save attempt validated them).
    expect(await page.locator('form').getByText('必填', { exact: true }).count()).toBe(0);
    await list1366Screenshot(page, shot('01-impact-past'));
    // Only adding relations: no warning about registrations in the confirmation.
    await scopes.checkRelations(['兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女']);
    await summary.filter({ hasText: '未收窄' }).waitFor();
    await scopes.openConfirmation();
    const text = await page.getByTestId('scope-confirm-text').innerText();
    expect(text).not.toContain('不再可用于该用途');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('#4 必填 goes away once 共济用途 and 生效日期 are filled after a save attempt', async () => {
    const scopes = new KinshipScopePage(page, api.baseUrl);
    await scopes.openCreate();
    // A fresh form (the previous test filled one on the same route).
    await page.reload();
    await page.locator('form input[name="effectiveFrom"]').waitFor();
    await page.getByTestId('scope-save').click();
    await page.locator('form').getByText('必填', { exact: true }).first().waitFor();
    await scopes.selectPurpose('就医购药');
    await scopes.setEffectiveFrom('2031-01-01');
    await eventually(async () =>
      expect(await page.locator('form').getByText('必填', { exact: true }).count()).toBe(0),
    );
  });

  it('#5 the audit trail opens before/after by keyboard with a named, focusable button; the refused list is in full', async () => {
    const audit = new AuditLogPage(page, api.baseUrl);
    await audit.open({ action: 'regionsRolloutSet' });
    const button = page.getByRole('button', { name: '展开查看修改前后' }).first();
    await button.focus();
    await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-diff').first().waitFor();
    await page.getByRole('button', { name: '收起修改前后' }).first().waitFor();
    const batch = page.getByTestId('audit-line-refused');
    if (await batch.count()) expect(await batch.first().innerText()).not.toContain('…');
    await audit.screenshot(shot('05-audit-keyboard'));
  });
});

async function list1366Screenshot(page: Page, file: string) {
  await page.screenshot({ path: file, fullPage: true });
}
