// The production bootstrap in the browser: a production API with no demo data, its first ADMIN created with
// `npm run users` (the password from GONGJI_NEW_PASSWORD), who signs in to the console, creates a designated
// hospital on the institutions page and finds it in the list; a duplicate code is refused on the code field.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { RegionListPage } from './pages/RegionListPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { graphql, signIn } from './support/graphql';
import { scanForEnglish } from './support/languageScan';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `${name}.png`);
const ADMIN = { username: 'ops.admin', password: 'first-production-admin-2026' };

describe('production first start: the first ADMIN creates an institution in the console', () => {
  let api: RunningApi;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await startApi({
      NODE_ENV: 'production',
      GONGJI_SECRET: 'e2e-production-secret-'.padEnd(48, 'y'),
      GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
    });
    const created = spawnSync(
      process.execPath,
      [
        'tools/swc-run.js',
        'tools/users/users.ts',
        'create',
        '--username',
        ADMIN.username,
        '--role',
        'ADMIN',
        '--display-name',
        '运维管理员',
      ],
      {
        cwd: WORKSPACE_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${api.databaseFile}`,
          GONGJI_NEW_PASSWORD: ADMIN.password,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    if (created.status !== 0) throw new Error(`npm run users failed: ${created.stderr}`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  async function select(page: Page, source: string, option: string): Promise<void> {
    await page.locator(`.ra-input-${source} [role="combobox"]`).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  it('creates a hospital, finds it in the list by search, and refuses the same code again on its field', async () => {
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const list = new RegionListPage(page, api.baseUrl);
    try {
      const login = new LoginPage(page, api.baseUrl);
      await login.open();
      await login.signIn(ADMIN.username, ADMIN.password);
      await page.getByRole('menuitem', { name: '定点医药机构' }).first().click();
      await page.waitForURL((url) => url.hash.startsWith('#/institutions'));
      await list.settle();

      await page.goto(`${api.baseUrl}/admin/#/institutions/create`);
      await page.locator('input[name="code"]').fill('H44030400001');
      await page.locator('input[name="name"]').fill('深圳市人民医院');
      await select(page, 'kind', '定点医疗机构');
      await select(page, 'level', '三级');
      await page.locator('input[name="regionCode"]').fill('440300');
      await page.locator('input[name="acceptsWallet"]').check();
      const english = await scanForEnglish(page, 'institution create');
      await page.screenshot({ path: shot('institutions-01-create'), fullPage: true });
      await page.locator('form button[type="submit"]').click();

      await page.waitForURL((url) => url.hash === '#/institutions' || url.hash.startsWith('#/institutions?'));
      await list.search('人民医院');
      const row = list.row('深圳市人民医院');
      await row.waitFor();
      expect(await row.innerText()).toContain('H44030400001');
      expect(await list.rows().count()).toBe(1);
      english.push(...(await scanForEnglish(page, 'institution list')));
      await page.screenshot({ path: shot('institutions-02-list'), fullPage: true });

      const token = await signIn(api.baseUrl, ADMIN.username, ADMIN.password);
      const stored = await graphql<{ institution: Record<string, unknown> | null }>(
        api.baseUrl,
        'query($id: ID!) { institution(id: $id) { code name kind level regionCode designated openToAll acceptsWallet } }',
        { id: 'H44030400001' },
        token,
      );
      expect(stored.institution).toEqual({
        code: 'H44030400001',
        name: '深圳市人民医院',
        kind: 'HOSPITAL',
        level: 'TERTIARY',
        regionCode: '440300',
        designated: true,
        openToAll: false,
        acceptsWallet: true,
      });

      await page.goto(`${api.baseUrl}/admin/#/institutions/create`);
      await page.locator('input[name="code"]').fill('H44030400001');
      await page.locator('input[name="name"]').fill('重复编码医院');
      await select(page, 'kind', '定点医疗机构');
      await page.locator('input[name="regionCode"]').fill('440300');
      await page.locator('form button[type="submit"]').click();
      await page.locator('.ra-input-code .Mui-error').first().waitFor();
      expect(await page.locator('.ra-input-code').innerText()).toMatch(/冲突|H44030400001/);
      await page.screenshot({ path: shot('institutions-03-duplicate'), fullPage: true });
      english.push(...(await scanForEnglish(page, 'institution duplicate')));

      expect(english).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
