// Counter settlement (办理结算, R-SET-4/5) on the person page: a COUNTER clerk settles an outpatient bill for 王建国
// paid with the electronic voucher — the quote shows the fund and own-account shares in Chinese, confirming pays,
// the notification links to the transaction, the account balance on the page drops by the account share and the
// API agrees — then a card bill with a wrong payment password is refused in Chinese (R-ACC-7), the dialog stays
// open with what was typed, and no money moves. At 1366×768, every screen scanned for English words.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { PersonPage } from './pages/PersonPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { eventually } from './support/eventually';
import { graphql, signIn } from './support/graphql';
import { scanForEnglish } from './support/languageScan';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `${name}.png`);

const COUNTER = { username: 'counter', password: 'gongji-counter-demo' };
const WANG_JIANGUO = { name: '王建国', idNumber: '110105195203150179' };
const WANG_XIAOMING = { name: '王小明', idNumber: '11010520120910055X' };
/** Not the demo payment password (147258). */
const WRONG_PASSWORD = '000000';

interface AccountState {
  id: string;
  account: { pockets: { kind: string; balance: string }[] } | null;
  paymentPassword: { failures: number } | null;
}

/** "8,000.00 元" → 800000 (fen). */
function fenOf(text: string): number {
  const match = /(-?[\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in "${text}"`);
  const whole = Number(match[1].replace(/,/g, ''));
  return whole * 100 + Math.sign(whole || 1) * Number(match[2]);
}

describe('settling a bill at the counter (办理结算)', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let token: string;
  const english: string[] = [];
  const pageErrors: string[] = [];

  const person = async (): Promise<AccountState> =>
    (
      await graphql<{ personByIdNumber: AccountState }>(
        api.baseUrl,
        `
          query ($n: String!) {
            personByIdNumber(idNumber: $n) {
              id
              account {
                pockets {
                  kind
                  balance
                }
              }
              paymentPassword {
                failures
              }
            }
          }
        `,
        { n: WANG_JIANGUO.idNumber },
        token,
      )
    ).personByIdNumber;

  const earmarkedFen = (state: AccountState) =>
    fenOf(state.account?.pockets.find((p) => p.kind === 'EARMARKED')?.balance ?? '');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await startApi();
    browser = await launchChromium();
    token = await signIn(api.baseUrl, COUNTER.username, COUNTER.password);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('quotes and settles an e-voucher bill, then refuses a card bill with a wrong password', async () => {
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const persons = new PersonPage(page, api.baseUrl);
    /** The EARMARKED balance shown on the person page, in fen. */
    const pageEarmarked = async () =>
      fenOf(
        await page
          .getByTestId('person-pockets')
          .locator('tr')
          .filter({ hasText: '个人账户（记账）' })
          .locator('td')
          .last()
          .innerText(),
      );
    const splitFen = async (dialog: Locator, testId: string) =>
      fenOf(await dialog.getByTestId(testId).locator('td').last().innerText());
    try {
      const login = new LoginPage(page, api.baseUrl);
      await login.open();
      await login.signIn(COUNTER.username, COUNTER.password);
      await page.getByRole('menuitem', { name: '参保人员' }).first().waitFor();

      const before = await person();
      await persons.openById(before.id);
      expect(await pageEarmarked()).toBe(earmarkedFen(before));

      // 1. An outpatient bill paid with the electronic voucher (no password, R-ACC-7).
      let dialog = await persons.openDialog('settle');
      // A counter clerk works at a hospital: the person's first chosen hospital is filled in.
      await eventually(async () =>
        expect(await dialog.getByTestId('input-institutionId').inputValue()).not.toBe(''),
      );
      // The service date defaults to today in Beijing and cannot be in the future.
      expect(await dialog.getByTestId('input-serviceDate').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Confirming needs a quote first.
      expect(await dialog.getByTestId('settle-confirm').isDisabled()).toBe(true);
      await persons.choose(dialog, '支付方式', '医保电子凭证');
      // A mistyped amount is refused on its input before anything is sent.
      await persons.fill(dialog, 'covered', '1e3');
      await dialog.getByTestId('settle-quote').click();
      await eventually(async () =>
        expect(await persons.helperText(dialog, 'covered').innerText()).toContain('元'),
      );
      await persons.fill(dialog, 'covered', '2000.00');
      await dialog.getByTestId('settle-quote').click();
      const result = dialog.getByTestId('settle-quote-result');
      await result.waitFor();
      const quoteText = await result.innerText();
      expect(quoteText).toContain('统筹基金支付');
      expect(quoteText).toContain('个人账户支付');
      expect(quoteText).toContain('现金支付');
      expect(quoteText).toMatch(/R-SET-\d/);
      const fund = await splitFen(dialog, 'split-fund');
      const own = await splitFen(dialog, 'split-own');
      const total = await splitFen(dialog, 'split-total');
      expect(total).toBe(200000);
      expect(own).toBeGreaterThan(0);
      expect(fund + own).toBeLessThanOrEqual(total);
      english.push(...(await scanForEnglish(page, 'settle dialog with quote')));
      await eventually(async () => expect(await dialog.getByTestId('settle-confirm').isEnabled()).toBe(true));
      await page.waitForTimeout(300); // the button's colour transition, for the screenshot only
      await page.screenshot({ path: shot('settle-01-quote-1366x768') });
      // The whole dialog, its buttons included, fits the 1366×768 window.
      const box = await dialog.getByRole('dialog').boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
      expect(await dialog.getByTestId('settle-confirm').isVisible()).toBe(true);
      // Nothing moved on the quote (R-SET-5).
      expect(earmarkedFen(await person())).toBe(earmarkedFen(before));

      await dialog.getByTestId('settle-confirm').click();
      const done = page.getByTestId('settle-done');
      await done.waitFor();
      expect(await done.innerText()).toContain('结算成功');
      english.push(...(await scanForEnglish(page, 'settled notification')));
      await dialog.getByRole('dialog').waitFor({ state: 'hidden' });
      // The page is refreshed: the balance dropped by the account share, and the API agrees.
      await eventually(async () => expect(await pageEarmarked()).toBe(earmarkedFen(before) - own));
      const afterSettle = await person();
      expect(earmarkedFen(afterSettle)).toBe(earmarkedFen(before) - own);
      await persons.screenshot(shot('settle-02-settled'));
      // The notification links to the new transaction.
      const href = await done.getByRole('link').getAttribute('href');
      const transactionId = /\/transactions\/([^/]+)\/show/.exec(href ?? '')?.[1];
      expect(transactionId).toBeTruthy();
      const { transaction } = await graphql<{
        transaction: { kind: string; status: string; amount: string } | null;
      }>(
        api.baseUrl,
        `
          query ($id: ID!) {
            transaction(id: $id) {
              kind
              status
              amount
            }
          }
        `,
        { id: transactionId },
        token,
      );
      expect(transaction).toEqual({ kind: 'SETTLEMENT', status: expect.any(String), amount: '2000.00' });
      await done.getByRole('link').click();
      await page.waitForURL(new RegExp(`/transactions/${transactionId}/show`));
      await persons.openById(before.id);

      // 2. A card bill above the password-free limit with a wrong password: refused in Chinese, nothing moves.
      dialog = await persons.openDialog('settle');
      await eventually(async () =>
        expect(await dialog.getByTestId('input-institutionId').inputValue()).not.toBe(''),
      );
      await persons.fill(dialog, 'covered', '1500.00');
      await dialog.getByTestId('settle-quote').click();
      await dialog.getByTestId('settle-quote-result').waitFor();
      await dialog.getByTestId('settle-password-needed').waitFor();
      await dialog.getByTestId('settle-confirm').click();
      // No password typed: asked for on its input, nothing sent.
      await eventually(async () =>
        expect(await persons.helperText(dialog, 'password').innerText()).toContain('支付密码'),
      );
      await persons.fill(dialog, 'password', WRONG_PASSWORD);
      // The password input is masked.
      expect(await dialog.getByTestId('input-password').getAttribute('type')).toBe('password');
      await dialog.getByTestId('settle-confirm').click();
      await eventually(async () => {
        const onInput = await persons
          .helperText(dialog, 'password')
          .innerText()
          .catch(() => '');
        const above = await dialog
          .getByTestId('settle-error')
          .innerText()
          .catch(() => '');
        expect(`${onInput}${above}`).toMatch(/密码/);
        expect(`${onInput}${above}`).not.toContain('147258');
        // A wrong password is checked with a slow salted hash (R-ACC-7): allow a loaded machine its time.
      }, 40_000);
      english.push(...(await scanForEnglish(page, 'settle dialog, wrong password')));
      await page.screenshot({ path: shot('settle-03-wrong-password-1366x768') });
      // The dialog stays open with what was typed.
      expect(await dialog.getByRole('dialog').isVisible()).toBe(true);
      expect(await dialog.getByTestId('input-covered').inputValue()).toBe('1500.00');
      // Nothing moved (R-ACC-7: a refusal moves no money); the failed attempt is counted.
      const afterRefusal = await person();
      expect(earmarkedFen(afterRefusal)).toBe(earmarkedFen(afterSettle));
      expect(afterRefusal.paymentPassword?.failures).toBe((afterSettle.paymentPassword?.failures ?? 0) + 1);
      expect(await pageEarmarked()).toBe(earmarkedFen(afterSettle));
      await dialog.getByRole('button', { name: '取消' }).click();

      // 3. A child without an account, paid by relatives (R-KIN-4): the quote names each relative who pays, never an id.
      const { personByIdNumber: child } = await graphql<{
        personByIdNumber: { id: string; fundingSources: { provider: { name: string } }[] };
      }>(
        api.baseUrl,
        `
          query ($n: String!) {
            personByIdNumber(idNumber: $n) {
              id
              fundingSources {
                provider {
                  name
                }
              }
            }
          }
        `,
        { n: WANG_XIAOMING.idNumber },
        token,
      );
      await persons.openById(child.id);
      dialog = await persons.openDialog('settle');
      await eventually(async () =>
        expect(await dialog.getByTestId('input-institutionId').inputValue()).not.toBe(''),
      );
      await persons.choose(dialog, '支付方式', '医保电子凭证');
      await persons.fill(dialog, 'covered', '300.00');
      await dialog.getByTestId('settle-quote').click();
      const childQuote = dialog.getByTestId('settle-quote-result');
      await childQuote.waitFor();
      // Every relative who pays is named (the quote's providerId never shows), and nothing shows an id at all.
      const names = child.fundingSources.map((f) => f.provider.name);
      const relatives = await dialog.locator('[data-testid^="split-provider-"]').allInnerTexts();
      // He has no account of his own: his first relative in registered order pays (R-KIN-4, R-SET-4).
      expect(relatives.length).toBeGreaterThan(0);
      expect(relatives[0]).toContain(names[0]);
      for (const line of relatives) expect(names.some((n) => line.includes(n))).toBe(true);
      expect(await childQuote.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
      english.push(...(await scanForEnglish(page, 'settle dialog, relatives pay')));
      await page.screenshot({ path: shot('settle-04-relatives-1366x768') });
    } finally {
      await context.close();
    }
    expect(english).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
