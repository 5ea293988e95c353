// The tester's findings on the audit log and the benefit schedules: after a counter action the audit log shows the
// action in Chinese, the person by name (a link to the person page) and the time in Beijing time like the rest of
// the console; the detail shows field names and values in words. On 待遇标准 a bad amount is refused on its own
// field and nothing is sent. Every page is scanned for English words; the tab names the page.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { AuditLogPage, BenefitSchedulePage } from './pages/PolicyPage';
import { type RunningApi, startApi } from './support/apiServer';
import { launchChromium } from './support/browser';
import { graphql, settleToday, signIn } from './support/graphql';
import { scanForEnglish } from './support/languageScan';
import { WORKSPACE_ROOT } from './support/paths';

const SCREENSHOTS = path.join(WORKSPACE_ROOT, 'tmp', 'screenshots');
const shot = (name: string) => path.join(SCREENSHOTS, `${name}.png`);

const ADMIN = { username: 'admin', password: 'gongji-admin-demo' };
const COUNTER = { username: 'counter', password: 'gongji-counter-demo' };
const WANG_LI = { name: '王丽', idNumber: '110105198006010381' };
const WANG_JIANGUO_ID_NUMBER = '110105195203150179';
/** Twelve Guangdong regions: with the settlement's person and institution, more than 10 objects on one page. */
const GUANGDONG = [
  '440100',
  '440200',
  '440300',
  '440400',
  '440500',
  '440600',
  '440700',
  '440800',
  '440900',
  '441200',
  '441300',
  '441400',
];

/** The staff accounts' user names (actor names are data, not interface text). */
const withoutUserNames = (findings: string[]) => findings.filter((f) => !/"(admin|counter)"/.test(f));

