import { makeIdNumber } from '@gongji/domain/testing';
import { randomUUID } from 'node:crypto';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { ANALYST_ID_LOOKUPS_PER_HOUR } from '../modules/person/person.service';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REORDER, type KinUserError, demoIds } from './kin-helpers';
import { portal } from './wallet.helpers';
import { ENGLISH, expectChinese, NO_HEADER, type TopLevelError, type UserErrorOut } from './language.helpers';

const SCHEDULE = `mutation($i: BenefitScheduleSetInput!) { benefitScheduleSet(input: $i) {
  setting { id } userErrors { code message field rule } } }`;
const SCOPE = `mutation($i: KinshipScopeSetInput!) { kinshipScopeSet(input: $i) {
  setting { id } userErrors { code message field rule } } }`;
const REGION_UPDATE = `mutation($i: RegionUpdateInput!) { regionUpdate(input: $i) {
  region { code } userErrors { code message field rule } } }`;
const PAY = `mutation($i: PremiumPayInput!) { premiumPay(input: $i) { userErrors { code message } } }`;
const PRODUCT = 'BJ-PUHUI-2026';

/**
 * Issue #9, follow-up (black-box reports audit-p #5, audit-w #9): where the English text of a refusal names its
 * specifics (a number, a code, a date, ids, a product), the Chinese default named none (`政策设置无效`, `未找到该记录`,
 * `请求过于频繁，请稍后重试`, `无权执行此操作`). Each refusal below is asked once without Accept-Language and once in
 * English: the Chinese text is Chinese and carries the same specifics; the English text is the one it always was.
 */
