// Console audit C, proven in a real browser:
// 1. on a 390×844 phone the lists 参保人员, 交易流水 and 定点医药机构 (and 统筹区, the reference) do not scroll the page
//    sideways and 导出 stays in the viewport; at 1366×768 the persons table is shown as before;
// 2. 退出 and then the browser's Back ends on the login page, with no Apollo error text nor 条目不存在;
// 3. an analyst typing an ID number one character at a time sends no persons query until the number is complete,
//    and the row appears masked;
// 4. a wallet transfer refused for several reasons (no relation on record, R-WAL-4, and no confirmed wallet, R-WAL-5)
//    shows every reason in the dialog, also the one without an input of its own.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { PersonPage } from './pages/PersonPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { eventually } from './support/eventually';
import { graphql, signIn } from './support/graphql';
import { scanForEnglish } from './support/languageScan';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `console-audit-c-${name}.png`);

const ADMIN = { username: 'admin', password: 'gongji-admin-demo' };
const COUNTER = { username: 'counter', password: 'gongji-counter-demo' };
const ANALYST = { username: 'analyst', password: 'gongji-analyst-demo' };
const WANG_JIANGUO = '110105195203150179';
const WANG_QIANG = '110105198309090112'; // 北京: no wallet confirmed
const LIU_YANG = '370202199001010357'; // 青岛: no wallet confirmed, no relation on record with 王强

/** Longer than the list search's debounce (react-admin's SearchInput: 500 ms), so every prefix could be sent. */
const TYPING_PAUSE_MS = 800;

interface Credentials {
  username: string;
  password: string;
}

