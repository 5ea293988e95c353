// Black-box audit fixes of the counter console, proven in a real browser:
// 1. after a settlement, at 1366×768 the person page still fits: 余额, 登记共济亲属, 撤销, 重置密码 and 办理结算 are
//    on screen (a long explanation once grew every card to 1,904 px); a relative's statement shows their own share
//    and the patient (R-KIN-4); the ledger's explanation takes at most two lines;
// 2. with the API unreachable, pages say 无法连接服务器 — never 条目不存在, an empty list or "Failed to fetch" — and
//    recover on their own once the server answers again;
// 3. an expired session says 登录已过期，请重新登录 and a registration typed in full survives signing in again; the
//    settlement dialog offers 重新登录, never "检查 API 密钥";
// 5. five wrong payment passwords lock account payment and the page shows it at once, with 解锁 (R-ACC-7);
// 6. a refund links to its settlement, the settlement lists its refunds, a cancelled one says 已撤销 (R-USE-5);
// 7. COUNTER sees no 编辑 on a region; 8. at 390 px the settlement dialog is one column.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { PersonFormPage } from './pages/PersonFormPage';
import { PersonPage } from './pages/PersonPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { eventually } from './support/eventually';
import { graphql, settleToday, signIn } from './support/graphql';
import { scanForEnglish } from './support/languageScan';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `${name}.png`);

const COUNTER = { username: 'counter', password: 'gongji-counter-demo' };
const WANG_JIANGUO = '110105195203150179';
const WANG_XIAOMING = '11010520120910055X';
const WRONG_PASSWORD = '000000';

/** A valid resident ID number (GB 11643 check character) for a person nobody registered yet. */
function idNumberWithCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

interface PersonInfo {
  id: string;
  name: string;
  hospitals: { id: string }[];
  fundingSources: { providerId: string; provider: { name: string } }[];
}