/** An instant as Beijing time with seconds, computed independently of the console's formatter. */
function beijing(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('audit log and money inputs, as the tester found them', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let adminToken: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    api = await startApi();
    browser = await launchChromium();
    adminToken = await signIn(api.baseUrl, ADMIN.username, ADMIN.password);
    // A browser in another time zone: the console still shows Beijing time.
    context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
      viewport: { width: 1440, height: 1000 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    await login.signIn(ADMIN.username, ADMIN.password);
    await page.getByRole('menuitem', { name: '审计日志' }).first().waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('shows a counter action with its Chinese label, the person by name and Beijing time', async () => {
    // A counter clerk pre-reports 王丽's card (through the API, as the counter page does).
    const counterToken = await signIn(api.baseUrl, COUNTER.username, COUNTER.password);
    const { personByIdNumber: person } = await graphql<{ personByIdNumber: { id: string } }>(
      api.baseUrl,
      'query ($n: String!) { personByIdNumber(idNumber: $n) { id } }',
      { n: WANG_LI.idNumber },
      counterToken,
    );
    const { cardReportLoss } = await graphql<{ cardReportLoss: { userErrors: unknown[] } }>(
      api.baseUrl,
      `
        mutation ($input: CardReportLossInput!) {
          cardReportLoss(input: $input) {
            userErrors {
              code
              message
            }
          }
        }
      `,
      { input: { personId: person.id, stage: 'PRE', reason: '参保人来电挂失' } },
      counterToken,
    );
    expect(cardReportLoss.userErrors).toEqual([]);
    const { auditLog } = await graphql<{ auditLog: { edges: { node: { at: string } }[] } }>(
      api.baseUrl,
      `
        query {
          auditLog(first: 1, filter: { action: "cardReportLoss" }) {
            edges {
              node {
                at
              }
            }
          }
        }
      `,
      {},
      adminToken,
    );
    const at = auditLog.edges[0].node.at;

    const audit = new AuditLogPage(page, api.baseUrl);
    await audit.open({ action: 'cardReportLoss' });
    const row = audit.rows().first();
    const cells = row.locator('td');
    const text = await row.innerText();
    expect(text).toContain('社保卡挂失');
    expect(text).not.toContain('cardReportLoss');
    expect(text).toContain(beijing(at));
    expect(text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    const link = row.getByTestId('audit-entity-link');
    await link.waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="audit-entity-link"]')?.textContent?.includes('王丽') ?? false,
    );
    expect(await link.innerText()).toBe('社会保障卡 · 王丽');
    expect(await link.getAttribute('href')).toContain(`/persons/${person.id}/show`);
    expect(await cells.count()).toBeGreaterThan(4);
    expect(await page.title()).toBe('审计日志 · 共济');
    expect(await page.getByText('审计日志列表').count()).toBeGreaterThan(0);
    expect(withoutUserNames(await scanForEnglish(page, 'audit log'))).toEqual([]);

    // The detail: field names and values in words, no raw enum values or ISO instants.
    const diff = await audit.expand('社保卡挂失');
    const detail = await diff.innerText();
    expect(detail).toContain('卡状态');
    expect(detail).toContain('正常');
    expect(detail).toContain('预挂失');
    expect(detail).not.toMatch(/ACTIVE|PRE_REPORTED|state\b|\d{4}-\d{2}-\d{2}T/);
    expect(withoutUserNames(await scanForEnglish(page, 'audit detail'))).toEqual([]);
    await audit.screenshot(shot('audit-01-counter-action'));

    // The link opens the person's page.
    await link.click();
    await page.waitForURL(new RegExp(`/persons/${person.id}/show`));
    await page.getByText(WANG_LI.idNumber).first().waitFor();
    expect(await page.title()).toBe('参保人员 · 共济');
  });

  it('shows a settlement in yuan, and every name on a page naming more than 10 objects', async () => {
    // A counter settlement of 12,345.67 元 for 王建国 at 北京协和医院 (the ledger writer audits the amount in fen).
    const counterToken = await signIn(api.baseUrl, COUNTER.username, COUNTER.password);
    const { personByIdNumber: patient } = await graphql<{ personByIdNumber: { id: string; name: string } }>(
      api.baseUrl,
      'query ($n: String!) { personByIdNumber(idNumber: $n) { id name } }',
      { n: WANG_JIANGUO_ID_NUMBER },
      counterToken,
    );
    const idempotencyKey = `e2e-audit-yuan-${Date.now()}`;
    await settleToday(api.baseUrl, counterToken, {
      patientId: patient.id,
      institutionId: 'H11010100001',
      covered: '12345.67',
      idempotencyKey,
    });
    // Twelve more objects on the first page: a rollout batch over 12 Guangdong regions (one audit row each).
    const { regionsRolloutSet } = await graphql<{ regionsRolloutSet: { changedCount: number } }>(
      api.baseUrl,
      `
        mutation ($input: RegionsRolloutSetInput!) {
          regionsRolloutSet(input: $input) {
            changedCount
          }
        }
      `,
      {
        input: {
          feature: 'WALLET',
          date: '2027-06-01',
          regionCodes: GUANGDONG,
          reason: 'e2e：广东开通医保钱包',
        },
      },
      adminToken,
    );
    expect(regionsRolloutSet.changedCount).toBe(GUANGDONG.length);

    const namesAnswers: number[] = [];
    const listen = (response: {
      url(): string;
      status(): number;
      request(): { postData(): string | null };
    }) => {
      if (/\/graphql/.test(response.url()) && /AuditNames/.test(response.request().postData() ?? '')) {
        namesAnswers.push(response.status());
      }
    };
    page.on('response', listen);
    try {
      const audit = new AuditLogPage(page, api.baseUrl);
      await audit.open();
      // Every region of the page by name with its code, though the page names more than 10 objects.
      await page.waitForFunction(
        () => document.querySelector('.RaDatagrid-table')?.textContent?.includes('广州市（440100）') ?? false,
      );
      for (const code of GUANGDONG) {
        expect(await audit.row(code).first().innerText()).toMatch(new RegExp(`[\u4e00-\u9fff]（${code}）`));
      }
      expect(namesAnswers.length).toBeGreaterThan(0);
      expect(namesAnswers.every((status) => status === 200)).toBe(true);
      expect(await page.getByTestId('audit-names-failed').count()).toBe(0);

      // The settlement: the amount in yuan, the person and the institution by name, no idempotency key in view.
      const diff = await audit.expand('确认结算');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="audit-diff"]')?.textContent?.includes('王建国') ?? false,
      );
      const detail = await diff.innerText();
      expect(detail).toContain('12,345.67 元');
      expect(detail).not.toContain('1,234,567');
      expect(detail).toContain('王建国');
      expect(detail).toContain('北京协和医院');
      expect(detail).not.toContain(idempotencyKey);
      expect(detail).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await audit.screenshot(shot('audit-03-settlement-yuan'));
    } finally {
      page.off('response', listen);
    }
  });

  it('refuses a bad amount on 待遇标准 on its field and sends nothing', async () => {
    const schedules = new BenefitSchedulePage(page, api.baseUrl);
    await schedules.open();
    const sent: string[] = [];
    const listen = (request: { method(): string; postData(): string | null }) => {
      if (request.method() === 'POST' && /benefitScheduleSet/.test(request.postData() ?? '')) {
        sent.push(request.postData() ?? '');
      }
    };
    page.on('request', listen);
    try {
      const deductible = page.getByTestId('deductible-inService');
      await deductible.fill('1.005');
      // The calculator does not complain about the schedule's amount as if it were its own.
      expect(await page.getByTestId('calculator').innerText()).not.toContain('请检查试算金额');
      await schedules.saveSchedule('改正在职起付线');
      await page.waitForTimeout(500);
      expect(sent).toEqual([]);

      const field = page.locator('.MuiFormControl-root').filter({ has: deductible });
      expect(await field.locator('.MuiFormHelperText-root').innerText()).toBe('金额最多两位小数（分）');
      expect(await field.locator('.Mui-error').count()).toBeGreaterThan(0);
      const outcome = await schedules.outcome().innerText();
      expect(outcome).not.toContain('MONEY');
      // The refusal sits under the schedule's own save button, not under the caps section.
      expect(await page.getByTestId('caps-outcome').count()).toBe(0);
      expect(await scanForEnglish(page, 'benefit schedules')).toEqual([]);
      await schedules.screenshot(shot('audit-02-money-field'));

      // Corrected, the error goes away from the field.
      await deductible.fill('1.01');
      expect(await field.locator('.Mui-error').count()).toBe(0);
    } finally {
      page.off('request', listen);
    }
    expect(pageErrors).toEqual([]);
  });
});