describe(`Chinese refusals say as much as the English ones (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    ids = await demoIds(app);
  });
  afterAll(async () => app?.close());

  /** The userErrors of `field` of a mutation in Chinese (no header) and in English. */
  async function refusals(
    query: string,
    variables: Record<string, unknown>,
    field: string,
    token: string = admin,
  ): Promise<{ zh: UserErrorOut[]; en: UserErrorOut[] }> {
    const zh = await app.gql<Record<string, { userErrors: UserErrorOut[] }>>(
      query,
      variables,
      token,
      NO_HEADER,
    );
    const en = await app.gql<Record<string, { userErrors: UserErrorOut[] }>>(
      query,
      variables,
      token,
      ENGLISH,
    );
    expect(zh.errors).toBeUndefined();
    const [z, e] = [zh.data![field].userErrors, en.data![field].userErrors];
    expect(z.map(({ message: _m, ...rest }) => rest)).toEqual(e.map(({ message: _m, ...rest }) => rest));
    return { zh: z, en: e };
  }

  /** The first top-level error of a request in Chinese (no header) and in English, with the same extensions. */
  async function topLevel(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ zh: TopLevelError; en: TopLevelError }> {
    const zh = (await app.gql(query, variables, token, NO_HEADER)).errors?.[0] as TopLevelError;
    const en = (await app.gql(query, variables, token, ENGLISH)).errors?.[0] as TopLevelError;
    expect(zh).toBeDefined();
    expect(zh.extensions?.['code']).toBe(en.extensions?.['code']);
    return { zh, en };
  }

  it('benefitScheduleSet: a fund rate out of range names the field, the bounds and the rate (R-SET-1)', async () => {
    const terms = (fundRate: number) => ({ deductible: '1500.00', fundRate });
    const { zh, en } = await refusals(
      SCHEDULE,
      {
        i: {
          regionCode: '110000',
          effectiveFrom: '2031-01-01',
          levels: ['TERTIARY'],
          outpatient: { inService: terms(12000), retiredUnder70: terms(7000), retired70Plus: terms(8000) },
        },
      },
      'benefitScheduleSet',
    );
    expect(zh).toEqual([
      expect.objectContaining({
        code: 'INVALID_SETTING',
        rule: 'R-SET-1',
        field: ['outpatient', 'TERTIARY', 'inService', 'fundRate'],
      }),
    ]);
    expect(zh[0].message).toBe(
      '政策设置无效：outpatient.TERTIARY.inService.fundRate 应在0–10000个基点之间，实际为12000（R-SET-1）',
    );
    expect(en[0].message).toBe(
      'outpatient.TERTIARY.inService.fundRate must be 0–10000 basis points, got 12000 (R-SET-1)',
    );
  });

  it('benefitScheduleSet: a past effectiveFrom without a reason names the date (REASON_REQUIRED)', async () => {
    const { zh, en } = await refusals(
      SCHEDULE,
      { i: { regionCode: '110000', effectiveFrom: '2026-01-01', pharmacyFundRate: 5000 } },
      'benefitScheduleSet',
    );
    expect(zh).toEqual([expect.objectContaining({ code: 'REASON_REQUIRED', field: ['reason'] })]);
    expect(zh[0].message).toContain('2026-01-01');
    expect(zh[0].message).toContain('须填写原因');
    expectChinese(zh[0].message);
    expect(zh[0].message).not.toContain('effectiveFrom');
    expect(en[0].message).toBe(
      'effectiveFrom 2026-01-01 is in the past: changing what applied then is a correction and needs a reason',
    );
  });

  it('benefitScheduleSet that sets nothing is INVALID_SETTING, and no setting or audit row is added', async () => {
    const settings = async () => (await app.db.query('SELECT COUNT(*) AS n FROM policy_settings'))[0].n;
    const before = await settings();
    const { zh, en } = await refusals(
      SCHEDULE,
      { i: { regionCode: '110000', effectiveFrom: '2031-01-01', levels: [] } },
      'benefitScheduleSet',
    );
    expect(zh).toEqual([expect.objectContaining({ code: 'INVALID_SETTING', field: ['outpatient'] })]);
    expect(zh[0].message).toContain('没有要设置的内容');
    expect(en[0].message).toMatch(/^Nothing to set/);
    expect(await settings()).toEqual(before);
  });

  it('regionUpdate and kinshipScopeSet: an unknown region code is named (NOT_FOUND)', async () => {
    const update = await refusals(REGION_UPDATE, { i: { code: '999999', name: '不存在' } }, 'regionUpdate');
    expect(update.zh).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['code'] })]);
    expect(update.zh[0].message).toBe('未找到行政区划代码为“999999”的地区');
    expect(update.en[0].message).toBe('No region with code "999999"');

    const scope = await refusals(
      SCOPE,
      { i: { regionCode: '999999', purpose: 'MEDICAL', relations: ['SPOUSE'], effectiveFrom: '2031-01-01' } },
      'kinshipScopeSet',
    );
    expect(scope.zh).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['regionCode'] })]);
    expect(scope.zh[0].message).toBe('未找到行政区划代码为“999999”的地区');
    expect(scope.en[0].message).toBe('No region with code "999999"');
  });

  it('kinRelationsReorder: a list that is not a permutation names the missing provider (R-KIN-5)', async () => {
    const counter = await app.login('counter');
    const { zh, en } = await refusals(
      KIN_REORDER,
      { input: { beneficiaryId: ids['王建国'], providerIds: [ids['王丽']] } },
      'kinRelationsReorder',
      counter,
    );
    expect(zh).toEqual([
      expect.objectContaining<Partial<KinUserError>>({ code: 'NOT_A_PERMUTATION', rule: 'R-KIN-5' }),
    ]);
    // R-KIN-5 (tester finding): staff read the persons, so the provider is named, not given by id.
    expect(zh[0].message).toBe('新顺序必须恰好列出每位有效共济人一次（缺少王强）（R-KIN-5）');
    expect(en[0].message).toBe(
      'The new order must list each active provider exactly once (missing 王强) (R-KIN-5)',
    );
  });

  it("RATE_LIMITED: the analyst's hourly look-ups by full ID number name the limit and the wait", async () => {
    const analyst = await app.login('analyst');
    const lookups = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: personByIdNumber(idNumber: "${makeIdNumber('110105', '1952-03-15', 100 + i)}") { name }`).join(' ')} }`;
    for (let done = 0; done < ANALYST_ID_LOOKUPS_PER_HOUR; done += 10) {
      expect((await app.gql(lookups(10), {}, analyst)).errors).toBeUndefined();
    }
    const { zh, en } = await topLevel(lookups(1), {}, analyst);
    expect(zh.extensions?.['code']).toBe('RATE_LIMITED');
    const wait = zh.extensions?.['retryAfterSeconds'] as number;
    expect(wait).toBeGreaterThan(0);
    expect(zh.message).toMatch(
      new RegExp(
        `^请求过于频繁：分析人员每小时最多按完整身份证号查询${ANALYST_ID_LOOKUPS_PER_HOUR}次，请于\\d+秒后重试$`,
      ),
    );
    expectChinese(zh.message);
    expect(en.message).toMatch(
      new RegExp(
        `^Analysts may look persons up by full ID number ${ANALYST_ID_LOOKUPS_PER_HOUR} times an hour; retry in \\d+ s$`,
      ),
    );
  });

  it("FORBIDDEN: a portal's product, and `on` for staff only, are named", async () => {
    const key = await portal(app, ['premium:write'], { product: PRODUCT });
    const input = {
      payerId: ids['王建国'],
      insuredId: ids['王建国'],
      insuredIdNumber: '110105195203150179',
      product: 'OTHER',
      amount: '10.00',
      idempotencyKey: `zh-details-${randomUUID()}`,
    };
    const product = await topLevel(PAY, { i: input }, key);
    expect(product.zh.extensions?.['code']).toBe('FORBIDDEN');
    expect(product.zh.message).toBe('无权执行此操作（本接入机构只能为“BJ-PUHUI-2026”收取保费）');
    expect(product.en.message).toBe('This portal charges premiums for BJ-PUHUI-2026 only');

    const dated = await topLevel(PAY, { i: { ...input, product: PRODUCT, on: '2025-01-01' } }, key);
    expect(dated.zh.extensions?.['code']).toBe('FORBIDDEN');
    expect(dated.zh.message).toBe(
      '无权执行此操作（只有经办人员（系统管理员、柜台工作人员）可以指定业务日期 on，接入机构按当日办理）',
    );
    expect(dated.en.message).toBe('Only staff (ADMIN, COUNTER) may set `on`; portals act on today’s date');
  });

  it('BAD_USER_INPUT: a crediting batch that is too long names the maximum', async () => {
    const rows = Array.from({ length: 1001 }, () => ({ personId: ids['王建国'], amount: '1.00' }));
    const { zh, en } = await topLevel(
      'mutation($i: ContributionsCreditInput!) { contributionsCredit(input: $i) { userErrors { code } } }',
      { i: { month: '2025-01', rows } },
      admin,
    );
    expect(zh.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(en.message).toMatch(/^At most (\d+) rows per batch$/);
    const max = /^At most (\d+)/.exec(en.message)![1];
    expect(zh.message).toBe(`请求参数无效：每批最多${max}行`);
  });

  it('INVALID_SETTING of other settings: hospital selection names the bounds and the value', async () => {
    const hospitals = await refusals(
      `mutation($i: HospitalSelectionRulesSetInput!) { hospitalSelectionRulesSet(input: $i) {
        userErrors { code message field rule } } }`,
      { i: { effectiveFrom: '2031-01-01', maxChosenHospitals: 21 } },
      'hospitalSelectionRulesSet',
    );
    expect(hospitals.zh[0].message).toBe(
      '政策设置无效：maxChosenHospitals 须为1至20之间的整数，实际为21（R-USE-1）',
    );
    expect(hospitals.en[0].message).toBe(
      'maxChosenHospitals must be a whole number from 1 to 20, got 21 (R-USE-1)',
    );
  });
});