describe('console fixes of the counter audit', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let token: string;
  const pageErrors: string[] = [];

  const personBy = async (idNumber: string): Promise<PersonInfo> =>
    (
      await graphql<{ personByIdNumber: PersonInfo }>(
        api.baseUrl,
        `
          query ($n: String!) {
            personByIdNumber(idNumber: $n) {
              id
              name
              hospitals {
                id
              }
              fundingSources {
                providerId
                provider {
                  name
                }
              }
            }
          }
        `,
        { n: idNumber },
        token,
      )
    ).personByIdNumber;

  const newPage = async (
    width = 1366,
    height = 768,
  ): Promise<{ context: BrowserContext; page: Page; persons: PersonPage }> => {
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width, height } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    await login.signIn(COUNTER.username, COUNTER.password);
    // A phone-sized window folds the menu away: wait for the app bar's user menu instead.
    if (width >= 900) await page.getByRole('menuitem', { name: '参保人员' }).first().waitFor();
    else await page.locator('header').first().waitFor();
    return { context, page, persons: new PersonPage(page, api.baseUrl) };
  };

  /** The right edge of an element, which must be inside the 1366 px window. */
  const rightEdge = async (page: Page, testId: string): Promise<number> => {
    const box = await page.getByTestId(testId).first().boundingBox();
    if (!box) throw new Error(`${testId} is not rendered`);
    return box.x + box.width;
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
  });

  it('keeps the person page within 1366×768 after a settlement and shows a relative her own share', async () => {
    const child = await personBy(WANG_XIAOMING);
    const transactionId = await settleToday(api.baseUrl, token, {
      patientId: child.id,
      institutionId: child.hospitals[0].id,
      covered: '3250.50',
      idempotencyKey: `e2e-fixes-layout-${Date.now()}`,
    });
    const { transaction } = await graphql<{
      transaction: { postings: { personId: string | null; pocket: string | null; amount: string }[] };
    }>(
      api.baseUrl,
      `
        query ($id: ID!) {
          transaction(id: $id) {
            postings {
              personId
              pocket
              amount
            }
          }
        }
      `,
      { id: transactionId },
      token,
    );
    // The first relative whose account paid (R-KIN-4): the child has no account of his own.
    const paid = transaction.postings.find((p) => p.pocket && p.personId && p.personId !== child.id);
    expect(paid).toBeTruthy();
    const relative = child.fundingSources.find((f) => f.providerId === paid!.personId)!;

    const { context, page, persons } = await newPage();
    try {
      for (const id of [relative.providerId, child.id]) {
        await persons.openById(id);
        await page.getByTestId('person-transactions').locator('tbody tr').first().waitFor();
        await persons.settle();
        // Nothing wider than the window: no card grows past its column.
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          cards: [...document.querySelectorAll('.MuiCard-root')].map((c) => c.getBoundingClientRect().right),
        }));
        expect(widths.page).toBeLessThanOrEqual(1366);
        for (const right of widths.cards) expect(right).toBeLessThanOrEqual(1366);
        // The actions and the balance column are on screen.
        for (const testId of ['settle-button', 'password-reset-button']) {
          expect(await rightEdge(page, testId)).toBeLessThanOrEqual(1366);
        }
        const balance = page
          .getByTestId('person-pockets')
          .locator('tr')
          .filter({ hasText: '个人账户（记账）' })
          .locator('td')
          .last();
        if (id === relative.providerId) {
          const box = await balance.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
          expect(await balance.innerText()).toMatch(/\d\.\d{2}/);
          // An account holder registers relatives and revokes them (R-KIN-1/5).
          expect(await rightEdge(page, 'register-relation-button')).toBeLessThanOrEqual(1366);
          expect(await rightEdge(page, 'revoke-relation-button')).toBeLessThanOrEqual(1366);
        }
      }
      await page.screenshot({ path: shot('fixes-01-child-1366x768') });

      // The relative's statement: her own share (signed) and the patient, not only the whole bill.
      await persons.openById(relative.providerId);
      const row = page.getByTestId('person-transactions').locator('tbody tr').first();
      await row.waitFor();
      const own = await row.getByTestId('own-amount').innerText();
      const paidYuan = paid!.amount.replace(/^-/, '');
      const grouped = paidYuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      expect(own).toContain(`-${grouped}`);
      expect(await row.getByTestId('transaction-counterpart').innerText()).toContain(child.name);
      // The explanation is at most two lines in the list.
      const explanation = await row.getByTestId('explanation').boundingBox();
      expect(explanation!.height).toBeLessThanOrEqual(60);
      expect(await scanForEnglish(page, 'relative statement')).toEqual([]);
      await page.screenshot({ path: shot('fixes-02-relative-statement-1366x768') });

      // The ledger: two lines of explanation per row at most, several rows per screen.
      await page.goto(`${api.baseUrl}/admin/#/transactions`);
      await page.locator('tbody tr').first().waitFor();
      await persons.settle();
      const heights = await page
        .locator('tbody [data-testid="explanation"]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(0);
      for (const h of heights) expect(h).toBeLessThanOrEqual(60);
      await page.screenshot({ path: shot('fixes-03-ledger-1366x768') });
    } finally {
      await context.close();
    }
  });

  it('says 无法连接服务器 while the API is unreachable, and recovers when it answers again', async () => {
    const person = await personBy(WANG_JIANGUO);
    const { context, page } = await newPage();
    try {
      // The API stops answering: every GraphQL request fails at the network level, as with the server down.
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await page.goto(`${api.baseUrl}/admin/#/persons/${person.id}/show`);
      const failed = page.getByTestId('show-load-error');
      await failed.waitFor();
      expect(await failed.innerText()).toContain('无法连接服务器，请检查网络或稍后重试');
      // Still on the person's page, and nothing says the record does not exist.
      expect(page.url()).toContain(`/persons/${person.id}/show`);
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('条目不存在');
      expect(text).not.toMatch(/Failed to fetch/i);
      await page.screenshot({ path: shot('fixes-04-person-unreachable') });
      // The server answers again: the page recovers without a reload.
      await page.unroute('**/graphql');
      await page.getByTestId('person-identity').waitFor({ timeout: 20_000 });

      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      await page.goto(`${api.baseUrl}/admin/#/transactions`);
      const listFailed = page.getByTestId('list-load-error');
      await listFailed.waitFor();
      expect(await listFailed.innerText()).toContain('无法连接服务器');
      const listText = await page.locator('body').innerText();
      expect(listText).not.toContain('没有交易流水');
      expect(listText).not.toMatch(/共 \d+ 条/);
      expect(listText).not.toMatch(/Failed to fetch/i);
      expect(await scanForEnglish(page, 'ledger unreachable')).toEqual([]);
      await page.screenshot({ path: shot('fixes-05-ledger-unreachable') });
      await page.unroute('**/graphql');
      // 重试 asks again at once.
      await listFailed.getByRole('button', { name: '重试' }).click();
      await page.locator('tbody tr').first().waitFor();
      expect(await page.getByTestId('list-load-error').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('keeps a registration typed in full across an expired session, and offers 重新登录 in the settlement dialog', async () => {
    const { context, page, persons } = await newPage();
    const form = new PersonFormPage(page, api.baseUrl);
    const expireSession = () =>
      page.evaluate(() => {
        const session = JSON.parse(localStorage.getItem('gongji.session') ?? '{}');
        localStorage.setItem('gongji.session', JSON.stringify({ ...session, token: 'expired-token' }));
      });
    try {
      const idNumber = idNumberWithCheck('11010519900307123');
      await form.openCreateFromList();
      await form.fill('name', '赵会话');
      await form.fill('idNumber', idNumber);
      await form.fill('phone', '13912340000');
      await form.pickRegion('参保地', '北京', /110000/);
      await form.choose('险种', '职工医保');
      await form.choose('人员状态', '在职');
      await form.fill('reason', '窗口登记');
      await expireSession();
      await form.save();
      // Signed out with a Chinese notice, never react-admin's "Invalid dataProvider response … missing id".
      await page.locator('input[name="username"]').waitFor();
      await persons.notification('登录已过期，请重新登录');
      expect(await page.locator('body').innerText()).not.toMatch(/Invalid dataProvider|missing id/);
      await page.screenshot({ path: shot('fixes-06-session-expired') });
      await new LoginPage(page, api.baseUrl).signIn(COUNTER.username, COUNTER.password);
      // Back on the registration form with what was typed.
      await page.waitForURL(/#\/persons\/create/);
      await page.getByTestId('person-draft-restored').waitFor();
      expect(await form.input('name').inputValue()).toBe('赵会话');
      expect(await form.input('idNumber').inputValue()).toBe(idNumber);
      expect(await form.input('phone').inputValue()).toBe('13912340000');

      // The settlement dialog: 登录已过期 with 重新登录, never the server's text about API keys.
      const person = await personBy(WANG_JIANGUO);
      await persons.openById(person.id);
      const dialog = await persons.openDialog('settle');
      await eventually(async () =>
        expect(await dialog.getByTestId('input-institutionId').inputValue()).not.toBe(''),
      );
      await persons.fill(dialog, 'covered', '100.00');
      await expireSession();
      await dialog.getByTestId('settle-quote').click();
      const expired = dialog.getByTestId('settle-session-expired');
      await expired.waitFor();
      expect(await expired.innerText()).toContain('登录已过期，请重新登录');
      expect(await dialog.innerText()).not.toContain('API 密钥');
      expect(await scanForEnglish(page, 'settle dialog, session expired')).toEqual([]);
      await page.screenshot({ path: shot('fixes-07-settle-session-expired') });
      await expired.getByTestId('relogin-button').click();
      await page.locator('input[name="username"]').waitFor();
      await new LoginPage(page, api.baseUrl).signIn(COUNTER.username, COUNTER.password);
      await page.waitForURL(new RegExp(`/persons/${person.id}/show`));
    } finally {
      await context.close();
    }
  });

  it('shows the lock after five wrong payment passwords at once, with 解锁 (R-ACC-7)', async () => {
    const person = await personBy(WANG_JIANGUO);
    const { context, page, persons } = await newPage();
    try {
      await persons.openById(person.id);
      const dialog = await persons.openDialog('settle');
      await eventually(async () =>
        expect(await dialog.getByTestId('input-institutionId').inputValue()).not.toBe(''),
      );
      // "1,500.00" as a bill prints it is accepted.
      await persons.fill(dialog, 'covered', '1,500.00');
      await dialog.getByTestId('settle-quote').click();
      await dialog.getByTestId('settle-quote-result').waitFor();
      await persons.fill(dialog, 'password', WRONG_PASSWORD);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const before = await page.getByTestId('person-password').innerText();
        await dialog.getByTestId('settle-confirm').click();
        // Each refusal re-reads the person: the failure count on the page changes without a reload.
        await eventually(
          async () => expect(await page.getByTestId('person-password').innerText()).not.toBe(before),
          40_000,
        );
      }
      await page.getByTestId('password-unlock-button').waitFor();
      await dialog.getByTestId('settle-locked').waitFor();
      // A further attempt: the lock is said on the password input.
      await dialog.getByTestId('settle-confirm').click();
      await eventually(
        async () => expect(await persons.helperText(dialog, 'password').innerText()).toContain('锁定'),
        40_000,
      );
      expect(await scanForEnglish(page, 'settle dialog, account locked')).toEqual([]);
      await page.screenshot({ path: shot('fixes-08-locked') });
      // 解锁 from the page (the next tests settle for this person again).
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.getByRole('dialog').waitFor({ state: 'hidden' });
      const unlock = await persons.openDialog('password-unlock');
      await persons.fill(unlock, 'reason', '本人持身份证到窗口申请解锁');
      await persons.confirm(unlock);
      await page.getByTestId('password-unlock-button').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });

  it('links a refund to its settlement and back, says 已撤销 for a cancelled one, hides 编辑 on a region', async () => {
    const person = await personBy(WANG_JIANGUO);
    const settle = (key: string) =>
      settleToday(api.baseUrl, token, {
        patientId: person.id,
        institutionId: person.hospitals[0].id,
        covered: '300.00',
        idempotencyKey: `e2e-fixes-${key}-${Date.now()}`,
      });
    const refunded = await settle('refund');
    const { refundIssue } = await graphql<{ refundIssue: { transaction: { id: string } | null } }>(
      api.baseUrl,
      `
        mutation ($input: RefundIssueInput!) {
          refundIssue(input: $input) {
            transaction {
              id
            }
            userErrors {
              code
            }
          }
        }
      `,
      { input: { transactionId: refunded, amount: '50.00', idempotencyKey: `e2e-fixes-r-${Date.now()}` } },
      token,
    );
    const refundId = refundIssue.transaction!.id;
    const cancelled = await settle('cancel');
    await graphql(
      api.baseUrl,
      `
        mutation ($input: SettlementCancelInput!) {
          settlementCancel(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      { input: { transactionId: cancelled, idempotencyKey: `e2e-fixes-c-${Date.now()}` } },
      token,
    );

    const { context, page, persons } = await newPage();
    try {
      await page.goto(`${api.baseUrl}/admin/#/transactions/${refundId}/show`);
      const link = page.getByTestId('original-transaction-link');
      await link.waitFor();
      await link.click();
      await page.waitForURL(new RegExp(`/transactions/${refunded}/show`));
      const reversal = page.getByTestId('reversals').getByTestId('reversal-row');
      await reversal.first().waitFor();
      expect(await reversal.count()).toBe(1);
      expect(await reversal.first().innerText()).toContain('50.00');
      await persons.settle();
      await page.screenshot({ path: shot('fixes-09-settlement-reversals') });

      await page.goto(`${api.baseUrl}/admin/#/transactions/${cancelled}/show`);
      const state = page.getByTestId('refund-state-cancelled');
      await state.waitFor();
      expect(await state.innerText()).toContain('已撤销');
      expect(await page.getByTestId('reversals').getByTestId('reversal-row').count()).toBe(1);

      await page.goto(`${api.baseUrl}/admin/#/regions/110000/show`);
      await page.getByText('110000').first().waitFor();
      await persons.settle();
      expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0);

      // The ledger: a start date after the end date is said, not just an empty list.
      await page.goto(
        `${api.baseUrl}/admin/#/transactions?filter=${encodeURIComponent(
          JSON.stringify({ fromDate: '2026-12-02', toDate: '2026-12-01' }),
        )}`,
      );
      await page.getByTestId('date-range-notice').waitFor();
      // The person search: an ID number with a wrong check digit is said to be invalid.
      await page.goto(
        `${api.baseUrl}/admin/#/persons?filter=${encodeURIComponent(JSON.stringify({ q: '110105195203150178' }))}`,
      );
      expect(await page.getByTestId('person-search-notice').innerText()).toContain('校验码');
    } finally {
      await context.close();
    }
  });

  it('shows the settlement dialog in one column on a 390 px phone', async () => {
    const person = await personBy(WANG_JIANGUO);
    const { context, page, persons } = await newPage(390, 844);
    try {
      await persons.openById(person.id);
      const dialog = await persons.openDialog('settle');
      const covered = await dialog.getByTestId('input-covered').boundingBox();
      const outOfCatalogue = await dialog.getByTestId('input-outOfCatalogue').boundingBox();
      // One above the other, each (almost) the dialog's width, so their labels are not cut.
      expect(Math.abs(covered!.x - outOfCatalogue!.x)).toBeLessThan(2);
      expect(outOfCatalogue!.y).toBeGreaterThan(covered!.y);
      expect(covered!.width).toBeGreaterThan(250);
      await page.screenshot({ path: shot('fixes-10-settle-390') });
    } finally {
      await context.close();
    }
  });

  it('confirms a wallet and says on the recipient why a transfer is refused, in Chinese (R-WAL-3..6)', async () => {
    const zhangWei = await personBy('130102198805120135'); // 石家庄: the wallet is open in Hebei
    const wangQiang = await personBy('110105198309090112'); // 北京: not open
    const { context, page, persons } = await newPage();
    try {
      await persons.openById(wangQiang.id);
      let dialog = await persons.openDialog('wallet-activate');
      await persons.confirm(dialog);
      const refused = dialog.getByTestId('wallet-activate-error');
      await refused.waitFor();
      expect(await refused.innerText()).toMatch(/尚未开通医保钱包.*R-WAL-5/);
      await dialog.getByRole('button', { name: '取消' }).click();

      await persons.openById(zhangWei.id);
      dialog = await persons.openDialog('wallet-activate');
      expect(await dialog.getByTestId('input-usageRegionCode').inputValue()).toBe('130100');
      await persons.confirm(dialog);
      await persons.notification('医保钱包已确认使用');
      await eventually(async () =>
        expect(await page.getByTestId('person-wallet').innerText()).toContain('130100'),
      );

      dialog = await persons.openDialog('wallet-transfer');
      await persons.fill(dialog, 'toIdNumber', '370202199001010357');
      await persons.fill(dialog, 'amount', '1,000.00');
      await persons.confirm(dialog);
      // 刘洋 has not confirmed a wallet (R-WAL-5) nor is a relative on record (R-WAL-4): the refusal is said on the
      // recipient's input, in Chinese with its rule; the amount "1,000.00" was accepted.
      await eventually(async () =>
        expect(await persons.helperText(dialog, 'toIdNumber').innerText()).toMatch(
          /(接收人|亲属).*R-WAL-[45]/,
        ),
      );
      expect(await persons.helperText(dialog, 'amount').count()).toBe(0);
      expect(await scanForEnglish(page, 'wallet transfer refused')).toEqual([]);
      await page.screenshot({ path: shot('fixes-11-wallet-transfer-refused') });
    } finally {
      await context.close();
    }
  });
});