/** The filter a persons query of the console carried, or null for any other GraphQL request. */
function personsFilterOf(request: Request): Record<string, unknown> | null {
  if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/graphql')) return null;
  const body = request.postData();
  if (!body || !/\bpersons\s*\(/.test(body)) return null;
  const parsed = JSON.parse(body) as { variables?: { filter?: Record<string, unknown> } };
  return parsed.variables?.filter ?? {};
}

describe('console audit C (headless Chromium against the built API)', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let token: string;
  const pageErrors: string[] = [];

  const personId = async (idNumber: string): Promise<string> =>
    (
      await graphql<{ personByIdNumber: { id: string } }>(
        api.baseUrl,
        `
          query ($n: String!) {
            personByIdNumber(idNumber: $n) {
              id
            }
          }
        `,
        { n: idNumber },
        token,
      )
    ).personByIdNumber.id;

  const newPage = async (
    who: Credentials,
    width = 1366,
    height = 768,
  ): Promise<{ context: BrowserContext; page: Page; persons: PersonPage }> => {
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    await login.signIn(who.username, who.password);
    // A phone-sized window folds the menu away: wait for the app bar instead.
    if (width >= 900) await page.getByRole('menuitem', { name: '参保人员' }).first().waitFor();
    else await page.locator('header').first().waitFor();
    return { context, page, persons: new PersonPage(page, api.baseUrl) };
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // GONGJI_E2E_ADMIN_DIR: a copy of the built console, when others rebuild dist/apps/admin during the run.
    api = await startApi(
      process.env.GONGJI_E2E_ADMIN_DIR ? { GONGJI_ADMIN_DIR: process.env.GONGJI_E2E_ADMIN_DIR } : {},
    );
    browser = await launchChromium();
    token = await signIn(api.baseUrl, COUNTER.username, COUNTER.password);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors.length = 0;
  });

  /** Opens each list on a 390×844 phone: the page does not scroll sideways, 导出 (where there is one) is in view. */
  const checkListsOnPhone = async (
    lists: readonly { route: string; name: string; exports: boolean }[],
  ): Promise<void> => {
    const { context, page, persons } = await newPage(ADMIN, 390, 844);
    try {
      for (const list of lists) {
        await page.goto(`${api.baseUrl}/admin/#${list.route}`);
        await page.locator('.RaList-main').first().waitFor();
        await page.locator('tbody tr').first().waitFor();
        await persons.settle();
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        expect([list.name, widths.scroll <= widths.inner + 1, widths]).toEqual([list.name, true, widths]);
        if (list.exports) {
          const exportButton = page.getByRole('button', { name: '导出' }).first();
          await exportButton.waitFor();
          const box = await exportButton.boundingBox();
          expect(box).not.toBeNull();
          expect([list.name, box!.x >= 0, box!.x + box!.width <= 390]).toEqual([list.name, true, true]);
        }
        expect(await scanForEnglish(page, `${list.name} at 390 px`)).toEqual([]);
        await page.screenshot({ path: shot(`01-${list.name}-390`) });
      }
    } finally {
      await context.close();
    }
  };

  it('keeps 定点医药机构 and 统筹区 within a 390 px phone (导出 in view); the persons table at 1366 px', async () => {
    // 定点医药机构 has no export (exporter={false} in InstitutionList.tsx): only its width is checked.
    await checkListsOnPhone([
      { route: '/institutions', name: 'institutions', exports: false },
      { route: '/regions', name: 'regions', exports: true },
    ]);

    // Desktop is left as it was: the persons table with its column headers.
    const desktop = await newPage(ADMIN, 1366, 768);
    try {
      await desktop.persons.openSearch();
      await desktop.page.locator('tbody tr').first().waitFor();
      const header = desktop.page.locator('thead th').filter({ hasText: '姓名' }).first();
      await header.waitFor();
      expect(await header.isVisible()).toBe(true);
      const box = await header.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
      await desktop.page.screenshot({ path: shot('02-persons-1366') });
    } finally {
      await desktop.context.close();
    }
  });

  // Found by this test: the toolbar's wrapping rule also applied on a phone, where react-admin stacks the toolbar as a
  // column; the wrapped column put 导出 beside the filters at x = 382…430 (listLayout.ts now wraps from sm to md only).
  it('keeps 参保人员 and 交易流水 within a 390 px phone, 导出 in view', async () => {
    await checkListsOnPhone([
      { route: '/persons', name: 'persons', exports: true },
      { route: '/transactions', name: 'transactions', exports: true },
    ]);
  });

  it('退出 then Back ends on the login page, without Apollo errors nor 条目不存在', async () => {
    const { context, page, persons } = await newPage(ADMIN);
    try {
      await page.goto(`${api.baseUrl}/admin/#/regions`);
      await page.locator('tbody tr').first().waitFor();
      await persons.settle();
      await page.goto(`${api.baseUrl}/admin/#/regions/110000/show`);
      await page.getByText('110000').first().waitFor();
      await persons.settle();
      await page.getByRole('button', { name: /个人资料|设置|Profile/ }).click();
      await page.getByRole('menuitem', { name: /退出|Logout/ }).click();
      await page.locator('input[name="username"]').waitFor();
      await persons.settle();

      await page.goBack();
      // Whatever the Back button shows on the way, the page ends on the login form and stays there.
      await page.locator('input[name="username"]').waitFor();
      await persons.settle();
      await eventually(async () => {
        expect(await page.locator('input[name="username"]').isVisible()).toBe(true);
        expect(await page.locator('input[name="password"]').isVisible()).toBe(true);
        const text = await page.locator('body').innerText();
        for (const bad of ['go.apollo.dev', 'An error occurred', 'Response not successful', '条目不存在'])
          expect([bad, text.includes(bad)]).toEqual([bad, false]);
      });
      expect(await scanForEnglish(page, 'login after 退出 and Back')).toEqual([]);
      await page.screenshot({ path: shot('03-signed-out-back') });
    } finally {
      await context.close();
    }
  });

  it('sends an analyst’s ID number search only once the number is complete, and shows the row masked', async () => {
    const { context, page, persons } = await newPage(ANALYST);
    const sent: Record<string, unknown>[] = [];
    try {
      await persons.openSearch();
      page.on('request', (request) => {
        const filter = personsFilterOf(request);
        if (filter) sent.push(filter);
      });
      await page.locator('input[name="q"]').pressSequentially(WANG_JIANGUO, { delay: TYPING_PAUSE_MS });
      const row = page.locator('tbody tr').filter({ hasText: '110105********0179' }).first();
      await row.waitFor();
      await persons.settle();

      const searched = sent
        .flatMap((filter) => [filter.idNumber, filter.q, filter.name])
        .filter((value) => typeof value === 'string' && value !== '');
      // Only the complete number, at most a couple of times; never "1", "11", … while typing.
      expect(searched.length).toBeGreaterThanOrEqual(1);
      expect(searched.length).toBeLessThanOrEqual(2);
      for (const value of searched) expect(value).toBe(WANG_JIANGUO);

      const text = await row.innerText();
      expect(text).toMatch(/王\*+/);
      expect(text).toContain('110105********0179');
      expect(text).not.toContain('王建国');
      expect(text).not.toContain(WANG_JIANGUO);
      expect(await scanForEnglish(page, 'analyst search typed')).toEqual([]);
      await page.screenshot({ path: shot('04-analyst-typed-search') });
    } finally {
      await context.close();
    }
  });

  it('shows every reason of a refused wallet transfer: no relation on record (R-WAL-4) and no wallet (R-WAL-5)', async () => {
    const sender = await personId(WANG_QIANG);
    const recipient = await personId(LIU_YANG);
    // The server's refusal has two reasons; the relation one is on `relation`, an input the dialog does not have.
    const { walletTransfer } = await graphql<{
      walletTransfer: { transaction: unknown; userErrors: { code: string; field: string[] | null }[] };
    }>(
      api.baseUrl,
      `
        mutation ($input: WalletTransferInput!) {
          walletTransfer(input: $input) {
            transaction {
              id
            }
            userErrors {
              code
              field
            }
          }
        }
      `,
      {
        input: {
          fromPersonId: sender,
          toPersonId: recipient,
          amount: '100.00',
          source: 'EARMARKED',
          verification: 'FACE',
          idempotencyKey: `e2e-audit-c-probe-${Date.now()}`,
        },
      },
      token,
    );
    expect(walletTransfer.transaction).toBeNull();
    const codes = walletTransfer.userErrors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['RELATION_NOT_ESTABLISHED', 'WALLET_NOT_ACTIVATED']));

    const { context, page, persons } = await newPage(COUNTER);
    try {
      await persons.openById(sender);
      const dialog = await persons.openDialog('wallet-transfer');
      await persons.fill(dialog, 'toIdNumber', LIU_YANG);
      await persons.fill(dialog, 'amount', '100.00');
      await persons.confirm(dialog);
      await eventually(async () => {
        const text = await dialog.innerText();
        expect(text).toMatch(/亲属关系.*R-WAL-4/);
        expect(text).toMatch(/钱包.*R-WAL-5/);
      });
      expect(await dialog.getByRole('dialog').isVisible()).toBe(true);
      expect(await scanForEnglish(page, 'wallet transfer, two reasons')).toEqual([]);
      await page.screenshot({ path: shot('05-wallet-transfer-two-reasons') });
    } finally {
      await context.close();
    }
  });
});
