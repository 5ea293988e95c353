// Acceptance test of issue #10, counter side: a COUNTER clerk finds a person, registers a parent (a refusal first,
// shown on the ID-number input with its rule id), reorders two providers, pre-reports a card and resets a payment
// password; an ANALYST sees masked ID numbers and no action anywhere, and typed URLs say 无权访问. Every page these
// flows visit is scanned for English words.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
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
const ANALYST = { username: 'analyst', password: 'gongji-analyst-demo' };
const ADMIN = { username: 'admin', password: 'gongji-admin-demo' };
const WANG_LI = { name: '王丽', idNumber: '110105198006010381' };
const WANG_QIANG = { name: '王强', idNumber: '110105198309090112' };
const WANG_JIANGUO = { name: '王建国', idNumber: '110105195203150179' };
const LI_XIUYING = { name: '李秀英', idNumber: '110105195411200265' };
const ZHAO_MIN = { name: '赵敏', idNumber: '370102196008080244' };

interface PersonState {
  id: string;
  fundingSources: { provider: { name: string }; position: number }[];
  beneficiaries: { beneficiary: { name: string }; relation: string }[];
  card: { state: string };
}

describe('counter and analyst in the console (issue #10)', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let token: string;
  const english: string[] = [];
  const pageErrors: string[] = [];

  const person = async (idNumber: string) =>
    (
      await graphql<{ personByIdNumber: PersonState }>(
        api.baseUrl,
        `
          query ($n: String!) {
            personByIdNumber(idNumber: $n) {
              id
              card {
                state
              }
              fundingSources {
                position
                provider {
                  name
                }
              }
              beneficiaries {
                relation
                beneficiary {
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

  async function signedIn(user: { username: string; password: string }): Promise<{
    context: BrowserContext;
    page: Page;
  }> {
    // An English browser: the console still speaks Chinese.
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const login = new LoginPage(page, api.baseUrl);
    await login.open();
    english.push(...(await scanForEnglish(page, 'login')));
    await login.signIn(user.username, user.password);
    await page.getByRole('menuitem', { name: '参保人员' }).first().waitFor();
    await new PersonPage(page, api.baseUrl).settle();
    english.push(...(await scanForEnglish(page, `${user.username} dashboard`)));
    return { context, page };
  }

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

  it('lets a COUNTER clerk find a person, register a parent, reorder providers, pre-report a card and reset a password', async () => {
    const { context, page } = await signedIn(COUNTER);
    const persons = new PersonPage(page, api.baseUrl);
    try {
      // Find by ID number, then by name.
      await persons.openSearch();
      await persons.search(WANG_QIANG.idNumber, WANG_QIANG.name);
      expect(await page.locator('tbody tr').count()).toBe(1);
      await persons.search('王', '王');
      await eventually(async () => expect(await page.locator('tbody tr').count()).toBe(4));
      await persons.screenshot(shot('counter-01-search'));
      english.push(...(await scanForEnglish(page, 'person search')));
      await persons.search(WANG_QIANG.idNumber, WANG_QIANG.name);
      await persons.openRow(WANG_QIANG.name);
      english.push(...(await scanForEnglish(page, 'person page')));

      // Register a parent: a relative in another province is refused on the ID-number input (R-KIN-2) …
      let dialog = await persons.openDialog('register-relation');
      await persons.fill(dialog, 'beneficiaryIdNumber', ZHAO_MIN.idNumber);
      await persons.choose(dialog, '亲属是本人的', '父母');
      await persons.confirm(dialog);
      await eventually(async () =>
        expect(await persons.helperText(dialog, 'beneficiaryIdNumber').innerText()).toContain('R-KIN-2'),
      );
      english.push(...(await scanForEnglish(page, 'register relation refused')));
      await persons.screenshot(shot('counter-02-register-refused'));
      // … then the mother is registered.
      await persons.fill(dialog, 'beneficiaryIdNumber', LI_XIUYING.idNumber);
      await persons.confirm(dialog);
      await persons.notification('共济关系已备案');
      await page.getByTestId('beneficiary-row').filter({ hasText: LI_XIUYING.name }).waitFor();
      await persons.screenshot(shot('counter-03-parent-registered'));
      const registered = await person(WANG_QIANG.idNumber);
      expect(registered.beneficiaries).toContainEqual({
        relation: 'PARENT',
        beneficiary: { name: LI_XIUYING.name },
      });

      // Reorder the two providers of 王建国 (王丽, then 王强) with the arrow buttons.
      const jianguo = await person(WANG_JIANGUO.idNumber);
      expect(jianguo.fundingSources.map((s) => s.provider.name)).toEqual(['王丽', '王强']);
      await persons.openById(jianguo.id);
      await persons.fundingSourceRows().first().getByTestId('move-down-button').click();
      dialog = persons.dialog('move-down');
      await dialog.getByRole('dialog').waitFor();
      await persons.fill(dialog, 'reason', '参保人申请调整使用顺序');
      await persons.confirm(dialog);
      await persons.notification('使用顺序已更新');
      await eventually(async () =>
        expect(await persons.fundingSourceRows().first().innerText()).toContain('王强'),
      );
      expect((await person(WANG_JIANGUO.idNumber)).fundingSources.map((s) => s.provider.name)).toEqual([
        '王强',
        '王丽',
      ]);
      await persons.screenshot(shot('counter-04-reordered'));

      // Pre-report the card (R-CARD-1).
      dialog = await persons.openDialog('card-pre-report');
      english.push(...(await scanForEnglish(page, 'pre-report dialog')));
      await persons.confirm(dialog);
      await persons.notification(/已预挂失，有效期至 \d{4}-\d{2}-\d{2}/);
      await eventually(async () => expect(await persons.cardState().innerText()).toContain('预挂失'));
      expect((await person(WANG_JIANGUO.idNumber)).card.state).toBe('PRE_REPORTED');
      await persons.screenshot(shot('counter-05-card-pre-reported'));
      english.push(...(await scanForEnglish(page, 'person page after pre-report')));

      // Reset the payment password: a wrong ID number is refused on its input (R-ACC-2), the right one succeeds.
      dialog = await persons.openDialog('password-reset');
      await persons.fill(dialog, 'identityCheck.idNumber', WANG_QIANG.idNumber);
      await persons.fill(dialog, 'reason', '本人持身份证到窗口申请重置');
      await persons.confirm(dialog);
      await eventually(async () =>
        expect(await persons.helperText(dialog, 'identityCheck.idNumber').innerText()).toContain('R-ACC-2'),
      );
      english.push(...(await scanForEnglish(page, 'password reset refused')));
      await persons.fill(dialog, 'identityCheck.idNumber', WANG_JIANGUO.idNumber);
      await persons.confirm(dialog);
      const revealed = dialog.getByTestId('revealed-value');
      await revealed.waitFor();
      expect(await revealed.innerText()).toMatch(/^\d{6}$/);
      english.push(...(await scanForEnglish(page, 'password reset done')));
      await persons.screenshot(shot('counter-06-password-reset'));
      await dialog.getByRole('button', { name: '关闭' }).click();

      // The clerk has no policy pages: not in the menu, and a typed URL says so.
      expect(await page.getByRole('menuitem', { name: '政策设置' }).count()).toBe(0);
      expect(await page.getByRole('menuitem', { name: '接口客户端' }).count()).toBe(0);
      for (const route of ['/kinship-scopes', '/kinship-scopes/create', '/api-clients', '/regions/110000']) {
        await page.goto(`${api.baseUrl}/admin/#${route}`);
        await page.getByTestId('access-denied').waitFor();
        expect(await page.getByText('无权访问').count()).toBeGreaterThan(0);
        expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
      }
      await persons.screenshot(shot('counter-07-no-access'));
      english.push(...(await scanForEnglish(page, 'access denied')));
    } finally {
      await context.close();
    }
  });

  it('shows an ANALYST masked ID numbers and no edit, create or delete action anywhere', async () => {
    const { context, page } = await signedIn(ANALYST);
    const persons = new PersonPage(page, api.baseUrl);
    const noActions = async (where: string) => {
      for (const name of [
        '编辑',
        '新建',
        '创建',
        '删除',
        '保存',
        '登记共济亲属',
        '预挂失',
        '重置密码',
        '撤销结算',
      ]) {
        expect([where, name, await page.getByRole('button', { name }).count()]).toEqual([where, name, 0]);
      }
      expect([
        where,
        await page.locator('[data-testid$="-button"], [data-testid="move-up"]').count(),
      ]).toEqual([where, 0]);
    };
    try {
      await persons.openSearch();
      await persons.search(WANG_JIANGUO.idNumber, '110105********0179');
      const row = await page.locator('tbody tr').first().innerText();
      expect(row).toContain('110105********0179');
      expect(row).not.toContain(WANG_JIANGUO.idNumber);
      expect(row).not.toContain(WANG_JIANGUO.name);
      await noActions('person search');
      english.push(...(await scanForEnglish(page, 'analyst person search')));
      await persons.screenshot(shot('analyst-01-search-masked'));
      await persons.openRow('王*');
      expect(await page.getByTestId('person-id-number').innerText()).toContain('110105********0179');
      expect(await page.getByTestId('person-password').count()).toBe(0);
      await noActions('person page');
      english.push(...(await scanForEnglish(page, 'analyst person page')));
      await persons.screenshot(shot('analyst-02-person-masked'));

      await page.goto(`${api.baseUrl}/admin/#/regions`);
      await page.locator('tbody tr').first().waitFor();
      await persons.settle();
      await noActions('regions');
      english.push(...(await scanForEnglish(page, 'analyst regions')));
      await page.goto(`${api.baseUrl}/admin/#/transactions`);
      await page.locator('input[name="personId"]').waitFor();
      await persons.settle();
      await noActions('transactions');
      english.push(...(await scanForEnglish(page, 'analyst transactions')));
      await persons.screenshot(shot('analyst-03-transactions'));
      for (const route of ['/regions/110000', '/kinship-scopes', '/api-clients/create', '/persons/create']) {
        await page.goto(`${api.baseUrl}/admin/#${route}`);
        await page.getByTestId('access-denied').waitFor();
        expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
      }
      await persons.screenshot(shot('analyst-04-no-access'));
    } finally {
      await context.close();
    }
  });

  it('lets a COUNTER clerk cancel a settlement after confirming, with the ledger showing its postings (R-USE-5)', async () => {
    const patient = (
      await graphql<{ personByIdNumber: { id: string; hospitals: { id: string }[] } }>(
        api.baseUrl,
        'query ($n: String!) { personByIdNumber(idNumber: $n) { id hospitals { id } } }',
        { n: WANG_LI.idNumber },
        token,
      )
    ).personByIdNumber;
    const transactionId = await settleToday(api.baseUrl, token, {
      patientId: patient.id,
      institutionId: patient.hospitals[0].id,
      covered: '300.00',
      idempotencyKey: `e2e-cancel-${Date.now()}`,
    });

    const { context, page } = await signedIn(COUNTER);
    const persons = new PersonPage(page, api.baseUrl);
    try {
      await page.goto(`${api.baseUrl}/admin/#/transactions`);
      await page.locator('tbody tr').filter({ hasText: '医疗费用结算' }).first().waitFor();
      await persons.settle();
      english.push(...(await scanForEnglish(page, 'transactions list')));
      await page.goto(`${api.baseUrl}/admin/#/transactions/${transactionId}/show`);
      await page.getByTestId('postings').waitFor();
      await persons.settle();
      english.push(...(await scanForEnglish(page, 'transaction page')));
      // Whose pocket each posting moved, by name.
      await eventually(async () =>
        expect(await page.getByTestId('posting-owner').first().innerText()).toContain(`${WANG_LI.name}：`),
      );
      await persons.screenshot(shot('counter-08-transaction'));
      const dialog = await persons.openDialog('settlement-cancel');
      // Like every counter action, a cancellation asks why (kept in the audit log).
      expect(await dialog.getByTestId('settlement-cancel-confirm').isDisabled()).toBe(true);
      await persons.fill(dialog, 'reason', '收费项目录入错误');
      await persons.confirm(dialog);
      await persons.notification('结算已撤销');
      await page.getByText('已撤销').first().waitFor();
      const after = await graphql<{ transaction: { status: string } }>(
        api.baseUrl,
        'query ($id: ID!) { transaction(id: $id) { status } }',
        { id: transactionId },
        token,
      );
      expect(after.transaction.status).toBe('CANCELLED');
      const audited = await graphql<{
        auditLog: { edges: { node: { action: string; reason: string | null } }[] };
      }>(
        api.baseUrl,
        'query ($f: AuditLogFilter) { auditLog(filter: $f, first: 10) { edges { node { action reason } } } }',
        { f: { action: 'settlementCancel' } },
        await signIn(api.baseUrl, ADMIN.username, ADMIN.password),
      );
      expect(audited.auditLog.edges.map((e) => e.node)).toContainEqual({
        action: 'settlementCancel',
        reason: '收费项目录入错误',
      });
      expect(await page.getByTestId('settlement-cancel-button').count()).toBe(0);
      await persons.screenshot(shot('counter-09-settlement-cancelled'));
    } finally {
      await context.close();
    }
  });

  it('refunds a corrected amount in the same dialog after a refusal, then offers no cancellation (R-USE-5)', async () => {
    const patient = (
      await graphql<{ personByIdNumber: { id: string; hospitals: { id: string }[] } }>(
        api.baseUrl,
        'query ($n: String!) { personByIdNumber(idNumber: $n) { id hospitals { id } } }',
        { n: WANG_LI.idNumber },
        token,
      )
    ).personByIdNumber;
    const transactionId = await settleToday(api.baseUrl, token, {
      patientId: patient.id,
      institutionId: patient.hospitals[0].id,
      covered: '300.00',
      idempotencyKey: `e2e-refund-${Date.now()}`,
    });

    const { context, page } = await signedIn(COUNTER);
    const persons = new PersonPage(page, api.baseUrl);
    try {
      await page.goto(`${api.baseUrl}/admin/#/transactions/${transactionId}/show`);
      await page.getByTestId('postings').waitFor();
      await persons.settle();
      const dialog = await persons.openDialog('refund-issue');
      await persons.fill(dialog, 'reason', '退回未使用的药品');
      // Too much: refused under the amount.
      await persons.fill(dialog, 'amount', '99999.00');
      await persons.confirm(dialog);
      await persons.helperText(dialog, 'amount').filter({ hasText: '可退' }).waitFor();
      // Corrected in the same dialog: a new request with a new idempotency key, so it goes through.
      await persons.fill(dialog, 'amount', '100.00');
      await persons.confirm(dialog);
      await persons.notification(/退费已完成.*200\.00 元可退/);
      await dialog.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await page.getByText(/幂等/).count()).toBe(0);
      const after = await graphql<{ transaction: { status: string } }>(
        api.baseUrl,
        'query ($id: ID!) { transaction(id: $id) { status } }',
        { id: transactionId },
        token,
      );
      expect(after.transaction.status).toBe('PARTIALLY_REFUNDED');
      // Partly refunded: no whole cancellation (it would be refused), and the page says why.
      await page.getByText('部分退费').first().waitFor();
      await expect(page.getByTestId('settlement-cancel-button').isDisabled()).resolves.toBe(true);
      await expect(
        page.getByTestId('settlement-cancel-blocked').getAttribute('aria-label'),
      ).resolves.toContain('不能再整笔撤销');
      await expect(page.getByTestId('refund-issue-button').isEnabled()).resolves.toBe(true);
      await expect(page.getByTestId('settlement-cancel-why').innerText()).resolves.toContain('不能整笔撤销');
      // The settlement says what was refunded and what is left (Transaction.refunded/refundable, R-USE-5).
      const refundState = page.getByTestId('refund-state');
      await refundState.filter({ hasText: '100.00' }).waitFor();
      expect(await refundState.innerText()).toMatch(/已退金额[\s\S]*100\.00[\s\S]*尚可退金额[\s\S]*200\.00/);
      english.push(...(await scanForEnglish(page, 'partly refunded settlement')));
      await persons.screenshot(shot('counter-10-partly-refunded'));
    } finally {
      await context.close();
    }
  });

  it('lets an ADMIN create an API client and see its key once, then rotate it', async () => {
    const { context, page } = await signedIn(ADMIN);
    const persons = new PersonPage(page, api.baseUrl);
    try {
      await page.goto(`${api.baseUrl}/admin/#/api-clients/create`);
      await page.locator('input[name="name"]').fill('协和医院收费系统');
      // A settlement client is bound to the institution it settles at (API.md PORTAL), by national code here.
      await page.locator('input[name="institutionId"]').fill('H11010100001');
      await page.getByLabel('结算', { exact: true }).check();
      english.push(...(await scanForEnglish(page, 'api client create')));
      await page.locator('form button[type="submit"]').click();
      const key = page.getByTestId('api-key-dialog').getByTestId('revealed-value');
      await key.waitFor();
      expect(await key.innerText()).toMatch(/^gj_[0-9a-f]+_/);
      await persons.screenshot(shot('admin-01-api-key-once'));
      await page.getByRole('button', { name: '我已保存密钥' }).click();
      const row = page.locator('tbody tr').filter({ hasText: '协和医院收费系统' });
      await row.waitFor();
      await persons.settle();
      english.push(...(await scanForEnglish(page, 'api client list')));
      await row.click();
      const dialog = await persons.openDialog('api-client-rotate');
      await persons.fill(dialog, 'reason', '密钥疑似泄露');
      await persons.confirm(dialog);
      await page.getByTestId('api-key-dialog').getByTestId('revealed-value').waitFor();
      await persons.screenshot(shot('admin-02-api-key-rotated'));
      english.push(...(await scanForEnglish(page, 'api client rotated')));
    } finally {
      await context.close();
    }
  });

  it('finds a person’s transactions by ID number, with the person column, and says when nobody has the number', async () => {
    const jianguo = await person(WANG_JIANGUO.idNumber);
    const ledger = (
      await graphql<{
        transactions: { totalCount: number; edges: { node: { person: { id: string } | null } }[] };
      }>(
        api.baseUrl,
        'query ($f: TransactionFilter) { transactions(filter: $f, first: 25) { totalCount edges { node { person { id } } } } }',
        { f: { personId: jianguo.id } },
        token,
      )
    ).transactions;
    expect(ledger.totalCount).toBeGreaterThan(0);
    const own = ledger.edges.filter((edge) => edge.node.person?.id === jianguo.id).length;

    const { context, page } = await signedIn(COUNTER);
    const persons = new PersonPage(page, api.baseUrl);
    try {
      await page.goto(`${api.baseUrl}/admin/#/transactions`);
      await page.locator('tbody tr').first().waitFor();
      await page.getByLabel('身份证号或人员编号').fill(WANG_JIANGUO.idNumber);
      const notice = page.getByTestId('person-filter-notice');
      await notice.filter({ hasText: `${WANG_JIANGUO.name}（${WANG_JIANGUO.idNumber}）` }).waitFor();
      await eventually(async () =>
        expect(await page.locator('tbody tr').count()).toBe(Math.min(ledger.totalCount, 25)),
      );
      const personCells = page.locator('tbody tr').getByTestId('transaction-person');
      await eventually(async () =>
        expect(
          (await personCells.allInnerTexts()).filter(
            (text) => text.includes(WANG_JIANGUO.name) && text.includes(WANG_JIANGUO.idNumber),
          ).length,
        ).toBe(own),
      );
      expect(await page.getByRole('columnheader', { name: '参保人' }).count()).toBe(1);
      await persons.settle();
      english.push(...(await scanForEnglish(page, 'transactions by ID number')));
      await persons.screenshot(shot('counter-11-transactions-by-id-number'));

      // A well-formed ID number nobody has: said in so many words, not an empty "no results".
      await page.getByLabel('身份证号或人员编号').fill('110105199001011232');
      await notice.filter({ hasText: '没有身份证号为 110105199001011232 的参保人' }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(0);
      english.push(...(await scanForEnglish(page, 'transactions, unknown ID number')));
    } finally {
      await context.close();
    }
  });

  it('has no English words on any page these flows visited', () => {
    expect(english).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
