// Registering and editing a person at the counter, and revoking a relative's registration: a COUNTER clerk
// registers a new employee participant through the form (a mistyped ID number is caught while typed, a phone the
// server refuses is shown on its input), edits the phone, registers two relatives (a mistyped relative's ID number
// is said to be invalid, not "not found"), revokes one with a reason; a resident without a personal account is
// offered no 登记共济亲属; at 1366×768 the reorder arrows of the relatives tables are visible without scrolling and
// reordering asks for a reason. Every page is scanned for English words.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/LoginPage';
import { PersonFormPage } from './pages/PersonFormPage';
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
const NEW_PERSON = { name: '陈静', idNumber: '110105198507151238', mistyped: '110105198507151239' };
const WANG_XIAOMING = { name: '王小明', idNumber: '11010520120910055X', mistyped: '110105201209100551' };
const WANG_JIANGUO = { name: '王建国', idNumber: '110105195203150179' };

interface PersonState {
  id: string;
  phone: string | null;
  employmentStatus: string | null;
  realNameVerified: boolean;
  paymentPassword: { set: boolean } | null;
  beneficiaries: { beneficiary: { name: string }; relation: string }[];
  fundingSources: { provider: { name: string } }[];
}

describe('registering a person, editing them and revoking a relative at the counter', () => {
  let api: RunningApi;
  let browser: Browser | undefined;
  let token: string;
  const english: string[] = [];
  const pageErrors: string[] = [];

  const person = async (idNumber: string) =>
    (
      await graphql<{ personByIdNumber: PersonState | null }>(
        api.baseUrl,
        `
          query ($n: String!) {
            personByIdNumber(idNumber: $n) {
              id
              phone
              employmentStatus
              realNameVerified
              paymentPassword {
                set
              }
              beneficiaries {
                relation
                beneficiary {
                  name
                }
              }
              fundingSources {
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

  it('registers, edits, registers two relatives and revokes one; the tables fit 1366×768', async () => {
    // The tester's laptop: 1366×768, an English browser (the console still speaks Chinese).
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const persons = new PersonPage(page, api.baseUrl);
    const form = new PersonFormPage(page, api.baseUrl);
    try {
      const login = new LoginPage(page, api.baseUrl);
      await login.open();
      await login.signIn(COUNTER.username, COUNTER.password);
      await page.getByRole('menuitem', { name: '参保人员' }).first().waitFor();

      // 新建 from the list opens the registration form.
      await form.openCreateFromList();
      english.push(...(await scanForEnglish(page, 'person create')));
      await form.fill('name', NEW_PERSON.name);
      // A mistyped check digit is caught while typing (R-ACC-2, GB 11643) …
      await form.fill('idNumber', NEW_PERSON.mistyped);
      await eventually(async () => expect(await form.idNumberCheck().innerText()).toContain('校验码'));
      english.push(...(await scanForEnglish(page, 'person create, mistyped ID number')));
      // 保存 with it: the refusal shows once, on the field (not again in the live line below it).
      await form.save();
      await eventually(async () => expect(await form.helperText('idNumber').innerText()).toContain('校验码'));
      expect(await page.getByText(/末位校验码不符/).count()).toBe(1);
      // … the right number shows the birth date read from it.
      await form.fill('idNumber', NEW_PERSON.idNumber);
      await eventually(async () => expect(await form.idNumberCheck().innerText()).toContain('1985-07-15'));
      await form.fill('phone', '12345678901');
      await form.pickRegion('参保地', '北京', /110000/);
      await form.choose('险种', '职工医保');
      await form.choose('人员状态', '在职');
      await form.check('实名认证');
      await form.fill('reason', '新参保人员窗口登记');
      await form.save();
      // The server refuses the phone (R-ACC-2): shown on the phone input, nothing registered.
      await eventually(async () => expect(await form.helperText('phone').innerText()).toContain('R-ACC-2'));
      expect(await person(NEW_PERSON.idNumber)).toBeNull();
      english.push(...(await scanForEnglish(page, 'person create, phone refused')));
      await form.screenshot(shot('persons-01-register-refused'));

      await form.fill('phone', '13912345678');
      await form.save();
      // Outside production the initial payment password is shown once (R-ACC-7), then the person's page opens.
      const initial = page.getByTestId('initial-password');
      await initial.getByRole('dialog').waitFor();
      expect(await initial.getByTestId('initial-password-value').innerText()).toMatch(/^\d{6}$/);
      english.push(...(await scanForEnglish(page, 'initial payment password shown once')));
      await initial.getByTestId('initial-password-close').click();
      await page.waitForURL(/#\/persons\/[^/]+\/show$/);
      await persons.notification('初始支付密码已通过短信发送至 13912345678');
      await page.getByTestId('person-identity').waitFor();
      await persons.settle();
      const registered = (await person(NEW_PERSON.idNumber))!;
      expect(registered).toMatchObject({
        phone: '13912345678',
        employmentStatus: 'IN_SERVICE',
        realNameVerified: true,
        paymentPassword: { set: true },
      });
      expect(page.url()).toContain(`/persons/${registered.id}/show`);
      english.push(...(await scanForEnglish(page, 'registered person page')));
      await persons.screenshot(shot('persons-02-registered'));

      // Edit the phone.
      await page.getByTestId('person-edit-button').click();
      await page.waitForURL(/\/persons\/[^/]+$/);
      await form.input('phone').waitFor();
      await persons.settle();
      english.push(...(await scanForEnglish(page, 'person edit')));
      await form.fill('phone', '13987654321');
      await form.fill('reason', '参保人更换手机号');
      await form.save();
      await page.waitForURL(/\/show$/);
      await eventually(async () => expect((await person(NEW_PERSON.idNumber))!.phone).toBe('13987654321'));
      await page.getByTestId('person-identity').waitFor();
      await persons.settle();

      // Two relatives; a mistyped ID number is said to be invalid, not "not found" (R-ACC-2).
      let dialog = await persons.openDialog('register-relation');
      await persons.fill(dialog, 'beneficiaryIdNumber', WANG_XIAOMING.mistyped);
      await persons.choose(dialog, '亲属是本人的', '子女');
      await persons.confirm(dialog);
      await eventually(async () => {
        const text = await persons.helperText(dialog, 'beneficiaryIdNumber').innerText();
        expect(text).toContain('不是有效的身份证号');
        expect(text).not.toContain('未找到');
      });
      english.push(...(await scanForEnglish(page, 'register relation, invalid ID number')));
      await persons.fill(dialog, 'beneficiaryIdNumber', WANG_XIAOMING.idNumber);
      await persons.confirm(dialog);
      await persons.notification('共济关系已备案');
      await page.getByTestId('beneficiary-row').filter({ hasText: WANG_XIAOMING.name }).waitFor();
      dialog = await persons.openDialog('register-relation');
      await persons.fill(dialog, 'beneficiaryIdNumber', WANG_JIANGUO.idNumber);
      await persons.choose(dialog, '亲属是本人的', '父母');
      await persons.confirm(dialog);
      await page.getByTestId('beneficiary-row').filter({ hasText: WANG_JIANGUO.name }).waitFor();
      expect((await person(NEW_PERSON.idNumber))!.beneficiaries).toHaveLength(2);

      // Revoke 王小明's registration: the dialog names him and wants a reason.
      await page
        .getByTestId('beneficiary-row')
        .filter({ hasText: WANG_XIAOMING.name })
        .getByTestId('revoke-relation-button')
        .click();
      dialog = persons.dialog('revoke-relation');
      await dialog.getByRole('dialog').waitFor();
      expect(await dialog.innerText()).toContain(WANG_XIAOMING.name);
      expect(await dialog.getByTestId('revoke-relation-confirm').isDisabled()).toBe(true);
      english.push(...(await scanForEnglish(page, 'revoke relation dialog')));
      await persons.fill(dialog, 'reason', '参保人申请撤销');
      await persons.confirm(dialog);
      await persons.notification('共济关系已撤销');
      await eventually(async () =>
        expect(
          await page.getByTestId('beneficiary-row').filter({ hasText: WANG_XIAOMING.name }).count(),
        ).toBe(0),
      );
      expect((await person(NEW_PERSON.idNumber))!.beneficiaries).toEqual([
        { relation: 'PARENT', beneficiary: { name: WANG_JIANGUO.name } },
      ]);
      // … and stays on record (R-KIN-5: revoking keeps history): greyed, with the day it was revoked, no action.
      const revokedRow = page.getByTestId('beneficiary-row-revoked').filter({ hasText: WANG_XIAOMING.name });
      await eventually(async () => expect(await revokedRow.count()).toBe(1));
      expect(await revokedRow.getByTestId('relation-revoked').innerText()).toMatch(
        /^已于 \d{4}-\d{2}-\d{2} 撤销$/,
      );
      expect(await revokedRow.getByTestId('revoke-relation-button').count()).toBe(0);
      await persons.screenshot(shot('persons-03-relative-revoked'));

      // A resident has no personal account (R-ACC-1): no 登记共济亲属.
      await persons.openById((await person(WANG_XIAOMING.idNumber))!.id);
      expect(await page.getByTestId('register-relation-button').count()).toBe(0);

      // 王建国 has three funding sources now: at 1366×768 the arrows are inside the window and the card.
      const jianguo = (await person(WANG_JIANGUO.idNumber))!;
      expect(jianguo.fundingSources.length).toBe(3);
      await persons.openById(jianguo.id);
      const card = page.getByTestId('person-funding-sources');
      await card.scrollIntoViewIfNeeded();
      const cardBox = (await card.boundingBox())!;
      for (const testId of ['move-up-button', 'move-down-button', 'revoke-relation-button']) {
        const button = persons.fundingSourceRows().nth(1).getByTestId(testId);
        await button.scrollIntoViewIfNeeded();
        expect(await button.isVisible()).toBe(true);
        const box = (await button.boundingBox())!;
        expect([testId, box.x >= 0 && box.x + box.width <= 1366]).toEqual([testId, true]);
        expect([testId, box.x >= cardBox.x && box.x + box.width <= cardBox.x + cardBox.width]).toEqual([
          testId,
          true,
        ]);
      }
      const scrollsSideways = await card.evaluate((el) =>
        [...el.querySelectorAll('*')].some(
          (node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX === 'auto',
        ),
      );
      expect(scrollsSideways).toBe(false);
      await page.screenshot({ path: shot('persons-04-relatives-1366x768') });

      // Reordering asks for a reason (kinRelationsReorder.reason, audited).
      await persons.fundingSourceRows().first().getByTestId('move-down-button').click();
      dialog = persons.dialog('move-down');
      await dialog.getByRole('dialog').waitFor();
      expect(await dialog.getByTestId('move-down-confirm').isDisabled()).toBe(true);
      english.push(...(await scanForEnglish(page, 'reorder dialog')));
      await persons.fill(dialog, 'reason', '参保人申请调整使用顺序');
      await persons.confirm(dialog);
      await persons.notification('使用顺序已更新');
      await eventually(async () =>
        expect((await person(WANG_JIANGUO.idNumber))!.fundingSources[1].provider.name).toBe('王丽'),
      );
    } finally {
      await context.close();
    }
    expect(english).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
